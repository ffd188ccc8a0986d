// Level 1, the Journey Map: mount(element, host) / unmount() (modules/sdk/README.md), on the SDK's front-end
// skeleton (@nslab/module-sdk/kit). The stations, connections and branch paths come from the content service
// through the gateway; the cost/time overlay from the simulation service's calculators through the gateway; the 3D
// scene is a scene description v1 drawn by @nslab/scene.
//   app.js               the module: loading, layout, theme, settings, unmount
//   view.js              the 3D view: scene, camera moves, frames, station buttons over the canvas
//   stations.js          previewing and entering stations, branch choices, the quiz link
//   timeline.js          the timeline scrubber
//   cost-overlay.js      the cost and time of a model (simulation service)
//   text-alternative.js  the stations as a list (no WebGL, or on request)
import { defineModule } from '@nslab/module-sdk/kit';
import { JourneyMap } from './app.js';

export { MODULE_ID } from './app.js';
export { isSoftwareRasterizer } from '@nslab/module-sdk/kit';

const entry = defineModule(async (ctx) => {
  const app = new JourneyMap(ctx);
  await app.start();
  return app;
});

export const { mount, unmount } = entry;

export function metrics() {
  const app = entry.instance();
  return app ? { ...app.metrics, frames: [...app.metrics.frames] } : null;
}
