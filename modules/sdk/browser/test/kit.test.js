// node --test: the front-end skeleton's parts that need no DOM (entry lifecycle, keyboard paths, quiz links, frames).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineModule, escapeHtml, frameLoop, openQuiz, rovingIndex } from '../src/kit/index.js';

function fakeHost() {
  const listeners = [];
  const host = {
    reducedMotion: false, theme: { highContrast: false }, locale: 'de', events: [], navigations: [],
    emit: async (e) => {
      if (e.verb === 'BROKEN') throw new Error('invalid-event');
      host.events.push(e);
      return { id: String(host.events.length) };
    },
    navigate: (route) => host.navigations.push(route),
    onSettingsChange: (fn) => {
      listeners.push(fn);
      return () => listeners.splice(listeners.indexOf(fn), 1);
    },
    change: (s) => listeners.forEach((fn) => fn(s)),
    listeners,
  };
  return host;
}

test('one instance at a time; unmount runs every cleanup in reverse and unsubscribes from settings', async () => {
  const order = [];
  const seen = [];
  const { mount, unmount, instance } = defineModule((ctx) => {
    ctx.onCleanup(() => order.push(`first ${ctx.settings.locale}`));
    ctx.onCleanup(() => order.push('second'));
    ctx.onSettings((s, before) => seen.push([before.reducedMotion, s.reducedMotion]));
    return { name: 'app' };
  });
  const host = fakeHost();
  assert.deepEqual(await mount({}, host), { name: 'app' });
  assert.equal(instance().name, 'app');
  host.change({ reducedMotion: true, theme: { highContrast: true } });
  assert.deepEqual(seen, [[false, true]]);
  await mount({}, host); // a second mount replaces the first
  assert.deepEqual(order, ['second', 'first de']);
  await unmount();
  assert.equal(instance(), null);
  assert.equal(host.listeners.length, 0, 'no settings listener is left');
});

test('a learning event the host refuses never throws into the module', async () => {
  const host = fakeHost();
  const errors = [];
  const { mount } = defineModule((ctx) => {
    ctx.emit({ verb: 'BROKEN' }, (e) => errors.push(e.message));
    ctx.emit({ verb: 'EXPERIENCED', objectType: 'VIEW', objectId: 'x' });
  });
  await mount({}, host);
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(errors, ['invalid-event']);
  assert.deepEqual(host.events.map((e) => e.verb), ['EXPERIENCED']);
});

test('timers are cleared at unmount', async () => {
  let fired = false;
  const { mount, unmount } = defineModule((ctx) => {
    ctx.timer(() => { fired = true; }, 5);
  });
  await mount({}, fakeHost());
  await unmount();
  await new Promise((r) => setTimeout(r, 20));
  assert.equal(fired, false);
});

test('roving focus: arrows move by one, Home/End jump, ends clamp or wrap, other keys are not moves', () => {
  assert.equal(rovingIndex('ArrowRight', 2, 6), 3);
  assert.equal(rovingIndex('ArrowUp', 2, 6), 1);
  assert.equal(rovingIndex('End', 2, 6), 5);
  assert.equal(rovingIndex('Home', 4, 6), 0);
  assert.equal(rovingIndex('ArrowRight', 5, 6), 5);
  assert.equal(rovingIndex('ArrowRight', 5, 6, { wrap: true }), 0);
  assert.equal(rovingIndex('ArrowLeft', 0, 6, { wrap: true }), 5);
  assert.equal(rovingIndex('ArrowLeft', 0, 6, { clamp: false }), undefined);
  assert.equal(rovingIndex('ArrowDown', 1, 6, { vertical: false }), undefined);
  assert.equal(rovingIndex('a', 1, 6), undefined);
  assert.equal(rovingIndex('Home', 0, 0), undefined);
});

test('a quiz link records the launch and deep-links to the quiz', () => {
  const host = fakeHost();
  const events = [];
  openQuiz({ host, emit: (e) => events.push(e), level: 3, module: 'component-microscope', stage: 'quizzes',
    quizId: 'quiz-component-attention', name: 'Quiz: Attention' });
  assert.deepEqual(events, [{ verb: 'LAUNCHED', objectType: 'QUIZ', objectId: 'quiz-component-attention', objectName: 'Quiz: Attention' }]);
  assert.deepEqual(host.navigations, [{ level: 3, module: 'component-microscope', stage: 'quizzes', component: 'quiz-component-attention' }]);
});

test('the frame loop keeps at most one frame pending and stops when drawing says so or at cancel', () => {
  const queued = [];
  globalThis.requestAnimationFrame = (fn) => queued.push(fn);
  globalThis.cancelAnimationFrame = () => queued.splice(0);
  let frames = 0;
  const loop = frameLoop(() => ++frames < 3);
  loop.request();
  loop.request();
  assert.equal(queued.length, 1);
  while (queued.length) queued.shift()(0);
  assert.equal(frames, 3);
  assert.equal(loop.pending, false);
  loop.request();
  loop.cancel();
  assert.equal(loop.pending, false);
  delete globalThis.requestAnimationFrame;
  delete globalThis.cancelAnimationFrame;
});

test('text for an HTML string is escaped', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
