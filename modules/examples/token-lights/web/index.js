// Token Lights: an example third-party module built only with the SDK's contract. A sentence is split into
// tokens (whitespace and punctuation, a deliberately simple tokenizer); each token is a light on a WebGL canvas
// whose brightness is its length. Keyboard: Tab to the list, arrow keys move between tokens. It releases its
// WebGL context on unmount, emits schema-valid learning events, and has a text alternative.
let state = null;

const VERTEX = `#version 300 es
in vec2 position; in float brightness; out float vBrightness; uniform float pointSize;
void main() { gl_Position = vec4(position, 0.0, 1.0); gl_PointSize = pointSize; vBrightness = brightness; }`;
const FRAGMENT = `#version 300 es
precision mediump float; in float vBrightness; uniform vec3 color; out vec4 outColor;
void main() { float d = length(gl_PointCoord - 0.5); if (d > 0.5) discard; outColor = vec4(color * (0.35 + 0.65 * vBrightness), 1.0); }`;

function tokenize(text) {
  return text.match(/[A-Za-z0-9']+|[^\sA-Za-z0-9]/g) ?? [];
}

function hexToRgb(hex) {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16 & 255) / 255, (n >> 8 & 255) / 255, (n & 255) / 255];
}

function draw(s) {
  const { gl, program, tokens, host } = s;
  if (!gl) return;
  const n = tokens.length;
  const data = new Float32Array(n * 3);
  const max = Math.max(1, ...tokens.map((t) => t.length));
  tokens.forEach((t, i) => {
    data[i * 3] = n === 1 ? 0 : -0.9 + 1.8 * (i / (n - 1));
    data[i * 3 + 1] = i === s.selected ? 0.2 : 0;
    data[i * 3 + 2] = t.length / max;
  });
  gl.viewport(0, 0, gl.canvas.width, gl.canvas.height);
  const bg = hexToRgb(host.theme.colors.background);
  gl.clearColor(bg[0], bg[1], bg[2], 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.useProgram(program);
  gl.bindBuffer(gl.ARRAY_BUFFER, s.buffer);
  gl.bufferData(gl.ARRAY_BUFFER, data, gl.DYNAMIC_DRAW);
  gl.bindVertexArray(s.vao);
  gl.uniform1f(gl.getUniformLocation(program, 'pointSize'), 24);
  gl.uniform3fv(gl.getUniformLocation(program, 'color'), hexToRgb(host.theme.colors.primary));
  gl.drawArrays(gl.POINTS, 0, n);
}

function setupGl(canvas) {
  const gl = canvas.getContext('webgl2');
  if (!gl) return null;
  const compile = (type, source) => {
    const shader = gl.createShader(type);
    gl.shaderSource(shader, source);
    gl.compileShader(shader);
    return shader;
  };
  const program = gl.createProgram();
  const vs = compile(gl.VERTEX_SHADER, VERTEX);
  const fs = compile(gl.FRAGMENT_SHADER, FRAGMENT);
  gl.attachShader(program, vs);
  gl.attachShader(program, fs);
  gl.linkProgram(program);
  const buffer = gl.createBuffer();
  const vao = gl.createVertexArray();
  gl.bindVertexArray(vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
  const pos = gl.getAttribLocation(program, 'position');
  const bri = gl.getAttribLocation(program, 'brightness');
  gl.enableVertexAttribArray(pos);
  gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 12, 0);
  gl.enableVertexAttribArray(bri);
  gl.vertexAttribPointer(bri, 1, gl.FLOAT, false, 12, 8);
  return { gl, program, buffer, vao, shaders: [vs, fs] };
}

export async function mount(element, host) {
  const root = document.createElement('section');
  root.setAttribute('aria-labelledby', 'token-lights-title');
  root.style.cssText = `color:${host.theme.colors.text};background:${host.theme.colors.background};padding:1rem;font-family:${host.theme.fonts.display}`;
  const title = Object.assign(document.createElement('h3'), { id: 'token-lights-title', textContent: 'Token lights' });
  const label = Object.assign(document.createElement('label'), { htmlFor: 'token-lights-input', textContent: 'Sentence to split into tokens' });
  const input = Object.assign(document.createElement('input'), { id: 'token-lights-input', type: 'text', value: 'Models read text as tokens, not words.' });
  input.style.cssText = 'display:block;width:100%;margin:.25rem 0 1rem;font:inherit';
  const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 160 });
  canvas.setAttribute('role', 'img');
  const list = document.createElement('ol');
  list.setAttribute('aria-label', 'Tokens');
  list.tabIndex = 0;
  root.append(title, label, input, canvas, list);
  element.append(root);

  const gl = setupGl(canvas);
  state = { host, root, gl: gl?.gl ?? null, program: gl?.program, buffer: gl?.buffer, vao: gl?.vao, shaders: gl?.shaders ?? [],
    tokens: [], selected: 0, listeners: [] };

  const update = () => {
    state.tokens = tokenize(input.value).slice(0, 64);
    state.selected = Math.min(state.selected, Math.max(0, state.tokens.length - 1));
    canvas.setAttribute('aria-label', `${state.tokens.length} tokens drawn as lights; longer tokens shine brighter`);
    list.replaceChildren(...state.tokens.map((t, i) => {
      const li = Object.assign(document.createElement('li'), { textContent: `${t} (${t.length} characters)` });
      if (i === state.selected) li.setAttribute('aria-current', 'true');
      return li;
    }));
    draw(state);
  };
  const onInput = () => {
    update();
    host.emit({ verb: 'INTERACTED', objectId: 'example:token-lights/sentence', objectType: 'EXPERIMENT',
      result: { response: input.value.slice(0, 200) } }).catch(() => {});
  };
  const onKey = (e) => {
    const delta = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[e.key];
    if (delta === undefined || state.tokens.length === 0) return;
    e.preventDefault();
    state.selected = (state.selected + delta + state.tokens.length) % state.tokens.length;
    update();
  };
  input.addEventListener('input', onInput);
  list.addEventListener('keydown', onKey);
  state.listeners.push(() => input.removeEventListener('input', onInput), () => list.removeEventListener('keydown', onKey));
  state.unsubscribe = host.onSettingsChange(() => draw(state));
  update();
  // not awaited: mounting never waits on the network, and a lost event must not stop the module
  host.emit({ verb: 'LAUNCHED', objectId: 'example:token-lights', objectType: 'MODULE', context: { level: host.module.level } })
    .catch(() => {});
}

export async function unmount() {
  if (!state) return;
  state.listeners.forEach((off) => off());
  state.unsubscribe?.();
  const { gl } = state;
  if (gl) {
    gl.deleteBuffer(state.buffer);
    gl.deleteVertexArray(state.vao);
    state.shaders.forEach((s) => gl.deleteShader(s));
    gl.deleteProgram(state.program);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  state.root.remove();
  state = null;
}
