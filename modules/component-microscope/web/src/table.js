// The weights table as the prompt grows: which of the rows on screen can stay.

/**
 * How many rows of the table on screen still hold for a new report: the same layer and head, the same tokens up to
 * each row, and the same weights in it. Attention is causal, so a prompt that grows leaves the earlier rows as they
 * were; the weights are compared all the same, so a row is kept only when every number in it is unchanged.
 *
 * @param shown  what the table shows ({layer, head, ids, matrix}), or undefined
 * @param ids    the new report's token ids; matrix its weights of that layer and head ([query][key])
 */
export function keptRows(shown, layer, head, ids, matrix) {
  if (!shown || shown.layer !== layer || shown.head !== head) return 0;
  const n = Math.min(shown.ids.length, ids.length);
  let q = 0;
  for (; q < n && shown.ids[q] === ids[q]; q++) {
    const before = shown.matrix[q];
    const now = matrix[q];
    let k = 0;
    while (k <= q && before[k] === now[k]) k++;
    if (k <= q) break;
  }
  return q;
}
