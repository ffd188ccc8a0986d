// Quiz links: a module's way into the course's quizzes. Opening one records that the learner launched it and
// deep-links to it through the host (level / module / stage / component = the quiz id).

/**
 * Opens a quiz: emits `LAUNCHED` (object type `QUIZ`) through `emit` and navigates the host to it.
 * @param {{host: object, emit: (event: object) => void, level: number, module: string, stage: string,
 *          quizId: string, name: string}} link
 */
export function openQuiz({ host, emit, level, module, stage, quizId, name }) {
  emit({ verb: 'LAUNCHED', objectType: 'QUIZ', objectId: quizId, objectName: name });
  host.navigate({ level, module, stage, component: quizId });
}

/**
 * A button that opens a quiz (see openQuiz). `attrs` are the button's own attributes (class, text, data-*).
 * @param {(tag: string, attrs: object, ...children: any[]) => HTMLElement} h  the element builder (./dom.js)
 */
export function quizButton(h, link, attrs) {
  return h('button', { type: 'button', ...attrs, onclick: () => openQuiz(link) });
}
