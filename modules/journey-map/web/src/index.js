// Level 1, the Journey Map: mount(element, host) / unmount() (modules/sdk/README.md). The stations, connections and
// branch paths come from the content service through the gateway; the cost/time overlay from the simulation
// service's calculators through the gateway; the 3D scene is a scene description v1 drawn by @nslab/scene.
import * as THREE from 'three';
import { cameraAt, createSceneView, loadShaders, normalizeScene, shaderNames } from '@nslab/scene';
import { buildJourneyScene, stationCamera, HOME_CAMERA } from './scene.js';
import { humanDays, humanNumber, plainParagraphs, scientific } from './format.js';
import { CSS, ICONS } from './style.js';

export const MODULE_ID = 'journey-map';
const MODELS = ['GPT-2 small', 'GPT-2 medium', 'GPT-2 large', 'GPT-2 XL', 'LLaMA-7B-like', 'Mixtral-8x7B-like'];
const DEFAULT_PLAN = { model: 'LLaMA-7B-like', tokens: 1e12, accelerator: 'NVIDIA A100 SXM', count: 2048, utilization: 0.4, pricePerAcceleratorHour: 2 };
const ZOOM_SECONDS = 0.9;

let current = null;

export async function mount(element, host) {
  if (current) await unmount();
  const app = new JourneyMap(element, host);
  current = app;
  await app.start();
  return app;
}

export async function unmount() {
  const app = current;
  current = null;
  if (app) app.dispose();
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k === 'style') Object.assign(el.style, v); // CSSOM, allowed by the shell's CSP (style-src 'self')
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

function webgl2Available() {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/**
 * Share of the particles drawn where WebGL runs on the CPU (Mesa llvmpipe, SwiftShader): there each thousand
 * particles costs about 2.5 ms a frame at 720p (shared/notes/rendering.md), so the full 10,300 alone would
 * take two frames' time; 12 % keeps every stream visible and the frame within 16.7 ms.
 */
const SOFTWARE_PARTICLE_DENSITY = 0.12;

/** Whether the context's renderer is a software rasterizer, by its unmasked name where the browser tells it. */
export function isSoftwareRasterizer(gl) {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || '');
  return /llvmpipe|softpipe|swiftshader|software/i.test(name);
}

class JourneyMap {
  constructor(element, host) {
    this.element = element;
    this.host = host;
    this.cleanups = [];
    this.visited = new Set();
    this.choices = {};
    this.view = null;
    this.raf = 0;
    this.t0 = performance.now();
    this.selected = -1;
    this.metrics = { mountedAt: performance.now(), firstFrameAt: null, frames: [] };
    this.settings = { reducedMotion: !!host.reducedMotion, highContrast: !!host.theme?.highContrast, theme: host.theme };
  }

  async start() {
    const root = h('div', { class: 'nslab-jm', 'data-state': 'loading' });
    this.root = root;
    // A constructed style sheet: the shell's Content-Security-Policy allows no inline <style> elements.
    this.sheet = new CSSStyleSheet();
    this.sheet.replaceSync(CSS);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.sheet];
    this.cleanups.push(() => { document.adoptedStyleSheets = document.adoptedStyleSheets.filter((x) => x !== this.sheet); });
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
    if (this.host.onSettingsChange) {
      const off = this.host.onSettingsChange((s) => this.onSettings(s));
      if (typeof off === 'function') this.cleanups.push(off);
    }
    this.loadAccelerators();
    this.computePlan(DEFAULT_PLAN);
  }

  applyTheme() {
    const c = this.settings.theme?.colors || {};
    const s = this.root.style;
    s.setProperty('--jm-bg', c.background || '#0a0e27');
    s.setProperty('--jm-primary', c.primary || '#00d4ff');
    s.setProperty('--jm-success', c.success || '#00ff88');
    s.setProperty('--jm-warning', c.warning || '#ffaa00');
    s.setProperty('--jm-text', c.text || '#e8f4f8');
    s.setProperty('--jm-font', this.settings.theme?.fonts?.display || 'system-ui, sans-serif');
    s.setProperty('--jm-mono', this.settings.theme?.fonts?.mono || 'ui-monospace, monospace');
    this.root.classList.toggle('jm-high-contrast', this.settings.highContrast);
    this.root.classList.toggle('jm-reduced-motion', this.settings.reducedMotion);
  }

  // ------------------------------------------------------------------ layout
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

    const branchBox = h('fieldset', { class: 'jm-branches' }, h('legend', { text: 'Branch paths' }));
    for (const br of this.branches) {
      const group = h('div', { class: 'jm-branch', role: 'radiogroup', 'aria-label': br.options.map((o) => o.title.split(':')[0]).join(' or ') });
      br.options.forEach((o, oi) => {
        const input = h('input', { type: 'radio', name: `jm-branch-${br.id}`, value: o.id, checked: oi === 0, 'data-branch': br.id,
          onchange: () => this.chooseBranch(br.id, o.id) });
        group.append(h('label', {}, input, ` ${o.title}`));
      });
      branchBox.append(group);
    }

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
      this.cleanups.push(() => ro.disconnect());
    }
  }

  buildTextAlternative() {
    const list = h('ol', { class: 'jm-text-list' });
    for (const s of this.stations) {
      const br = this.branches.filter((b) => b.atStationId === s.id);
      const next = s.next.map((n) => this.stations.find((x) => x.id === n)?.title).filter(Boolean);
      list.append(h('li', { 'data-station': s.id },
        h('h3', { text: s.title }),
        ...plainParagraphs(s.description).map((p) => h('p', { text: p })),
        h('dl', {},
          h('dt', { text: 'Typical duration' }), h('dd', { text: s.duration }),
          h('dt', { text: 'Cost' }), h('dd', { text: s.cost }),
          h('dt', { text: 'Complexity' }), h('dd', { text: `${s.complexity} of 5` }),
          h('dt', { text: 'Next' }), h('dd', { text: next.length ? next.join(', ') : 'the end of the pipeline' }),
          ...br.flatMap((b) => [h('dt', { text: 'Branches here' }), h('dd', { text: `${b.options.map((o) => o.title).join('; or ')} (rejoins at ${this.stations.find((x) => x.id === b.rejoinsStationId)?.title})` })])),
        h('button', { type: 'button', class: 'jm-text-open', onclick: () => this.activate(this.stations.indexOf(s)), text: `Open ${s.title}` })));
    }
    return h('section', { id: 'jm-text', class: 'jm-text', hidden: true, 'aria-label': 'Stations in order (text version)' },
      h('h3', { text: 'Stations in order' }), list);
  }

  toggleText(show) {
    const visible = show ?? this.textAlt.hidden;
    this.textAlt.hidden = !visible;
    this.textToggle.setAttribute('aria-expanded', String(visible));
    this.textToggle.textContent = visible ? 'Hide the text version' : 'Show the text version';
  }

  fallBackToText(reason) {
    this.root.dataset.state = 'text';
    this.stage.replaceChildren(h('p', { class: 'jm-fallback', role: 'note', text: reason }));
    this.toggleText(true);
    this.textToggle.hidden = true;
  }

  // ------------------------------------------------------------------ scene
  async buildScene() {
    if (!this.renderer) {
      // no preserved drawing buffer: screenshots come from the compositor, and a preserved buffer costs a full
      // copy of the frame every frame on a software rasterizer
      this.renderer = new THREE.WebGLRenderer({ canvas: this.canvas, antialias: false, alpha: false });
      this.softwareRasterizer = isSoftwareRasterizer(this.renderer.getContext());
    }
    const doc = buildJourneyScene(this.stations, this.branches, {
      reducedMotion: this.settings.reducedMotion, highContrast: this.settings.highContrast, choices: this.choices,
      colors: this.settings.theme?.colors, particleDensity: this.softwareRasterizer ? SOFTWARE_PARTICLE_DENSITY : 1,
    });
    const scene = normalizeScene(doc);
    if (!this.shaders) this.shaders = await loadShaders(shaderNames(scene), (file) => this.host.loadShader(file));
    const keepCamera = this.view ? this.cameraNow() : null;
    this.scene = scene;
    this.resize(false);
    this.view = createSceneView({ renderer: this.renderer, scene, shaders: this.shaders, width: this.width, height: this.height,
      replaces: this.view });
    this.labelIds = scene.labels.map((l) => l.id);
    this.branchLabels = scene.labels.map((l, i) => [l, i]).filter(([l]) => l.id.startsWith('branch-'));
    this.overlay.replaceChildren(...this.branchLabels.map(([l]) => h('span', { class: 'jm-branch-label', text: l.text, style: { color: l.color } })));
    if (keepCamera) this.moveCamera(keepCamera, 0);
    else if (this.settings.reducedMotion) this.scene.cameraPath = null;
    this.loop();
  }

  now() {
    return (performance.now() - this.t0) / 1000;
  }

  cameraNow() {
    return cameraAt(this.scene, this.now());
  }

  /** A smooth move (a two-key camera path from here); instant with reduced motion. */
  moveCamera(to, seconds = ZOOM_SECONDS) {
    const t = this.now();
    const from = this.cameraNow();
    if (this.settings.reducedMotion || seconds <= 0) {
      this.scene.camera = { ...this.scene.camera, position: to.position, target: to.target, fov: to.fov };
      this.scene.cameraPath = null;
    } else {
      this.scene.cameraPath = { loop: false, keyframes: [
        { time: t, position: from.position, target: from.target, fov: from.fov, easing: 'linear' },
        { time: t + seconds, position: to.position, target: to.target, fov: to.fov, easing: 'easeInOutCubic' },
      ] };
    }
    this.requestFrame();
  }

  requestFrame() {
    if (!this.raf && this.view) this.raf = requestAnimationFrame((ts) => this.frame(ts));
  }

  loop() {
    this.requestFrame();
  }

  frame() {
    this.raf = 0;
    if (!this.view) return;
    const start = performance.now();
    const t = this.now();
    this.view.render(t);
    this.placeButtons(t);
    const end = performance.now();
    if (this.metrics.firstFrameAt === null) {
      this.metrics.firstFrameAt = end;
      this.root.dataset.firstFrame = 'true';
    }
    this.metrics.frames.push(end - start);
    if (this.metrics.frames.length > 600) this.metrics.frames.shift();
    const path = this.scene.cameraPath;
    const moving = path && t < path.keyframes[path.keyframes.length - 1].time;
    if (!this.settings.reducedMotion || moving) this.requestFrame();
  }

  placeButtons(t) {
    const labels = this.view.labels(t);
    const byId = new Map(labels.map((l) => [l.id, l]));
    this.stations.forEach((s, i) => {
      const l = byId.get(s.id);
      const b = this.buttons[i];
      b.style.left = `${l.x}px`;
      b.style.top = `${l.y}px`;
      b.classList.toggle('jm-offscreen', !l.visible);
    });
    this.branchLabels.forEach(([, idx], k) => {
      const l = labels[idx];
      const span = this.overlay.children[k];
      span.style.left = `${l.x}px`;
      span.style.top = `${l.y}px`;
      span.style.display = l.visible ? '' : 'none';
    });
  }

  resize(render = true) {
    if (!this.stage) return;
    const w = Math.max(1, Math.round(this.stage.clientWidth));
    const hgt = Math.max(1, Math.round(this.stage.clientHeight));
    this.width = w;
    this.height = hgt;
    if (this.view && render) {
      this.view.setSize(w, hgt);
      this.requestFrame();
    }
  }

  // ------------------------------------------------------------------ stations
  stationKey(e, i) {
    const n = this.stations.length;
    const go = { ArrowRight: i + 1, ArrowDown: i + 1, ArrowLeft: i - 1, ArrowUp: i - 1, Home: 0, End: n - 1 }[e.key];
    if (go !== undefined) {
      e.preventDefault();
      this.buttons[Math.max(0, Math.min(n - 1, go))].focus();
    } else if (e.key === 'Escape') {
      this.home();
    }
  }

  preview(i) {
    const s = this.stations[i];
    if (this.selected === i && this.previewBox.dataset.station === s.id) return;
    this.selected = i;
    this.buttons.forEach((b, k) => b.classList.toggle('jm-selected', k === i));
    const theatre = this.theatres.get(s.stageId);
    const meter = h('span', { class: 'jm-meter', role: 'img', 'aria-label': `complexity ${s.complexity} of 5` },
      ...[1, 2, 3, 4, 5].map((k) => h('span', { class: k <= s.complexity ? 'on' : 'off' })));
    const paragraphs = plainParagraphs(s.description);
    this.previewBox.dataset.station = s.id;
    this.previewBox.replaceChildren(
      h('h3', { text: `${s.order}. ${s.title}` }),
      h('p', { class: 'jm-what', text: paragraphs[0] || '' }),
      h('dl', {},
        h('dt', { text: 'Typical duration' }), h('dd', { 'data-field': 'duration', text: s.duration }),
        h('dt', { text: 'Cost' }), h('dd', { 'data-field': 'cost', text: s.cost }),
        h('dt', { text: 'Complexity' }), h('dd', { 'data-field': 'complexity' }, meter, ` ${s.complexity} of 5`)),
      theatre
        ? h('p', { class: 'jm-theatre' }, h('button', { type: 'button', onclick: () => this.activate(i), text: `Enter the ${s.title} theatre (Level 2)` }))
        : h('div', { class: 'jm-theatre jm-missing', 'data-theatre': 'missing' },
          h('p', { text: `The Level 2 theatre for ${s.title} is not available yet. What exists now:` }),
          h('ul', {},
            h('li', {}, h('button', { type: 'button', onclick: () => this.toggleText(true), text: 'read every station in the text version' })),
            h('li', {}, h('button', { type: 'button', onclick: () => this.costBox.querySelector('select').focus(), text: 'compute the cost and time of a model' })),
            h('li', {}, h('button', { type: 'button', onclick: () => this.openQuiz(), text: 'take the Journey Map quiz' })))));
    if (!this.visited.has(s.id)) {
      this.visited.add(s.id);
      this.emit({ verb: 'EXPERIENCED', objectType: 'VIEW', objectId: `journey-map/station/${s.id}`, objectName: s.title });
      if (this.visited.size === this.stations.length) {
        this.emit({ verb: 'PROGRESSED', objectType: 'LEVEL', objectId: 'level:1', objectName: 'Journey Map', result: { completion: true } });
      }
    }
  }

  activate(i) {
    const s = this.stations[i];
    this.preview(i);
    if (this.view) this.moveCamera(stationCamera(s));
    this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: `journey-map/station/${s.id}`, objectName: s.title });
    const theatre = this.theatres.get(s.stageId);
    const go = () => theatre && this.host.navigate({ level: 2, module: theatre.module, stage: theatre.stage });
    if (theatre) {
      if (this.settings.reducedMotion || !this.view) go();
      else this.timer(go, ZOOM_SECONDS * 1000);
    } else {
      this.previewBox.querySelector('.jm-missing button')?.focus();
    }
  }

  home() {
    if (this.view) this.moveCamera(HOME_CAMERA);
  }

  chooseBranch(branchId, optionId) {
    this.choices[branchId] = optionId;
    this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: `journey-map/branch/${branchId}/${optionId}` });
    if (branchId === 'dense-vs-moe') {
      const select = this.costBox.querySelector('[name=model]');
      select.value = optionId === 'mixture-of-experts' ? 'Mixtral-8x7B-like' : 'LLaMA-7B-like';
    }
    if (this.view) this.buildScene();
  }

  openQuiz() {
    this.emit({ verb: 'LAUNCHED', objectType: 'QUIZ', objectId: this.quizId || 'quiz-journey-map', objectName: 'Journey Map quiz' });
    this.host.navigate({ level: 1, module: MODULE_ID, stage: 'quiz', component: this.quizId || 'quiz-journey-map' });
  }

  // ------------------------------------------------------------------ timeline
  buildTimeline() {
    this.scrubber = h('input', { type: 'range', min: 0, max: 1000, value: 0, class: 'jm-scrubber', 'aria-label': 'Walk the pipeline in time',
      oninput: () => this.scrub(Number(this.scrubber.value) / 1000, true) });
    this.timelineText = h('p', { class: 'jm-timeline-text', 'aria-live': 'polite' });
    this.timelineBar = h('div', { class: 'jm-timeline-bar', 'aria-hidden': 'true' });
    return h('section', { class: 'jm-timeline', 'aria-label': 'Timeline' }, h('h3', { text: 'Timeline' }), this.timelineBar, this.scrubber, this.timelineText);
  }

  /** Segments: the training run from the calculator (to scale, in days); the other stations by their content text. */
  updateTimeline(plan) {
    const trainingDays = plan.wallClockDays;
    this.timelineSegments = this.stations.map((s) => ({ station: s, days: s.stageId === 'training' ? trainingDays : null }));
    this.timelineBar.replaceChildren(...this.timelineSegments.map((seg) => h('span', {
      class: seg.days === null ? 'jm-seg jm-seg-text' : 'jm-seg jm-seg-real', title: seg.station.title,
      style: { flexGrow: String(seg.days === null ? 1 : 2) },
    })));
    this.timelineRef = plan;
    this.scrub(Number(this.scrubber.value) / 1000, false);
  }

  /** Shows where u (0..1) falls; when the learner moves the scrubber, also previews and flies to that station. */
  scrub(u, fromLearner) {
    const segs = this.timelineSegments;
    if (!segs) return;
    const weights = segs.map((s) => (s.days === null ? 1 : 2));
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    let idx = segs.length - 1;
    let within = 1;
    for (let i = 0; i < segs.length; i++) {
      if (u * total <= acc + weights[i]) {
        idx = i;
        within = (u * total - acc) / weights[i];
        break;
      }
      acc += weights[i];
    }
    const seg = segs[idx];
    const p = this.timelineRef;
    const text = seg.days === null
      ? `${seg.station.title}: ${seg.station.duration} (no single published figure; not to scale)`
      : `${seg.station.title}: day ${(within * seg.days).toFixed(1)} of ${seg.days.toFixed(1)} for ${p.model} on ${humanNumber(p.tokens)} tokens with ${p.count} × ${p.accelerator} (simulation service)`;
    this.timelineText.textContent = text;
    this.scrubber.setAttribute('aria-valuetext', text);
    if (fromLearner && this.selected !== idx) {
      this.preview(idx);
      if (this.view) this.moveCamera(stationCamera(seg.station), 0.5);
    }
  }

  // ------------------------------------------------------------------ cost overlay
  buildCostOverlay() {
    const field = (label, input) => h('label', {}, h('span', { text: label }), input);
    this.accSelect = h('select', { name: 'accelerator' }, h('option', { value: DEFAULT_PLAN.accelerator, text: DEFAULT_PLAN.accelerator }));
    const form = h('form', { class: 'jm-cost-form', onsubmit: (e) => { e.preventDefault(); this.computePlan(this.readForm()); } },
      field('Model', h('select', { name: 'model' }, ...MODELS.map((m) => h('option', { value: m, text: m, selected: m === DEFAULT_PLAN.model })))),
      field('Training tokens', h('input', { name: 'tokens', type: 'text', inputmode: 'decimal', value: '1e12', required: true })),
      field('Accelerator', this.accSelect),
      field('How many', h('input', { name: 'count', type: 'number', min: 1, max: 1000000, value: DEFAULT_PLAN.count, required: true })),
      field('Utilization (MFU)', h('input', { name: 'utilization', type: 'number', min: 0.01, max: 1, step: 0.01, value: DEFAULT_PLAN.utilization, required: true })),
      field('Price per accelerator-hour ($)', h('input', { name: 'price', type: 'number', min: 0, step: 0.01, value: DEFAULT_PLAN.pricePerAcceleratorHour, required: true })),
      h('button', { type: 'submit', class: 'jm-compute', text: 'Compute' }));
    this.costResult = h('div', { class: 'jm-cost-result', 'aria-live': 'polite' });
    return h('section', { class: 'jm-cost', 'aria-label': 'Cost and time of a model' }, h('h3', { text: 'Cost and time of a model' }), form, this.costResult);
  }

  readForm() {
    const f = this.costBox.querySelector('form').elements;
    return {
      model: f.model.value, tokens: Number(f.tokens.value), accelerator: f.accelerator.value, count: Math.round(Number(f.count.value)),
      utilization: Number(f.utilization.value), pricePerAcceleratorHour: Number(f.price.value),
    };
  }

  async loadAccelerators() {
    try {
      const data = await this.host.graphql('TrainingAccelerators', {});
      const names = data.trainingAccelerators.map((a) => a.name);
      const keep = this.accSelect.value;
      this.accSelect.replaceChildren(...names.map((n) => h('option', { value: n, text: n, selected: n === keep })));
    } catch { /* the default stays; computePlan reports problems */ }
  }

  async computePlan(input) {
    this.costResult.dataset.state = 'computing';
    this.costResult.replaceChildren(h('p', { text: 'Computing…' }));
    try {
      const data = await this.host.graphql('TrainingPlan', { input });
      const { plan, userErrors } = data.trainingPlan;
      if (!plan) {
        this.costResult.dataset.state = 'error';
        this.costResult.replaceChildren(h('ul', { class: 'jm-errors' }, ...userErrors.map((e) => h('li', { text: `${e.field.slice(1).join('.')}: ${e.message}` }))));
        return;
      }
      const row = (label, field, value, shown) => [h('dt', { text: label }), h('dd', { 'data-field': field, 'data-value': String(value), text: shown })];
      this.costResult.replaceChildren(h('dl', {},
        row('Parameters', 'totalParameters', plan.totalParameters, humanNumber(plan.totalParameters)),
        row('Active per token', 'activeParametersPerToken', plan.activeParametersPerToken, humanNumber(plan.activeParametersPerToken)),
        row('Data volume', 'tokens', plan.tokens, `${humanNumber(plan.tokens)} tokens (${plan.tokensPerParameter.toPrecision(3)} per parameter)`),
        row('Training FLOPs', 'trainingFlops', plan.trainingFlops, scientific(plan.trainingFlops)),
        row('Wall-clock time', 'wallClockDays', plan.wallClockDays, humanDays(plan.wallClockDays)),
        row('GPU-days', 'acceleratorDays', plan.acceleratorDays, humanNumber(plan.acceleratorDays)),
        row('Energy', 'energyKilowattHours', plan.energyKilowattHours ?? '', plan.energyKilowattHours == null ? 'no datasheet power figure' : `${humanNumber(plan.energyKilowattHours)} kWh`),
        row('Cost', 'cost', plan.cost, `$${humanNumber(plan.cost)}`)));
      this.costResult.dataset.model = plan.model;
      this.costResult.dataset.state = 'done';
      this.updateTimeline(plan);
      if (this.costResult.isConnected && this.planComputed) {
        this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: 'journey-map/cost-overlay', objectName: plan.model });
      }
      this.planComputed = true;
    } catch (e) {
      this.costResult.dataset.state = 'error';
      this.costResult.replaceChildren(h('p', { class: 'jm-errors', text: `The calculators could not be reached: ${e.message}` }));
    }
  }

  // ------------------------------------------------------------------ settings, events, cleanup
  onSettings(s) {
    const before = { ...this.settings };
    this.settings = { reducedMotion: !!s.reducedMotion, highContrast: !!s.theme?.highContrast, theme: s.theme || this.settings.theme };
    this.applyTheme();
    if (this.view && (before.reducedMotion !== this.settings.reducedMotion || before.highContrast !== this.settings.highContrast)) this.buildScene();
  }

  emit(event) {
    Promise.resolve().then(() => this.host.emit(event)).catch(() => { /* a lost event must not break the map */ });
  }

  timer(fn, ms) {
    const id = setTimeout(fn, ms);
    this.cleanups.push(() => clearTimeout(id));
  }

  dispose() {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.cleanups.forEach((c) => c());
    if (this.view) this.view.dispose();
    if (this.renderer) {
      this.renderer.dispose();
      this.renderer.forceContextLoss();
    }
    this.renderer = null;
    this.view = null;
    this.element.replaceChildren();
    if (typeof window !== 'undefined') delete window.__nslabJourneyMap;
  }
}

export function metrics() {
  return current ? { ...current.metrics, frames: [...current.metrics.frames] } : null;
}
