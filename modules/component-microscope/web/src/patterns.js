// Labels an attention head by the pattern its causal attention matrix shows. Pure: no DOM, no three.js.
//
// A matrix is T rows (queries) × T columns (keys); row q is a distribution over keys 0..q (causal mask),
// so row 0 always puts all its weight on token 0 and says nothing; rows from 1 on are read.
//
// Scores, each a mean over the rows that can tell the patterns apart:
//   previous  weight on key q-1            (rows q >= 2, so that "previous" and "first" differ; row 1 when T = 2)
//   first     weight on key 0              (rows q >= 2, likewise)
//   self      weight on key q (diagonal)   (rows q >= 1)
//   broad     normalized entropy H(row) / ln(q+1): 1 for a uniform row, 0 for a one-hot row (rows q >= 1)
// The label is the strongest of previous / first / self when its mean weight reaches DOMINANT; else
// "broad" when the rows are near-uniform (entropy >= BROAD); else "mixed".

export const PATTERNS = Object.freeze(['previous-token', 'first-token', 'self', 'broad', 'mixed', 'single-token']);

export const PATTERN_NAMES = Object.freeze({
  'previous-token': 'Previous token',
  'first-token': 'First token (BOS)',
  self: 'Self (diagonal)',
  broad: 'Broad / uniform',
  mixed: 'Mixed',
  'single-token': 'Single token',
});

export const DOMINANT = 0.5;
export const BROAD = 0.85;
const ROW_SUM_TOLERANCE = 1e-3;

/** Throws a clear error unless `matrix` is a square causal attention matrix with rows summing to 1. */
export function checkAttentionMatrix(matrix) {
  if (!Array.isArray(matrix) || matrix.length === 0) throw new Error('an attention matrix has at least one row');
  const t = matrix.length;
  matrix.forEach((row, q) => {
    if (!Array.isArray(row) || row.length !== t) throw new Error(`row ${q} has ${row?.length} values; expected ${t}`);
    let sum = 0;
    row.forEach((w, k) => {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new Error(`weight [${q}][${k}] is not a non-negative number`);
      if (k > q && w > ROW_SUM_TOLERANCE) throw new Error(`weight [${q}][${k}] looks ahead of the query (causal mask)`);
      sum += w;
    });
    if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) throw new Error(`row ${q} sums to ${sum.toFixed(4)}, not 1`);
  });
}

/** The pattern scores of a causal attention matrix (see the header). */
export function patternScores(matrix) {
  checkAttentionMatrix(matrix);
  const t = matrix.length;
  if (t === 1) return { previous: 0, first: 1, self: 1, broad: 0 };
  const from = t >= 3 ? 2 : 1;
  let previous = 0;
  let first = 0;
  for (let q = from; q < t; q++) {
    previous += matrix[q][q - 1];
    first += matrix[q][0];
  }
  let self = 0;
  let broad = 0;
  for (let q = 1; q < t; q++) {
    self += matrix[q][q];
    let h = 0;
    for (let k = 0; k <= q; k++) {
      const w = matrix[q][k];
      if (w > 0) h -= w * Math.log(w);
    }
    broad += h / Math.log(q + 1);
  }
  const n = t - from;
  return { previous: previous / n, first: first / n, self: self / (t - 1), broad: broad / (t - 1) };
}

/**
 * @returns {{label: string, name: string, score: number, scores: object}} the pattern, its display name and the
 *   score that decided it (mean weight, or mean normalized entropy for "broad")
 */
export function classifyPattern(matrix) {
  const scores = patternScores(matrix);
  const result = (label, score) => ({ label, name: PATTERN_NAMES[label], score, scores });
  if (matrix.length === 1) return result('single-token', 1);
  const candidates = [['previous-token', scores.previous], ['first-token', scores.first], ['self', scores.self]];
  candidates.sort((a, b) => b[1] - a[1]);
  const [label, score] = candidates[0];
  if (score >= DOMINANT) return result(label, score);
  if (scores.broad >= BROAD) return result('broad', scores.broad);
  return result('mixed', score);
}

/** The `count` strongest links (query → key) of a matrix, strongest first: [{query, key, weight}]. */
export function strongestLinks(matrix, count = 3, query = null) {
  const links = [];
  matrix.forEach((row, q) => {
    if (query !== null && q !== query) return;
    row.forEach((w, k) => { if (k <= q) links.push({ query: q, key: k, weight: w }); });
  });
  links.sort((a, b) => b.weight - a.weight || a.query - b.query || a.key - b.key);
  return links.slice(0, count);
}
