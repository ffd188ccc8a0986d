// The Component Microscope (Level 3): attention, the feed-forward network, LayerNorm and the residual
// stream, and positions, on the lab's own GPT, for any prompt a learner types. Implements the module
// contract of @nslab/module-sdk: mount(element, host) / unmount(). three.js comes from the shell's import
// map (one copy); every 3D view is a scene description drawn by @nslab/scene.
import * as THREE from 'three';
import { createSceneView, loadShaders, normalizeScene, shaderNames } from '@nslab/scene';
import { classifyPattern, strongestLinks } from './patterns.js';
import { attentionScene, feedForwardScene } from './scenes.js';
import { ACTIVATIONS, curvePath } from './activations.js';
import { EXAMPLES, attentionOf, fetchNeuronAtlas, fetchReport, showToken } from './api.js';
import { STYLE } from './style.js';
import { keptRows } from './table.js';

const MODULE_ID = 'component-microscope';
const COMPONENTS = Object.freeze([
  { id: 'attention', title: 'Attention' },
  { id: 'feed-forward', title: 'Feed-forward network' },
  { id: 'normalization', title: 'LayerNorm & residual stream' },
  { id: 'positions', title: 'Positions' },
]);
// Each view ends with the quizzes of the course components it covers (content/quizzes/components.yaml).
const QUIZZES = Object.freeze({
  attention: [['quiz-component-attention', 'Attention']],
  'feed-forward': [['quiz-component-feed-forward', 'Feed-forward network']],
  normalization: [['quiz-component-normalization', 'Normalization'], ['quiz-component-residual-stream', 'The residual stream']],
  positions: [['quiz-component-positions', 'Position information']],
});
// Course component ids (deep links) → the view that shows them.
const VIEW_OF = Object.freeze({ 'residual-stream': 'normalization' });
const VIEW_WIDTH = 1280;
const VIEW_HEIGHT = 720;

let current = null;

const fmt = (x, digits = 3) => (Number.isFinite(x) ? x.toFixed(digits) : '–');
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c);
  return node;
};
const viridis = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];
/** The viridis colour of v in [0, 1], written into out[at..at+2]. */
function colormapInto(v, out, at) {
  const x = Math.max(0, Math.min(1, v)) * (viridis.length - 1);
  const i = Math.min(viridis.length - 2, Math.floor(x));
  const f = x - i;
  const a = viridis[i];
  const b = viridis[i + 1];
  out[at] = Math.round(a[0] + (b[0] - a[0]) * f);
  out[at + 1] = Math.round(a[1] + (b[1] - a[1]) * f);
  out[at + 2] = Math.round(a[2] + (b[2] - a[2]) * f);
}
const rgb = [0, 0, 0];
function colormap(v) {
  colormapInto(v, rgb, 0);
  return rgb;
}
const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

/** Draws an attention matrix into a 2D canvas, one pixel per weight (scaled by CSS). */
function drawMatrix(canvas, matrix) {
  const t = matrix.length;
  if (canvas.width !== t) canvas.width = t;
  if (canvas.height !== t) canvas.height = t;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(t, t);
  const data = image.data;
  for (let q = 0, i = 0; q < t; q++) {
    const row = matrix[q];
    for (let k = 0; k < t; k++, i += 4) {
      colormapInto(Math.sqrt(row[k]), data, i);
      data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

/** Wall-clock time of each step of an update, for the benchmark (also as performance measures, 'nsm:<step>'). */
function timed(phases, name, work) {
  const t0 = performance.now();
  const result = work();
  const t1 = performance.now();
  phases[name] = (phases[name] ?? 0) + (t1 - t0);
  return result;
}

export async function mount(element, host) {
  if (current) await unmount();
  const state = {
    host, element, prompt: EXAMPLES[0], layer: null, head: 0, position: null, report: null, tab: 'attention',
    seq: 0, timer: null, raf: 0, view: null, renderer: null, shaders: null, visited: new Set(), lastEmit: new Map(),
    reducedMotion: !!host.reducedMotion, updates: 0, started: 0, cellFocus: { q: 0, k: 0 }, disposed: false,
    inFlight: 0, pending: false, rendered: 0,
  };
  current = state;
  const root = el('section', { class: 'nsm', 'aria-label': 'Component Microscope' });
  root.append(el('style', { text: STYLE }));
  element.append(root);
  state.root = root;
  buildLayout(state);
  state.unsubscribe = host.onSettingsChange?.((settings) => {
    state.reducedMotion = !!settings.reducedMotion;
    if (state.report) renderStage(state);
  });
  const programs = shaderNames(normalizeScene({ version: 1, camera: { position: [0, 0, 1], target: [0, 0, 0] },
    meshes: [{ primitive: 'box' }], heatmaps: [{ rows: 1, cols: 1, values: [0] }], particles: [{ count: 1, emitter: { type: 'sphere' } }] }));
  state.shaders = await loadShaders(programs, (file) => host.loadShader(file));
  if (state.disposed) return;
  state.renderer = new THREE.WebGLRenderer({ canvas: state.canvas, antialias: false, alpha: false });
  state.renderer.setPixelRatio(1);
  emit(state, { verb: 'LAUNCHED', objectId: MODULE_ID, objectType: 'MODULE', objectName: 'Component Microscope' });
  const wanted = VIEW_OF[host.route?.component] ?? host.route?.component;
  openTab(state, COMPONENTS.some((c) => c.id === wanted) ? wanted : 'attention', false);
  await update(state, { immediate: true });
}

export async function unmount() {
  const state = current;
  current = null;
  if (!state) return;
  state.disposed = true;
  clearTimeout(state.timer);
  cancelAnimationFrame(state.raf);
  state.unsubscribe?.();
  state.view?.dispose();
  if (state.renderer) {
    state.renderer.dispose();
    state.renderer.forceContextLoss();
  }
  state.root.remove();
}

// ------------------------------------------------------------------ events

function emit(state, event, throttleKey = null) {
  if (throttleKey) {
    const now = performance.now();
    if (now - (state.lastEmit.get(throttleKey) ?? -Infinity) < 1500) return;
    state.lastEmit.set(throttleKey, now);
  }
  Promise.resolve()
    .then(() => state.host.emit({ ...event, context: { level: 3, moduleId: MODULE_ID } }))
    .catch((e) => console.warn('learning event not recorded:', e?.message ?? e));
}

function interacted(state, component, response) {
  emit(state, { verb: 'INTERACTED', objectId: `${MODULE_ID}/${component}`, objectType: 'VIEW', result: { response } },
    `${component}:${response.split(':')[0]}`);
}

// ------------------------------------------------------------------ layout

function buildLayout(state) {
  const { root } = state;
  const promptInput = el('textarea', { id: 'nsm-prompt', rows: 2, maxlength: 2000, spellcheck: 'false', 'aria-describedby': 'nsm-prompt-help' });
  promptInput.value = state.prompt;
  promptInput.addEventListener('input', () => {
    state.prompt = promptInput.value;
    state.position = null;
    state.typedAt = performance.now();
    schedule(state);
  });
  const examples = el('select', { id: 'nsm-examples', 'aria-label': 'Example prompts', onchange: () => {
    if (!examples.value) return;
    promptInput.value = examples.value;
    state.prompt = examples.value;
    state.position = null;
    state.typedAt = performance.now();
    interacted(state, 'attention', 'example');
    update(state, { immediate: true });
  } }, el('option', { value: '', text: 'Examples…' }), ...EXAMPLES.map((e) => el('option', { value: e, text: e })));
  state.status = el('p', { class: 'nsm-status', role: 'status', 'aria-live': 'polite' });
  root.append(el('header', { class: 'nsm-header' },
    el('h2', { text: 'Component Microscope' }),
    el('div', { class: 'nsm-prompt' },
      el('label', { for: 'nsm-prompt', text: 'Prompt' }), promptInput, examples),
    el('p', { id: 'nsm-prompt-help', class: 'nsm-help', text: 'Type any text (up to the model\'s context); the view follows as you type.' }),
    state.status));
  state.promptInput = promptInput;

  const tablist = el('div', { role: 'tablist', 'aria-label': 'Components', class: 'nsm-tabs' });
  state.tabs = new Map();
  state.panels = new Map();
  for (const c of COMPONENTS) {
    const tab = el('button', { role: 'tab', id: `nsm-tab-${c.id}`, 'aria-controls': `nsm-panel-${c.id}`, 'aria-selected': 'false', tabindex: '-1',
      text: c.title, onclick: () => openTab(state, c.id, true) });
    tab.addEventListener('keydown', (e) => {
      const i = COMPONENTS.findIndex((x) => x.id === c.id);
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: COMPONENTS.length - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      const target = COMPONENTS[(next + COMPONENTS.length) % COMPONENTS.length];
      openTab(state, target.id, true);
      state.tabs.get(target.id).focus();
    });
    tablist.append(tab);
    state.tabs.set(c.id, tab);
  }
  root.append(tablist);

  // the 3D stage, shared by the attention and feed-forward views (one WebGL context)
  state.canvas = el('canvas', { width: VIEW_WIDTH, height: VIEW_HEIGHT, 'aria-hidden': 'true' });
  state.overlay = el('div', { class: 'nsm-overlay', 'aria-hidden': 'true' });
  state.caption = el('figcaption', { class: 'nsm-caption' });
  state.stage = el('figure', { class: 'nsm-stage' }, el('div', { class: 'nsm-canvas-box' }, state.canvas, state.overlay), state.caption);

  // controls: tokens, layer, heads
  state.tokenBar = el('div', { role: 'toolbar', 'aria-label': 'Tokens: the selected token sends the query', class: 'nsm-tokens' });
  state.layerInput = el('input', { type: 'range', id: 'nsm-layer', min: 1, max: 1, value: 1, step: 1 });
  state.layerInput.addEventListener('input', () => {
    state.layer = Number(state.layerInput.value) - 1;
    interacted(state, 'attention', `layer:${state.layer}`);
    update(state, { immediate: true });
  });
  state.layerOutput = el('output', { for: 'nsm-layer' });
  state.headGroup = el('div', { role: 'radiogroup', 'aria-label': 'Head', class: 'nsm-heads' });
  const controls = el('div', { class: 'nsm-controls' },
    el('div', { class: 'nsm-control' }, el('span', { class: 'nsm-label', id: 'nsm-tokens-label', text: 'Token' }), state.tokenBar),
    el('div', { class: 'nsm-control' }, el('label', { for: 'nsm-layer', class: 'nsm-label', text: 'Layer' }), state.layerInput, state.layerOutput),
    el('div', { class: 'nsm-control' }, el('span', { class: 'nsm-label', text: 'Head' }), state.headGroup));
  state.controls = controls;

  // attention panel
  state.focusDetails = el('dl', { class: 'nsm-details' });
  state.announcer = el('p', { class: 'nsm-live', 'aria-live': 'polite', id: 'nsm-strongest' });
  state.table = el('table', { class: 'nsm-table', role: 'grid', 'aria-label': 'Attention weights: rows are queries, columns are keys' });
  state.cellInfo = el('p', { class: 'nsm-cell-info', 'aria-live': 'polite' });
  // one listener each for the whole grid: values on focus (announced) and on hover (shown)
  const cellOf = (e) => e.target.closest?.('td[data-q]');
  state.table.addEventListener('focusin', (e) => {
    const cell = cellOf(e);
    if (cell) describeCell(state, Number(cell.dataset.q), Number(cell.dataset.k));
  });
  state.table.addEventListener('mouseover', (e) => {
    const cell = cellOf(e);
    if (cell) describeCell(state, Number(cell.dataset.q), Number(cell.dataset.k), false);
  });
  state.multiHead = el('div', { class: 'nsm-multihead', role: 'group', 'aria-label': 'Every head of this layer' });
  state.gallery = el('div', { class: 'nsm-gallery', role: 'group', 'aria-label': 'Pattern gallery: every layer × head' });
  addPanel(state, 'attention',
    el('p', { class: 'nsm-help', text: 'The selected token sends its query (blue orb); it is compared with every earlier key (amber); the '
      + 'scores, after softmax, are the weights in the heat map; the values flow in proportion to their weights (particles) and merge into the output (green).' }),
    state.focusDetails, state.announcer,
    el('h3', { text: 'Attention weights (table)' }), el('div', { class: 'nsm-table-box' }, state.table), state.cellInfo,
    el('h3', { text: 'All heads of this layer' }), state.multiHead,
    el('h3', { text: 'Pattern gallery' }),
    el('p', { class: 'nsm-help', text: 'Every layer × head, labelled by the pattern its attention matrix shows (computed from the weights).' }),
    state.gallery);

  // feed-forward panel
  state.neuronTable = el('table', { class: 'nsm-table' });
  state.neuronTable.addEventListener('click', (e) => {
    const button = e.target.closest?.('button.nsm-neuron');
    if (button) showNeuron(state, Number(button.dataset.layer), Number(button.dataset.neuron));
  });
  state.atlas = el('div', { class: 'nsm-atlas', 'aria-live': 'polite' });
  state.ffnSummary = el('p', { class: 'nsm-help' });
  const curves = el('figure', { class: 'nsm-curves' });
  curves.innerHTML = activationSvg();
  curves.append(el('figcaption', { text: ACTIVATIONS.map((a) => `${a.name}: ${a.note}`).join(' · ') }));
  addPanel(state, 'feed-forward', state.ffnSummary,
    el('h3', { text: 'Top neurons per token (focus layer)' }), el('div', { class: 'nsm-table-box' }, state.neuronTable),
    el('h3', { text: 'What a neuron responds to (held-out corpus)' }), state.atlas,
    el('h3', { text: 'Activation functions compared' }), curves);

  // normalization & residual panel
  state.normsTable = el('table', { class: 'nsm-table' });
  state.lensTable = el('table', { class: 'nsm-table' });
  addPanel(state, 'normalization',
    el('p', { class: 'nsm-help', text: 'Each block normalizes its input (LayerNorm: mean 0, variance 1, then a learned scale and shift) before '
      + 'attention and before the MLP, and adds their outputs to the residual stream. The norms below show how every sub-layer grows the stream.' }),
    el('h3', { text: 'Residual-stream norms after each sub-layer' }), el('div', { class: 'nsm-table-box' }, state.normsTable),
    el('h3', { text: 'Logit lens: what each layer would predict for the selected token' }), el('div', { class: 'nsm-table-box' }, state.lensTable));

  // positions panel
  state.positionsTable = el('table', { class: 'nsm-table' });
  state.positionsSummary = el('p', { class: 'nsm-help' });
  addPanel(state, 'positions',
    el('p', { class: 'nsm-help', text: 'Attention alone treats the tokens as a set. The model adds a learned position embedding to every token '
      + 'embedding: the same word at two positions enters the stream as two different vectors. Heads that attend to the previous '
      + 'or the first token can only do so because of this.' }),
    state.positionsSummary, el('div', { class: 'nsm-table-box' }, state.positionsTable));

  root.append(controls, state.stage);
  for (const panel of state.panels.values()) root.append(panel);
}

function addPanel(state, id, ...children) {
  const quizzes = QUIZZES[id].map(([quizId, title]) => el('button', { class: 'nsm-quiz', 'data-quiz': quizId, text: `Quiz: ${title}`, onclick: () => {
    emit(state, { verb: 'LAUNCHED', objectId: quizId, objectType: 'QUIZ', objectName: `Quiz: ${title}` });
    state.host.navigate({ level: 3, module: MODULE_ID, stage: 'quizzes', component: quizId });
  } }));
  const panel = el('section', { role: 'tabpanel', id: `nsm-panel-${id}`, 'aria-labelledby': `nsm-tab-${id}`, hidden: true, class: 'nsm-panel' },
    ...children, el('p', { class: 'nsm-quiz-row' }, el('span', { text: 'Test yourself: ' }), ...quizzes));
  state.panels.set(id, panel);
}

function openTab(state, id, byLearner) {
  state.tab = id;
  for (const [tid, tab] of state.tabs) {
    tab.setAttribute('aria-selected', String(tid === id));
    tab.tabIndex = tid === id ? 0 : -1;
    state.panels.get(tid).hidden = tid !== id;
  }
  state.stage.hidden = !(id === 'attention' || id === 'feed-forward');
  if (!state.visited.has(id)) {
    state.visited.add(id);
    emit(state, { verb: 'EXPERIENCED', objectId: id, objectType: 'COMPONENT', objectName: COMPONENTS.find((c) => c.id === id).title });
  }
  if (byLearner) interacted(state, id, 'open');
  renderPanel(state, id);
  if (state.report) renderStage(state);
}

function activationSvg() {
  const w = 240;
  const h = 160;
  const opts = { width: w, height: h };
  const zeroY = h - ((0 + 1) / 5) * h;
  return `<svg viewBox="0 0 ${w} ${h}" width="${w * 1.5}" height="${h * 1.5}" role="img" aria-label="GELU, ReLU and SwiGLU on -4..4">
    <line x1="0" y1="${zeroY}" x2="${w}" y2="${zeroY}" stroke="#555" /><line x1="${w / 2}" y1="0" x2="${w / 2}" y2="${h}" stroke="#555" />
    ${ACTIVATIONS.map((a) => `<path d="${curvePath(a.fn, opts)}" fill="none" stroke="${a.color}" stroke-width="2"><title>${a.name}</title></path>`).join('')}
    ${ACTIVATIONS.map((a, i) => `<text x="6" y="${16 + i * 16}" fill="${a.color}" font-size="12">${a.name}</text>`).join('')}
  </svg>`;
}

// ------------------------------------------------------------------ data

// No debounce: a keystroke asks at once when no answer is awaited; keystrokes that come while one is on its way
// are folded into a single request sent when it arrives (the latest prompt wins). So a learner typing fast has at
// most one request in flight, and a single keystroke waits for nothing but its own answer.
function schedule(state) {
  if (state.inFlight > 0) {
    state.pending = true;
    return;
  }
  update(state, {});
}

async function update(state, { immediate = false } = {}) {
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

// ------------------------------------------------------------------ rendering

function render(state, phases = {}) {
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

const PANEL_STEPS = Object.freeze({
  attention: [['table', renderTable], ['gallery', (state) => {
    renderMultiHead(state);
    renderGallery(state);
  }]],
  'feed-forward': [['panels', renderFeedForward]],
  normalization: [['panels', renderNorms]],
  positions: [['panels', renderPositions]],
});

/** Brings one panel up to the current report, if it is not already. */
function renderPanel(state, id, phases = {}) {
  if (!state.report || !state.stale?.has(id)) return;
  state.stale.delete(id);
  for (const [name, step] of PANEL_STEPS[id]) timed(phases, name, () => step(state));
}

function renderTokens(state) {
  const { tokens, focus } = state.report;
  const weights = focus.weights;
  const bar = state.tokenBar;
  const hadFocus = bar.contains(document.activeElement);
  bar.replaceChildren(...tokens.map((tok, i) => {
    const b = el('button', { class: 'nsm-token', 'aria-pressed': String(i === focus.position), tabindex: i === focus.position ? 0 : -1,
      'data-position': i, title: i <= focus.position ? `weight from the selected token: ${fmt(weights[i])}` : 'after the selected token (masked)',
      'aria-label': `token ${i + 1} of ${tokens.length}: ${showToken(tok.text)}${i === focus.position ? ', selected' : ''}`,
      text: showToken(tok.text) });
    b.addEventListener('click', () => selectToken(state, i));
    b.addEventListener('keydown', (e) => {
      const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tokens.length - 1 }[e.key];
      if (next === undefined || next < 0 || next >= tokens.length) return;
      e.preventDefault();
      selectToken(state, next);
    });
    if (i <= focus.position) b.style.setProperty('--w', String(Math.sqrt(weights[i])));
    return b;
  }));
  if (hadFocus) bar.querySelector('[tabindex="0"]')?.focus();
}

function selectToken(state, i) {
  state.position = i;
  interacted(state, 'attention', `token:${i}`);
  // move the roving focus now; the numbers follow when the new focus arrives
  state.tokenBar.querySelectorAll('button').forEach((b, j) => {
    b.tabIndex = j === i ? 0 : -1;
    b.setAttribute('aria-pressed', String(j === i));
  });
  state.tokenBar.querySelector(`[data-position="${i}"]`)?.focus();
  update(state, { immediate: true });
}

function renderHeads(state) {
  const { model, focus } = state.report;
  const group = state.headGroup;
  const hadFocus = group.contains(document.activeElement);
  group.replaceChildren(...Array.from({ length: model.heads }, (_, h) => {
    const b = el('button', { role: 'radio', class: 'nsm-head', 'aria-checked': String(h === focus.head), tabindex: h === focus.head ? 0 : -1,
      'data-head': h, text: String(h + 1), 'aria-label': `head ${h + 1} of ${model.heads}` });
    b.addEventListener('click', () => selectHead(state, h));
    b.addEventListener('keydown', (e) => {
      const next = { ArrowRight: h + 1, ArrowDown: h + 1, ArrowLeft: h - 1, ArrowUp: h - 1, Home: 0, End: model.heads - 1 }[e.key];
      if (next === undefined) return;
      e.preventDefault();
      selectHead(state, (next + model.heads) % model.heads);
    });
    return b;
  }));
  if (hadFocus) group.querySelector('[tabindex="0"]')?.focus();
}

function selectHead(state, h, layer = state.layer) {
  state.head = h;
  state.layer = layer;
  interacted(state, 'attention', `head:${layer}:${h}`);
  state.headGroup.querySelectorAll('button').forEach((b, j) => {
    b.tabIndex = j === h ? 0 : -1;
    b.setAttribute('aria-checked', String(j === h));
  });
  if (state.headGroup.contains(document.activeElement)) state.headGroup.querySelector(`[data-head="${h}"]`)?.focus();
  update(state, { immediate: true });
}

function renderFocus(state) {
  const { tokens, focus } = state.report;
  const norm = (v) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const items = [
    ['Selected token', `${focus.position + 1}: ${showToken(tokens[focus.position].text)}`],
    ['Layer, head', `${focus.layer + 1}, ${focus.head + 1}`],
    ['|query|', fmt(norm(focus.query))],
    ['|output|', fmt(norm(focus.output))],
  ];
  state.focusDetails.replaceChildren(...items.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const links = strongestLinks(attentionOf(state.report, focus.layer, focus.head), 3, focus.position);
  const text = links.map((l) => `${showToken(tokens[l.key].text)} (${fmt(l.weight)})`).join(', ');
  state.announcer.textContent = `Strongest links from ${showToken(tokens[focus.position].text)} in layer ${focus.layer + 1}, head ${focus.head + 1}: ${text}.`;
  const alternative = `Token ${showToken(tokens[focus.position].text)} attends most to ${text}.`;
  state.caption.textContent = state.tab === 'attention' ? alternative : state.caption.textContent;
}

/** The cells of one query row from key `from` on, as HTML (every cell out of the roving tab order). */
function tableCells(q, row, from, t) {
  const html = [];
  for (let k = from; k < t; k++) {
    const w = row[k];
    if (k <= q) {
      const s = Math.sqrt(w);
      const [r, g, b] = colormap(s);
      html.push(`<td role="gridcell" tabindex="-1" data-q="${q}" data-k="${k}" data-weight="${w}" `
        + `style="background: rgb(${r}, ${g}, ${b});${s > 0.6 ? ' color: rgb(0, 0, 0);' : ''}">${fmt(w)}</td>`);
    } else {
      html.push(`<td role="gridcell" tabindex="-1" data-q="${q}" data-k="${k}" data-weight="${w}"></td>`);
    }
  }
  return html.join('');
}

function renderTable(state) {
  const { tokens, focus } = state.report;
  const matrix = attentionOf(state.report, focus.layer, focus.head);
  const t = tokens.length;
  const ids = tokens.map((tok) => tok.id);
  const keep = state.cellFocus;
  const q0 = Math.min(keep.q, t - 1);
  const k0 = Math.min(keep.k, q0);
  const names = tokens.map((tok) => escapeHtml(showToken(tok.text)));
  const head = ['<tr><th scope="col">query ↓ key →</th>'];
  for (let k = 0; k < t; k++) head.push(`<th scope="col" title="key ${k + 1}">${names[k]}</th>`);
  head.push('</tr>');
  const hadFocus = state.table.contains(document.activeElement);
  const kept = keptRows(state.tableShown, focus.layer, focus.head, ids, matrix);
  if (kept === 0) {
    // t² cells: written as one HTML string (parsed natively), not created one element and one attribute at a time
    const html = [`<thead>${head.join('')}</thead><tbody>`];
    for (let q = 0; q < t; q++) html.push(`<tr><th scope="row">${names[q]}</th>${tableCells(q, matrix[q], 0, t)}</tr>`);
    html.push('</tbody>');
    state.table.innerHTML = html.join('');
  } else {
    // as a prompt grows, only the new rows are written; the kept rows get the new keys' (masked) cells
    state.table.tHead.innerHTML = head.join('');
    const body = state.table.tBodies[0];
    while (body.rows.length > kept) body.lastElementChild.remove();
    for (let q = 0; q < kept; q++) {
      const row = body.rows[q];
      while (row.cells.length > t + 1) row.lastElementChild.remove();
      if (row.cells.length < t + 1) row.insertAdjacentHTML('beforeend', tableCells(q, matrix[q], row.cells.length - 1, t));
    }
    const html = [];
    for (let q = kept; q < t; q++) html.push(`<tr><th scope="row">${names[q]}</th>${tableCells(q, matrix[q], 0, t)}</tr>`);
    body.insertAdjacentHTML('beforeend', html.join(''));
    state.table.querySelectorAll('td[tabindex="0"]').forEach((cell) => { cell.tabIndex = -1; });
  }
  state.tableShown = { layer: focus.layer, head: focus.head, ids, matrix };
  const body = state.table.tBodies[0];
  for (let q = 0; q < t; q++) body.rows[q].setAttribute('aria-selected', String(q === focus.position));
  const roving = body.rows[q0].cells[k0 + 1];
  roving.tabIndex = 0;
  if (hadFocus && !state.table.contains(document.activeElement)) roving.focus();
  state.table.onkeydown = (e) => {
    const cell = e.target.closest('td');
    if (!cell) return;
    let q = Number(cell.dataset.q);
    let k = Number(cell.dataset.k);
    if (e.key === 'ArrowRight') k++;
    else if (e.key === 'ArrowLeft') k--;
    else if (e.key === 'ArrowDown') q++;
    else if (e.key === 'ArrowUp') q--;
    else if (e.key === 'Home') k = 0;
    else if (e.key === 'End') k = q;
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectToken(state, q); return; }
    else return;
    e.preventDefault();
    q = Math.max(0, Math.min(t - 1, q));
    k = Math.max(0, Math.min(q, k));
    const next = state.table.querySelector(`td[data-q="${q}"][data-k="${k}"]`);
    cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };
}

function describeCell(state, q, k, announce = true) {
  const { tokens, focus } = state.report;
  state.cellFocus = { q, k };
  const w = attentionOf(state.report, focus.layer, focus.head)[q][k];
  const text = k > q
    ? `${showToken(tokens[q].text)} cannot see ${showToken(tokens[k].text)} (a later token is masked).`
    : `${showToken(tokens[q].text)} → ${showToken(tokens[k].text)}: weight ${fmt(w, 4)}`
      + (q === focus.position ? `, score q·k/√d ${fmt(focus.scores[k], 4)}` : '');
  state.cellInfo.setAttribute('aria-live', announce ? 'polite' : 'off');
  state.cellInfo.textContent = text;
}

/** The pattern of one layer × head, classified once per report. */
function patternOf(state, layer, head) {
  const key = `${layer},${head}`;
  let pattern = state.patterns.get(key);
  if (!pattern) {
    pattern = classifyPattern(attentionOf(state.report, layer, head));
    state.patterns.set(key, pattern);
  }
  return pattern;
}

/** A thumbnail button: made once per place in its grid, then redrawn with every report. */
function thumbnail(state, big) {
  const canvas = el('canvas', { class: big ? 'nsm-thumb-big' : 'nsm-thumb', 'aria-hidden': 'true' });
  const label = el('span', { class: 'nsm-thumb-label' });
  const b = el('button', { class: 'nsm-thumb-button', onclick: () => selectHead(state, Number(b.dataset.head), Number(b.dataset.layer)) },
    canvas, label);
  b.draw = (layer, head) => {
    const pattern = patternOf(state, layer, head);
    drawMatrix(canvas, attentionOf(state.report, layer, head));
    const selected = layer === state.report.focus.layer && head === state.report.focus.head;
    b.setAttribute('aria-pressed', String(selected));
    b.dataset.layer = String(layer);
    b.dataset.head = String(head);
    b.dataset.pattern = pattern.label;
    b.setAttribute('aria-label', `layer ${layer + 1}, head ${head + 1}: ${pattern.name} (${fmt(pattern.score, 2)})`);
    label.textContent = big ? `head ${head + 1}: ${pattern.name}` : `L${layer + 1} H${head + 1} · ${pattern.name}`;
  };
  return b;
}

/** Keeps exactly `count` thumbnails in `container` (reusing the ones there) and redraws them. */
function renderThumbnails(state, container, count, big, place) {
  while (container.children.length > count) container.lastElementChild.remove();
  while (container.children.length < count) container.append(thumbnail(state, big));
  [...container.children].forEach((b, i) => b.draw(...place(i)));
}

function renderMultiHead(state) {
  const { model, focus } = state.report;
  renderThumbnails(state, state.multiHead, model.heads, true, (h) => [focus.layer, h]);
}

function renderGallery(state) {
  const { model } = state.report;
  state.gallery.style.setProperty('--heads', String(model.heads));
  renderThumbnails(state, state.gallery, model.layers * model.heads, false, (i) => [Math.floor(i / model.heads), i % model.heads]);
}

function renderFeedForward(state) {
  const { model, tokens, topNeurons, focus, hiddenActivations } = state.report;
  const active = hiddenActivations.filter((a) => a > 0).length;
  state.ffnSummary.textContent = `Layer ${focus.layer + 1}: ${model.width} → ${model.hidden} (${model.expansion}× wider, ${model.activation}) → ${model.width}. `
    + `For ${showToken(tokens[focus.position].text)}, ${active} of ${model.hidden} neurons are positive; the strongest reaches ${fmt(Math.max(...hiddenActivations))}.`;
  // tokens × top buttons: one HTML string, one click listener for the table (buildLayout)
  const html = ['<thead><tr><th scope="col">token</th>'];
  topNeurons[0].forEach((_, i) => html.push(`<th scope="col">#${i + 1}</th>`));
  html.push('</tr></thead><tbody>');
  topNeurons.forEach((list, p) => {
    html.push(`<tr aria-selected="${p === focus.position}"><th scope="row">${escapeHtml(showToken(tokens[p].text))}</th>`);
    for (const n of list) {
      html.push(`<td><button class="nsm-neuron" data-neuron="${n.neuron}" data-layer="${focus.layer}" aria-label="neuron ${n.neuron}, `
        + `activation ${fmt(n.activation)}: show the corpus snippets that activate it">${n.neuron} (${fmt(n.activation, 2)})</button></td>`);
    }
    html.push('</tr>');
  });
  html.push('</tbody>');
  state.neuronTable.innerHTML = html.join('');
}

async function showNeuron(state, layer, neuron) {
  interacted(state, 'feed-forward', `neuron:${layer}:${neuron}`);
  state.atlas.textContent = `Reading the held-out corpus for neuron ${neuron} of layer ${layer + 1}…`;
  try {
    const { atlas, errors, status } = await fetchNeuronAtlas(state.host, { layer, neuron });
    if (state.disposed) return;
    if (errors?.length || !atlas) {
      state.atlas.textContent = errors?.map((e) => e.message).join('; ') || `The model is not ready (${status?.state}).`;
      return;
    }
    const list = el('ol', { class: 'nsm-snippets' }, ...atlas.snippets.map((s) => el('li', {},
      el('span', { class: 'nsm-activation', text: fmt(s.activation, 2) }), ' ',
      ...s.tokens.map((tok, i) => (i === s.index ? el('mark', { text: tok.text }) : document.createTextNode(tok.text))))));
    state.atlas.replaceChildren(el('p', { text: `Neuron ${neuron}, layer ${layer + 1}: the ${atlas.snippets.length} strongest of `
      + `${atlas.windows} windows × ${atlas.windowLength} held-out tokens (marked: the activating token).` }), list);
  } catch (e) {
    state.atlas.textContent = `The neuron atlas could not be loaded: ${e.message}`;
  }
}

function renderNorms(state) {
  const { residualNorms, tokens, logitLens, next, focus, model } = state.report;
  const names = ['embedding', ...Array.from({ length: model.layers }, (_, l) => [`after attention ${l + 1}`, `after MLP ${l + 1}`]).flat()];
  state.normsTable.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'sub-layer' }), ...tokens.map((t) => el('th', { scope: 'col', text: showToken(t.text) })))),
    el('tbody', {}, ...residualNorms.map((row, i) => el('tr', {}, el('th', { scope: 'row', text: names[i] }),
      ...row.map((v) => el('td', { 'data-norm': String(v), text: fmt(v, 2) }))))));
  const lensRows = logitLens.map((cands, l) => el('tr', {}, el('th', { scope: 'row', text: `layer ${l + 1}` }),
    ...cands.map((c) => el('td', { text: `${showToken(c.token.text)} ${fmt(c.probability)}` }))));
  lensRows.push(el('tr', {}, el('th', { scope: 'row', text: 'model output' }), ...next.map((c) => el('td', { text: `${showToken(c.token.text)} ${fmt(c.probability)}` }))));
  state.lensTable.replaceChildren(el('caption', { text: `after ${showToken(tokens[focus.position].text)}` }), el('tbody', {}, ...lensRows));
}

function renderPositions(state) {
  const { residualNorms, tokens } = state.report;
  const embedding = residualNorms[0];
  const seen = new Map();
  const repeats = [];
  tokens.forEach((t, i) => {
    if (seen.has(t.id)) repeats.push([seen.get(t.id), i]);
    else seen.set(t.id, i);
  });
  state.positionsSummary.textContent = repeats.length
    ? `Repeated tokens enter with different vectors: ${repeats.slice(0, 3).map(([a, b]) => `${showToken(tokens[a].text)} at ${a + 1} has norm ${fmt(embedding[a], 2)}, at ${b + 1} ${fmt(embedding[b], 2)}`).join('; ')}.`
    : 'Type a prompt that repeats a word to see the same token enter at two positions with different vectors.';
  state.positionsTable.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'position' }), el('th', { scope: 'col', text: 'token' }),
      el('th', { scope: 'col', text: '|token + position embedding|' }))),
    el('tbody', {}, ...tokens.map((t, i) => el('tr', {}, el('td', { text: String(i + 1) }), el('td', { text: showToken(t.text) }),
      el('td', { text: fmt(embedding[i], 3) })))));
}

function renderStage(state) {
  if (!state.renderer || !state.report) return;
  cancelAnimationFrame(state.raf);
  if (state.stage.hidden) return;
  const options = { reducedMotion: state.reducedMotion };
  const description = state.tab === 'feed-forward' ? feedForwardScene(state.report, options) : attentionScene(state.report, options);
  if (state.tab === 'feed-forward') state.caption.textContent = state.ffnSummary.textContent;
  state.view = createSceneView({ renderer: state.renderer, scene: normalizeScene(description), shaders: state.shaders,
    width: VIEW_WIDTH, height: VIEW_HEIGHT, overlay: state.overlay, replaces: state.view });
  state.view.setSize(VIEW_WIDTH, VIEW_HEIGHT);
  state.root.dataset.scene = description.title;
  state.root.dataset.animating = String(!state.reducedMotion);
  if (state.reducedMotion) {
    state.view.render(2); // a still state: particles stand along their streams
    return;
  }
  state.firstFrameMs = null;
  const t0 = performance.now();
  const frame = () => {
    if (state.disposed) return;
    // While a new view's answer is awaited the old one holds still: on a software rasterizer a frame costs about
    // as much CPU as answering the query, so drawing a view about to be replaced would only delay the new one.
    if (state.inFlight === 0) {
      const f0 = performance.now();
      state.view.render((f0 - t0) / 1000);
      state.firstFrameMs ??= performance.now() - f0;
      state.frames = (state.frames ?? 0) + 1;
    }
    state.raf = requestAnimationFrame(frame);
  };
  state.raf = requestAnimationFrame(frame);
}
