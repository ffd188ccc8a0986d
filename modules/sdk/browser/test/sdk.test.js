// node --test: the parts of the browser SDK that need no browser (the bridge protocol, events, deep links).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contractProblems, hashToRoute, routeToHash, validateLearningEvent, themeTokens, PALETTE } from '../src/index.js';
import { createHostDispatcher, createRemoteHost } from '../src/bridge.js';

test('deep links round-trip for levels, stages and components and refuse anything else', () => {
  for (const route of [{ level: 1 }, { level: 2, module: 'stage-theatres' }, { level: 3, module: 'component-microscope', stage: 'attention', component: 'heads' }]) {
    assert.deepEqual(hashToRoute(routeToHash(route)), route);
  }
  for (const bad of ['#/level/6', '#/level/1/../x', '#/admin', '', '#/level/2/A']) assert.equal(hashToRoute(bad), null, bad);
});

test('learning events: valid ones pass, each broken field is named', () => {
  assert.deepEqual(validateLearningEvent({ verb: 'ANSWERED', objectId: 'quiz:training/q1', objectType: 'QUESTION',
    result: { scoreScaled: 0.5, success: true }, context: { level: 2, moduleId: 'stage-theatres' } }), []);
  const problems = validateLearningEvent({ verb: 'CLICKED', objectId: 'Level 1', objectType: 'LEVEL', result: { scoreScaled: 3 }, extra: 1 });
  assert.deepEqual(problems.map((p) => p.path).sort(), ['extra', 'objectId', 'result.scoreScaled', 'verb']);
});

test('an entry module must export mount and unmount', () => {
  assert.deepEqual(contractProblems({ mount() {}, unmount() {} }), []);
  assert.equal(contractProblems({ mount() {} }).length, 1);
});

test('theme tokens carry the palette and switch for high contrast', () => {
  assert.equal(themeTokens().colors.background, '#0a0e27');
  assert.equal(PALETTE.primary, '#00d4ff');
  assert.equal(themeTokens({ highContrast: true }).colors.text, '#ffffff');
});

test('the bridge carries host calls and refuses undeclared operations and unknown methods', async () => {
  const calls = [];
  const local = {
    graphql: async (name, vars) => { calls.push([name, vars]); return { viewer: { id: 'u1' } }; },
    emit: async (e) => ({ id: 'e1', verb: e.verb }),
    navigate: (r) => { calls.push(['navigate', r]); },
    loadShader: async (n) => `// ${n}`,
  };
  const dispatch = createHostDispatcher(local, { operations: [{ name: 'Me', document: 'query Me { viewer { id } }' }] });
  let remote;
  remote = createRemoteHost({ module: { id: 'm', version: '1.0.0', level: 1 }, route: { level: 1 }, settings: { locale: 'en', reducedMotion: true, theme: themeTokens() } },
    (message) => { dispatch(message).then((reply) => reply && remote.receive(reply)); });
  const { host } = remote;
  assert.deepEqual(await host.graphql('Me', { a: 1 }), { viewer: { id: 'u1' } });
  await assert.rejects(host.graphql('DeleteEverything'), (e) => e.code === 'undeclared-operation');
  assert.deepEqual(await host.emit({ verb: 'LAUNCHED' }), { id: 'e1', verb: 'LAUNCHED' });
  assert.equal(await host.loadShader('a.frag'), '// a.frag');
  assert.equal(host.reducedMotion, true);
  assert.deepEqual(calls, [['Me', { a: 1 }]]);
  const reply = await dispatch({ nslab: 1, type: 'call', id: 9, method: 'constructor', args: [] });
  assert.equal(reply.ok, false);
  assert.equal(reply.error.code, 'unknown-method');
  let seen = null;
  remote.host.onSettingsChange((s) => { seen = s.locale; });
  remote.receive({ nslab: 1, type: 'settings', settings: { locale: 'de', reducedMotion: false, theme: themeTokens() } });
  assert.equal(seen, 'de');
  assert.equal(host.locale, 'de');
});
