// Panels beside a module's 3D view: sections with a heading, and tabs (a tablist whose tabs open tab panels,
// with the keyboard path of the WAI-ARIA tabs pattern).
import { rovingIndex } from './a11y.js';

/** A titled section: `panel(h, { class, label }, 'Title', ...children)`. */
export function panel(h, attrs, title, ...children) {
  return h('section', { 'aria-label': title, ...attrs }, title ? h('h3', { text: title }) : null, ...children);
}

/**
 * Tabs over `items` ({id, title}): `{ tablist, panels: Map<id, section>, select(id) }`. Arrow keys (left/right,
 * wrapping), Home and End move between tabs and open them; `onSelect(id, byLearner)` is called on each change.
 * Panels get ids `<prefix>-panel-<id>`, tabs `<prefix>-tab-<id>`; fill `panels.get(id)` with content.
 */
export function createTabs(h, { items, prefix, label, onSelect, tabClass = undefined, panelClass = undefined, listClass = undefined }) {
  const tablist = h('div', { role: 'tablist', 'aria-label': label, class: listClass });
  const tabs = new Map();
  const panels = new Map();
  const select = (id, byLearner = false) => {
    for (const [tid, tab] of tabs) {
      tab.setAttribute('aria-selected', String(tid === id));
      tab.tabIndex = tid === id ? 0 : -1;
      panels.get(tid).hidden = tid !== id;
    }
    onSelect?.(id, byLearner);
  };
  items.forEach((item, i) => {
    const tab = h('button', { role: 'tab', id: `${prefix}-tab-${item.id}`, 'aria-controls': `${prefix}-panel-${item.id}`,
      'aria-selected': 'false', tabindex: '-1', class: tabClass, text: item.title, onclick: () => select(item.id, true) });
    tab.addEventListener('keydown', (e) => {
      const next = rovingIndex(e.key, i, items.length, { wrap: true, vertical: false });
      if (next === undefined) return;
      e.preventDefault();
      select(items[next].id, true);
      tabs.get(items[next].id).focus();
    });
    tablist.append(tab);
    tabs.set(item.id, tab);
    panels.set(item.id, h('section', { role: 'tabpanel', id: `${prefix}-panel-${item.id}`, 'aria-labelledby': `${prefix}-tab-${item.id}`,
      hidden: true, class: panelClass }));
  });
  return { tablist, tabs, panels, select };
}
