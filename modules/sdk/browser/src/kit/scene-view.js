// The 3D stage of a level module: one WebGL renderer on one canvas, its shaders loaded through the host, a frame
// loop, and a dispose that releases the context (the conformance kit's webgl-contexts check). three.js comes in as a
// parameter, so the SDK keeps no dependency (first-party modules get the shell's copy through its import map).

/** Whether the context's renderer is a software rasterizer (Mesa llvmpipe, SwiftShader), by its unmasked name. */
export function isSoftwareRasterizer(gl) {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) || '');
  return /llvmpipe|softpipe|swiftshader|software/i.test(name);
}

/**
 * A renderer on `canvas`: `{ renderer, software, dispose() }`. No preserved drawing buffer (screenshots come from
 * the compositor; a preserved buffer costs a copy of every frame on a software rasterizer).
 */
export function createStage({ THREE, canvas, pixelRatio = null, antialias = false }) {
  const renderer = new THREE.WebGLRenderer({ canvas, antialias, alpha: false });
  if (pixelRatio !== null) renderer.setPixelRatio(pixelRatio);
  return {
    renderer,
    software: isSoftwareRasterizer(renderer.getContext()),
    dispose() {
      renderer.dispose();
      renderer.forceContextLoss();
    },
  };
}

/** GLSL sources of the named shaders, loaded once through `host.loadShader` and kept by the returned loader. */
export function shaderCache(host, loadShaders) {
  let loaded = null;
  return async (names) => {
    loaded ??= await loadShaders(names, (file) => host.loadShader(file));
    return loaded;
  };
}

/**
 * A frame loop: `request()` asks for one frame (at most one pending); `draw(timestamp)` returns true to go on.
 * `cancel()` stops it (at unmount).
 */
export function frameLoop(draw) {
  let raf = 0;
  const tick = (ts) => {
    raf = 0;
    if (draw(ts)) request();
  };
  function request() {
    if (!raf) raf = requestAnimationFrame(tick);
  }
  return {
    request,
    cancel() {
      if (raf) cancelAnimationFrame(raf);
      raf = 0;
    },
    get pending() {
      return raf !== 0;
    },
  };
}
