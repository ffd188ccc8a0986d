// A host for tests and benchmarks where the shell is not available: it implements the browser SDK's host API
// (modules/sdk/README.md) against the real gateway, as a guest, and records what the module did in window.__host.
// Query parameters: gateway (URL), manifest (URL of module.json), reducedMotion, highContrast (1 = on).
import { HOST_API_VERSION, HostError, routeToHash, themeTokens, validateLearningEvent } from '@nslab/module-sdk';

const params = new URLSearchParams(location.search);
const gateway = params.get('gateway').replace(/\/$/, '');
const record = { events: [], rejectedEvents: [], navigations: [], errors: [], mounted: false };
window.__host = record;

async function post(query, variables, token) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers.Authorization = `Guest ${token}`;
  let response;
  try {
    response = await fetch(`${gateway}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new HostError('network', e.message);
  }
  const body = await response.json();
  if (body.errors?.length) throw new HostError('graphql', body.errors.map((e) => e.message).join('; '), body.errors);
  return body.data;
}

async function main() {
  const manifest = await (await fetch(params.get('manifest'))).json();
  const { startGuestSession } = await post('mutation { startGuestSession { token } }', {});
  const token = startGuestSession.token;
  const operations = new Map(manifest.operations.map((o) => [o.name, o.document]));
  const controller = new AbortController();
  const host = {
    version: HOST_API_VERSION,
    module: { id: manifest.id, version: manifest.version, level: manifest.level },
    route: { level: manifest.level, module: manifest.id },
    locale: 'en',
    reducedMotion: params.get('reducedMotion') === '1',
    theme: themeTokens({ highContrast: params.get('highContrast') === '1' }),
    signal: controller.signal,
    async graphql(name, variables) {
      if (!operations.has(name)) throw new HostError('undeclared-operation', `operation ${name} is not declared in module.json`);
      return post(operations.get(name), variables, token);
    },
    async emit(event) {
      const problems = validateLearningEvent(event);
      if (problems.length) {
        record.rejectedEvents.push({ event, problems });
        throw new HostError('invalid-event', problems.map((p) => p.message || p).join('; '));
      }
      const data = await post(`mutation Record($input: RecordLearningEventInput!) {
        recordLearningEvent(input: $input) { event { id } userErrors { field message } } }`, { input: event }, token);
      const payload = data.recordLearningEvent;
      record.events.push({ event, id: payload.event?.id || null, userErrors: payload.userErrors });
      return payload;
    },
    navigate(route) {
      record.navigations.push(route);
      history.replaceState(null, '', routeToHash(route));
    },
    async loadShader(name) {
      const response = await fetch(`${gateway}/shaders/${name}`);
      if (!response.ok) throw new HostError('network', `shader ${name}: HTTP ${response.status}`);
      return response.text();
    },
    onSettingsChange() { return () => {}; },
  };
  const entry = await import(manifest.entry.url);
  await entry.mount(document.getElementById('app'), host);
  record.mounted = true;
  record.metrics = () => entry.metrics?.();
}

main().catch((e) => {
  record.errors.push(String(e && e.message || e));
  document.title = 'host error';
});
