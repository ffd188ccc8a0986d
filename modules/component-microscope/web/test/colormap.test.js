import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellClass, cellStyles, colormap } from '../src/colormap.js';

test('a weight cell is coloured by class, 256 levels of its square root, dark text on the bright end', () => {
  assert.equal(cellClass(0), 'nsm-w0');
  assert.equal(cellClass(1), 'nsm-w255 nsm-w-dark');
  assert.equal(cellClass(0.5), 'nsm-w128');
  assert.equal(cellClass(0.61), 'nsm-w156 nsm-w-dark');
  assert.equal(cellClass(0.6), 'nsm-w153', 'the threshold is strict, as before');
});

test('the cell stylesheet has one rule per level, with the colour map at each level', () => {
  const rules = cellStyles().split('\n');
  assert.equal(rules.length, 257);
  assert.equal(rules[0], '.nsm-table td.nsm-w0 { background: rgb(68, 1, 84); }');
  assert.equal(rules[255], '.nsm-table td.nsm-w255 { background: rgb(253, 231, 37); }');
  const [r, g, b] = colormap(100 / 255);
  assert.equal(rules[100], `.nsm-table td.nsm-w100 { background: rgb(${r}, ${g}, ${b}); }`);
  assert.match(rules[256], /nsm-w-dark \{ color: rgb\(0, 0, 0\); \}/);
  assert.ok(!cellStyles().includes('style='));
});
