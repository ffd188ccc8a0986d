// The defaults of scene description v1, the same as the compact constructors of org.nslab.sdk.scene.Scene.
// normalizeScene fills them in; it does not validate (the JSON Schema in ../schema does, and the
// renderer service validates everything it receives).

export const SCENE_VERSION = 1;

const vec = (v, d) => (v === undefined || v === null ? d : v);

export function normalizeScene(input) {
  const s = typeof input === 'string' ? JSON.parse(input) : input;
  if (!s || s.version !== SCENE_VERSION) {
    throw new Error(`scene description version ${s && s.version} is not supported (expected ${SCENE_VERSION})`);
  }
  const bg = s.background || {};
  const lights = s.lights || {};
  const ambient = lights.ambient || {};
  return {
    version: 1,
    title: vec(s.title, ''),
    background: { top: vec(bg.top, '#0b1026'), bottom: vec(bg.bottom, '#000000'), shader: vec(bg.shader, 'background') },
    camera: {
      position: s.camera.position,
      target: s.camera.target,
      fov: vec(s.camera.fov, 50),
      near: vec(s.camera.near, 0.1),
      far: vec(s.camera.far, 1000),
    },
    cameraPath: s.cameraPath
      ? {
          loop: !!s.cameraPath.loop,
          keyframes: s.cameraPath.keyframes.map((k) => ({
            time: k.time, position: k.position, target: k.target, fov: vec(k.fov, null), easing: vec(k.easing, 'linear'),
          })),
        }
      : null,
    lights: {
      ambient: { color: vec(ambient.color, '#ffffff'), intensity: vec(ambient.intensity, 0.35) },
      directional: (lights.directional || [{ direction: [-1, -2, -1.5] }]).map((d) => ({
        direction: d.direction, color: vec(d.color, '#ffffff'), intensity: vec(d.intensity, 0.8),
      })),
    },
    meshes: (s.meshes || []).map((m) => {
      const mat = m.material || {};
      return {
        id: m.id, primitive: m.primitive, segments: vec(m.segments, 32),
        position: vec(m.position, [0, 0, 0]), rotation: vec(m.rotation, [0, 0, 0]), scale: vec(m.scale, [1, 1, 1]),
        material: {
          color: vec(mat.color, '#cccccc'), emissive: vec(mat.emissive, '#000000'),
          opacity: vec(mat.opacity, 1), shader: vec(mat.shader, 'mesh'),
        },
      };
    }),
    particles: (s.particles || []).map((p) => ({
      id: p.id, count: p.count, seed: vec(p.seed, 1),
      emitter: {
        type: p.emitter.type, points: vec(p.emitter.points, []), spread: vec(p.emitter.spread, 0.1),
        center: vec(p.emitter.center, [0, 0, 0]), radius: vec(p.emitter.radius, 1),
      },
      speed: vec(p.speed, 0.1), size: vec(p.size, [0.05, 0.05]), colors: vec(p.colors, ['#ffffff']),
      opacity: vec(p.opacity, 1), blending: vec(p.blending, 'additive'), shader: vec(p.shader, 'particles'),
    })),
    heatmaps: (s.heatmaps || []).map((h) => ({
      id: h.id, rows: h.rows, cols: h.cols, values: h.values, domain: vec(h.domain, [0, 1]), colormap: vec(h.colormap, 'viridis'),
      position: vec(h.position, [0, 0, 0]), rotation: vec(h.rotation, [0, 0, 0]), scale: vec(h.scale, [1, 1, 1]),
      opacity: vec(h.opacity, 1), shader: vec(h.shader, 'heatmap'),
    })),
    terrains: (s.terrains || []).map((t) => ({
      id: t.id, rows: t.rows, cols: t.cols, heights: t.heights, size: vec(t.size, [10, 10]), heightScale: vec(t.heightScale, 1),
      colormap: vec(t.colormap, 'magma'), position: vec(t.position, [0, 0, 0]), shader: vec(t.shader, 'terrain'),
    })),
    labels: (s.labels || []).map((l) => ({
      id: l.id, text: l.text, anchor: l.anchor, color: vec(l.color, '#ffffff'), size: vec(l.size, 16),
    })),
  };
}

/** Every program name a normalized scene uses. */
export function shaderNames(scene) {
  const names = new Set([scene.background.shader]);
  scene.meshes.forEach((m) => names.add(m.material.shader));
  scene.particles.forEach((p) => names.add(p.shader));
  scene.heatmaps.forEach((h) => names.add(h.shader));
  scene.terrains.forEach((t) => names.add(t.shader));
  return [...names];
}

export const COLORMAPS = { viridis: 0, magma: 1, coolwarm: 2, grayscale: 3 };
