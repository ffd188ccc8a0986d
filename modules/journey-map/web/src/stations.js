// The stations: keyboard path (Tab in pipeline order, arrows, Home/End, Escape home), the preview panel, entering a
// station (its Level 2 theatre when one runs), branch choices, and the quiz link.
import { h, openQuiz, rovingIndex } from '@nslab/module-sdk/kit';
import { plainParagraphs } from './format.js';
import { HOME_CAMERA, stationCamera } from './scene.js';
import { MODULE_ID } from './app.js';
import { ZOOM_SECONDS } from './view.js';

export const stations = {
  stationKey(e, i) {
    const go = rovingIndex(e.key, i, this.stations.length);
    if (go !== undefined) {
      e.preventDefault();
      this.buttons[go].focus();
    } else if (e.key === 'Escape') {
      this.home();
    }
  },

  preview(i) {
    const s = this.stations[i];
    if (this.selected === i && this.previewBox.dataset.station === s.id) return;
    this.selected = i;
    this.buttons.forEach((b, k) => b.classList.toggle('jm-selected', k === i));
    const theatre = this.theatres.get(s.stageId);
    const meter = h('span', { class: 'jm-meter', role: 'img', 'aria-label': `complexity ${s.complexity} of 5` },
      ...[1, 2, 3, 4, 5].map((k) => h('span', { class: k <= s.complexity ? 'on' : 'off' })));
    const paragraphs = plainParagraphs(s.description);
    this.previewBox.dataset.station = s.id;
    this.previewBox.replaceChildren(
      h('h3', { text: `${s.order}. ${s.title}` }),
      h('p', { class: 'jm-what', text: paragraphs[0] || '' }),
      h('dl', {},
        h('dt', { text: 'Typical duration' }), h('dd', { 'data-field': 'duration', text: s.duration }),
        h('dt', { text: 'Cost' }), h('dd', { 'data-field': 'cost', text: s.cost }),
        h('dt', { text: 'Complexity' }), h('dd', { 'data-field': 'complexity' }, meter, ` ${s.complexity} of 5`)),
      theatre
        ? h('p', { class: 'jm-theatre' }, h('button', { type: 'button', onclick: () => this.activate(i), text: `Enter the ${s.title} theatre (Level 2)` }))
        : h('div', { class: 'jm-theatre jm-missing', 'data-theatre': 'missing' },
          h('p', { text: `The Level 2 theatre for ${s.title} is not available yet. What exists now:` }),
          h('ul', {},
            h('li', {}, h('button', { type: 'button', onclick: () => this.toggleText(true), text: 'read every station in the text version' })),
            h('li', {}, h('button', { type: 'button', onclick: () => this.costBox.querySelector('select').focus(), text: 'compute the cost and time of a model' })),
            h('li', {}, h('button', { type: 'button', onclick: () => this.openQuiz(), text: 'take the Journey Map quiz' })))));
    if (!this.visited.has(s.id)) {
      this.visited.add(s.id);
      this.emit({ verb: 'EXPERIENCED', objectType: 'VIEW', objectId: `journey-map/station/${s.id}`, objectName: s.title });
      if (this.visited.size === this.stations.length) {
        this.emit({ verb: 'PROGRESSED', objectType: 'LEVEL', objectId: 'level:1', objectName: 'Journey Map', result: { completion: true } });
      }
    }
  },

  activate(i) {
    const s = this.stations[i];
    this.preview(i);
    if (this.view) this.moveCamera(stationCamera(s));
    this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: `journey-map/station/${s.id}`, objectName: s.title });
    const theatre = this.theatres.get(s.stageId);
    const go = () => theatre && this.host.navigate({ level: 2, module: theatre.module, stage: theatre.stage });
    if (theatre) {
      if (this.settings.reducedMotion || !this.view) go();
      else this.ctx.timer(go, ZOOM_SECONDS * 1000);
    } else {
      this.previewBox.querySelector('.jm-missing button')?.focus();
    }
  },

  home() {
    if (this.view) this.moveCamera(HOME_CAMERA);
  },

  buildBranches() {
    const box = h('fieldset', { class: 'jm-branches' }, h('legend', { text: 'Branch paths' }));
    for (const br of this.branches) {
      const group = h('div', { class: 'jm-branch', role: 'radiogroup', 'aria-label': br.options.map((o) => o.title.split(':')[0]).join(' or ') });
      br.options.forEach((o, oi) => {
        const input = h('input', { type: 'radio', name: `jm-branch-${br.id}`, value: o.id, checked: oi === 0, 'data-branch': br.id,
          onchange: () => this.chooseBranch(br.id, o.id) });
        group.append(h('label', {}, input, ` ${o.title}`));
      });
      box.append(group);
    }
    return box;
  },

  chooseBranch(branchId, optionId) {
    this.choices[branchId] = optionId;
    this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: `journey-map/branch/${branchId}/${optionId}` });
    if (branchId === 'dense-vs-moe') {
      const select = this.costBox.querySelector('[name=model]');
      select.value = optionId === 'mixture-of-experts' ? 'Mixtral-8x7B-like' : 'LLaMA-7B-like';
    }
    if (this.view) this.buildScene();
  },

  openQuiz() {
    openQuiz({ host: this.host, emit: (e) => this.emit(e), level: 1, module: MODULE_ID, stage: 'quiz',
      quizId: this.quizId || 'quiz-journey-map', name: 'Journey Map quiz' });
  },
};
