// The controls over the view: the prompt's tokens (the selected one sends the query), the layer and the head; each with
// a roving keyboard path, and the focus's details announced.
import { h as el, rovingIndex } from '@nslab/module-sdk/kit';
import { attentionOf, showToken } from './api.js';
import { fmt } from './constants.js';
import { interacted } from './events.js';
import { strongestLinks } from './patterns.js';
import { update } from './update.js';

export function renderTokens(state) {
  const { tokens, focus } = state.report;
  const weights = focus.weights;
  const bar = state.tokenBar;
  const hadFocus = bar.contains(document.activeElement);
  bar.replaceChildren(...tokens.map((tok, i) => {
    const b = el('button', { class: 'nsm-token', 'aria-pressed': String(i === focus.position), tabindex: i === focus.position ? 0 : -1,
      'data-position': i, title: i <= focus.position ? `weight from the selected token: ${fmt(weights[i])}` : 'after the selected token (masked)',
      'aria-label': `token ${i + 1} of ${tokens.length}: ${showToken(tok.text)}${i === focus.position ? ', selected' : ''}`,
      text: showToken(tok.text) });
    b.addEventListener('click', () => selectToken(state, i));
    b.addEventListener('keydown', (e) => {
      const next = rovingIndex(e.key, i, tokens.length, { clamp: false, vertical: false });
      if (next === undefined) return;
      e.preventDefault();
      selectToken(state, next);
    });
    if (i <= focus.position) b.style.setProperty('--w', String(Math.sqrt(weights[i])));
    return b;
  }));
  if (hadFocus) bar.querySelector('[tabindex="0"]')?.focus();
}

export function selectToken(state, i) {
  state.position = i;
  interacted(state, 'attention', `token:${i}`);
  // move the roving focus now; the numbers follow when the new focus arrives
  state.tokenBar.querySelectorAll('button').forEach((b, j) => {
    b.tabIndex = j === i ? 0 : -1;
    b.setAttribute('aria-pressed', String(j === i));
  });
  state.tokenBar.querySelector(`[data-position="${i}"]`)?.focus();
  update(state, { immediate: true });
}

export function renderHeads(state) {
  const { model, focus } = state.report;
  const group = state.headGroup;
  const hadFocus = group.contains(document.activeElement);
  group.replaceChildren(...Array.from({ length: model.heads }, (_, h) => {
    const b = el('button', { role: 'radio', class: 'nsm-head', 'aria-checked': String(h === focus.head), tabindex: h === focus.head ? 0 : -1,
      'data-head': h, text: String(h + 1), 'aria-label': `head ${h + 1} of ${model.heads}` });
    b.addEventListener('click', () => selectHead(state, h));
    b.addEventListener('keydown', (e) => {
      const next = rovingIndex(e.key, h, model.heads, { wrap: true });
      if (next === undefined) return;
      e.preventDefault();
      selectHead(state, next);
    });
    return b;
  }));
  if (hadFocus) group.querySelector('[tabindex="0"]')?.focus();
}

export function selectHead(state, h, layer = state.layer) {
  state.head = h;
  state.layer = layer;
  interacted(state, 'attention', `head:${layer}:${h}`);
  state.headGroup.querySelectorAll('button').forEach((b, j) => {
    b.tabIndex = j === h ? 0 : -1;
    b.setAttribute('aria-checked', String(j === h));
  });
  if (state.headGroup.contains(document.activeElement)) state.headGroup.querySelector(`[data-head="${h}"]`)?.focus();
  update(state, { immediate: true });
}

export function renderFocus(state) {
  const { tokens, focus } = state.report;
  const norm = (v) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));
  const items = [
    ['Selected token', `${focus.position + 1}: ${showToken(tokens[focus.position].text)}`],
    ['Layer, head', `${focus.layer + 1}, ${focus.head + 1}`],
    ['|query|', fmt(norm(focus.query))],
    ['|output|', fmt(norm(focus.output))],
  ];
  state.focusDetails.replaceChildren(...items.flatMap(([k, v]) => [el('dt', { text: k }), el('dd', { text: v })]));
  const links = strongestLinks(attentionOf(state.report, focus.layer, focus.head), 3, focus.position);
  const text = links.map((l) => `${showToken(tokens[l.key].text)} (${fmt(l.weight)})`).join(', ');
  state.announcer.textContent = `Strongest links from ${showToken(tokens[focus.position].text)} in layer ${focus.layer + 1}, head ${focus.head + 1}: ${text}.`;
  const alternative = `Token ${showToken(tokens[focus.position].text)} attends most to ${text}.`;
  state.caption.textContent = state.tab === 'attention' ? alternative : state.caption.textContent;
}
