// Camera path evaluation and matrices (column-major), line by line the same formulas as
// org.nslab.sdk.scene.SceneMath and Easing: both sides compute in double and hand the same float32
// values to the shaders.

export const EASINGS = {
  linear: (u) => u,
  easeInQuad: (u) => u * u,
  easeOutQuad: (u) => u * (2 - u),
  easeInOutQuad: (u) => (u < 0.5 ? 2 * u * u : -1 + (4 - 2 * u) * u),
  easeInOutCubic: (u) => (u < 0.5 ? 4 * u * u * u : (u - 1) * (2 * u - 2) * (2 * u - 2) + 1),
  easeInOutSine: (u) => -(Math.cos(Math.PI * u) - 1) / 2,
};

/** Where the camera is at time t (seconds): {position, target, fov, near, far}. The scene must be normalized. */
export function cameraAt(scene, t) {
  const camera = scene.camera;
  const path = scene.cameraPath;
  if (!path) {
    return { position: camera.position, target: camera.target, fov: camera.fov, near: camera.near, far: camera.far };
  }
  const keys = path.keyframes;
  const last = keys[keys.length - 1];
  let time = t;
  if (path.loop && last.time > 0) {
    time = t - Math.floor(t / last.time) * last.time;
  }
  const state = (k) => ({ position: k.position, target: k.target, fov: k.fov ?? camera.fov, near: camera.near, far: camera.far });
  if (time <= keys[0].time) return state(keys[0]);
  if (time >= last.time) return state(last);
  let i = 0;
  while (keys[i + 1].time < time) i++;
  const a = keys[i];
  const b = keys[i + 1];
  const u = EASINGS[b.easing]((time - a.time) / (b.time - a.time));
  const fovA = a.fov ?? camera.fov;
  const fovB = b.fov ?? camera.fov;
  return {
    position: lerp(a.position, b.position, u),
    target: lerp(a.target, b.target, u),
    fov: fovA + (fovB - fovA) * u,
    near: camera.near,
    far: camera.far,
  };
}

function lerp(a, b, u) {
  return [a[0] + (b[0] - a[0]) * u, a[1] + (b[1] - a[1]) * u, a[2] + (b[2] - a[2]) * u];
}

export function perspective(fov, aspect, near, far) {
  const f = 1 / Math.tan((fov * Math.PI) / 360);
  const m = new Array(16).fill(0);
  m[0] = f / aspect;
  m[5] = f;
  m[10] = (far + near) / (near - far);
  m[11] = -1;
  m[14] = (2 * far * near) / (near - far);
  return m;
}

export function lookAt(eye, target) {
  const z = normalize([eye[0] - target[0], eye[1] - target[1], eye[2] - target[2]]);
  const up = Math.abs(z[1]) > 0.999999 ? [0, 0, 1] : [0, 1, 0];
  const x = normalize(cross(up, z));
  const y = cross(z, x);
  return [x[0], y[0], z[0], 0, x[1], y[1], z[1], 0, x[2], y[2], z[2], 0, -dot(x, eye), -dot(y, eye), -dot(z, eye), 1];
}

/** T · Rx · Ry · Rz · S, rotation in degrees. */
export function model(position, rotationDegrees, scale) {
  const ax = (rotationDegrees[0] * Math.PI) / 180;
  const ay = (rotationDegrees[1] * Math.PI) / 180;
  const az = (rotationDegrees[2] * Math.PI) / 180;
  const cx = Math.cos(ax), sx = Math.sin(ax);
  const cy = Math.cos(ay), sy = Math.sin(ay);
  const cz = Math.cos(az), sz = Math.sin(az);
  const r00 = cy * cz, r01 = -cy * sz, r02 = sy;
  const r10 = cx * sz + sx * sy * cz, r11 = cx * cz - sx * sy * sz, r12 = -sx * cy;
  const r20 = sx * sz - cx * sy * cz, r21 = sx * cz + cx * sy * sz, r22 = cx * cy;
  return [
    r00 * scale[0], r10 * scale[0], r20 * scale[0], 0,
    r01 * scale[1], r11 * scale[1], r21 * scale[1], 0,
    r02 * scale[2], r12 * scale[2], r22 * scale[2], 0,
    position[0], position[1], position[2], 1,
  ];
}

export function multiply(a, b) {
  const m = new Array(16);
  for (let col = 0; col < 4; col++) {
    for (let row = 0; row < 4; row++) {
      let s = 0;
      for (let k = 0; k < 4; k++) s += a[k * 4 + row] * b[col * 4 + k];
      m[col * 4 + row] = s;
    }
  }
  return m;
}

/** Pixel position [x right, y down] of a world point, or null behind the camera. */
export function toPixel(viewProjection, p, width, height) {
  const vp = viewProjection;
  const x = vp[0] * p[0] + vp[4] * p[1] + vp[8] * p[2] + vp[12];
  const y = vp[1] * p[0] + vp[5] * p[1] + vp[9] * p[2] + vp[13];
  const w = vp[3] * p[0] + vp[7] * p[1] + vp[11] * p[2] + vp[15];
  if (w <= 0) return null;
  return [((x / w) * 0.5 + 0.5) * width, (1 - ((y / w) * 0.5 + 0.5)) * height];
}

/** '#rrggbb' → [r, g, b] in [0, 1]. */
export function color(hex) {
  const rgb = parseInt(hex.substring(1), 16);
  return [((rgb >> 16) & 255) / 255, ((rgb >> 8) & 255) / 255, (rgb & 255) / 255];
}

function normalize(v) {
  const length = Math.sqrt(dot(v, v));
  return [v[0] / length, v[1] / length, v[2] / length];
}

function cross(a, b) {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function dot(a, b) {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}
