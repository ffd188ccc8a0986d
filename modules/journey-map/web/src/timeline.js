// The timeline: the stations in time, the training run to scale from the calculator (in days), the others by their
// content text; the scrubber previews and flies to the station under it.
import { h } from '@nslab/module-sdk/kit';
import { humanNumber } from './format.js';
import { stationCamera } from './scene.js';

export const timeline = {
  buildTimeline() {
    this.scrubber = h('input', { type: 'range', min: 0, max: 1000, value: 0, class: 'jm-scrubber', 'aria-label': 'Walk the pipeline in time',
      oninput: () => this.scrub(Number(this.scrubber.value) / 1000, true) });
    this.timelineText = h('p', { class: 'jm-timeline-text', 'aria-live': 'polite' });
    this.timelineBar = h('div', { class: 'jm-timeline-bar', 'aria-hidden': 'true' });
    return h('section', { class: 'jm-timeline', 'aria-label': 'Timeline' }, h('h3', { text: 'Timeline' }), this.timelineBar, this.scrubber, this.timelineText);
  },

  /** Segments: the training run from the calculator (to scale, in days); the other stations by their content text. */
  updateTimeline(plan) {
    const trainingDays = plan.wallClockDays;
    this.timelineSegments = this.stations.map((s) => ({ station: s, days: s.stageId === 'training' ? trainingDays : null }));
    this.timelineBar.replaceChildren(...this.timelineSegments.map((seg) => h('span', {
      class: seg.days === null ? 'jm-seg jm-seg-text' : 'jm-seg jm-seg-real', title: seg.station.title,
      style: { flexGrow: String(seg.days === null ? 1 : 2) },
    })));
    this.timelineRef = plan;
    this.scrub(Number(this.scrubber.value) / 1000, false);
  },

  /** Shows where u (0..1) falls; when the learner moves the scrubber, also previews and flies to that station. */
  scrub(u, fromLearner) {
    const segs = this.timelineSegments;
    if (!segs) return;
    const weights = segs.map((s) => (s.days === null ? 1 : 2));
    const total = weights.reduce((a, b) => a + b, 0);
    let acc = 0;
    let idx = segs.length - 1;
    let within = 1;
    for (let i = 0; i < segs.length; i++) {
      if (u * total <= acc + weights[i]) {
        idx = i;
        within = (u * total - acc) / weights[i];
        break;
      }
      acc += weights[i];
    }
    const seg = segs[idx];
    const p = this.timelineRef;
    const text = seg.days === null
      ? `${seg.station.title}: ${seg.station.duration} (no single published figure; not to scale)`
      : `${seg.station.title}: day ${(within * seg.days).toFixed(1)} of ${seg.days.toFixed(1)} for ${p.model} on ${humanNumber(p.tokens)} tokens with ${p.count} × ${p.accelerator} (simulation service)`;
    this.timelineText.textContent = text;
    this.scrubber.setAttribute('aria-valuetext', text);
    if (fromLearner && this.selected !== idx) {
      this.preview(idx);
      if (this.view) this.moveCamera(stationCamera(seg.station), 0.5);
    }
  },
};
