// The viridis colour map (weights as colours) and attention matrices drawn into small 2D canvases.

const viridis = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

/** The viridis colour of v in [0, 1], written into out[at..at+2]. */
function colormapInto(v, out, at) {
  const x = Math.max(0, Math.min(1, v)) * (viridis.length - 1);
  const i = Math.min(viridis.length - 2, Math.floor(x));
  const f = x - i;
  const a = viridis[i];
  const b = viridis[i + 1];
  out[at] = Math.round(a[0] + (b[0] - a[0]) * f);
  out[at + 1] = Math.round(a[1] + (b[1] - a[1]) * f);
  out[at + 2] = Math.round(a[2] + (b[2] - a[2]) * f);
}

const rgb = [0, 0, 0];

export function colormap(v) {
  colormapInto(v, rgb, 0);
  return rgb;
}

/** Draws an attention matrix into a 2D canvas, one pixel per weight (scaled by CSS). */
export function drawMatrix(canvas, matrix) {
  const t = matrix.length;
  if (canvas.width !== t) canvas.width = t;
  if (canvas.height !== t) canvas.height = t;
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(t, t);
  const data = image.data;
  for (let q = 0, i = 0; q < t; q++) {
    const row = matrix[q];
    for (let k = 0; k < t; k++, i += 4) {
      colormapInto(Math.sqrt(row[k]), data, i);
      data[i + 3] = 255;
    }
  }
  ctx.putImageData(image, 0, 0);
}

const LEVELS = 255;

/** The class of a table cell whose colour stands for s (the square root of a weight, in [0, 1]). */
export function cellClass(s) {
  const level = Math.round(Math.max(0, Math.min(1, s)) * LEVELS);
  return s > 0.6 ? `nsm-w${level} nsm-w-dark` : `nsm-w${level}`;
}

/** One rule per colour level of the weights table (adopted with the module's styles). */
export function cellStyles() {
  const rules = [];
  for (let i = 0; i <= LEVELS; i++) {
    const [r, g, b] = colormap(i / LEVELS);
    rules.push(`.nsm-table td.nsm-w${i} { background: rgb(${r}, ${g}, ${b}); }`);
  }
  rules.push('.nsm-table td.nsm-w-dark { color: rgb(0, 0, 0); }');
  return rules.join('\n');
}
