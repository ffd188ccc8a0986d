// @nslab/scene: scene description v1 and its three.js runtime. See ../README.md for the format.
export { normalizeScene, shaderNames, SCENE_VERSION, COLORMAPS } from './scene.js';
export { loadShaders, fetchShaders } from './shaders.js';
export { cameraAt, perspective, lookAt, model, multiply, toPixel, color, EASINGS } from './math.js';
export { geometryOf, box, sphere, cylinder, plane, terrain } from './geometry.js';
export { createSceneView } from './runtime.js';
