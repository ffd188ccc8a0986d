// Mounts the module from its real bundle and manifest, as the shell would, and exposes hooks for the tests.
import { contractProblems } from './sdk/index.js';
import { createTestHost } from './host.js';

// Counts the WebGL contexts the page creates, to check that unmount releases every one.
const contexts = [];
const original = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function getContext(type, ...rest) {
  const ctx = original.call(this, type, ...rest);
  if (ctx && (type === 'webgl2' || type === 'webgl') && !contexts.includes(ctx)) contexts.push(ctx);
  return ctx;
};

const params = new URLSearchParams(location.search);
const element = document.getElementById('module');
const test = (window.microscopeTest = { updates: [], drawn: [], contexts, ready: false, error: null });
element.addEventListener('microscope:updated', (e) => test.updates.push({ ...e.detail, at: performance.now() }));
element.addEventListener('microscope:drawn', (e) => test.drawn.push({ ...e.detail, at: performance.now() }));

async function start() {
  const manifestUrl = '/component-microscope/module.json';
  const manifest = await (await fetch(manifestUrl)).json();
  const { host, log } = await createTestHost({ gateway: params.get('gateway'), manifestUrl,
    reducedMotion: params.get('reducedMotion') === '1' });
  test.log = log;
  const mod = await import(new URL(manifest.entry.url).pathname);
  test.contract = contractProblems(mod);
  test.module = mod;
  test.mount = () => mod.mount(element, host);
  test.unmount = () => mod.unmount();
  test.liveContexts = () => contexts.filter((c) => !c.isContextLost()).length;
  await test.mount();
  test.ready = true;
}
start().catch((e) => { test.error = String(e?.stack ?? e); });
