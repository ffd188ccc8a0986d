// The Component Microscope (Level 3): attention, the feed-forward network, LayerNorm and the residual
// stream, and positions, on the lab's own GPT, for any prompt a learner types. Implements the module
// contract of @nslab/module-sdk (mount(element, host) / unmount()) on its front-end skeleton
// (@nslab/module-sdk/kit). three.js comes from the shell's import map (one copy); every 3D view is a scene
// description drawn by @nslab/scene. One file per concern:
//   layout.js        the page: prompt, tabs, stage, controls, panels with their quiz links
//   update.js        asking for the prompt's trace and bringing the page up to it
//   controls.js      tokens, layer and head (roving keyboard paths), the focus's details
//   stage.js         the 3D view (attention or feed-forward scene)
//   attention.js     the weights table, all heads, the pattern gallery
//   feed-forward.js  top neurons, the neuron atlas
//   stream.js        residual-stream norms, the logit lens, positions
//   events.js        learning events; colormap.js, constants.js; api.js, patterns.js, scenes.js, table.js, activations.js
import * as THREE from 'three';
import { loadShaders, normalizeScene, shaderNames } from '@nslab/scene';
import { createStage, defineModule, h as el } from '@nslab/module-sdk/kit';
import { EXAMPLES } from './api.js';
import { cellStyles } from './colormap.js';
import { COMPONENTS, MODULE_ID, VIEW_OF } from './constants.js';
import { emit } from './events.js';
import { buildLayout } from './layout.js';
import { renderStage } from './stage.js';
import { STYLE } from './style.js';
import { update } from './update.js';

export const { mount, unmount } = defineModule(async (ctx) => {
  const { element, host } = ctx;
  const state = {
    host, element, prompt: EXAMPLES[0], layer: null, head: 0, position: null, report: null, tab: 'attention',
    seq: 0, timer: null, raf: 0, view: null, renderer: null, shaders: null, visited: new Set(), lastEmit: new Map(),
    reducedMotion: !!host.reducedMotion, updates: 0, started: 0, cellFocus: { q: 0, k: 0 }, disposed: false,
    inFlight: 0, pending: false, rendered: 0, ctx,
  };
  ctx.onCleanup(() => {
    state.disposed = true;
    clearTimeout(state.timer);
    cancelAnimationFrame(state.raf);
    state.view?.dispose();
    state.stage3d?.dispose();
    state.root.remove();
  });
  ctx.adoptStyles(STYLE + cellStyles());
  const root = el('section', { class: 'nsm', 'aria-label': 'Component Microscope' });
  element.append(root);
  state.root = root;
  buildLayout(state);
  ctx.onSettings((settings) => {
    state.reducedMotion = settings.reducedMotion;
    if (state.report) renderStage(state);
  });
  const programs = shaderNames(normalizeScene({ version: 1, camera: { position: [0, 0, 1], target: [0, 0, 0] },
    meshes: [{ primitive: 'box' }], heatmaps: [{ rows: 1, cols: 1, values: [0] }], particles: [{ count: 1, emitter: { type: 'sphere' } }] }));
  state.shaders = await loadShaders(programs, (file) => host.loadShader(file));
  if (state.disposed) return state;
  state.stage3d = createStage({ THREE, canvas: state.canvas, pixelRatio: 1 });
  state.renderer = state.stage3d.renderer;
  emit(state, { verb: 'LAUNCHED', objectId: MODULE_ID, objectType: 'MODULE', objectName: 'Component Microscope' });
  const wanted = VIEW_OF[host.route?.component] ?? host.route?.component;
  state.selectTab(COMPONENTS.some((c) => c.id === wanted) ? wanted : 'attention', false);
  await update(state, { immediate: true });
  return state;
});
