// Asking the simulation (through the host) for the prompt's trace and bringing the page up to it: at most one request
// in flight, the latest prompt wins; the 3D view first, the open panel after the view's first frame.
import { fetchReport } from './api.js';
import { COMPONENTS } from './constants.js';
import { interacted } from './events.js';
import { renderFocus, renderHeads, renderTokens } from './controls.js';
import { renderGallery, renderMultiHead, renderTable } from './attention.js';
import { renderFeedForward } from './feed-forward.js';
import { renderNorms, renderPositions } from './stream.js';
import { renderStage } from './stage.js';

/** Wall-clock time of each step of an update, for the benchmark (also as performance measures, 'nsm:<step>'). */
export function timed(phases, name, work) {
  const t0 = performance.now();
  const result = work();
  const t1 = performance.now();
  phases[name] = (phases[name] ?? 0) + (t1 - t0);
  return result;
}

// No debounce: a keystroke asks at once when no answer is awaited; keystrokes that come while one is on its way
// are folded into a single request sent when it arrives (the latest prompt wins). So a learner typing fast has at
// most one request in flight, and a single keystroke waits for nothing but its own answer.
export function schedule(state) {
  if (state.inFlight > 0) {
    state.pending = true;
    return;
  }
  update(state, {});
}

export async function update(state, { immediate = false } = {}) {
  clearTimeout(state.timer);
  state.pending = false;
  const prompt = state.prompt;
  if (!prompt.trim()) {
    state.status.textContent = 'Type a prompt to look inside the model.';
    return;
  }
  const seq = ++state.seq;
  const started = state.typedAt ?? performance.now();
  state.typedAt = undefined;
  const phases = {};
  let answer;
  state.inFlight++;
  try {
    const t0 = performance.now();
    answer = await fetchReport(state.host, { prompt, layer: state.layer, head: state.head, position: state.position }, phases);
    phases.request = performance.now() - t0;
  } catch (e) {
    if (seq === state.seq && !state.disposed) state.status.textContent = `The model could not be reached: ${e.message}`;
    return;
  } finally {
    state.inFlight--;
    if (state.pending && state.inFlight === 0 && !state.disposed) queueMicrotask(() => update(state, {}));
  }
  if (seq !== state.seq || state.disposed) return; // a newer request is on its way
  if (answer.errors?.length) {
    state.status.textContent = answer.errors.map((e) => e.message).join('; ');
    return;
  }
  if (!answer.report) {
    const s = answer.status;
    state.status.textContent = s?.state === 'TRAINING'
      ? `The reference model is still training (step ${s.step} of ${s.steps}); the view appears as soon as it is ready.`
      : `The model is not available (${s?.state ?? 'unknown'}${s?.message ? `: ${s.message}` : ''}).`;
    state.timer = setTimeout(() => update(state, {}), 3000);
    return;
  }
  const report = answer.report;
  state.report = report;
  state.layer = report.focus.layer;
  state.head = report.focus.head;
  state.position = report.focus.position;
  if (prompt !== state.lastPrompt) {
    state.lastPrompt = prompt;
    if (!immediate) interacted(state, 'attention', 'prompt');
  }
  const renderStart = performance.now();
  const rendered = render(state, phases);
  const shown = performance.now();
  phases.render = shown - renderStart;
  state.root.dataset.focus = `${state.layer},${state.head},${state.position}`;
  // The first frame of the new view: its draw calls are issued in the next animation frame, and the page's style,
  // layout and paint of the update follow in the same frame (a task posted from the frame runs after them). The
  // open panel below the view (the weights table, the gallery) is brought up to date after that frame.
  requestAnimationFrame(() => {
    if (state.disposed) return;
    const drawnMs = performance.now() - started;
    const firstFrame = state.firstFrameMs;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      if (state.disposed) return;
      const paintedMs = performance.now() - started;
      state.root.dataset.lastDrawnMs = drawnMs.toFixed(1);
      state.element.dispatchEvent(new CustomEvent('microscope:drawn', { detail: { prompt, ms: drawnMs, firstFrame, painted: paintedMs } }));
      if (rendered !== state.rendered) return; // a newer answer is shown; it brings the panel up to date
      renderPanel(state, state.tab, phases);
      const end = performance.now();
      const ms = end - started;
      performance.measure('nsm:update', { start: started, end });
      performance.clearMeasures('nsm:update');
      state.updates++;
      state.root.dataset.updates = String(state.updates);
      state.root.dataset.lastUpdateMs = ms.toFixed(1);
      const detail = { prompt, ms, view: shown - started, phases, layer: state.layer, head: state.head, position: state.position };
      state.element.dispatchEvent(new CustomEvent('microscope:updated', { detail }));
    };
    channel.port2.postMessage(null);
  });
}

export function render(state, phases = {}) {
  const { report } = state;
  const { model, tokens, focus } = report;
  state.patterns = new Map();
  state.status.textContent = `${tokens.length} tokens · ${model.layers} layers × ${model.heads} heads · width ${model.width} · `
    + `context ${model.contextLength}`;
  timed(phases, 'controls', () => {
    renderTokens(state);
    state.layerInput.max = String(model.layers);
    state.layerInput.value = String(focus.layer + 1);
    state.layerInput.setAttribute('aria-valuetext', `layer ${focus.layer + 1} of ${model.layers}`);
    state.layerOutput.textContent = `${focus.layer + 1} / ${model.layers}`;
    renderHeads(state);
    renderFocus(state);
  });
  // the open panel: now when there is no 3D view above it, else after the view's first frame (update); the
  // hidden panels when they are opened (openTab)
  state.stale = new Set(COMPONENTS.map((c) => c.id));
  if (state.stage.hidden) renderPanel(state, state.tab, phases);
  timed(phases, 'scene', () => renderStage(state));
  state.rendered++;
  return state.rendered;
}

export const PANEL_STEPS = Object.freeze({
  attention: [['table', renderTable], ['gallery', (state) => {
    renderMultiHead(state);
    renderGallery(state);
  }]],
  'feed-forward': [['panels', renderFeedForward]],
  normalization: [['panels', renderNorms]],
  positions: [['panels', renderPositions]],
});

/** Brings one panel up to the current report, if it is not already. */
export function renderPanel(state, id, phases = {}) {
  if (!state.report || !state.stale?.has(id)) return;
  state.stale.delete(id);
  for (const [name, step] of PANEL_STEPS[id]) timed(phases, name, () => step(state));
}
