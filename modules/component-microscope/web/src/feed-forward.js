// The feed-forward view's panel: the top neurons per token, and what a neuron responds to in the held-out corpus.
import { escapeHtml, h as el } from '@nslab/module-sdk/kit';
import { fetchNeuronAtlas, showToken } from './api.js';
import { fmt } from './constants.js';
import { interacted } from './events.js';

export function renderFeedForward(state) {
  const { model, tokens, topNeurons, focus, hiddenActivations } = state.report;
  const active = hiddenActivations.filter((a) => a > 0).length;
  state.ffnSummary.textContent = `Layer ${focus.layer + 1}: ${model.width} → ${model.hidden} (${model.expansion}× wider, ${model.activation}) → ${model.width}. `
    + `For ${showToken(tokens[focus.position].text)}, ${active} of ${model.hidden} neurons are positive; the strongest reaches ${fmt(Math.max(...hiddenActivations))}.`;
  // tokens × top buttons: one HTML string, one click listener for the table (buildLayout)
  const html = ['<thead><tr><th scope="col">token</th>'];
  topNeurons[0].forEach((_, i) => html.push(`<th scope="col">#${i + 1}</th>`));
  html.push('</tr></thead><tbody>');
  topNeurons.forEach((list, p) => {
    html.push(`<tr aria-selected="${p === focus.position}"><th scope="row">${escapeHtml(showToken(tokens[p].text))}</th>`);
    for (const n of list) {
      html.push(`<td><button class="nsm-neuron" data-neuron="${n.neuron}" data-layer="${focus.layer}" aria-label="neuron ${n.neuron}, `
        + `activation ${fmt(n.activation)}: show the corpus snippets that activate it">${n.neuron} (${fmt(n.activation, 2)})</button></td>`);
    }
    html.push('</tr>');
  });
  html.push('</tbody>');
  state.neuronTable.innerHTML = html.join('');
}

export async function showNeuron(state, layer, neuron) {
  interacted(state, 'feed-forward', `neuron:${layer}:${neuron}`);
  state.atlas.textContent = `Reading the held-out corpus for neuron ${neuron} of layer ${layer + 1}…`;
  try {
    const { atlas, errors, status } = await fetchNeuronAtlas(state.host, { layer, neuron });
    if (state.disposed) return;
    if (errors?.length || !atlas) {
      state.atlas.textContent = errors?.map((e) => e.message).join('; ') || `The model is not ready (${status?.state}).`;
      return;
    }
    const list = el('ol', { class: 'nsm-snippets' }, ...atlas.snippets.map((s) => el('li', {},
      el('span', { class: 'nsm-activation', text: fmt(s.activation, 2) }), ' ',
      ...s.tokens.map((tok, i) => (i === s.index ? el('mark', { text: tok.text }) : document.createTextNode(tok.text))))));
    state.atlas.replaceChildren(el('p', { text: `Neuron ${neuron}, layer ${layer + 1}: the ${atlas.snippets.length} strongest of `
      + `${atlas.windows} windows × ${atlas.windowLength} held-out tokens (marked: the activating token).` }), list);
  } catch (e) {
    state.atlas.textContent = `The neuron atlas could not be loaded: ${e.message}`;
  }
}
