// The two GraphQL operations the module declares in its manifest (module.json), by name.
export const OPERATIONS = Object.freeze({ microscope: 'Microscope', neuronAtlas: 'NeuronAtlas' });

export const EXAMPLES = Object.freeze([
  'The jury said it did find that the jury had been charged by the court.',
  'She opened the door and looked at the door again.',
  'In the morning the city was quiet, and in the evening the city was loud.',
  'He said that he would go home.',
]);

/** Fetches the microscope report; resolves to {report, status, errors}. */
export async function fetchReport(host, { prompt, layer, head, position, top = 5 }) {
  const input = { prompt, head, top };
  if (layer !== null && layer !== undefined) input.layer = layer;
  if (position !== null && position !== undefined) input.position = position;
  const data = await host.graphql(OPERATIONS.microscope, { input });
  const payload = data.microscope;
  return { report: payload.microscope, status: payload.referenceModel, errors: payload.userErrors };
}

export async function fetchNeuronAtlas(host, { layer, neuron, snippets = 5 }) {
  const data = await host.graphql(OPERATIONS.neuronAtlas, { input: { layer, neuron, snippets } });
  const payload = data.neuronAtlas;
  return { atlas: payload.neuronAtlas, status: payload.referenceModel, errors: payload.userErrors };
}

/** The attention matrix of one layer and head from a report. */
export function attentionOf(report, layer, head) {
  return report.attention.find((a) => a.layer === layer && a.head === head)?.weights;
}

/** A token's text as a person reads it (spaces and line breaks made visible). */
export function showToken(text) {
  return text.replace(/\n/g, '⏎').replace(/^ /, '·').replace(/\t/g, '⇥') || '∅';
}
