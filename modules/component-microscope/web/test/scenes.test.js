import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeScene } from '@nslab/scene';
import { alignY, attentionScene, feedForwardScene, MAX_STREAMS, STREAM_PARTICLES, emissiveAmber, mix } from '../src/scenes.js';

// A report shaped like the simulation's answer: 5 tokens, 2 layers × 2 heads, focus on token 3.
function report(t = 5) {
  const causal = (peak) => Array.from({ length: t }, (_, q) => Array.from({ length: t }, (_, k) => {
    if (k > q) return 0;
    if (q === 0) return 1;
    return k === q - 1 ? peak : (1 - peak) / q;
  }));
  const attention = [];
  for (let layer = 0; layer < 2; layer++) for (let head = 0; head < 2; head++) attention.push({ layer, head, weights: causal(0.5 + 0.1 * head) });
  const focus = { layer: 1, head: 1, position: 3, weights: attention[3].weights[3].slice(0, 4), query: [1], keys: [], values: [], scores: [], output: [] };
  return {
    model: { layers: 2, heads: 2, width: 16, headSize: 8, hidden: 64, expansion: 4, contextLength: 32, vocabSize: 100, activation: 'GELU' },
    tokens: Array.from({ length: t }, (_, i) => ({ id: i, text: ` t${i}` })), attention, focus,
    hiddenActivations: Array.from({ length: 64 }, (_, i) => Math.sin(i)),
  };
}

const rotate = ([ax, , az], v) => {
  const [a, g] = [(ax * Math.PI) / 180, (az * Math.PI) / 180];
  const z1 = [v[0] * Math.cos(g) - v[1] * Math.sin(g), v[0] * Math.sin(g) + v[1] * Math.cos(g), v[2]];
  return [z1[0], z1[1] * Math.cos(a) - z1[2] * Math.sin(a), z1[1] * Math.sin(a) + z1[2] * Math.cos(a)];
};

test('alignY turns the cylinder axis onto any direction', () => {
  for (const d of [[1, 0, 0], [0, -1, 0], [0.3, 0.4, -0.5], [-2, 1, 3]]) {
    const r = rotate(alignY(d), [0, 1, 0]);
    const n = Math.hypot(...d);
    d.forEach((v, i) => assert.ok(Math.abs(r[i] - v / n) < 1e-3, `${d} → ${r}`));
  }
});

test('the attention scene draws the head\'s real weights: heat map values, links to visible keys, streams ∝ weight', () => {
  const r = report();
  const scene = attentionScene(r);
  const heat = scene.heatmaps[0];
  assert.equal(heat.rows * heat.cols, heat.values.length);
  assert.deepEqual(heat.values, r.attention[3].weights.flat().map((w) => Math.round(w * 1e4) / 1e4));
  const links = scene.meshes.filter((m) => m.id.startsWith('link-'));
  assert.equal(links.length, 4, 'one link per key the query can see (causal)');
  for (const stream of scene.particles) {
    const k = Number(stream.id.slice('value-'.length));
    assert.equal(stream.count, Math.round(r.focus.weights[k] * STREAM_PARTICLES));
    assert.deepEqual(stream.emitter.points.at(-1), scene.meshes.find((m) => m.id === 'output').position);
  }
  assert.ok(scene.particles.length <= MAX_STREAMS);
  assert.doesNotThrow(() => normalizeScene(scene));
});

test('reduced motion gives still particle streams', () => {
  assert.ok(attentionScene(report(), { reducedMotion: true }).particles.every((p) => p.speed === 0));
  assert.ok(feedForwardScene(report(), { reducedMotion: true }).particles.every((p) => p.speed === 0));
});

test('the feed-forward scene is narrow-wide-narrow with the real expansion factor and every hidden activation', () => {
  const scene = feedForwardScene(report());
  const hidden = scene.heatmaps[0];
  assert.equal(hidden.rows * hidden.cols, 64);
  const narrow = scene.meshes.find((m) => m.id === 'in').scale[1];
  assert.equal(hidden.scale[1] / narrow, 4);
  assert.match(scene.labels.find((l) => l.id === 'hidden-label').text, /4 × 16 = 64 neurons \(GELU\)/);
  assert.doesNotThrow(() => normalizeScene(scene));
});

test('emissive glow is a colour of the format', () => {
  assert.equal(emissiveAmber(0), '#000000');
  assert.equal(emissiveAmber(1), '#ffaa00');
  assert.match(emissiveAmber(0.37), /^#[0-9a-f]{6}$/);
});

test('links glow and thicken with their weight', () => {
  const r = report();
  const scene = attentionScene(r);
  const links = scene.meshes.filter((m) => m.id.startsWith('link-'));
  const strongest = r.focus.weights.indexOf(Math.max(...r.focus.weights));
  const thick = links.find((l) => l.id === `link-${strongest}`);
  assert.ok(links.every((l) => l.scale[0] <= thick.scale[0]));
  assert.equal(thick.material.color, '#00d4ff');
  assert.equal(mix('#000000', '#ffffff', 0.5), '#808080');
});
