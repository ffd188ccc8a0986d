import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { model, normalizeScene } from '@nslab/scene';
import { arc, beam, buildJourneyScene, connections, BRANCH_PARTICLES, STREAM_PARTICLES } from '../src/scene.js';
import { humanDays, humanNumber, plainParagraphs, scientific } from '../src/format.js';

// The six stations as the content service serves them (content/structure/stations.yaml, positions and links).
const STATIONS = [
  ['data-collection', -10, 0, 0, ['data-processing']], ['data-processing', -6, 1.5, -2, ['architecture']],
  ['architecture', -2, 0, 1, ['training']], ['training', 2, -1.5, 0, ['evaluation']],
  ['evaluation', 6, 0.5, -1, ['deployment']], ['deployment', 10, 0, 0, []],
].map(([id, x, y, z, next], i) => ({ id, order: i + 1, title: id, position: { x, y, z }, next }));
const BRANCHES = [
  { id: 'dense-vs-moe', atStationId: 'architecture', rejoinsStationId: 'training', options: [{ id: 'dense', title: 'Dense: all' }, { id: 'mixture-of-experts', title: 'MoE: some' }] },
  { id: 'pretrain-vs-finetune', atStationId: 'data-collection', rejoinsStationId: 'evaluation', options: [{ id: 'pretrain-from-scratch', title: 'Pre-train' }, { id: 'fine-tune-existing', title: 'Fine-tune' }] },
];

test('every station is a sphere and every connection a particle stream with an opening dolly', () => {
  const scene = buildJourneyScene(STATIONS, BRANCHES);
  for (const s of STATIONS) assert.ok(scene.meshes.some((m) => m.id === s.id && m.primitive === 'sphere'), s.id);
  assert.equal(connections(STATIONS).length, 5);
  assert.equal(scene.particles.filter((p) => p.id.startsWith('stream-')).length, 5);
  assert.equal(scene.particles.filter((p) => p.id.startsWith('stream-')).reduce((n, p) => n + p.count, 0), 5 * STREAM_PARTICLES);
  assert.equal(scene.particles.filter((p) => p.id.startsWith('branch-')).length, 4);
  assert.ok(scene.cameraPath.keyframes.length >= 2);
  assert.deepEqual(scene.labels.slice(0, 6).map((l) => l.id), STATIONS.map((s) => s.id));
});

test('a particle density scales every stream and keeps each visible', () => {
  const full = buildJourneyScene(STATIONS, BRANCHES);
  const low = buildJourneyScene(STATIONS, BRANCHES, { particleDensity: 0.12 });
  assert.deepEqual(low.particles.map((p) => p.id), full.particles.map((p) => p.id));
  assert.equal(low.particles.find((p) => p.id.startsWith('stream-')).count, Math.round(0.12 * STREAM_PARTICLES));
  assert.equal(low.particles.find((p) => p.id.startsWith('branch-')).count, Math.round(0.12 * BRANCH_PARTICLES));
  const tiny = buildJourneyScene(STATIONS, BRANCHES, { particleDensity: 0 });
  assert.ok(tiny.particles.every((p) => p.count >= 20), 'every stream keeps a few particles');
});

test('reduced motion has neither particles nor a camera dolly, but still every station and link', () => {
  const scene = buildJourneyScene(STATIONS, BRANCHES, { reducedMotion: true });
  assert.equal(scene.particles.length, 0);
  assert.equal(scene.cameraPath, undefined);
  assert.equal(scene.meshes.filter((m) => m.id.startsWith('link-')).length, 5);
});

test('the chosen branch option is drawn solid and the other one faded', () => {
  const scene = buildJourneyScene(STATIONS, BRANCHES, { choices: { 'dense-vs-moe': 'mixture-of-experts' } });
  const moe = scene.meshes.find((m) => m.id === 'branch-dense-vs-moe-mixture-of-experts-0');
  const dense = scene.meshes.find((m) => m.id === 'branch-dense-vs-moe-dense-0');
  assert.equal(moe.material.opacity, 1);
  assert.ok(dense.material.opacity < 1);
});

test('high contrast uses an all-black background', () => {
  const scene = buildJourneyScene(STATIONS, BRANCHES, { highContrast: true });
  assert.deepEqual(scene.background, { top: '#000000', bottom: '#000000' });
});

test('the scene is valid for the SDK runtime and the schema', () => {
  const doc = buildJourneyScene(STATIONS, BRANCHES);
  const normalized = normalizeScene(doc);
  assert.equal(normalized.meshes.length, doc.meshes.length);
  const schema = JSON.parse(readFileSync(new URL('../../../sdk/scene/schema/scene.v1.schema.json', import.meta.url)));
  const allowedTop = Object.keys(schema.properties);
  for (const key of Object.keys(doc)) assert.ok(allowedTop.includes(key), `top-level field ${key} is not in scene v1`);
  const total = doc.particles.reduce((n, p) => n + p.count, 0);
  assert.ok(total <= 200000, `${total} particles`);
  for (const p of doc.particles) assert.ok(p.emitter.points.length >= 2 && p.emitter.points.length <= 16);
});

test('a beam joins its two end points under the model matrix T·Rx·Ry·Rz·S', () => {
  const a = [-6, 1.5, -2];
  const b = [-2, 0, 1];
  const m = beam(a, b, 0.05);
  const mat = model(m.position, m.rotation, m.scale);
  const apply = (p) => [0, 1, 2].map((r) => mat[r] * p[0] + mat[4 + r] * p[1] + mat[8 + r] * p[2] + mat[12 + r]);
  const end = apply([0.5, 0, 0]);
  const start = apply([-0.5, 0, 0]);
  for (let k = 0; k < 3; k++) {
    assert.ok(Math.abs(end[k] - b[k]) < 1e-3, `end ${end} vs ${b}`);
    assert.ok(Math.abs(start[k] - a[k]) < 1e-3, `start ${start} vs ${a}`);
  }
});

test('an arc starts and ends at its stations and rises by its lift in the middle', () => {
  const pts = arc([0, 0, 0], [4, 0, 0], 2, 5);
  assert.deepEqual(pts[0], [0, 0, 0]);
  assert.deepEqual(pts[4], [4, 0, 0]);
  assert.deepEqual(pts[2], [2, 2, 0]);
});

test('numbers read like a person would say them', () => {
  assert.equal(humanNumber(1.5576112e9), '1.56 billion');
  assert.equal(humanNumber(3e11), '300 billion');
  assert.equal(scientific(8.4e22), '8.40 × 10²²');
  assert.equal(humanDays(21), '21.0 days');
  assert.equal(humanDays(0.5), '12.0 hours');
  assert.equal(humanDays(400), '13.1 months');
  assert.deepEqual(plainParagraphs('A **bold** [link](http://x).\n\nSecond `code`.'), ['A bold link.', 'Second code.']);
  assert.deepEqual(plainParagraphs('1.4 trillion [[token]]s [@touvron2023a]. A [[bpe|merge]].'), ['1.4 trillion tokens. A merge.']);
});
