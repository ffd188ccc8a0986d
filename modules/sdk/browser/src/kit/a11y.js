// Accessibility helpers every level module needs: keyboard paths through a row of controls, live announcements,
// and knowing when to replace a 3D view by its text alternative.

const NEXT = { ArrowRight: 1, ArrowDown: 1 };
const PREVIOUS = { ArrowLeft: -1, ArrowUp: -1 };

/**
 * Where a key moves the focus in a row of `count` controls from `index` (roving tab index): arrows by one, Home and
 * End to the ends; `undefined` for any other key. Options: `wrap` (past the ends to the other end; otherwise the
 * move stops at the end, or with `clamp: false` gives `undefined`), `vertical` (false: Up and Down are not moves).
 */
export function rovingIndex(key, index, count, { wrap = false, clamp = true, vertical = true } = {}) {
  if (count <= 0) return undefined;
  let next;
  if (key === 'Home') next = 0;
  else if (key === 'End') next = count - 1;
  else if (key in NEXT || key in PREVIOUS) {
    if (!vertical && (key === 'ArrowUp' || key === 'ArrowDown')) return undefined;
    next = index + (NEXT[key] ?? PREVIOUS[key]);
  } else return undefined;
  if (wrap) return (next + count) % count;
  if (next < 0 || next >= count) return clamp ? Math.max(0, Math.min(count - 1, next)) : undefined;
  return next;
}

/** Marks one of `buttons` as the roving stop (tabindex 0, and `attribute` "true"), the others out of the tab order. */
export function setRovingStop(buttons, index, attribute = null) {
  buttons.forEach((b, i) => {
    b.tabIndex = i === index ? 0 : -1;
    if (attribute) b.setAttribute(attribute, String(i === index));
  });
}

/** Whether the browser can draw WebGL 2 (the probe's context is released at once). */
export function webgl2Available() {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

/** Whether motion should be replaced by still states: the host's setting, or the browser's preference. */
export function prefersReducedMotion(host) {
  if (host?.reducedMotion) return true;
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}
