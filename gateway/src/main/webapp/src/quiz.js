// A quiz of the course (content/quizzes), shown by the shell for any module's quiz route
// (#/level/<n>/<module>/quiz/<quizId>, or …/quizzes/<quizId>). The quiz service grades every answer on the
// server; the page never has the correct answers before an attempt. Questions: single and multiple choice,
// numeric estimates and hands-on questions (a number checked against the simulation), and ordering.
import { graphql } from './api.js';

const QUIZ = `query Quiz($input: QuizzesInput!) { quizzes(input: $input) { quizzes { id targetKind targetId passScore
  solvedCount mastery mastered questions { id type prompt options { id text } unit maxAttempts attemptsUsed solved } }
  userErrors { field message } } }`;
const SUBMIT = `mutation Answer($input: SubmitQuizAnswerInput!) { submitQuizAnswer(input: $input) { attempt { correct score
  message explanation correctAnswer attemptsLeft } userErrors { field message } } }`;

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c != null));
  return node;
};

/** Whether a route is a quiz route, and which quiz. */
export function quizOf(route) {
  if (!route || (route.stage !== 'quiz' && route.stage !== 'quizzes') || !route.component?.startsWith('quiz-')) return null;
  return route.component;
}

/**
 * Renders the quiz into {@code container}; {@code back} is the route of the module it came from.
 * Resolves once the quiz is shown (or its error).
 */
export async function showQuiz(container, quizId, { locale, back, onBack }) {
  container.replaceChildren(el('p', { className: 'muted', textContent: 'Loading the quiz…' }));
  const { data, errors } = await graphql(QUIZ, { input: { quizIds: [quizId], locale } });
  const payload = data?.quizzes;
  const quiz = payload?.quizzes?.[0];
  if (!quiz) {
    const why = errors?.[0]?.message ?? payload?.userErrors?.[0]?.message ?? `There is no quiz “${quizId}”.`;
    container.replaceChildren(el('div', { className: 'notice', role: 'alert' }, el('h2', { textContent: 'The quiz is unavailable' }),
      el('p', { textContent: why })));
    return;
  }
  const summary = el('p', { className: 'quiz-summary', id: 'quiz-summary', role: 'status' });
  const showSummary = (solved) => {
    const share = quiz.questions.length ? solved / quiz.questions.length : 0;
    summary.textContent = `${solved} of ${quiz.questions.length} solved` + (share >= quiz.passScore
      ? ' — mastered.' : ` — ${Math.ceil(quiz.passScore * quiz.questions.length)} needed to master it.`);
  };
  let solved = quiz.solvedCount;
  showSummary(solved);
  const backLink = el('a', { href: back, className: 'quiz-back', textContent: '← Back to the module' });
  if (onBack) backLink.addEventListener('click', onBack);
  container.replaceChildren(el('section', { className: 'quiz', id: 'quiz', 'aria-labelledby': 'quiz-title' },
    el('h2', { id: 'quiz-title', textContent: `Quiz: ${quiz.targetId.replace(/-/g, ' ')}` }), summary,
    ...quiz.questions.map((q, i) => question(q, i, locale, () => showSummary(++solved))), backLink));
}

function question(q, index, locale, onSolved) {
  const name = `q-${q.id}`;
  const legend = el('legend', { textContent: `${index + 1}. ${q.prompt}` });
  const input = answerInput(q, name);
  const feedback = el('p', { className: 'quiz-feedback', role: 'status', 'aria-live': 'polite' });
  const submit = el('button', { type: 'submit', className: 'primary', textContent: 'Check answer' });
  const form = el('form', { className: 'quiz-question', id: name, noValidate: true },
    el('fieldset', {}, legend, input.node), submit, feedback);
  form.dataset.type = q.type;
  const done = (text) => {
    submit.disabled = true;
    input.disable();
    if (text) feedback.append(el('span', { className: 'quiz-explanation', textContent: ' ' + text }));
  };
  if (q.solved) {
    feedback.textContent = 'Solved.';
    done();
  } else if (q.attemptsUsed >= q.maxAttempts) {
    feedback.textContent = 'No attempts left.';
    done();
  }
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const answer = input.read();
    if (answer.problem) {
      feedback.textContent = answer.problem;
      return;
    }
    submit.disabled = true;
    const { data, errors } = await graphql(SUBMIT, { input: { questionId: q.id, answer: answer.value, locale } });
    const payload = data?.submitQuizAnswer;
    if (!payload || errors) {
      feedback.textContent = errors?.[0]?.message ?? 'The answer could not be checked; try again.';
      submit.disabled = false;
      return;
    }
    if (payload.userErrors.length) {
      feedback.textContent = payload.userErrors.map((u) => u.message).join(' ');
      submit.disabled = payload.userErrors.some((u) => /attempt/i.test(u.message));
      return;
    }
    const a = payload.attempt;
    form.classList.toggle('correct', a.correct);
    feedback.textContent = a.message + (a.correct || a.attemptsLeft === 0 ? '' : ` ${a.attemptsLeft} attempt${a.attemptsLeft === 1 ? '' : 's'} left.`);
    if (a.correct) onSolved();
    if (a.correct || a.attemptsLeft === 0) {
      done([a.correctAnswer && !a.correct ? `Answer: ${a.correctAnswer}.` : null, a.explanation].filter(Boolean).join(' '));
    } else {
      submit.disabled = false;
    }
  });
  return form;
}

/** The input for a question's type: {node, read() → {value} | {problem}, disable()}. */
function answerInput(q, name) {
  switch (q.type) {
    case 'SINGLE':
    case 'MULTIPLE': {
      const kind = q.type === 'SINGLE' ? 'radio' : 'checkbox';
      const boxes = q.options.map((o) => el('input', { type: kind, name, value: o.id, id: `${name}-${o.id}` }));
      const node = el('div', { className: 'quiz-options' }, ...q.options.map((o, i) =>
        el('label', { htmlFor: boxes[i].id }, boxes[i], ' ' + o.text)));
      return {
        node,
        disable: () => boxes.forEach((b) => { b.disabled = true; }),
        read: () => {
          const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
          if (!chosen.length) return { problem: q.type === 'SINGLE' ? 'Choose an answer first.' : 'Choose at least one answer.' };
          return { value: q.type === 'SINGLE' ? { choiceId: chosen[0] } : { choiceIds: chosen } };
        },
      };
    }
    case 'ORDERING': {
      const list = el('ol', { className: 'quiz-order' });
      const move = (item, by) => {
        const items = [...list.children];
        const to = items.indexOf(item) + by;
        if (to < 0 || to >= items.length) return;
        if (by < 0) list.insertBefore(item, items[to]);
        else list.insertBefore(item, items[to].nextSibling);
        item.querySelector(by < 0 ? '.up' : '.down')?.focus();
      };
      for (const o of q.options) {
        const item = el('li', {}, el('span', { textContent: o.text + ' ' }));
        item.dataset.id = o.id;
        item.append(
          el('button', { type: 'button', className: 'up', textContent: '↑', ariaLabel: `Move “${o.text}” up`, onclick: () => move(item, -1) }),
          el('button', { type: 'button', className: 'down', textContent: '↓', ariaLabel: `Move “${o.text}” down`, onclick: () => move(item, 1) }));
        list.append(item);
      }
      return {
        node: el('div', {}, el('p', { className: 'muted', textContent: 'Put them in order with the arrows (first at the top).' }), list),
        disable: () => list.querySelectorAll('button').forEach((b) => { b.disabled = true; }),
        read: () => ({ value: { order: [...list.children].map((li) => li.dataset.id) } }),
      };
    }
    default: { // NUMERIC, HANDS_ON
      const field = el('input', { type: 'text', inputMode: 'decimal', name, id: `${name}-number`, autocomplete: 'off',
        placeholder: 'e.g. 7e10' });
      const label = el('label', { htmlFor: field.id, textContent: `Your answer${q.unit ? ` (${q.unit})` : ''}: ` });
      return {
        node: el('div', { className: 'quiz-number' }, label, field,
          q.type === 'HANDS_ON' ? el('p', { className: 'muted', textContent: 'Find it with the lab’s tools; the server checks it against the simulation.' }) : null),
        disable: () => { field.disabled = true; },
        read: () => {
          const text = field.value.trim().replace(/[\s,_]/g, '').replace(/×10\^?/, 'e');
          const value = Number(text);
          if (!text || !Number.isFinite(value)) return { problem: 'Write a number, e.g. 350, 0.25 or 7e10.' };
          return { value: { number: value } };
        },
      };
    }
  }
}
