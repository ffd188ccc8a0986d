import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keptRows } from '../src/table.js';

// causal weights of three tokens, and of the same three plus a fourth
const three = [[1, 0, 0], [0.25, 0.75, 0], [0.5, 0.25, 0.25]];
const four = [[1, 0, 0, 0], [0.25, 0.75, 0, 0], [0.5, 0.25, 0.25, 0], [0.1, 0.2, 0.3, 0.4]];
const shown = { layer: 1, head: 0, ids: [7, 8, 9], matrix: three };

test('a prompt that grows keeps every row it had', () => {
  assert.equal(keptRows(shown, 1, 0, [7, 8, 9, 10], four), 3);
});

test('a prompt that shrinks keeps the rows it still has', () => {
  assert.equal(keptRows(shown, 1, 0, [7, 8], [[1, 0], [0.25, 0.75]]), 2);
});

test('rows are kept only up to the first token that changed', () => {
  assert.equal(keptRows(shown, 1, 0, [7, 5, 9, 10], four), 1);
});

test('a row whose weights changed is not kept, nor any after it', () => {
  const changed = four.map((row) => [...row]);
  changed[1][0] = 0.2500001;
  assert.equal(keptRows(shown, 1, 0, [7, 8, 9, 10], changed), 1);
});

test('another layer or head, or no table yet, keeps nothing', () => {
  assert.equal(keptRows(shown, 0, 0, [7, 8, 9, 10], four), 0);
  assert.equal(keptRows(shown, 1, 1, [7, 8, 9, 10], four), 0);
  assert.equal(keptRows(undefined, 1, 0, [7, 8, 9, 10], four), 0);
});
