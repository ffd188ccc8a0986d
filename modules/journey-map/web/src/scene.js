// The Journey Map as a scene description v1 (modules/sdk/scene): stations as glowing spheres on plinths, static
// connection beams, instanced particle streams along every connection and along the branch paths, labels above the
// stations and an opening camera dolly. Pure: no DOM, no three.js, so node --test checks it and the renderer service
// can draw the very same document.

export const STREAM_PARTICLES = 1500;
export const BRANCH_PARTICLES = 700;
export const DOLLY_SECONDS = 3.5;
export const HOME_CAMERA = Object.freeze({ position: [0, 5.5, 21], target: [0, 0, 0], fov: 50 });

const STATION_COLORS = ['#4cc9f0', '#00d4ff', '#7b8cff', '#00ff88', '#ffaa00', '#ff6b9a'];
const STATION_COLORS_HC = ['#4de8ff', '#4de8ff', '#b3bcff', '#66ffb3', '#ffc94d', '#ff9ec0'];

const pos = (s) => [s.position.x, s.position.y, s.position.z];
const round = (x) => Math.round(x * 1e4) / 1e4;

/** A beam (unit box stretched along X) from a to b: position, rotation (degrees, T·Rx·Ry·Rz·S) and scale. */
export function beam(a, b, thickness) {
  const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const len = Math.hypot(d[0], d[1], d[2]);
  const pitch = Math.asin(d[1] / len);
  const yaw = Math.atan2(-d[2], d[0]);
  return {
    position: [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2].map(round),
    rotation: [0, round((yaw * 180) / Math.PI), round((pitch * 180) / Math.PI)],
    scale: [round(len), thickness, thickness],
  };
}

/** An arc from a to b lifted by `lift` at its middle, as `n` points. */
export function arc(a, b, lift, n = 6) {
  const points = [];
  for (let i = 0; i < n; i++) {
    const u = i / (n - 1);
    const h = 4 * u * (1 - u) * lift;
    points.push([a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u + h, a[2] + (b[2] - a[2]) * u].map(round));
  }
  return points;
}

/** The connections between stations in pipeline order: [{from, to}] from each station's `next`. */
export function connections(stations) {
  const byId = new Map(stations.map((s) => [s.id, s]));
  const out = [];
  for (const s of stations) for (const n of s.next) if (byId.has(n)) out.push({ from: s, to: byId.get(n) });
  return out;
}

/**
 * @param stations  content stations (id, title, position {x,y,z}, next), in pipeline order
 * @param branches  content branches (id, atStationId, rejoinsStationId, options)
 * @param options   {reducedMotion, highContrast, choices: {branchId: optionId}, colors: {background, text, warning},
 *                  particleDensity: share of the full particle count, (0, 1], default 1 (the module lowers it on
 *                  software rasterizers, where every thousand particles costs about 2.5 ms a frame at 720p)}
 */
export function buildJourneyScene(stations, branches, options = {}) {
  const { reducedMotion = false, highContrast = false, choices = {} } = options;
  const density = Math.min(1, Math.max(0.01, options.particleDensity ?? 1));
  const count = (full) => Math.max(20, Math.round(full * density));
  const colors = { background: '#0a0e27', text: '#e8f4f8', warning: '#ffaa00', primary: '#00d4ff', ...(options.colors || {}) };
  const palette = highContrast ? STATION_COLORS_HC : STATION_COLORS;
  const byId = new Map(stations.map((s) => [s.id, s]));
  const meshes = [];
  const particles = [];
  const labels = [];

  meshes.push({
    id: 'ground', primitive: 'plane', position: [0, -3, 0], rotation: [-90, 0, 0], scale: [34, 12, 1],
    material: { color: highContrast ? '#000000' : '#111733' },
  });
  stations.forEach((s, i) => {
    const p = pos(s);
    const c = palette[i % palette.length];
    meshes.push({ id: s.id, primitive: 'sphere', segments: 32, position: p, scale: [1.5, 1.5, 1.5], material: { color: c, emissive: highContrast ? c : '#0c1030' } });
    meshes.push({
      id: `${s.id}-plinth`, primitive: 'cylinder', segments: 24, position: [p[0], round((p[1] - 3) / 2 - 0.4), p[2]],
      scale: [0.5, round(Math.max(0.2, p[1] + 3 - 1.4)), 0.5], material: { color: highContrast ? '#ffffff' : '#2a3560' },
    });
    labels.push({ id: s.id, text: s.title, anchor: [p[0], round(p[1] + 1.25), p[2]], color: highContrast ? '#ffffff' : colors.text, size: 16 });
  });
  connections(stations).forEach(({ from, to }, i) => {
    const a = pos(from);
    const b = pos(to);
    meshes.push({ id: `link-${from.id}-${to.id}`, primitive: 'box', ...beam(a, b, highContrast ? 0.09 : 0.05), material: { color: highContrast ? '#ffffff' : '#3a4a80' } });
    if (!reducedMotion) {
      particles.push({
        id: `stream-${from.id}-${to.id}`, count: count(STREAM_PARTICLES), seed: i + 1, speed: 0.22,
        emitter: { type: 'path', points: arc(a, b, 0.6), spread: 0.22 }, size: [0.06, 0.13],
        colors: [palette[i % palette.length], palette[(i + 1) % palette.length]], opacity: 0.9, blending: 'additive',
      });
    }
  });
  branches.forEach((br, bi) => {
    const at = byId.get(br.atStationId);
    const to = byId.get(br.rejoinsStationId);
    if (!at || !to) return;
    const chosen = choices[br.id] || br.options[0]?.id;
    br.options.forEach((opt, oi) => {
      const lift = (bi % 2 === 0 ? 1 : -1) * (2.2 + 1.4 * oi);
      const points = arc(pos(at), pos(to), lift, 8).map((q) => [q[0], q[1], round(q[2] - 1.5 - oi)]);
      const active = opt.id === chosen;
      for (let k = 0; k + 1 < points.length; k++) {
        meshes.push({
          id: `branch-${br.id}-${opt.id}-${k}`, primitive: 'box', ...beam(points[k], points[k + 1], active ? 0.05 : 0.025),
          material: { color: active ? colors.warning : '#55607a', opacity: active ? 1 : 0.45 },
        });
      }
      if (!reducedMotion) {
        particles.push({
          id: `branch-${br.id}-${opt.id}`, count: count(BRANCH_PARTICLES), seed: 100 + bi * 10 + oi, speed: 0.12,
          emitter: { type: 'path', points, spread: 0.12 }, size: [0.05, 0.1],
          colors: active ? [colors.warning, '#ffd27a'] : ['#55607a'], opacity: active ? 0.95 : 0.35, blending: 'additive',
        });
      }
      labels.push({ id: `branch-${br.id}-${opt.id}`, text: opt.title.split(':')[0], anchor: points[Math.floor(points.length / 2)], color: active ? colors.warning : '#9aa4bf', size: 12 });
    });
  });

  const scene = {
    version: 1,
    title: 'Journey Map: how a large language model comes to be',
    background: highContrast ? { top: '#000000', bottom: '#000000' } : { top: '#141b3a', bottom: colors.background },
    camera: { position: HOME_CAMERA.position, target: HOME_CAMERA.target, fov: HOME_CAMERA.fov, near: 0.1, far: 300 },
    lights: {
      ambient: { color: '#ffffff', intensity: 0.35 },
      directional: [{ direction: [-1, -2, -1.5], color: '#ffffff', intensity: 0.85 }, { direction: [1, -0.5, 1], color: '#8899ff', intensity: 0.3 }],
    },
    meshes,
    particles,
    labels,
  };
  if (!reducedMotion) {
    scene.cameraPath = {
      loop: false,
      keyframes: [
        { time: 0, position: [-6, 14, 40], target: [0, 0, 0], fov: 58, easing: 'linear' },
        { time: DOLLY_SECONDS, position: HOME_CAMERA.position, target: HOME_CAMERA.target, fov: HOME_CAMERA.fov, easing: 'easeInOutCubic' },
      ],
    };
  }
  return scene;
}

/** Where the camera goes to look at a station close up. */
export function stationCamera(station) {
  const p = pos(station);
  return { position: [round(p[0] * 0.85), round(p[1] + 2.2), round(p[2] + 7.5)], target: p, fov: 42 };
}
