import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyPattern, patternScores, strongestLinks, checkAttentionMatrix } from '../src/patterns.js';

// Synthetic causal matrices: row q puts `peak` on one chosen key and spreads the rest evenly over keys 0..q.
function matrix(t, pick, peak = 0.9) {
  return Array.from({ length: t }, (_, q) => {
    const row = new Array(t).fill(0);
    if (q === 0) { row[0] = 1; return row; }
    for (let k = 0; k <= q; k++) row[k] = (1 - peak) / q; // q keys share what the chosen one leaves
    row[pick(q)] = peak;
    return row;
  });
}
const uniform = (t) => Array.from({ length: t }, (_, q) => Array.from({ length: t }, (_, k) => (k <= q ? 1 / (q + 1) : 0)));

test('a head that looks at the previous token is labelled previous-token', () => {
  const r = classifyPattern(matrix(12, (q) => q - 1));
  assert.equal(r.label, 'previous-token');
  assert.ok(r.score > 0.8);
});

test('a head that looks at the first token (BOS / attention sink) is labelled first-token', () => {
  const r = classifyPattern(matrix(12, () => 0));
  assert.equal(r.label, 'first-token');
});

test('a diagonal head is labelled self', () => {
  assert.equal(classifyPattern(matrix(12, (q) => q)).label, 'self');
});

test('a uniform head is labelled broad, with a normalized entropy of 1', () => {
  const r = classifyPattern(uniform(16));
  assert.equal(r.label, 'broad');
  assert.ok(Math.abs(r.scores.broad - 1) < 1e-9);
});

test('a head looking two tokens back is none of these: mixed', () => {
  const r = classifyPattern(matrix(12, (q) => Math.max(0, q - 2), 0.6));
  assert.equal(r.label, 'mixed');
});

test('weak preferences stay below the threshold and fall back to broad or mixed', () => {
  assert.equal(classifyPattern(matrix(12, (q) => q - 1, 0.3)).label, 'broad');
});

test('scores are means over the informative rows', () => {
  const s = patternScores(matrix(5, (q) => q - 1, 1));
  assert.ok(Math.abs(s.previous - 1) < 1e-12);
  assert.ok(Math.abs(s.first - 0) < 1e-12);
});

test('a one-token prompt is a single-token pattern', () => {
  assert.equal(classifyPattern([[1]]).label, 'single-token');
});

test('two tokens: previous and first coincide; the diagonal still wins when it dominates', () => {
  assert.equal(classifyPattern([[1, 0], [0.1, 0.9]]).label, 'self');
  assert.equal(classifyPattern([[1, 0], [0.9, 0.1]]).label, 'previous-token');
});

test('matrices that are not causal attention are refused with a reason', () => {
  assert.throws(() => checkAttentionMatrix([]), /at least one row/);
  assert.throws(() => checkAttentionMatrix([[1, 0], [0.5]]), /row 1 has 1 values/);
  assert.throws(() => checkAttentionMatrix([[0.5, 0.5], [0.5, 0.5]]), /looks ahead/);
  assert.throws(() => checkAttentionMatrix([[1, 0], [0.2, 0.2]]), /sums to/);
  assert.throws(() => checkAttentionMatrix([[1, 0], [Number.NaN, 1]]), /not a non-negative number/);
});

test('strongest links are ordered by weight and can be restricted to one query', () => {
  const m = matrix(6, (q) => q - 1);
  const links = strongestLinks(m, 3, 4);
  assert.equal(links.length, 3);
  assert.deepEqual([links[0].query, links[0].key], [4, 3]);
  assert.ok(links[0].weight >= links[1].weight && links[1].weight >= links[2].weight);
});
