// The host API the shell gives a module (see @nslab/module-sdk), and the two ways of running one:
// first-party modules in this page (sharing the import map's three.js), third-party ones in a sandboxed iframe.
import { HOST_API_VERSION, HostError, loadEntry, validateLearningEvent } from '@nslab/module-sdk';
import { createHostDispatcher, PROTOCOL } from '@nslab/module-sdk/bridge';
import { graphql } from './api.js';

const RECORD = `mutation Record($input: RecordLearningEventInput!) {
  recordLearningEvent(input: $input) { event { id } userErrors { field message code } } }`;

/** The host functions for one module, checked against its catalogue entry. */
export function localHost(module, { navigate }) {
  const documents = new Map(module.operations.map((o) => [o.name, o.document]));
  return {
    async graphql(name, variables = {}) {
      const document = documents.get(name);
      if (!document) throw new HostError('undeclared-operation', `operation '${name}' is not declared in the module's manifest`);
      let result;
      try {
        result = await graphql(document, variables);
      } catch (e) {
        throw new HostError('network', 'the gateway cannot be reached: ' + e.message);
      }
      if (result.errors?.length) throw new HostError('graphql', result.errors[0].message, result.errors);
      return result.data;
    },
    async emit(event) {
      const problems = validateLearningEvent(event);
      if (problems.length) throw new HostError('invalid-event', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
      const input = { ...event, context: { ...(event.context ?? {}), moduleId: module.id, level: event.context?.level ?? module.level } };
      const result = await graphql(RECORD, { input });
      if (result.errors?.length) throw new HostError('graphql', result.errors[0].message, result.errors);
      const payload = result.data.recordLearningEvent;
      if (payload.userErrors.length) throw new HostError('invalid-event', payload.userErrors[0].message, payload.userErrors);
      return { id: payload.event.id };
    },
    navigate(route) { navigate(route); },
    async loadShader(name) {
      if (!module.shaders.includes(name)) throw new HostError('undeclared-shader', `shader '${name}' is not declared in the module's manifest`);
      const response = await fetch('/shaders/' + name);
      if (!response.ok) throw new HostError('network', `shader '${name}' could not be loaded (${response.status})`);
      return response.text();
    },
  };
}

/** Mounts a first-party module in this page. Returns {unmount, updateSettings}. */
export async function mountInPage(container, module, route, settings, hooks) {
  const mod = await loadEntry(module.entryUrl, module.integrity);
  const controller = new AbortController();
  const listeners = new Set();
  let current = settings;
  const local = localHost(module, hooks);
  const host = Object.freeze({
    apiVersion: HOST_API_VERSION,
    module: Object.freeze({ id: module.id, version: module.version, level: module.level }),
    route: Object.freeze({ ...route }),
    get theme() { return current.theme; },
    get locale() { return current.locale; },
    get reducedMotion() { return current.reducedMotion; },
    ...local,
    onSettingsChange(listener) { listeners.add(listener); return () => listeners.delete(listener); },
    signal: controller.signal,
  });
  await mod.mount(container, host);
  return {
    async unmount() { controller.abort(); await mod.unmount(); },
    updateSettings(next) { current = next; for (const l of listeners) l(next); },
  };
}

/** Mounts a third-party module in a sandboxed iframe behind the postMessage bridge. */
export function mountSandboxed(container, module, route, settings, hooks) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('title', module.name);
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.className = 'module-frame';
  frame.src = '/shell/sandbox?module=' + encodeURIComponent(module.id);
  const dispatch = createHostDispatcher(localHost(module, hooks), module);
  return new Promise((resolve, reject) => {
    let mounted = false;
    const post = (message) => frame.contentWindow?.postMessage({ nslab: PROTOCOL, ...message }, '*');
    async function onMessage(event) {
      if (event.source !== frame.contentWindow || event.data?.nslab !== PROTOCOL) return;
      const message = event.data;
      if (message.type === 'ready' && !mounted) {
        post({ type: 'mount', module: { id: module.id, version: module.version, level: module.level, entryUrl: module.entryUrl,
          integrity: module.integrity }, route, settings });
      } else if (message.type === 'mounted') {
        mounted = true;
        if (message.ok) resolve(handle);
        else reject(new Error(message.error || 'the module failed to mount'));
      } else if (message.type === 'call') {
        const reply = await dispatch(message);
        if (reply) frame.contentWindow?.postMessage(reply, '*');
      }
    }
    const handle = {
      unmount() {
        return new Promise((done) => {
          const finish = () => { window.removeEventListener('message', onMessage); frame.remove(); done(); };
          const timer = setTimeout(finish, 2000);
          window.addEventListener('message', function once(event) {
            if (event.source === frame.contentWindow && event.data?.type === 'unmounted') {
              clearTimeout(timer); window.removeEventListener('message', once); finish();
            }
          });
          post({ type: 'unmount' });
        });
      },
      updateSettings(next) { post({ type: 'settings', settings: next }); },
    };
    window.addEventListener('message', onMessage);
    setTimeout(() => { if (!mounted) reject(new Error('the module did not start within 15 s')); }, 15000);
    container.append(frame);
  });
}
