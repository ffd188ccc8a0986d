import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EASINGS, cameraAt, lookAt, multiply, perspective, toPixel } from '../src/math.js';
import { normalizeScene, shaderNames } from '../src/scene.js';
import { loadShaders } from '../src/shaders.js';
import { readFile } from 'node:fs/promises';

test('easings run from 0 to 1', () => {
  for (const [name, e] of Object.entries(EASINGS)) {
    assert.ok(Math.abs(e(0)) < 1e-12 && Math.abs(e(1) - 1) < 1e-12, name);
  }
});

test('a point in front of the camera lands where expected', () => {
  const vp = multiply(perspective(90, 2, 0.1, 100), lookAt([0, 0, 10], [0, 0, 0]));
  assert.deepEqual(toPixel(vp, [0, 0, 0], 1280, 720).map((v) => Math.round(v * 1e6) / 1e6), [640, 360]);
  assert.equal(toPixel(vp, [0, 0, 20], 1280, 720), null);
});

test('defaults are filled in and a wrong version is refused', () => {
  const s = normalizeScene({ version: 1, camera: { position: [0, 0, 5], target: [0, 0, 0] }, meshes: [{ primitive: 'box' }] });
  assert.equal(s.camera.fov, 50);
  assert.equal(s.meshes[0].material.shader, 'mesh');
  assert.deepEqual(shaderNames(s).sort(), ['background', 'mesh']);
  assert.equal(cameraAt(s, 3).position, s.camera.position);
  assert.throws(() => normalizeScene({ version: 2 }), /version 2 is not supported/);
});

test('shaders load from the shared folder with includes expanded', async () => {
  const read = (f) => readFile(new URL(`../../../../../shaders/${f}`, import.meta.url), 'utf8');
  const programs = await loadShaders(['terrain', 'particles'], read);
  const terrain = programs.get('terrain');
  assert.ok(terrain.fragment.includes('vec3 colormap(int map, float value)'));
  assert.ok(terrain.fragment.includes('vec3 lambert(vec3 normal)'));
  assert.ok(!terrain.fragment.includes('#include'));
  assert.ok(!programs.get('particles').vertex.includes('#version'));
});
