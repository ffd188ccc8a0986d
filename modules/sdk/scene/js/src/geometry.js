// Vertex data of the primitives and terrains: the same algorithm, vertex order and triangles as
// org.nslab.sdk.scene.Geometry. Returns {positions, normals, values (Float32Array), indices (Uint32Array)}.

class Builder {
  constructor(vertices, indexCount) {
    this.positions = new Float32Array(vertices * 3);
    this.normals = new Float32Array(vertices * 3);
    this.indices = new Uint32Array(indexCount);
    this.values = new Float32Array(0);
    this.vertex = 0;
    this.index = 0;
  }

  add(x, y, z, nx, ny, nz) {
    const v = this.vertex * 3;
    this.positions[v] = x; this.positions[v + 1] = y; this.positions[v + 2] = z;
    this.normals[v] = nx; this.normals[v + 1] = ny; this.normals[v + 2] = nz;
    this.vertex++;
  }

  triangle(a, b, c) {
    this.indices[this.index++] = a;
    this.indices[this.index++] = b;
    this.indices[this.index++] = c;
  }

  build() {
    return { positions: this.positions, normals: this.normals, values: this.values, indices: this.indices };
  }
}

export function geometryOf(primitive, segments) {
  switch (primitive) {
    case 'box': return box();
    case 'sphere': return sphere(segments, Math.max(2, Math.trunc(segments / 2)));
    case 'cylinder': return cylinder(segments);
    case 'plane': return plane();
    default: throw new Error(`unknown primitive '${primitive}'`);
  }
}

export function box() {
  const b = new Builder(24, 36);
  const faces = [
    [1, 0, 0, 0, 0, -1, 0, 1, 0], [-1, 0, 0, 0, 0, 1, 0, 1, 0],
    [0, 1, 0, 1, 0, 0, 0, 0, -1], [0, -1, 0, 1, 0, 0, 0, 0, 1],
    [0, 0, 1, 1, 0, 0, 0, 1, 0], [0, 0, -1, -1, 0, 0, 0, 1, 0],
  ];
  for (const f of faces) {
    const base = b.vertex;
    for (let corner = 0; corner < 4; corner++) {
      const u = corner === 1 || corner === 2 ? 0.5 : -0.5;
      const v = corner >= 2 ? 0.5 : -0.5;
      b.add(f[0] * 0.5 + f[3] * u + f[6] * v, f[1] * 0.5 + f[4] * u + f[7] * v, f[2] * 0.5 + f[5] * u + f[8] * v, f[0], f[1], f[2]);
    }
    b.triangle(base, base + 1, base + 2);
    b.triangle(base, base + 2, base + 3);
  }
  return b.build();
}

export function sphere(widthSegments, heightSegments) {
  const b = new Builder((widthSegments + 1) * (heightSegments + 1), widthSegments * heightSegments * 6);
  for (let iy = 0; iy <= heightSegments; iy++) {
    const theta = (Math.PI * iy) / heightSegments;
    for (let ix = 0; ix <= widthSegments; ix++) {
      const phi = (2 * Math.PI * ix) / widthSegments;
      const nx = Math.sin(theta) * Math.sin(phi);
      const ny = Math.cos(theta);
      const nz = Math.sin(theta) * Math.cos(phi);
      b.add(nx * 0.5, ny * 0.5, nz * 0.5, nx, ny, nz);
    }
  }
  const row = widthSegments + 1;
  for (let iy = 0; iy < heightSegments; iy++) {
    for (let ix = 0; ix < widthSegments; ix++) {
      const a = iy * row + ix;
      const c = a + row;
      b.triangle(a, c, c + 1);
      b.triangle(a, c + 1, a + 1);
    }
  }
  return b.build();
}

export function cylinder(segments) {
  const b = new Builder(4 * (segments + 1) + 2, segments * 12);
  for (let i = 0; i <= segments; i++) {
    const phi = (2 * Math.PI * i) / segments;
    const s = Math.sin(phi);
    const c = Math.cos(phi);
    b.add(s * 0.5, 0.5, c * 0.5, s, 0, c);
    b.add(s * 0.5, -0.5, c * 0.5, s, 0, c);
  }
  for (let i = 0; i < segments; i++) {
    const a = 2 * i;
    b.triangle(a, a + 1, a + 3);
    b.triangle(a, a + 3, a + 2);
  }
  for (let cap = 0; cap < 2; cap++) {
    const y = cap === 0 ? 0.5 : -0.5;
    const centre = b.vertex;
    b.add(0, y, 0, 0, y * 2, 0);
    for (let i = 0; i <= segments; i++) {
      const phi = (2 * Math.PI * i) / segments;
      b.add(Math.sin(phi) * 0.5, y, Math.cos(phi) * 0.5, 0, y * 2, 0);
    }
    for (let i = 0; i < segments; i++) {
      if (cap === 0) b.triangle(centre, centre + 1 + i, centre + 2 + i);
      else b.triangle(centre, centre + 2 + i, centre + 1 + i);
    }
  }
  return b.build();
}

export function plane() {
  const b = new Builder(4, 6);
  b.add(-0.5, -0.5, 0, 0, 0, 1);
  b.add(0.5, -0.5, 0, 0, 0, 1);
  b.add(0.5, 0.5, 0, 0, 0, 1);
  b.add(-0.5, 0.5, 0, 0, 0, 1);
  b.triangle(0, 1, 2);
  b.triangle(0, 2, 3);
  return b.build();
}

/** A normalized terrain element → grid geometry with per-vertex values (height mapped to [0, 1]). */
export function terrain(t) {
  const b = new Builder(t.rows * t.cols, (t.rows - 1) * (t.cols - 1) * 6);
  let min = Infinity;
  let max = -Infinity;
  for (const h of t.heights) {
    min = Math.min(min, h);
    max = Math.max(max, h);
  }
  const range = max - min;
  b.values = new Float32Array(t.rows * t.cols);
  for (let r = 0; r < t.rows; r++) {
    for (let c = 0; c < t.cols; c++) {
      const h = t.heights[r * t.cols + c];
      const x = (c / (t.cols - 1) - 0.5) * t.size[0];
      const z = (r / (t.rows - 1) - 0.5) * t.size[1];
      b.values[b.vertex] = range > 0 ? (h - min) / range : 0.5;
      b.add(x, h * t.heightScale, z, 0, 1, 0);
    }
  }
  for (let r = 0; r < t.rows - 1; r++) {
    for (let c = 0; c < t.cols - 1; c++) {
      const a = r * t.cols + c;
      const d = a + t.cols;
      b.triangle(a, d, d + 1);
      b.triangle(a, d + 1, a + 1);
    }
  }
  return b.build();
}
