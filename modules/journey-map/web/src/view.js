// The 3D view of the Journey Map: the scene description drawn by @nslab/scene on the kit's stage, camera moves
// between stations, the frame loop, and the station buttons kept over their spheres.
import * as THREE from 'three';
import { cameraAt, createSceneView, loadShaders, normalizeScene, shaderNames } from '@nslab/scene';
import { createStage, frameLoop, h } from '@nslab/module-sdk/kit';
import { buildJourneyScene } from './scene.js';

export const ZOOM_SECONDS = 0.9;

/**
 * Share of the particles drawn where WebGL runs on the CPU (Mesa llvmpipe, SwiftShader): there each thousand
 * particles costs about 2.5 ms a frame at 720p (shared/notes/rendering.md), so the full 10,300 alone would
 * take two frames' time; 12 % keeps every stream visible and the frame within 16.7 ms.
 */
const SOFTWARE_PARTICLE_DENSITY = 0.12;

export const view = {
  async buildScene() {
    if (!this.stage3d) {
      this.stage3d = createStage({ THREE, canvas: this.canvas });
      this.renderer = this.stage3d.renderer;
      this.softwareRasterizer = this.stage3d.software;
      this.loop = frameLoop(() => this.frame());
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
    this.requestFrame();
  },

  now() {
    return (performance.now() - this.t0) / 1000;
  },

  cameraNow() {
    return cameraAt(this.scene, this.now());
  },

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
  },

  requestFrame() {
    if (this.view) this.loop.request();
  },

  /** One frame; true while something moves (always, unless reduced motion holds a still state). */
  frame() {
    if (!this.view) return false;
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
    return !this.settings.reducedMotion || !!moving;
  },

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
  },

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
  },
};
