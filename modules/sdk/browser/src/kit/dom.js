// Building a module's DOM under the shell's Content-Security-Policy (style-src 'self'): no <style> text and no
// style attributes; styles come from a constructed stylesheet (./styles.js) and CSSOM writes (element.style).

/**
 * Creates an element: `h('button', { class: 'x', text: 'Go', onclick: fn, style: { left: '4px' }, hidden: true }, child…)`.
 * Attributes: `class`, `text` (textContent), `style` (an object written through the CSSOM), `on<event>` (listener),
 * anything else as an attribute (`true` → present and empty; `false`, `null`, `undefined` → left out). Children may
 * be nodes, strings or arrays of them; `null`, `undefined` and `false` are skipped.
 */
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else if (k === 'style') Object.assign(node.style, v);
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
  return node;
}

/** Text made safe for an HTML string (for large tables written in one `innerHTML`). */
export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}
