// Learning events of the microscope: every event carries the module's context; repeated interactions are throttled.
import { MODULE_ID } from './constants.js';

export function emit(state, event, throttleKey = null) {
  if (throttleKey) {
    const now = performance.now();
    if (now - (state.lastEmit.get(throttleKey) ?? -Infinity) < 1500) return;
    state.lastEmit.set(throttleKey, now);
  }
  state.ctx.emit({ ...event, context: { level: 3, moduleId: MODULE_ID } },
    (e) => console.warn('learning event not recorded:', e?.message ?? e));
}

export function interacted(state, component, response) {
  emit(state, { verb: 'INTERACTED', objectId: `${MODULE_ID}/${component}`, objectType: 'VIEW', result: { response } },
    `${component}:${response.split(':')[0]}`);
}
