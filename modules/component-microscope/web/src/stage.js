// The 3D view shared by the attention and feed-forward views: a scene description drawn by @nslab/scene on the kit's
// stage (one WebGL context), animated unless reduced motion asks for a still state.
import { createSceneView, normalizeScene } from '@nslab/scene';
import { VIEW_HEIGHT, VIEW_WIDTH } from './constants.js';
import { attentionScene, feedForwardScene } from './scenes.js';

export function renderStage(state) {
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
