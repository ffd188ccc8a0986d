// The two GraphQL operations the module declares in its manifest (module.json), by name.
export const OPERATIONS = Object.freeze({ microscope: 'Microscope', neuronAtlas: 'NeuronAtlas' });

export const EXAMPLES = Object.freeze([
  'The jury said it did find that the jury had been charged by the court.',
  'She opened the door and looked at the door again.',
  'In the morning the city was quiet, and in the evening the city was loud.',
  'He said that he would go home.',
]);

/** Fetches the microscope report; resolves to {report, status, errors}. */
export async function fetchReport(host, { prompt, layer, head, position, top = 5 }, phases = {}) {
  const input = { prompt, head, top };
  if (layer !== null && layer !== undefined) input.layer = layer;
  if (position !== null && position !== undefined) input.position = position;
  const t0 = performance.now();
  const data = await host.graphql(OPERATIONS.microscope, { input });
  const t1 = performance.now();
  const payload = data.microscope;
  const report = payload.microscope && readReport(payload.microscope);
  phases.graphql = t1 - t0;
  phases.decode = performance.now() - t1;
  return { report, status: payload.referenceModel, errors: payload.userErrors };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The numbers of a PackedTensor ({shape, float32}: IEEE-754 float32, little-endian, row-major, base64), checked
 * against its shape. The values are the model's float32 numbers exactly.
 */
export function unpackFloats(tensor) {
  const count = tensor.shape.reduce((a, b) => a * b, 1);
  let bytes;
  if (typeof Uint8Array.fromBase64 === 'function') {
    bytes = Uint8Array.fromBase64(tensor.float32);
  } else {
    const text = atob(tensor.float32);
    bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  }
  if (bytes.length !== count * 4) throw new Error(`a packed tensor of shape [${tensor.shape}] has ${bytes.length} bytes, not ${count * 4}`);
  if (LITTLE_ENDIAN) return new Float32Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  return Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}

/** Rows of `cols` plain numbers from `values`, starting at `offset`. */
function rows(values, offset, count, cols) {
  const out = new Array(count);
  for (let r = 0; r < count; r++) {
    const row = new Array(cols);
    const base = offset + r * cols;
    for (let c = 0; c < cols; c++) row[c] = values[base + c];
    out[r] = row;
  }
  return out;
}

/**
 * The report as the views read it, from the answer to the module's document: the packed attention (every layer ×
 * head) and the focus keys and values unpacked into plain arrays ([{layer, head, weights}], [token][i]).
 */
export function readReport(raw) {
  const { packedAttention, ...report } = raw;
  const [layers, heads, t, t2] = packedAttention.shape;
  if (t !== t2 || t !== raw.tokens.length) throw new Error(`packed attention of shape [${packedAttention.shape}] for ${raw.tokens.length} tokens`);
  const weights = unpackFloats(packedAttention);
  report.attention = [];
  for (let l = 0; l < layers; l++) {
    for (let h = 0; h < heads; h++) report.attention.push({ layer: l, head: h, weights: rows(weights, (l * heads + h) * t * t, t, t) });
  }
  const { packedKeys, packedValues, ...focus } = raw.focus;
  focus.keys = rows(unpackFloats(packedKeys), 0, packedKeys.shape[0], packedKeys.shape[1]);
  focus.values = rows(unpackFloats(packedValues), 0, packedValues.shape[0], packedValues.shape[1]);
  report.focus = focus;
  return report;
}

export async function fetchNeuronAtlas(host, { layer, neuron, snippets = 5 }) {
  const data = await host.graphql(OPERATIONS.neuronAtlas, { input: { layer, neuron, snippets } });
  const payload = data.neuronAtlas;
  return { atlas: payload.neuronAtlas, status: payload.referenceModel, errors: payload.userErrors };
}

/** The attention matrix of one layer and head from a report. */
export function attentionOf(report, layer, head) {
  return report.attention.find((a) => a.layer === layer && a.head === head)?.weights;
}

/** A token's text as a person reads it (spaces and line breaks made visible). */
export function showToken(text) {
  return text.replace(/\n/g, '⏎').replace(/^ /, '·').replace(/\t/g, '⇥') || '∅';
}
