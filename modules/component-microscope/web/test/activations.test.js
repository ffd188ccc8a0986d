import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gelu, relu, swish, swiglu, curvePath, ACTIVATIONS } from '../src/activations.js';

test('the activation functions have their known values', () => {
  assert.equal(relu(-2), 0);
  assert.equal(relu(3), 3);
  assert.equal(gelu(0), 0);
  assert.ok(Math.abs(gelu(1) - 0.8412) < 1e-3, `GELU(1) = ${gelu(1)}`); // tanh approximation, as GPT-2 and the engine
  assert.ok(Math.abs(gelu(-1) + 0.1588) < 1e-3);
  assert.ok(Math.abs(gelu(6) - 6) < 1e-6 && Math.abs(gelu(-6)) < 1e-6);
  assert.ok(Math.abs(swish(1) - 1 / (1 + Math.exp(-1))) < 1e-12);
  assert.ok(swiglu(-3) > 0, 'x·Swish(x) is positive for negative x too: the gate is not monotone');
  assert.deepEqual(ACTIVATIONS.map((a) => a.id), ['gelu', 'relu', 'swiglu']);
});

test('a curve is sampled into an SVG path inside its box', () => {
  const d = curvePath(relu, { samples: 5, width: 100, height: 50, from: -2, to: 2, ymin: 0, ymax: 2 });
  assert.equal(d, 'M0.00,50.00 L25.00,50.00 L50.00,50.00 L75.00,25.00 L100.00,0.00');
});
