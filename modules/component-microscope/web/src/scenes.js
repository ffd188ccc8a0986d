// The module's 3D views as scene descriptions (v1, modules/sdk/scene): the browser draws them with
// @nslab/scene and the renderer service can draw the very same stills and clips. Pure functions of the
// simulation's numbers; no DOM, no three.js.

export const MAX_STREAMS = 16; // particle systems per scene (scene format limit)
export const STREAM_PARTICLES = 1500; // particles of a stream carrying all the attention (weight 1)
const round = (x) => Math.round(x * 1e4) / 1e4;

/** x position of token k of t along the key row. */
export function tokenX(k, t) {
  const spacing = Math.min(1.2, 14 / Math.max(1, t));
  return round((k - (t - 1) / 2) * spacing);
}

/** Euler angles (degrees, scene order Rx·Ry·Rz) that turn the +Y axis onto the unit vector d. */
export function alignY(d) {
  const len = Math.hypot(d[0], d[1], d[2]);
  const [x, y, z] = d.map((v) => v / len);
  const gamma = Math.asin(Math.max(-1, Math.min(1, -x)));
  const alpha = Math.atan2(z, y);
  return [round((alpha * 180) / Math.PI), 0, round((gamma * 180) / Math.PI)];
}

/** A thin cylinder from a to b with the given radius and material. */
export function link(id, a, b, radius, material) {
  const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const length = Math.hypot(...d);
  return {
    id, primitive: 'cylinder', segments: 8,
    position: [round((a[0] + b[0]) / 2), round((a[1] + b[1]) / 2), round((a[2] + b[2]) / 2)],
    rotation: alignY(d), scale: [round(radius * 2), round(length), round(radius * 2)], material,
  };
}

/** The colour a + (b - a)·s of two #rrggbb colours, s in [0, 1]. */
export function mix(a, b, s) {
  const c = (hex, i) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const t = Math.max(0, Math.min(1, s));
  return `#${[0, 1, 2].map((i) => Math.round(c(a, i) + (c(b, i) - c(a, i)) * t).toString(16).padStart(2, '0')).join('')}`;
}

/** Amber glow of strength s in [0, 1] as #rrggbb. */
export function emissiveAmber(s) {
  const hex = (v) => Math.round(Math.max(0, Math.min(1, s)) * v).toString(16).padStart(2, '0');
  return `#${hex(255)}${hex(170)}00`;
}

const QUERY_Y = 2.4;
const KEY_Y = 0;
const OUTPUT_Y = -2.4;

/**
 * The attention of one token in one head: the query orb above its token, a link to every key it may see
 * (thickness and glow by weight), value particle streams from the strongest keys (particles ∝ weight)
 * merging into the output orb, and the head's full score heat map behind.
 *
 * @param report the microscope report (tokens, attention, focus)
 * @param options {reducedMotion}: still particles (speed 0)
 */
export function attentionScene(report, { reducedMotion = false, labels = true } = {}) {
  const { focus, tokens } = report;
  const t = tokens.length;
  const matrix = report.attention.find((a) => a.layer === focus.layer && a.head === focus.head).weights;
  const p = focus.position;
  const weights = focus.weights;
  const max = Math.max(...weights);
  const qx = tokenX(p, t);
  const keySize = Math.min(0.5, 7 / t);
  const meshes = [];
  const labelList = [];
  meshes.push({
    id: 'query', primitive: 'sphere', segments: 24, position: [qx, QUERY_Y, 0], scale: [0.7, 0.7, 0.7],
    material: { color: '#00d4ff', emissive: '#0a6f8a' },
  });
  meshes.push({
    id: 'output', primitive: 'sphere', segments: 24, position: [qx, OUTPUT_Y, 0], scale: [0.7, 0.7, 0.7],
    material: { color: '#00ff88', emissive: '#0a7a45' },
  });
  for (let k = 0; k < t; k++) {
    const x = tokenX(k, t);
    const visible = k <= p;
    const w = visible ? weights[k] : 0;
    const glow = emissiveAmber(max > 0 ? w / max : 0);
    meshes.push({
      id: `key-${k}`, primitive: 'sphere', segments: 16, position: [x, KEY_Y, 0], scale: [keySize, keySize, keySize],
      material: visible ? { color: '#ffaa00', emissive: glow } : { color: '#3a3f55', opacity: 0.5 },
    });
    if (visible) {
      const s = max > 0 ? w / max : 0;
      // thickness and opacity follow the weight itself (the weights of a query sum to 1): a head that spreads its
      // attention draws a fan of hairlines, a head that picks one key draws one thick link; the colour follows
      // the weight relative to the strongest, so that the strongest link stands out in either case
      const a = Math.sqrt(w);
      meshes.push(link(`link-${k}`, [qx, QUERY_Y, 0], [x, KEY_Y, 0], 0.004 + 0.07 * a,
        { color: mix('#123040', '#00d4ff', s), emissive: mix('#000000', '#005a70', s), opacity: round(0.15 + 0.85 * a) }));
    }
    if (labels && (t <= 40 || k === p)) {
      labelList.push({ id: `token-${k}`, text: tokens[k].text.trim() || '·', anchor: [x, KEY_Y - 0.6, 0], size: 12,
        color: k === p ? '#00d4ff' : '#e8f4f8' });
    }
  }
  // value streams: the strongest keys, particles in proportion to their weight, into the output orb
  const strongest = weights.map((w, k) => ({ k, w })).sort((a, b) => b.w - a.w || a.k - b.k).slice(0, MAX_STREAMS);
  const particles = strongest.filter((s) => Math.round(s.w * STREAM_PARTICLES) >= 1).map((s) => ({
    id: `value-${s.k}`, count: Math.round(s.w * STREAM_PARTICLES), seed: s.k + 1,
    emitter: { type: 'path', points: [[tokenX(s.k, t), KEY_Y, 0], [round((tokenX(s.k, t) + qx) / 2), round(OUTPUT_Y / 2), 0.6], [qx, OUTPUT_Y, 0]], spread: 0.08 },
    speed: reducedMotion ? 0 : 0.25, size: [0.05, 0.09], colors: ['#00ff88', '#ffaa00'], opacity: 0.85, blending: 'additive',
  }));
  // rows from 1 on (row 0 always puts 1 on token 0): the colour range follows what the head really spends
  const top = Math.max(1e-6, ...matrix.slice(1).flat(), t === 1 ? 1 : 0);
  const heatmap = {
    id: 'scores', rows: t, cols: t, values: matrix.flat().map(round), domain: [0, round(top)], colormap: 'viridis',
    position: [0, 0, -6], scale: [8, 8, 1],
  };
  if (labels) {
    labelList.push({ id: 'query-label', text: `query: ${tokens[p].text.trim() || '·'}`, anchor: [qx, QUERY_Y + 0.6, 0], color: '#00d4ff', size: 14 });
    labelList.push({ id: 'output-label', text: 'output = Σ weight × value', anchor: [qx, OUTPUT_Y - 0.7, 0], color: '#00ff88', size: 14 });
    labelList.push({ id: 'scores-label', text: `layer ${focus.layer + 1}, head ${focus.head + 1}: attention weights`, anchor: [0, 4.3, -6], size: 14 });
  }
  return {
    version: 1, title: `Attention of token ${p} in layer ${focus.layer + 1}, head ${focus.head + 1}`,
    background: { top: '#0a0e27', bottom: '#000000' },
    camera: { position: [0, 1.2, 13], target: [0, 0, -1], fov: 55 },
    meshes, particles, heatmaps: [heatmap], labels: labelList,
  };
}

/**
 * The feed-forward network of one layer for the focus token: narrow (d_model) → wide (expansion × d_model
 * neurons, the real activations after GELU as a heat map) → narrow, with particles flowing through.
 */
export function feedForwardScene(report, { reducedMotion = false } = {}) {
  const { model, hiddenActivations } = report;
  const narrow = 1.5; // height of d_model
  const wide = narrow * model.expansion; // height of the hidden layer: the real expansion factor
  const cols = 8;
  const rows = model.hidden / cols;
  const max = Math.max(1e-6, ...hiddenActivations);
  const min = Math.min(0, ...hiddenActivations);
  const flow = (id, seed, from, to, color) => ({
    id, count: 600, seed, emitter: { type: 'path', points: [from, to], spread: narrow / 2 }, speed: reducedMotion ? 0 : 0.3,
    size: [0.04, 0.07], colors: [color], opacity: 0.7,
  });
  return {
    version: 1, title: `Feed-forward network, layer ${report.focus.layer + 1}`,
    background: { top: '#0a0e27', bottom: '#000000' },
    camera: { position: [0, 0, 11], target: [0, 0, 0], fov: 50 },
    meshes: [
      { id: 'in', primitive: 'box', position: [-4, 0, 0], scale: [0.4, narrow, 0.4], material: { color: '#00d4ff', emissive: '#06384a' } },
      { id: 'out', primitive: 'box', position: [4, 0, 0], scale: [0.4, narrow, 0.4], material: { color: '#00d4ff', emissive: '#06384a' } },
    ],
    heatmaps: [{ id: 'hidden', rows, cols, values: hiddenActivations.map(round), domain: [round(min), round(max)], colormap: 'magma',
      position: [0, 0, 0], scale: [1.2, wide, 1] }],
    particles: [flow('up', 3, [-4, 0, 0], [0, 0, 0], '#00d4ff'), flow('down', 4, [0, 0, 0], [4, 0, 0], '#00ff88')],
    labels: [
      { id: 'in-label', text: `d_model = ${model.width}`, anchor: [-4, narrow / 2 + 0.3, 0], size: 14 },
      { id: 'hidden-label', text: `${model.expansion} × ${model.width} = ${model.hidden} neurons (${model.activation})`,
        anchor: [0, wide / 2 + 0.3, 0], size: 14, color: '#ffaa00' },
      { id: 'out-label', text: `d_model = ${model.width}`, anchor: [4, narrow / 2 + 0.3, 0], size: 14 },
    ],
  };
}
