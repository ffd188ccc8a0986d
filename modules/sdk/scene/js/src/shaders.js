// Loads programs from shaders/ exactly as org.nslab.sdk.scene.ShaderLibrary does: <name>.vert and
// <name>.frag without a #version line, each `#include "file.glsl"` line replaced by that file.
// three.js prepends `#version 300 es` itself (RawShaderMaterial with glslVersion GLSL3).

const INCLUDE = /^#include "([a-z0-9][a-z0-9-]{0,63}\.glsl)"[ \t]*$/gm;

/**
 * @param names program names
 * @param readText async (fileName) => text, e.g. (f) => fetch(`/shaders/${f}`).then((r) => r.text())
 * @returns Map name → {vertex, fragment}
 */
export async function loadShaders(names, readText) {
  const cache = new Map();
  const read = (file) => {
    if (!cache.has(file)) cache.set(file, Promise.resolve(readText(file)));
    return cache.get(file);
  };
  const expand = async (file) => {
    const text = await read(file);
    const includes = [...text.matchAll(INCLUDE)].map((m) => m[1]);
    const bodies = new Map();
    for (const inc of includes) bodies.set(inc, await read(inc));
    return text.replace(INCLUDE, (_, inc) => bodies.get(inc));
  };
  const programs = new Map();
  for (const name of names) {
    programs.set(name, { vertex: await expand(`${name}.vert`), fragment: await expand(`${name}.frag`) });
  }
  return programs;
}

/** A reader for a URL prefix (the folder that serves shaders/). */
export function fetchShaders(baseUrl) {
  return async (file) => {
    const response = await fetch(`${baseUrl.replace(/\/$/, '')}/${file}`);
    if (!response.ok) throw new Error(`cannot load shader ${file}: HTTP ${response.status}`);
    return response.text();
  };
}
