// The text alternative: every station in pipeline order with its description, duration, cost, complexity, next
// stations and branches. Shown on request, and instead of the 3D view where WebGL 2 is missing or fails.
import { h } from '@nslab/module-sdk/kit';
import { plainParagraphs } from './format.js';

export const textAlternative = {
  buildTextAlternative() {
    const list = h('ol', { class: 'jm-text-list' });
    for (const s of this.stations) {
      const br = this.branches.filter((b) => b.atStationId === s.id);
      const next = s.next.map((n) => this.stations.find((x) => x.id === n)?.title).filter(Boolean);
      list.append(h('li', { 'data-station': s.id },
        h('h3', { text: s.title }),
        ...plainParagraphs(s.description).map((p) => h('p', { text: p })),
        h('dl', {},
          h('dt', { text: 'Typical duration' }), h('dd', { text: s.duration }),
          h('dt', { text: 'Cost' }), h('dd', { text: s.cost }),
          h('dt', { text: 'Complexity' }), h('dd', { text: `${s.complexity} of 5` }),
          h('dt', { text: 'Next' }), h('dd', { text: next.length ? next.join(', ') : 'the end of the pipeline' }),
          ...br.flatMap((b) => [h('dt', { text: 'Branches here' }), h('dd', { text: `${b.options.map((o) => o.title).join('; or ')} (rejoins at ${this.stations.find((x) => x.id === b.rejoinsStationId)?.title})` })])),
        h('button', { type: 'button', class: 'jm-text-open', onclick: () => this.activate(this.stations.indexOf(s)), text: `Open ${s.title}` })));
    }
    return h('section', { id: 'jm-text', class: 'jm-text', hidden: true, 'aria-label': 'Stations in order (text version)' },
      h('h3', { text: 'Stations in order' }), list);
  },

  toggleText(show) {
    const visible = show ?? this.textAlt.hidden;
    this.textAlt.hidden = !visible;
    this.textToggle.setAttribute('aria-expanded', String(visible));
    this.textToggle.textContent = visible ? 'Hide the text version' : 'Show the text version';
  },

  fallBackToText(reason) {
    this.root.dataset.state = 'text';
    this.stage.replaceChildren(h('p', { class: 'jm-fallback', role: 'note', text: reason }));
    this.toggleText(true);
    this.textToggle.hidden = true;
  },
};
