// The residual stream's panels: norms after each sub-layer, the logit lens, and what positions add.
import { h as el } from '@nslab/module-sdk/kit';
import { showToken } from './api.js';
import { fmt } from './constants.js';

export function renderNorms(state) {
  const { residualNorms, tokens, logitLens, next, focus, model } = state.report;
  const names = ['embedding', ...Array.from({ length: model.layers }, (_, l) => [`after attention ${l + 1}`, `after MLP ${l + 1}`]).flat()];
  state.normsTable.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'sub-layer' }), ...tokens.map((t) => el('th', { scope: 'col', text: showToken(t.text) })))),
    el('tbody', {}, ...residualNorms.map((row, i) => el('tr', {}, el('th', { scope: 'row', text: names[i] }),
      ...row.map((v) => el('td', { 'data-norm': String(v), text: fmt(v, 2) }))))));
  const lensRows = logitLens.map((cands, l) => el('tr', {}, el('th', { scope: 'row', text: `layer ${l + 1}` }),
    ...cands.map((c) => el('td', { text: `${showToken(c.token.text)} ${fmt(c.probability)}` }))));
  lensRows.push(el('tr', {}, el('th', { scope: 'row', text: 'model output' }), ...next.map((c) => el('td', { text: `${showToken(c.token.text)} ${fmt(c.probability)}` }))));
  state.lensTable.replaceChildren(el('caption', { text: `after ${showToken(tokens[focus.position].text)}` }), el('tbody', {}, ...lensRows));
}

export function renderPositions(state) {
  const { residualNorms, tokens } = state.report;
  const embedding = residualNorms[0];
  const seen = new Map();
  const repeats = [];
  tokens.forEach((t, i) => {
    if (seen.has(t.id)) repeats.push([seen.get(t.id), i]);
    else seen.set(t.id, i);
  });
  state.positionsSummary.textContent = repeats.length
    ? `Repeated tokens enter with different vectors: ${repeats.slice(0, 3).map(([a, b]) => `${showToken(tokens[a].text)} at ${a + 1} has norm ${fmt(embedding[a], 2)}, at ${b + 1} ${fmt(embedding[b], 2)}`).join('; ')}.`
    : 'Type a prompt that repeats a word to see the same token enter at two positions with different vectors.';
  state.positionsTable.replaceChildren(
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'position' }), el('th', { scope: 'col', text: 'token' }),
      el('th', { scope: 'col', text: '|token + position embedding|' }))),
    el('tbody', {}, ...tokens.map((t, i) => el('tr', {}, el('td', { text: String(i + 1) }), el('td', { text: showToken(t.text) }),
      el('td', { text: fmt(embedding[i], 3) })))));
}
