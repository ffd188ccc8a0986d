// Runs inside <iframe sandbox="allow-scripts">: an opaque origin with no access to the shell's cookies,
// storage, tokens or top window. The module gets its host through the postMessage bridge only.
import { loadEntry } from '@nslab/module-sdk';
import { createRemoteHost, PROTOCOL } from '@nslab/module-sdk/bridge';

const parentWindow = window.parent;
let remote = null;
let mod = null;
const post = (message) => parentWindow.postMessage({ nslab: PROTOCOL, ...message }, '*');

window.addEventListener('message', async (event) => {
  if (event.source !== parentWindow || event.data?.nslab !== PROTOCOL) return;
  const message = event.data;
  if (message.type === 'mount' && !remote) {
    try {
      mod = await loadEntry(message.module.entryUrl, message.module.integrity);
      remote = createRemoteHost(message, post);
      await mod.mount(document.getElementById('root'), remote.host);
      post({ type: 'mounted', ok: true });
    } catch (e) {
      post({ type: 'mounted', ok: false, error: String(e.message ?? e) });
    }
  } else if (message.type === 'unmount') {
    try {
      remote?.abort();
      await mod?.unmount();
      post({ type: 'unmounted', ok: true });
    } catch (e) {
      post({ type: 'unmounted', ok: false, error: String(e.message ?? e) });
    }
  } else {
    remote?.receive(message);
  }
});
post({ type: 'ready' });
