// The page of the microscope: prompt, component tabs (the kit's tabs), the shared 3D stage, the controls and each
// view's panel with its quiz links.
import { createTabs, h as el, openQuiz } from '@nslab/module-sdk/kit';
import { ACTIVATIONS, curvePath } from './activations.js';
import { EXAMPLES } from './api.js';
import { COMPONENTS, MODULE_ID, QUIZZES, VIEW_HEIGHT, VIEW_WIDTH } from './constants.js';
import { emit, interacted } from './events.js';
import { renderPanel, schedule, update } from './update.js';
import { describeCell } from './attention.js';
import { showNeuron } from './feed-forward.js';
import { renderStage } from './stage.js';

export function buildLayout(state) {
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

  const tabs = createTabs(el, { items: COMPONENTS, prefix: 'nsm', label: 'Components', listClass: 'nsm-tabs', panelClass: 'nsm-panel',
    onSelect: (id, byLearner) => openTab(state, id, byLearner) });
  state.tabs = tabs.tabs;
  state.panels = tabs.panels;
  state.selectTab = tabs.select;
  const tablist = tabs.tablist;
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

export function addPanel(state, id, ...children) {
  const quizzes = QUIZZES[id].map(([quizId, title]) => el('button', { class: 'nsm-quiz', 'data-quiz': quizId, text: `Quiz: ${title}`,
    onclick: () => openQuiz({ host: state.host, emit: (event) => emit(state, event), level: 3, module: MODULE_ID, stage: 'quizzes',
      quizId, name: `Quiz: ${title}` }) }));
  state.panels.get(id).append(...children, el('p', { class: 'nsm-quiz-row' }, el('span', { text: 'Test yourself: ' }), ...quizzes));
}

/** After the kit's tabs selected a view: the stage for the 3D views, the visit's event, the panel brought up to date. */
export function openTab(state, id, byLearner) {
  state.tab = id;
  state.stage.hidden = !(id === 'attention' || id === 'feed-forward');
  if (!state.visited.has(id)) {
    state.visited.add(id);
    emit(state, { verb: 'EXPERIENCED', objectId: id, objectType: 'COMPONENT', objectName: COMPONENTS.find((c) => c.id === id).title });
  }
  if (byLearner) interacted(state, id, 'open');
  renderPanel(state, id);
  if (state.report) renderStage(state);
}

export function activationSvg() {
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
