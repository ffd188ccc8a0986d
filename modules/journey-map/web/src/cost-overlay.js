// The cost and time of a model: a form for the simulation service's training-plan calculator (through the gateway)
// and its answer, every number with its exact value in data-value.
import { h } from '@nslab/module-sdk/kit';
import { humanDays, humanNumber, scientific } from './format.js';

const MODELS = ['GPT-2 small', 'GPT-2 medium', 'GPT-2 large', 'GPT-2 XL', 'LLaMA-7B-like', 'Mixtral-8x7B-like'];
export const DEFAULT_PLAN = { model: 'LLaMA-7B-like', tokens: 1e12, accelerator: 'NVIDIA A100 SXM', count: 2048, utilization: 0.4, pricePerAcceleratorHour: 2 };

export const costOverlay = {
  buildCostOverlay() {
    const field = (label, input) => h('label', {}, h('span', { text: label }), input);
    this.accSelect = h('select', { name: 'accelerator' }, h('option', { value: DEFAULT_PLAN.accelerator, text: DEFAULT_PLAN.accelerator }));
    const form = h('form', { class: 'jm-cost-form', onsubmit: (e) => { e.preventDefault(); this.computePlan(this.readForm()); } },
      field('Model', h('select', { name: 'model' }, ...MODELS.map((m) => h('option', { value: m, text: m, selected: m === DEFAULT_PLAN.model })))),
      field('Training tokens', h('input', { name: 'tokens', type: 'text', inputmode: 'decimal', value: '1e12', required: true })),
      field('Accelerator', this.accSelect),
      field('How many', h('input', { name: 'count', type: 'number', min: 1, max: 1000000, value: DEFAULT_PLAN.count, required: true })),
      field('Utilization (MFU)', h('input', { name: 'utilization', type: 'number', min: 0.01, max: 1, step: 0.01, value: DEFAULT_PLAN.utilization, required: true })),
      field('Price per accelerator-hour ($)', h('input', { name: 'price', type: 'number', min: 0, step: 0.01, value: DEFAULT_PLAN.pricePerAcceleratorHour, required: true })),
      h('button', { type: 'submit', class: 'jm-compute', text: 'Compute' }));
    this.costResult = h('div', { class: 'jm-cost-result', 'aria-live': 'polite' });
    return h('section', { class: 'jm-cost', 'aria-label': 'Cost and time of a model' }, h('h3', { text: 'Cost and time of a model' }), form, this.costResult);
  },

  readForm() {
    const f = this.costBox.querySelector('form').elements;
    return {
      model: f.model.value, tokens: Number(f.tokens.value), accelerator: f.accelerator.value, count: Math.round(Number(f.count.value)),
      utilization: Number(f.utilization.value), pricePerAcceleratorHour: Number(f.price.value),
    };
  },

  async loadAccelerators() {
    try {
      const data = await this.host.graphql('TrainingAccelerators', {});
      const names = data.trainingAccelerators.map((a) => a.name);
      const keep = this.accSelect.value;
      this.accSelect.replaceChildren(...names.map((n) => h('option', { value: n, text: n, selected: n === keep })));
    } catch { /* the default stays; computePlan reports problems */ }
  },

  async computePlan(input) {
    this.costResult.dataset.state = 'computing';
    this.costResult.replaceChildren(h('p', { text: 'Computing…' }));
    try {
      const data = await this.host.graphql('TrainingPlan', { input });
      const { plan, userErrors } = data.trainingPlan;
      if (!plan) {
        this.costResult.dataset.state = 'error';
        this.costResult.replaceChildren(h('ul', { class: 'jm-errors' }, ...userErrors.map((e) => h('li', { text: `${e.field.slice(1).join('.')}: ${e.message}` }))));
        return;
      }
      const row = (label, field, value, shown) => [h('dt', { text: label }), h('dd', { 'data-field': field, 'data-value': String(value), text: shown })];
      this.costResult.replaceChildren(h('dl', {},
        row('Parameters', 'totalParameters', plan.totalParameters, humanNumber(plan.totalParameters)),
        row('Active per token', 'activeParametersPerToken', plan.activeParametersPerToken, humanNumber(plan.activeParametersPerToken)),
        row('Data volume', 'tokens', plan.tokens, `${humanNumber(plan.tokens)} tokens (${plan.tokensPerParameter.toPrecision(3)} per parameter)`),
        row('Training FLOPs', 'trainingFlops', plan.trainingFlops, scientific(plan.trainingFlops)),
        row('Wall-clock time', 'wallClockDays', plan.wallClockDays, humanDays(plan.wallClockDays)),
        row('GPU-days', 'acceleratorDays', plan.acceleratorDays, humanNumber(plan.acceleratorDays)),
        row('Energy', 'energyKilowattHours', plan.energyKilowattHours ?? '', plan.energyKilowattHours == null ? 'no datasheet power figure' : `${humanNumber(plan.energyKilowattHours)} kWh`),
        row('Cost', 'cost', plan.cost, `$${humanNumber(plan.cost)}`)));
      this.costResult.dataset.model = plan.model;
      this.costResult.dataset.state = 'done';
      this.updateTimeline(plan);
      if (this.costResult.isConnected && this.planComputed) {
        this.emit({ verb: 'INTERACTED', objectType: 'VIEW', objectId: 'journey-map/cost-overlay', objectName: plan.model });
      }
      this.planComputed = true;
    } catch (e) {
      this.costResult.dataset.state = 'error';
      this.costResult.replaceChildren(h('p', { class: 'jm-errors', text: `The calculators could not be reached: ${e.message}` }));
    }
  },
};
