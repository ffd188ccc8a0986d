// Mounts one module the way the shell does, with a recording host, then checks what it did.
// Results go to window.__nslab (read by the Java side).
import { HOST_API_VERSION, loadEntry, themeTokens, validateLearningEvent } from '/__kit/sdk/index.js';

const r = (window.__nslab = { phase: 'starting', errors: [], events: [], invalidEvents: [], undeclared: [], contexts: 0,
  leakedContexts: 0, contract: [], axe: [], leftoverNodes: 0, done: false });
window.addEventListener('error', (e) => r.errors.push(String(e.message || e.error)));
window.addEventListener('unhandledrejection', (e) => r.errors.push('unhandled rejection: ' + (e.reason?.message ?? e.reason)));
const contexts = [];
const original = HTMLCanvasElement.prototype.getContext;
HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
  const ctx = original.call(this, type, ...rest);
  if (ctx && /webgl/.test(type) && !contexts.includes(ctx)) contexts.push(ctx);
  return ctx;
};
const frames = (n) => new Promise((done) => { let i = 0; const step = () => (++i >= n ? done() : requestAnimationFrame(step)); requestAnimationFrame(step); });

async function run() {
  const config = await (await fetch('/__kit/config.json')).json();
  const declared = new Set(config.operations.map((o) => o.name));
  const listeners = new Set();
  const controller = new AbortController();
  const host = Object.freeze({
    apiVersion: HOST_API_VERSION,
    module: Object.freeze({ id: config.id, version: config.version, level: config.level }),
    route: Object.freeze({ level: config.level, module: config.id }),
    theme: themeTokens(), locale: 'en', reducedMotion: false,
    async graphql(name) {
      if (!declared.has(name)) { r.undeclared.push(name); throw Object.assign(new Error(`operation '${name}' is not declared`), { code: 'undeclared-operation' }); }
      return {};
    },
    async emit(event) {
      const problems = validateLearningEvent(event);
      if (problems.length) { r.invalidEvents.push({ event, problems }); throw Object.assign(new Error('invalid event'), { code: 'invalid-event' }); }
      r.events.push(event);
      return { id: crypto.randomUUID() };
    },
    navigate() {},
    async loadShader(name) { if (!config.shaders.includes(name)) throw new Error(`shader '${name}' is not declared`); return ''; },
    onSettingsChange(l) { listeners.add(l); return () => listeners.delete(l); },
    signal: controller.signal,
  });
  r.phase = 'import';
  let mod;
  try {
    mod = await loadEntry(config.entryUrl, config.integrity); // as the shell loads it: SRI-checked, contract-checked
  } catch (e) {
    if (e.code === 'contract') { r.contract = [e.message]; return; }
    throw e;
  }
  const root = document.getElementById('module-root');
  r.phase = 'mount';
  await mod.mount(root, host);
  await frames(10);
  for (const l of listeners) l({ theme: themeTokens({ highContrast: true }), locale: 'en', reducedMotion: true });
  await frames(5);
  r.phase = 'axe';
  const result = await window.axe.run(root, { resultTypes: ['violations'] });
  r.axe = result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }));
  r.contexts = contexts.length;
  r.phase = 'unmount';
  controller.abort();
  await mod.unmount();
  await frames(5);
  r.leakedContexts = contexts.filter((c) => !c.isContextLost()).length;
  r.leftoverNodes = root.childNodes.length;
}

run().catch((e) => r.errors.push(`${r.phase}: ${e?.message ?? e}`)).finally(() => { r.done = true; });
