// The attention view's panel: the weights table (a grid with a roving cell), every head of the layer and the pattern
// gallery of every layer × head.
import { escapeHtml, h as el } from '@nslab/module-sdk/kit';
import { attentionOf, showToken } from './api.js';
import { cellClass, drawMatrix } from './colormap.js';
import { fmt } from './constants.js';
import { selectHead, selectToken } from './controls.js';
import { classifyPattern } from './patterns.js';
import { keptRows } from './table.js';

/** The cells of one query row from key `from` on, as HTML (every cell out of the roving tab order). */
export function tableCells(q, row, from, t) {
  const html = [];
  for (let k = from; k < t; k++) {
    const w = row[k];
    if (k <= q) {
      // the colour by class (CELL_STYLES), not a style attribute: the shell's CSP refuses style attributes
      const s = Math.sqrt(w);
      html.push(`<td role="gridcell" tabindex="-1" data-q="${q}" data-k="${k}" data-weight="${w}" `
        + `class="${cellClass(s)}">${fmt(w)}</td>`);
    } else {
      html.push(`<td role="gridcell" tabindex="-1" data-q="${q}" data-k="${k}" data-weight="${w}"></td>`);
    }
  }
  return html.join('');
}

export function renderTable(state) {
  const { tokens, focus } = state.report;
  const matrix = attentionOf(state.report, focus.layer, focus.head);
  const t = tokens.length;
  const ids = tokens.map((tok) => tok.id);
  const keep = state.cellFocus;
  const q0 = Math.min(keep.q, t - 1);
  const k0 = Math.min(keep.k, q0);
  const names = tokens.map((tok) => escapeHtml(showToken(tok.text)));
  const head = ['<tr><th scope="col">query ↓ key →</th>'];
  for (let k = 0; k < t; k++) head.push(`<th scope="col" title="key ${k + 1}">${names[k]}</th>`);
  head.push('</tr>');
  const hadFocus = state.table.contains(document.activeElement);
  const kept = keptRows(state.tableShown, focus.layer, focus.head, ids, matrix);
  if (kept === 0) {
    // t² cells: written as one HTML string (parsed natively), not created one element and one attribute at a time
    const html = [`<thead>${head.join('')}</thead><tbody>`];
    for (let q = 0; q < t; q++) html.push(`<tr><th scope="row">${names[q]}</th>${tableCells(q, matrix[q], 0, t)}</tr>`);
    html.push('</tbody>');
    state.table.innerHTML = html.join('');
  } else {
    // as a prompt grows, only the new rows are written; the kept rows get the new keys' (masked) cells
    state.table.tHead.innerHTML = head.join('');
    const body = state.table.tBodies[0];
    while (body.rows.length > kept) body.lastElementChild.remove();
    for (let q = 0; q < kept; q++) {
      const row = body.rows[q];
      while (row.cells.length > t + 1) row.lastElementChild.remove();
      if (row.cells.length < t + 1) row.insertAdjacentHTML('beforeend', tableCells(q, matrix[q], row.cells.length - 1, t));
    }
    const html = [];
    for (let q = kept; q < t; q++) html.push(`<tr><th scope="row">${names[q]}</th>${tableCells(q, matrix[q], 0, t)}</tr>`);
    body.insertAdjacentHTML('beforeend', html.join(''));
    state.table.querySelectorAll('td[tabindex="0"]').forEach((cell) => { cell.tabIndex = -1; });
  }
  state.tableShown = { layer: focus.layer, head: focus.head, ids, matrix };
  const body = state.table.tBodies[0];
  for (let q = 0; q < t; q++) body.rows[q].setAttribute('aria-selected', String(q === focus.position));
  const roving = body.rows[q0].cells[k0 + 1];
  roving.tabIndex = 0;
  if (hadFocus && !state.table.contains(document.activeElement)) roving.focus();
  state.table.onkeydown = (e) => {
    const cell = e.target.closest('td');
    if (!cell) return;
    let q = Number(cell.dataset.q);
    let k = Number(cell.dataset.k);
    if (e.key === 'ArrowRight') k++;
    else if (e.key === 'ArrowLeft') k--;
    else if (e.key === 'ArrowDown') q++;
    else if (e.key === 'ArrowUp') q--;
    else if (e.key === 'Home') k = 0;
    else if (e.key === 'End') k = q;
    else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); selectToken(state, q); return; }
    else return;
    e.preventDefault();
    q = Math.max(0, Math.min(t - 1, q));
    k = Math.max(0, Math.min(q, k));
    const next = state.table.querySelector(`td[data-q="${q}"][data-k="${k}"]`);
    cell.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };
}

export function describeCell(state, q, k, announce = true) {
  const { tokens, focus } = state.report;
  state.cellFocus = { q, k };
  const w = attentionOf(state.report, focus.layer, focus.head)[q][k];
  const text = k > q
    ? `${showToken(tokens[q].text)} cannot see ${showToken(tokens[k].text)} (a later token is masked).`
    : `${showToken(tokens[q].text)} → ${showToken(tokens[k].text)}: weight ${fmt(w, 4)}`
      + (q === focus.position ? `, score q·k/√d ${fmt(focus.scores[k], 4)}` : '');
  state.cellInfo.setAttribute('aria-live', announce ? 'polite' : 'off');
  state.cellInfo.textContent = text;
}

/** The pattern of one layer × head, classified once per report. */
export function patternOf(state, layer, head) {
  const key = `${layer},${head}`;
  let pattern = state.patterns.get(key);
  if (!pattern) {
    pattern = classifyPattern(attentionOf(state.report, layer, head));
    state.patterns.set(key, pattern);
  }
  return pattern;
}

/** A thumbnail button: made once per place in its grid, then redrawn with every report. */
export function thumbnail(state, big) {
  const canvas = el('canvas', { class: big ? 'nsm-thumb-big' : 'nsm-thumb', 'aria-hidden': 'true' });
  const label = el('span', { class: 'nsm-thumb-label' });
  const b = el('button', { class: 'nsm-thumb-button', onclick: () => selectHead(state, Number(b.dataset.head), Number(b.dataset.layer)) },
    canvas, label);
  b.draw = (layer, head) => {
    const pattern = patternOf(state, layer, head);
    drawMatrix(canvas, attentionOf(state.report, layer, head));
    const selected = layer === state.report.focus.layer && head === state.report.focus.head;
    b.setAttribute('aria-pressed', String(selected));
    b.dataset.layer = String(layer);
    b.dataset.head = String(head);
    b.dataset.pattern = pattern.label;
    b.setAttribute('aria-label', `layer ${layer + 1}, head ${head + 1}: ${pattern.name} (${fmt(pattern.score, 2)})`);
    label.textContent = big ? `head ${head + 1}: ${pattern.name}` : `L${layer + 1} H${head + 1} · ${pattern.name}`;
  };
  return b;
}

/** Keeps exactly `count` thumbnails in `container` (reusing the ones there) and redraws them. */
export function renderThumbnails(state, container, count, big, place) {
  while (container.children.length > count) container.lastElementChild.remove();
  while (container.children.length < count) container.append(thumbnail(state, big));
  [...container.children].forEach((b, i) => b.draw(...place(i)));
}

export function renderMultiHead(state) {
  const { model, focus } = state.report;
  renderThumbnails(state, state.multiHead, model.heads, true, (h) => [focus.layer, h]);
}

export function renderGallery(state) {
  const { model } = state.report;
  state.gallery.style.setProperty('--heads', String(model.heads));
  renderThumbnails(state, state.gallery, model.layers * model.heads, false, (i) => [Math.floor(i / model.heads), i % model.heads]);
}
