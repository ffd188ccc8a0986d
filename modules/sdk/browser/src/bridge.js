/**
 * The postMessage bridge between the shell and a sandboxed module (iframe with sandbox="allow-scripts",
 * no allow-same-origin: the module has an opaque origin, so it cannot read the shell's cookies, storage or
 * tokens, and cannot navigate the top window).
 *
 * Protocol (every message is {nslab: 1, ...}):
 *   shell → frame  {type: 'mount', module, route, settings, channel}    once, after the frame said 'ready'
 *   frame → shell  {type: 'ready'}                                       the frame's runtime is listening
 *   frame → shell  {type: 'call', id, method, args}                      host call: graphql | emit | navigate | loadShader
 *   shell → frame  {type: 'result', id, ok, value | error: {code, message, details}}
 *   shell → frame  {type: 'settings', settings}                          theme / locale / reduced motion changed
 *   shell → frame  {type: 'unmount'}                                     frame answers {type: 'unmounted', ok, error?}
 *   frame → shell  {type: 'mounted', ok, error?}
 * The shell checks every call against the module's manifest (declared operations only) before it acts.
 */
import { HOST_API_VERSION, HostError } from './index.js';

export const PROTOCOL = 1;
export const HOST_METHODS = Object.freeze(['graphql', 'emit', 'navigate', 'loadShader']);

/**
 * Inside the sandboxed frame: builds the `host` a module receives, whose calls travel to the shell.
 * @param {{module: object, route: object, settings: object}} init the 'mount' message
 * @param {(message: object) => void} post sends to the shell (window.parent.postMessage(m, '*'))
 * @returns {{host: object, receive: (message: object) => void, abort: () => void}}
 */
export function createRemoteHost(init, post) {
  let next = 1;
  const pending = new Map();
  const listeners = new Set();
  const controller = new AbortController();
  let settings = init.settings;
  const call = (method, args) => new Promise((resolve, reject) => {
    const id = next++;
    pending.set(id, { resolve, reject });
    post({ nslab: PROTOCOL, type: 'call', id, method, args });
  });
  const host = {
    apiVersion: HOST_API_VERSION,
    module: Object.freeze({ ...init.module }),
    route: Object.freeze({ ...init.route }),
    get theme() { return settings.theme; },
    get locale() { return settings.locale; },
    get reducedMotion() { return settings.reducedMotion; },
    graphql: (operationName, variables = {}) => call('graphql', [operationName, variables]),
    emit: (event) => call('emit', [event]),
    navigate: (route) => { call('navigate', [route]).catch(() => {}); },
    loadShader: (name) => call('loadShader', [name]),
    onSettingsChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    signal: controller.signal,
  };
  function receive(message) {
    if (!message || message.nslab !== PROTOCOL) return;
    if (message.type === 'result' && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.ok) resolve(message.value);
      else reject(new HostError(message.error?.code ?? 'error', message.error?.message ?? 'host call failed', message.error?.details));
    } else if (message.type === 'settings') {
      settings = message.settings;
      for (const l of listeners) l(settings);
    }
  }
  return { host: Object.freeze(host), receive, abort: () => controller.abort() };
}

/**
 * In the shell: answers one frame's calls with a local host implementation, refusing methods outside the
 * host API and GraphQL operations the manifest did not declare.
 * @param {{graphql: Function, emit: Function, navigate: Function, loadShader: Function}} local the shell's host
 * @param {{operations?: {name: string}[], shaders?: string[]}} manifest
 * @returns {(message: object) => Promise<object|null>} the reply to post back, or null for messages not for it
 */
export function createHostDispatcher(local, manifest) {
  const declared = new Set((manifest.operations ?? []).map((o) => o.name));
  return async function dispatch(message) {
    if (!message || message.nslab !== PROTOCOL || message.type !== 'call') return null;
    const reply = (ok, payload) => ({ nslab: PROTOCOL, type: 'result', id: message.id, ok, ...payload });
    try {
      if (!HOST_METHODS.includes(message.method) || !Array.isArray(message.args)) {
        throw new HostError('unknown-method', `the host has no method '${String(message.method)}'`);
      }
      if (message.method === 'graphql' && !declared.has(message.args[0])) {
        throw new HostError('undeclared-operation', `operation '${String(message.args[0])}' is not declared in the module's manifest`);
      }
      const value = await local[message.method](...message.args);
      return reply(true, { value: value === undefined ? null : value });
    } catch (e) {
      return reply(false, { error: { code: e.code ?? 'error', message: String(e.message ?? e), details: e.details ?? null } });
    }
  };
}
