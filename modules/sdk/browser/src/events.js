/**
 * Learning events a module emits through `host.emit(event)`: the xAPI-shaped input of the gateway's
 * `recordLearningEvent` mutation (the actor is always the signed-in learner or guest, never the module).
 * `validateLearningEvent` applies the same rules as the event contract, so a module learns of a mistake
 * before anything leaves the browser; the conformance kit fails a module that emits an invalid event.
 */
export const VERBS = Object.freeze(['LAUNCHED', 'EXPERIENCED', 'INTERACTED', 'PROGRESSED', 'ANSWERED', 'PASSED', 'FAILED', 'COMPLETED']);
export const OBJECT_TYPES = Object.freeze(['LEVEL', 'STAGE', 'COMPONENT', 'CHAPTER', 'EXPERIMENT', 'QUIZ', 'QUESTION', 'MODULE', 'VIEW']);

const OBJECT_ID = /^[a-z0-9][a-z0-9._:/-]{0,199}$/;
const MODULE_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;
const TOP = new Set(['id', 'verb', 'objectId', 'objectType', 'objectName', 'result', 'context', 'timestamp']);
const RESULT = new Set(['scoreScaled', 'success', 'completion', 'durationMs', 'response']);
const CONTEXT = new Set(['level', 'moduleId', 'sessionId', 'locale']);

/**
 * @param {unknown} event
 * @returns {{path: string, message: string}[]} the problems; empty when the event is valid
 */
export function validateLearningEvent(event) {
  const problems = [];
  const add = (path, message) => problems.push({ path, message });
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    add('', 'an event is an object { verb, objectId, objectType, ... }');
    return problems;
  }
  for (const key of Object.keys(event)) if (!TOP.has(key)) add(key, `unknown field '${key}'`);
  if (!VERBS.includes(event.verb)) add('verb', `verb must be one of ${VERBS.join(', ')}`);
  if (typeof event.objectId !== 'string' || !OBJECT_ID.test(event.objectId)) add('objectId', 'objectId must match ' + OBJECT_ID);
  if (!OBJECT_TYPES.includes(event.objectType)) add('objectType', `objectType must be one of ${OBJECT_TYPES.join(', ')}`);
  if (event.objectName !== undefined && (typeof event.objectName !== 'string' || event.objectName.length > 200)) add('objectName', 'objectName is a string of at most 200 characters');
  if (event.id !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(event.id)) add('id', 'id must be a UUID');
  if (event.timestamp !== undefined && Number.isNaN(Date.parse(event.timestamp))) add('timestamp', 'timestamp must be an ISO-8601 date-time');
  const r = event.result;
  if (r !== undefined) {
    if (r === null || typeof r !== 'object') add('result', 'result is an object');
    else {
      for (const key of Object.keys(r)) if (!RESULT.has(key)) add(`result.${key}`, `unknown field '${key}'`);
      if (r.scoreScaled !== undefined && !(typeof r.scoreScaled === 'number' && r.scoreScaled >= -1 && r.scoreScaled <= 1)) add('result.scoreScaled', 'scoreScaled is a number from -1 to 1');
      for (const b of ['success', 'completion']) if (r[b] !== undefined && typeof r[b] !== 'boolean') add(`result.${b}`, `${b} is a boolean`);
      if (r.durationMs !== undefined && !(Number.isInteger(r.durationMs) && r.durationMs >= 0)) add('result.durationMs', 'durationMs is a whole number of milliseconds, 0 or more');
      if (r.response !== undefined && (typeof r.response !== 'string' || r.response.length > 2000)) add('result.response', 'response is a string of at most 2000 characters');
    }
  }
  const c = event.context;
  if (c !== undefined) {
    if (c === null || typeof c !== 'object') add('context', 'context is an object');
    else {
      for (const key of Object.keys(c)) if (!CONTEXT.has(key)) add(`context.${key}`, `unknown field '${key}'`);
      if (c.level !== undefined && !(Number.isInteger(c.level) && c.level >= 1 && c.level <= 5)) add('context.level', 'level is 1 to 5');
      if (c.moduleId !== undefined && !(typeof c.moduleId === 'string' && MODULE_ID.test(c.moduleId))) add('context.moduleId', 'moduleId must match ' + MODULE_ID);
    }
  }
  return problems;
}
