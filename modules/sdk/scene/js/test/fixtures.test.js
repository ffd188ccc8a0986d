// The JS runtime computes the very floats the Java side computes (written by CrossLanguageFixturesTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { cameraAt, lookAt, model, multiply, perspective } from '../src/math.js';
import { geometryOf, terrain } from '../src/geometry.js';
import { normalizeScene } from '../src/scene.js';

const fixturesPath = new URL('../../target/scene-fixtures.json', import.meta.url);
const examples = (name) => normalizeScene(readFileSync(new URL(`../../examples/${name}`, import.meta.url), 'utf8'));

function assertFloats(actual, expected, what) {
  assert.equal(actual.length, expected.length, `${what}: length`);
  for (let i = 0; i < expected.length; i++) {
    if (Math.fround(actual[i]) !== Math.fround(expected[i])) {
      assert.fail(`${what}[${i}]: JS ${Math.fround(actual[i])} ≠ Java ${expected[i]}`);
    }
  }
}

test('fixtures from the Java side exist (mvn test writes them first)', () => {
  assert.ok(existsSync(fixturesPath), `missing ${fixturesPath}: run the Maven build of modules/sdk/scene`);
});

test('camera uniforms, model matrices and terrains match the Java side bit for bit', { skip: !existsSync(fixturesPath) }, () => {
  const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8'));
  for (const name of ['journey-map.json', 'showcase.json']) {
    const scene = examples(name);
    for (const f of fixtures[name].frames) {
      const c = cameraAt(scene, f.t);
      const vp = multiply(perspective(c.fov, 1280 / 720, c.near, c.far), lookAt(c.position, c.target));
      assertFloats(vp, f.viewProjection, `${name} viewProjection at t=${f.t}`);
    }
    scene.meshes.forEach((m, i) => assertFloats(model(m.position, m.rotation, m.scale), fixtures[name].meshModels[i], `${name} mesh ${i}`));
    scene.terrains.forEach((t, i) => {
      const g = terrain(t);
      assertFloats(g.positions, fixtures[name].terrains[i].positions, `${name} terrain ${i} positions`);
      assertFloats(g.values, fixtures[name].terrains[i].values, `${name} terrain ${i} values`);
    });
  }
});

test('primitive geometry matches the Java side bit for bit', { skip: !existsSync(fixturesPath) }, () => {
  const fixtures = JSON.parse(readFileSync(fixturesPath, 'utf8'));
  for (const [primitive, expected] of Object.entries(fixtures.primitives)) {
    const g = geometryOf(primitive, 24);
    assertFloats(g.positions, expected.positions, `${primitive} positions`);
    assertFloats(g.normals, expected.normals, `${primitive} normals`);
    assert.deepEqual([...g.indices], expected.indices, `${primitive} indices`);
  }
});
