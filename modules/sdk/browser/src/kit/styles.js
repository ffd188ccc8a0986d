// A module's styles as a constructed stylesheet adopted by the document: allowed by the shell's CSP, which refuses
// <style> elements and style attributes.

/**
 * Adopts `css` into `doc` and returns a function that removes it again (call it at unmount). Where constructed
 * stylesheets do not exist (outside a browser) it does nothing.
 */
export function adoptStyles(css, doc = globalThis.document) {
  if (!doc || typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Writes theme tokens as CSS custom properties on `element` (CSSOM), e.g. `{ '--jm-bg': '#000' }`. */
export function setProperties(element, properties) {
  for (const [name, value] of Object.entries(properties)) element.style.setProperty(name, value);
}
