// @nslab/module-sdk/kit — the front-end skeleton of a level module, one file per concern:
//   module.js      the entry (defineModule → mount/unmount) and the context it gives the module
//   dom.js         building elements under the shell's CSP
//   styles.js      constructed stylesheets, theme tokens as CSS properties
//   scene-view.js  the 3D stage: renderer, shaders through the host, frame loop, context released at unmount
//   panels.js      titled sections and tabs
//   quiz-links.js  opening the course's quizzes (event + deep link)
//   a11y.js        roving focus, WebGL 2 probe, reduced motion
export { defineModule, createContext } from './module.js';
export { h, escapeHtml } from './dom.js';
export { adoptStyles, setProperties } from './styles.js';
export { createStage, frameLoop, isSoftwareRasterizer, shaderCache } from './scene-view.js';
export { createTabs, panel } from './panels.js';
export { openQuiz, quizButton } from './quiz-links.js';
export { prefersReducedMotion, rovingIndex, setRovingStop, webgl2Available } from './a11y.js';
