// The activation functions a learner compares; GELU is what the lab's model uses (tanh approximation, as
// in GPT-2 and in the simulation engine). SwiGLU gates one projection with Swish of another:
// SwiGLU(x) = Swish(x·W) ⊙ (x·V); with both projections the identity it is x · Swish(x), drawn here.

export const relu = (x) => Math.max(0, x);
export const gelu = (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3)));
export const swish = (x) => x / (1 + Math.exp(-x));
export const swiglu = (x) => swish(x) * x;

export const ACTIVATIONS = Object.freeze([
  { id: 'gelu', name: 'GELU', fn: gelu, color: '#00d4ff', note: 'used by this model (and GPT-2)' },
  { id: 'relu', name: 'ReLU', fn: relu, color: '#ffaa00', note: 'the original transformer' },
  { id: 'swiglu', name: 'SwiGLU (x·Swish(x))', fn: swiglu, color: '#00ff88', note: 'LLaMA, PaLM: a gated unit, 3 matrices' },
]);

/** Samples `fn` on [from, to] as an SVG path in a width × height box with y range [ymin, ymax]. */
export function curvePath(fn, { from = -4, to = 4, ymin = -1, ymax = 4, width = 240, height = 160, samples = 81 } = {}) {
  const parts = [];
  for (let i = 0; i < samples; i++) {
    const x = from + ((to - from) * i) / (samples - 1);
    const y = Math.min(ymax, Math.max(ymin, fn(x)));
    const px = ((x - from) / (to - from)) * width;
    const py = height - ((y - ymin) / (ymax - ymin)) * height;
    parts.push(`${i === 0 ? 'M' : 'L'}${px.toFixed(2)},${py.toFixed(2)}`);
  }
  return parts.join(' ');
}
