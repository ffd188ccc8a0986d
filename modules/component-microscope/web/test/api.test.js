import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readReport, unpackFloats } from '../src/api.js';

// What the simulation sends: float32, little-endian, row-major, base64 (services/simulation PackedTensor).
const pack = (shape, numbers) => {
  const bytes = Buffer.alloc(numbers.length * 4);
  numbers.forEach((x, i) => bytes.writeFloatLE(x, i * 4));
  return { shape, float32: bytes.toString('base64') };
};

test('a packed tensor unpacks to the very float32 numbers it holds', () => {
  const numbers = [0, 1, -2.5, 0.1, 3.4028234663852886e38, 1e-45, -0.3333333432674408];
  const values = unpackFloats(pack([numbers.length], numbers));
  assert.equal(values.length, numbers.length);
  numbers.forEach((x, i) => assert.equal(values[i], Math.fround(x)));
});

test('a packed tensor whose bytes do not fill its shape is refused', () => {
  assert.throws(() => unpackFloats(pack([2, 3], [1, 2, 3, 4, 5])), /shape \[2,3\] has 20 bytes, not 24/);
});

test('the report gets every layer × head matrix and the focus keys and values as rows', () => {
  // 2 layers × 2 heads × 3 tokens: weight [l][h][q][k] = causal rows with a recognizable value
  const t = 3;
  const numbers = [];
  for (let l = 0; l < 2; l++) for (let h = 0; h < 2; h++) for (let q = 0; q < t; q++) {
    for (let k = 0; k < t; k++) numbers.push(k > q ? 0 : (l * 2 + h + 1) / 8 + k / 64);
  }
  const raw = {
    tokens: [{ id: 1, text: 'a' }, { id: 2, text: 'b' }, { id: 3, text: 'c' }],
    packedAttention: pack([2, 2, t, t], numbers),
    focus: { layer: 1, head: 0, position: 2, query: [1, 2], scores: [0, 0, 0], weights: [0.2, 0.3, 0.5], output: [1, 1],
      packedKeys: pack([3, 2], [1, 2, 3, 4, 5, 6]), packedValues: pack([3, 2], [-1, -2, -3, -4, -5, -6]) },
  };
  const report = readReport(raw);
  assert.equal(report.attention.length, 4);
  assert.deepEqual(report.attention.map((a) => [a.layer, a.head]), [[0, 0], [0, 1], [1, 0], [1, 1]]);
  const m = report.attention[2].weights; // layer 1, head 0
  assert.ok(Array.isArray(m) && Array.isArray(m[0]), 'plain arrays, as the pattern classifier reads them');
  assert.equal(m[2][1], Math.fround(3 / 8 + 1 / 64));
  assert.equal(m[0][2], 0);
  assert.deepEqual(report.focus.keys, [[1, 2], [3, 4], [5, 6]]);
  assert.deepEqual(report.focus.values, [[-1, -2], [-3, -4], [-5, -6]]);
  assert.equal(report.packedAttention, undefined);
  assert.equal(report.focus.packedKeys, undefined);
});

test('packed attention that does not match the tokens is refused', () => {
  const raw = { tokens: [{ id: 1, text: 'a' }], packedAttention: pack([1, 1, 2, 2], [1, 0, 0.5, 0.5]), focus: {} };
  assert.throws(() => readReport(raw), /for 1 tokens/);
});
