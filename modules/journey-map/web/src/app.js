// The Journey Map module: loads the map through the host, lays out the stage and the panels, follows the host's
// settings, and gives everything back at unmount. The concerns live beside it (view, stations, timeline, cost
// overlay, text alternative) as methods of this one object.
import { h, setProperties, webgl2Available } from '@nslab/module-sdk/kit';
import { CSS, ICONS } from './style.js';
import { view } from './view.js';
import { stations } from './stations.js';
import { timeline } from './timeline.js';
import { costOverlay, DEFAULT_PLAN } from './cost-overlay.js';
import { textAlternative } from './text-alternative.js';

export const MODULE_ID = 'journey-map';

export class JourneyMap {
  constructor(ctx) {
    this.ctx = ctx;
    this.element = ctx.element;
    this.host = ctx.host;
    this.settings = ctx.settings;
    this.visited = new Set();
    this.choices = {};
    this.view = null;
    this.t0 = performance.now();
    this.selected = -1;
    this.metrics = { mountedAt: performance.now(), firstFrameAt: null, frames: [] };
    ctx.onCleanup(() => this.dispose());
  }

  async start() {
    const root = h('div', { class: 'nslab-jm', 'data-state': 'loading' });
    this.root = root;
    this.ctx.adoptStyles(CSS);
    this.element.replaceChildren(root);
    this.applyTheme();
    const status = h('p', { class: 'jm-status', role: 'status', text: 'Loading the Journey Map…' });
    root.append(status);

    let data;
    try {
      const [journey, level2] = await Promise.all([
        this.host.graphql('JourneyMap', { input: { locale: this.host.locale || 'en' } }),
        this.host.graphql('Level2Modules', {}).catch(() => ({ moduleCatalogue: [] })),
      ]);
      const payload = journey.journeyMap;
      if (!payload.journeyMap) throw new Error(payload.userErrors.map((e) => e.message).join('; '));
      data = payload.journeyMap;
      this.theatres = new Map();
      for (const level of level2.moduleCatalogue || []) {
        for (const m of level.modules) for (const st of m.stages) this.theatres.set(st.id, { module: m.id, name: m.name, stage: st.id });
      }
    } catch (e) {
      root.dataset.state = 'error';
      status.textContent = `The Journey Map could not load its content: ${e.message}. Try again in a moment.`;
      return;
    }
    status.remove();
    this.stations = data.stations;
    this.branches = data.branches;
    this.quizId = data.quizId;
    this.webgl = webgl2Available();
    this.buildLayout();
    this.emit({ verb: 'LAUNCHED', objectType: 'LEVEL', objectId: 'level:1', objectName: 'Journey Map' });
    if (this.webgl) {
      try {
        await this.buildScene();
        root.dataset.state = 'ready';
      } catch (e) {
        this.fallBackToText(`The 3D view could not start (${e.message}).`);
      }
    } else {
      this.fallBackToText('Your browser has no WebGL 2, so the Journey Map is shown as a list.');
    }
    this.ctx.onSettings((s, before) => this.onSettings(before));
    this.loadAccelerators();
    this.computePlan(DEFAULT_PLAN);
  }

  applyTheme() {
    const c = this.settings.theme?.colors || {};
    setProperties(this.root, {
      '--jm-bg': c.background || '#0a0e27',
      '--jm-primary': c.primary || '#00d4ff',
      '--jm-success': c.success || '#00ff88',
      '--jm-warning': c.warning || '#ffaa00',
      '--jm-text': c.text || '#e8f4f8',
      '--jm-font': this.settings.theme?.fonts?.display || 'system-ui, sans-serif',
      '--jm-mono': this.settings.theme?.fonts?.mono || 'ui-monospace, monospace',
    });
    this.root.classList.toggle('jm-high-contrast', this.settings.highContrast);
    this.root.classList.toggle('jm-reduced-motion', this.settings.reducedMotion);
  }

  buildLayout() {
    const stage = h('div', { class: 'jm-stage' });
    this.stage = stage;
    this.canvas = h('canvas', { class: 'jm-canvas', role: 'img', 'aria-label': `3D map of the ${this.stations.length} stations of training a language model; the same content is in the list "Stations in order".` });
    this.overlay = h('div', { class: 'jm-overlay' });
    this.stationNav = h('nav', { class: 'jm-stations', 'aria-label': 'Stations in pipeline order' });
    this.buttons = this.stations.map((s, i) => {
      const b = h('button', {
        type: 'button', class: 'jm-station', 'data-station': s.id, 'aria-describedby': 'jm-preview',
        onfocus: () => this.preview(i), onmouseenter: () => this.preview(i), onclick: () => this.activate(i),
        onkeydown: (e) => this.stationKey(e, i),
      }, h('span', { class: 'jm-icon', 'aria-hidden': 'true' }), h('span', { class: 'jm-station-name', text: `${s.order}. ${s.title}` }));
      b.querySelector('.jm-icon').innerHTML = ICONS[s.icon] || ICONS.default;
      return b;
    });
    this.stationNav.append(...this.buttons);
    stage.append(this.canvas, this.overlay, this.stationNav);

    this.previewBox = h('section', { id: 'jm-preview', class: 'jm-preview', 'aria-live': 'polite', 'aria-label': 'Station preview' },
      h('p', { class: 'jm-hint', text: 'Hover or focus a station (Tab, arrow keys) to preview it; Enter or a click zooms in.' }));

    const branchBox = this.buildBranches();
    this.timeline = this.buildTimeline();
    this.costBox = this.buildCostOverlay();
    const quiz = h('p', { class: 'jm-quiz' }, h('button', { type: 'button', class: 'jm-quiz-link', onclick: () => this.openQuiz(), text: 'Take the Journey Map quiz' }));
    this.textAlt = this.buildTextAlternative();
    this.textToggle = h('button', { type: 'button', class: 'jm-text-toggle', 'aria-expanded': 'false', 'aria-controls': 'jm-text',
      onclick: () => this.toggleText(), text: 'Show the text version' });

    const panel = h('aside', { class: 'jm-panel' }, this.previewBox, branchBox, this.timeline, this.costBox, quiz);
    this.root.append(h('h2', { class: 'jm-title', text: 'The Journey Map: from data to a deployed model' }),
      h('div', { class: 'jm-main' }, stage, panel), this.textToggle, this.textAlt);

    if (typeof ResizeObserver !== 'undefined') {
      const ro = new ResizeObserver(() => this.resize());
      ro.observe(stage);
      this.ctx.onCleanup(() => ro.disconnect());
    }
  }

  onSettings(before) {
    this.applyTheme();
    if (this.view && (before.reducedMotion !== this.settings.reducedMotion || before.highContrast !== this.settings.highContrast)) this.buildScene();
  }

  emit(event) {
    this.ctx.emit(event); // a lost event must not break the map
  }

  dispose() {
    this.loop?.cancel();
    if (this.view) this.view.dispose();
    this.stage3d?.dispose();
    this.stage3d = null;
    this.view = null;
    this.element.replaceChildren();
  }
}

Object.assign(JourneyMap.prototype, view, stations, timeline, costOverlay, textAlternative);
