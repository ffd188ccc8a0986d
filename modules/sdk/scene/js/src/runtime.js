// Draws a scene description with three.js exactly as the renderer service draws it with LWJGL:
// the same shader files, the same geometry, the same uniforms (computed by ./math.js) and the same
// GL state (draw order, blending, depth, culling). Labels are HTML overlays, not part of the image.
//
// Draw order (both sides): opaque elements, then transparent ones, each in this order: background,
// terrains, heat maps, meshes, particle systems, each list in scene order. Transparent: a mesh or heat
// map with opacity < 1 (alpha blending, no depth writes) and every particle system (additive or alpha
// blending, no depth writes). Meshes cull back faces; the rest is double-sided.
import * as THREE from 'three';
import { cameraAt, color, lookAt, model, multiply, perspective, toPixel } from './math.js';
import { geometryOf, plane, terrain as terrainGeometry } from './geometry.js';
import { COLORMAPS } from './scene.js';

const QUAD_POSITIONS = new Float32Array([-1, -1, 0, 1, -1, 0, 1, 1, 0, -1, 1, 0]);
const QUAD_INDEX = [0, 1, 2, 0, 2, 3];

function bufferGeometry(g, withNormals, withValues) {
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(g.positions, 3));
  if (withNormals) geometry.setAttribute('normal', new THREE.BufferAttribute(g.normals, 3));
  if (withValues) geometry.setAttribute('a_value', new THREE.BufferAttribute(g.values, 1));
  geometry.setIndex(new THREE.BufferAttribute(g.indices, 1));
  return geometry;
}

function material(program, uniforms, { transparent, additive, side, depthTest = true }) {
  return new THREE.RawShaderMaterial({
    glslVersion: THREE.GLSL3,
    vertexShader: program.vertex,
    fragmentShader: program.fragment,
    uniforms,
    transparent,
    depthTest,
    depthWrite: depthTest && !transparent,
    side,
    blending: transparent ? THREE.CustomBlending : THREE.NormalBlending,
    blendEquation: THREE.AddEquation,
    blendSrc: THREE.SrcAlphaFactor,
    blendDst: additive ? THREE.OneFactor : THREE.OneMinusSrcAlphaFactor,
  });
}

const v3 = (a) => new THREE.Vector3(a[0], a[1], a[2]);

/**
 * @param options.canvas     the canvas to draw on (or options.renderer, an existing WebGLRenderer)
 * @param options.scene      a normalized scene (normalizeScene)
 * @param options.shaders    Map name → {vertex, fragment} (loadShaders)
 * @param options.width, options.height  drawing-buffer size in pixels
 * @param options.overlay    optional element on top of the canvas, for the labels
 * @param options.replaces   optional view (on the same renderer) that this one replaces: disposed once this view
 *                           holds the shader programs they share, so those are not linked again
 */
export function createSceneView(options) {
  const { scene, shaders } = options;
  let { width, height } = options;
  const ownsRenderer = !options.renderer;
  const renderer = options.renderer || new THREE.WebGLRenderer({
    canvas: options.canvas, antialias: false, alpha: false, preserveDrawingBuffer: !!options.preserveDrawingBuffer,
  });
  renderer.sortObjects = false;
  renderer.setPixelRatio(1);
  renderer.setSize(width, height, false);
  renderer.setClearColor(0x000000, 1);

  const program = (name) => {
    const p = shaders.get(name);
    if (!p) throw new Error(`shader '${name}' was not loaded`);
    return p;
  };
  const view = { value: new THREE.Matrix4() };
  const projection = { value: new THREE.Matrix4() };
  const time = { value: 0 };
  const resolution = { value: new THREE.Vector2(width, height) };
  const lights = scene.lights;
  const lightUniforms = () => {
    const dirs = new Float32Array(12);
    const cols = new Float32Array(12);
    lights.directional.forEach((d, i) => {
      const c = color(d.color);
      for (let k = 0; k < 3; k++) {
        dirs[i * 3 + k] = d.direction[k];
        cols[i * 3 + k] = c[k] * d.intensity;
      }
    });
    const a = color(lights.ambient.color);
    return {
      u_ambient: { value: v3(a.map((x) => x * lights.ambient.intensity)) },
      u_lightDirections: { value: dirs },
      u_lightColors: { value: cols },
      u_lightCount: { value: lights.directional.length },
    };
  };

  const root = new THREE.Scene();
  const disposables = new Set();
  const add = (geometry, mat) => {
    const mesh = new THREE.Mesh(geometry, mat);
    mesh.frustumCulled = false;
    mesh.matrixAutoUpdate = false;
    root.add(mesh);
    disposables.add(geometry).add(mat);
    return mesh;
  };
  // one vertex buffer per primitive and segment count, shared by the meshes of this view (each has its own transform)
  const primitives = new Map();
  const primitive = (name, segments) => {
    const key = `${name}/${segments}`;
    if (!primitives.has(key)) primitives.set(key, bufferGeometry(geometryOf(name, segments), true, false));
    return primitives.get(key);
  };

  // background
  {
    const g = new THREE.BufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(QUAD_POSITIONS, 3));
    g.setIndex(QUAD_INDEX);
    const bg = scene.background;
    add(g, material(program(bg.shader), {
      u_top: { value: v3(color(bg.top)) }, u_bottom: { value: v3(color(bg.bottom)) }, u_resolution: resolution,
    }, { transparent: false, side: THREE.DoubleSide, depthTest: false }));
  }
  for (const t of scene.terrains) {
    add(bufferGeometry(terrainGeometry(t), true, true), material(program(t.shader), {
      u_projection: projection, u_view: view, u_model: { value: new THREE.Matrix4().fromArray(model(t.position, [0, 0, 0], [1, 1, 1])) },
      u_colormap: { value: COLORMAPS[t.colormap] }, ...lightUniforms(),
    }, { transparent: false, side: THREE.DoubleSide }));
  }
  for (const h of scene.heatmaps) {
    const texture = new THREE.DataTexture(new Float32Array(h.values), h.cols, h.rows, THREE.RedFormat, THREE.FloatType);
    texture.magFilter = THREE.NearestFilter;
    texture.minFilter = THREE.NearestFilter;
    texture.generateMipmaps = false;
    texture.needsUpdate = true;
    disposables.add(texture);
    add(bufferGeometry(plane(), false, false), material(program(h.shader), {
      u_projection: projection, u_view: view, u_model: { value: new THREE.Matrix4().fromArray(model(h.position, h.rotation, h.scale)) },
      u_values: { value: texture }, u_rows: { value: h.rows }, u_cols: { value: h.cols },
      u_domain: { value: new THREE.Vector2(h.domain[0], h.domain[1]) }, u_colormap: { value: COLORMAPS[h.colormap] },
      u_opacity: { value: h.opacity },
    }, { transparent: h.opacity < 1, side: THREE.DoubleSide }));
  }
  for (const m of scene.meshes) {
    const mat = m.material;
    add(primitive(m.primitive, m.segments), material(program(mat.shader), {
      u_projection: projection, u_view: view, u_model: { value: new THREE.Matrix4().fromArray(model(m.position, m.rotation, m.scale)) },
      u_color: { value: v3(color(mat.color)) }, u_emissive: { value: v3(color(mat.emissive)) }, u_opacity: { value: mat.opacity },
      ...lightUniforms(),
    }, { transparent: mat.opacity < 1, side: THREE.FrontSide }));
  }
  for (const p of scene.particles) {
    const g = new THREE.InstancedBufferGeometry();
    g.setAttribute('position', new THREE.BufferAttribute(QUAD_POSITIONS.map((x) => x * 0.5), 3));
    g.setIndex(QUAD_INDEX);
    g.instanceCount = p.count;
    const points = new Float32Array(48);
    p.emitter.points.forEach((pt, i) => points.set(pt, i * 3));
    const colors = new Float32Array(12);
    p.colors.forEach((c, i) => colors.set(color(c), i * 3));
    add(g, material(program(p.shader), {
      u_projection: projection, u_view: view, u_time: time, u_seed: { value: p.seed >>> 0 },
      u_emitter: { value: p.emitter.type === 'path' ? 0 : 1 }, u_points: { value: points },
      u_pointCount: { value: p.emitter.points.length }, u_spread: { value: p.emitter.spread },
      u_center: { value: v3(p.emitter.center) }, u_radius: { value: p.emitter.radius }, u_speed: { value: p.speed },
      u_size: { value: new THREE.Vector2(p.size[0], p.size[1]) }, u_colors: { value: colors },
      u_colorCount: { value: p.colors.length }, u_opacity: { value: p.opacity },
    }, { transparent: true, additive: p.blending === 'additive', side: THREE.DoubleSide }));
  }
  const camera = new THREE.PerspectiveCamera();

  let overlaySpans = [];
  if (options.overlay) {
    overlaySpans = scene.labels.map((l) => {
      const span = document.createElement('span');
      span.textContent = l.text;
      span.dataset.labelId = l.id || '';
      Object.assign(span.style, {
        position: 'absolute', left: '0', top: '0', transform: 'translate(-50%, -100%)', whiteSpace: 'nowrap',
        color: l.color, font: `${l.size}px sans-serif`, textShadow: '0 0 3px #000, 0 0 3px #000', pointerEvents: 'none',
      });
      options.overlay.appendChild(span);
      return span;
    });
  }

  let viewProjection = null;
  function update(t) {
    const c = cameraAt(scene, t);
    const proj = perspective(c.fov, width / height, c.near, c.far);
    const v = lookAt(c.position, c.target);
    projection.value.fromArray(proj);
    view.value.fromArray(v);
    time.value = t;
    viewProjection = multiply(proj, v);
  }

  /** Pixel positions of the labels at time t: [{id, text, x, y, color, size, visible}]. */
  function labels(t) {
    update(t);
    return scene.labels.map((l) => {
      const p = toPixel(viewProjection, l.anchor, width, height);
      return { id: l.id, text: l.text, color: l.color, size: l.size, x: p ? p[0] : 0, y: p ? p[1] : 0, visible: !!p };
    });
  }

  if (options.replaces) {
    // Link this view's shader programs before the view it replaces lets go of them: three.js frees a program as
    // soon as no material uses it, and linking them again costs more than the rest of a frame on a software
    // rasterizer.
    update(0);
    renderer.compile(root, camera);
    options.replaces.dispose();
  }

  return {
    renderer,
    /** Draws the scene at time t seconds. */
    render(t) {
      update(t);
      renderer.render(root, camera);
      if (overlaySpans.length) {
        labels(t).forEach((l, i) => {
          const span = overlaySpans[i];
          span.style.display = l.visible ? '' : 'none';
          span.style.left = `${l.x}px`;
          span.style.top = `${l.y}px`;
        });
      }
    },
    labels,
    setSize(w, h) {
      width = w;
      height = h;
      resolution.value.set(w, h);
      renderer.setSize(w, h, false);
    },
    /** Frees every GPU resource this view created (and the renderer, when it created it). */
    dispose() {
      disposables.forEach((d) => d.dispose());
      overlaySpans.forEach((s) => s.remove());
      if (ownsRenderer) renderer.dispose();
    },
  };
}
