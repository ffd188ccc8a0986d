// A host for the test page, built with the browser SDK (what the shell gives a first-party module): GraphQL
// through the real gateway as a guest, only the operations the manifest declares; learning events through
// the gateway's recordLearningEvent; navigation recorded; shaders from the repository's shaders/ folder.
import { HOST_API_VERSION, HostError, themeTokens, validateLearningEvent } from './sdk/index.js';

const RECORD = `mutation RecordLearningEvent($input: RecordLearningEventInput!) {
  recordLearningEvent(input: $input) { event { id } userErrors { field message } } }`;

async function post(endpoint, authorization, query, variables) {
  let response;
  try {
    response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new HostError('network', `the gateway cannot be reached: ${e.message}`);
  }
  const text = await response.text();
  post.lastBytes = text.length;
  const body = JSON.parse(text);
  if (body.errors?.length) throw new HostError('graphql', body.errors.map((e) => e.message).join('; '), body.errors);
  return body.data;
}

export async function createTestHost({ gateway, manifestUrl, reducedMotion = false, route = { level: 3 } }) {
  const manifest = await (await fetch(manifestUrl)).json();
  const session = await post(gateway, null, 'mutation { startGuestSession { token } }');
  const authorization = `Guest ${session.startGuestSession.token}`;
  const documents = new Map(manifest.operations.map((o) => [o.name, o.document]));
  const controller = new AbortController();
  const listeners = new Set();
  const log = { events: [], navigations: [], graphql: [] };
  const host = {
    apiVersion: HOST_API_VERSION,
    module: { id: manifest.id, version: manifest.version, level: manifest.level },
    route,
    theme: themeTokens({ highContrast: false }),
    locale: 'en',
    reducedMotion,
    signal: controller.signal,
    async graphql(name, variables = {}) {
      const document = documents.get(name);
      if (!document) throw new HostError('undeclared-operation', `${name} is not declared in module.json`);
      const t0 = performance.now();
      const data = await post(gateway, authorization, document, variables);
      log.graphql.push({ name, ms: performance.now() - t0 });
      log.lastBytes = post.lastBytes;
      return data;
    },
    async emit(event) {
      const problems = validateLearningEvent(event);
      if (problems.length) throw new HostError('invalid-event', problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
      const data = await post(gateway, authorization, RECORD, { input: event });
      const result = data.recordLearningEvent;
      if (result.userErrors.length) throw new HostError('invalid-event', result.userErrors.map((e) => e.message).join('; '));
      log.events.push({ ...event, recordedId: result.event.id });
      return { id: result.event.id };
    },
    navigate(to) {
      log.navigations.push(to);
    },
    async loadShader(name) {
      if (!manifest.shaders.includes(name)) throw new HostError('undeclared-shader', `${name} is not declared in module.json`);
      const response = await fetch(`./shaders/${name}`);
      if (!response.ok) throw new HostError('network', `shader ${name}: HTTP ${response.status}`);
      return response.text();
    },
    onSettingsChange(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
  };
  return { host, log, abort: () => controller.abort() };
}
