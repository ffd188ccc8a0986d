/**
 * @nslab/module-sdk — the contract between the Neural Synthesis Lab shell and a visualization module.
 *
 * A module is an ES module (its manifest's `entry.url`) exporting two functions:
 *
 *   export async function mount(element, host) { ... }   // draw into `element`, keep what you create
 *   export async function unmount() { ... }              // dispose everything (WebGL contexts, listeners, timers)
 *
 * First-party modules run in the shell's page and share its one copy of three.js (import 'three' through the
 * shell's import map); third-party modules run in a sandboxed iframe (scripts only, opaque origin) and get the
 * same `host` through a postMessage bridge (./bridge.js). Either way a module talks to the platform only
 * through `host`.
 *
 * @typedef {object} Theme
 * @property {{background: string, primary: string, success: string, warning: string, text: string}} colors
 * @property {{display: string, mono: string}} fonts
 * @property {boolean} highContrast
 *
 * @typedef {object} Route
 * @property {number} level          1..5
 * @property {string} [module]       module id inside the level (default: the level's first)
 * @property {string} [stage]        stage id from the module's manifest
 * @property {string} [component]    component id inside the stage
 *
 * @typedef {object} HostSettings
 * @property {Theme} theme
 * @property {string} locale         BCP 47, e.g. "en" or "pt-BR"
 * @property {boolean} reducedMotion true: no camera flights, no particle animation, still states
 *
 * @typedef {object} Host
 * @property {number} apiVersion                         HOST_API_VERSION
 * @property {{id: string, version: string, level: number}} module   the mounted module
 * @property {Route} route                               the deep link the module was opened with
 * @property {Theme} theme
 * @property {string} locale
 * @property {boolean} reducedMotion
 * @property {(operationName: string, variables?: object) => Promise<object>} graphql
 *   runs one of the operations declared in the manifest (by name) through the gateway, as the learner;
 *   resolves to `data`, rejects with a HostError (code 'undeclared-operation', 'graphql', 'network').
 * @property {(event: object) => Promise<{id: string}>} emit
 *   records a learning event (see ./events.js); rejects with code 'invalid-event' listing the problems.
 * @property {(route: Route) => void} navigate          opens another level, stage or component
 * @property {(name: string) => Promise<string>} loadShader
 *   GLSL source of a shared shader from the repository's shaders/ folder (declared in the manifest),
 *   without a #version line: prepend '#version 300 es' and a precision for WebGL2.
 * @property {(listener: (settings: HostSettings) => void) => () => void} onSettingsChange
 *   called when theme, locale or reduced motion change; returns an unsubscribe function
 * @property {AbortSignal} signal                        aborted when the module is unmounted
 */

export { validateLearningEvent, VERBS, OBJECT_TYPES } from './events.js';
export { themeTokens, PALETTE, HIGH_CONTRAST_PALETTE } from './theme.js';

/** Version of the host API described above; the shell refuses nothing older, adds fields compatibly. */
export const HOST_API_VERSION = 1;

/** Error a host call rejects with. */
export class HostError extends Error {
  /** @param {string} code @param {string} message @param {unknown} [details] */
  constructor(code, message, details) {
    super(message);
    this.name = 'HostError';
    this.code = code;
    this.details = details;
  }
}

/**
 * Checks that an imported entry module implements the contract.
 * @param {object} mod the namespace object of `import(entryUrl)`
 * @returns {string[]} what is missing; empty when it conforms
 */
export function contractProblems(mod) {
  const problems = [];
  if (!mod || typeof mod.mount !== 'function') problems.push('the entry module must export a function mount(element, host)');
  if (!mod || typeof mod.unmount !== 'function') problems.push('the entry module must export a function unmount()');
  return problems;
}

/**
 * Imports a module's entry with its SRI hash checked by the browser: a <script type="module" integrity> loads and
 * evaluates it, and the following import() returns that same instance from the module map.
 * @returns {Promise<object>} the module namespace, checked against the contract
 */
export function loadEntry(url, integrity) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.type = 'module';
    script.src = url;
    script.integrity = integrity;
    script.crossOrigin = 'anonymous';
    script.onload = () => { script.remove(); resolve(); };
    script.onerror = () => { script.remove(); reject(new HostError('entry', 'the module could not be loaded or does not match its integrity hash')); };
    document.head.append(script);
  }).then(() => import(/* @vite-ignore */ url)).then((mod) => {
    const problems = contractProblems(mod);
    if (problems.length) throw new HostError('contract', problems.join('; '));
    return mod;
  });
}

/** The deep-link fragment for a route: #/level/<n>[/<module>[/<stage>[/<component>]]]. */
export function routeToHash(route) {
  const parts = ['level', String(route.level)];
  for (const key of ['module', 'stage', 'component']) {
    if (!route[key]) break;
    parts.push(encodeURIComponent(route[key]));
  }
  return '#/' + parts.join('/');
}

/** @returns {Route | null} the route of a deep-link fragment, or null when it is not one */
export function hashToRoute(hash) {
  const m = /^#\/level\/([1-5])(?:\/([a-z0-9-]+))?(?:\/([a-z0-9-]+))?(?:\/([a-z0-9-]+))?\/?$/.exec(hash || '');
  if (!m) return null;
  const route = { level: Number(m[1]) };
  if (m[2]) route.module = m[2];
  if (m[3]) route.stage = m[3];
  if (m[4]) route.component = m[4];
  return route;
}
