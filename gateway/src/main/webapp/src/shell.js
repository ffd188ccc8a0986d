// The Neural Synthesis Lab shell: levels and learning paths from the module catalogue, sign-in or guest,
// progress, display preferences, and the module of the current deep link (#/level/<n>/<module>/<stage>/<component>).
import { hashToRoute, routeToHash, themeTokens } from '@nslab/module-sdk';
import { completeSignIn, continueAsGuest, currentAuth, graphql, loadConfig, signIn, signOut } from './api.js';
import { mountInPage, mountSandboxed } from './host.js';
import { quizOf, showQuiz } from './quiz.js';

const LEVELS = [
  { level: 1, title: 'Journey Map', blurb: 'The whole pipeline from data to deployment' },
  { level: 2, title: 'Stage theatres', blurb: 'Each stage of training up close' },
  { level: 3, title: 'Component microscope', blurb: 'Attention, feed-forward, normalization' },
  { level: 4, title: 'Data-flow cinema', blurb: 'A token’s journey through the model' },
  { level: 5, title: 'Playground', blurb: 'Train and break a small model yourself' },
];
const PATHS = [
  { id: 'complete', title: 'The complete journey', levels: [1, 2, 3, 4, 5] },
  { id: 'attention-first', title: 'Attention first', levels: [1, 3, 4] },
  { id: 'hands-on', title: 'Hands-on', levels: [1, 5] },
];
const CATALOGUE = `query Catalogue { moduleCatalogue { level modules { id name description version level order entryUrl integrity
  sandboxed shaders operations { name document } stages { id title components } posterUrl posterAlt authorName } } }`;
const PROGRESS = 'query Progress { viewer { id kind roles activity { eventCount verbs { verb count } } } }';

const $ = (id) => document.getElementById(id);
const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c != null));
  return node;
};
const media = (q) => window.matchMedia?.(q).matches ?? false;

let catalogue = new Map(); // level -> modules
let mounted = null;        // {key, handle}
let mountSeq = 0;

function settings() {
  const highContrast = prefs.highContrast;
  return { theme: themeTokens({ highContrast }), locale: navigator.language || 'en', reducedMotion: prefs.reducedMotion };
}

const prefs = {
  reducedMotion: JSON.parse(localStorage.getItem('nslab.reducedMotion') ?? String(media('(prefers-reduced-motion: reduce)'))),
  highContrast: JSON.parse(localStorage.getItem('nslab.highContrast') ?? String(media('(prefers-contrast: more)'))),
};

function applyPrefs() {
  document.documentElement.classList.toggle('reduced-motion', prefs.reducedMotion);
  document.documentElement.classList.toggle('high-contrast', prefs.highContrast);
  $('reduced-motion').checked = prefs.reducedMotion;
  $('high-contrast').checked = prefs.highContrast;
  mounted?.handle?.updateSettings(settings());
}

function bindPrefs() {
  for (const [id, key] of [['reduced-motion', 'reducedMotion'], ['high-contrast', 'highContrast']]) {
    $(id).addEventListener('change', (e) => {
      prefs[key] = e.target.checked;
      localStorage.setItem('nslab.' + key, JSON.stringify(prefs[key]));
      applyPrefs();
    });
  }
}

function renderAccount() {
  const auth = currentAuth();
  const box = $('account');
  box.replaceChildren();
  if (!auth) {
    const signInButton = el('button', { className: 'primary', textContent: 'Sign in' });
    signInButton.addEventListener('click', () => signIn());
    const guest = el('button', { textContent: 'Continue as guest' });
    guest.addEventListener('click', async () => {
      await continueAsGuest();
      renderAccount();
      refreshProgress();
      if (quizOf(hashToRoute(location.hash)) && !mounted) show(hashToRoute(location.hash));
    });
    box.append(signInButton, guest);
  } else {
    const out = el('button', { textContent: 'Sign out' });
    out.addEventListener('click', () => { signOut(); renderAccount(); refreshProgress(); });
    box.append(el('span', { className: 'who', textContent: auth.kind === 'guest' ? 'Guest' : 'Signed in' }), out);
  }
}

async function refreshProgress() {
  const section = $('progress');
  section.replaceChildren(el('h2', { className: 'nav-title', textContent: 'Progress' }));
  if (!currentAuth()) {
    section.append(el('p', { textContent: 'Sign in or continue as a guest to keep your progress.' }));
    return;
  }
  const { data, errors } = await graphql(PROGRESS);
  const activity = data?.viewer?.activity;
  if (!activity) {
    section.append(el('p', { textContent: errors?.[0]?.message ?? 'Progress is unavailable right now.' }));
    return;
  }
  const list = el('ul', { className: 'verbs' });
  for (const v of activity.verbs) list.append(el('li', { textContent: `${v.verb.toLowerCase()}: ${v.count}` }));
  section.append(el('p', { className: 'count', textContent: `${activity.eventCount} learning events` }), list);
}

function renderNav(route) {
  const levels = $('levels');
  levels.replaceChildren();
  for (const info of LEVELS) {
    const modules = catalogue.get(info.level) ?? [];
    const link = el('a', { href: routeToHash({ level: info.level }), className: 'level-link' },
      el('span', { className: 'level-number', textContent: String(info.level) }),
      el('span', { className: 'level-title', textContent: info.title }),
      el('span', { className: 'level-state', textContent: modules.length ? '' : ' (not available)' }));
    if (route?.level === info.level) link.setAttribute('aria-current', 'page');
    const item = el('li', {}, link);
    if (modules.length > 1) {
      const sub = el('ul', { className: 'modules' });
      for (const m of modules) sub.append(el('li', {}, el('a', { href: routeToHash({ level: m.level, module: m.id }), textContent: m.name })));
      item.append(sub);
    }
    levels.append(item);
  }
  const paths = $('paths');
  paths.replaceChildren();
  for (const p of PATHS) {
    paths.append(el('li', {}, el('a', { href: routeToHash({ level: p.levels[0] }), textContent: p.title }),
      el('span', { className: 'path-levels', textContent: ' · levels ' + p.levels.join(' → ') })));
  }
}

function renderHome() {
  const stage = $('stage');
  stage.replaceChildren(el('h2', { textContent: 'Choose a level' }));
  const grid = el('ul', { className: 'cards' });
  for (const info of LEVELS) {
    const modules = catalogue.get(info.level) ?? [];
    const poster = modules.find((m) => m.posterUrl);
    grid.append(el('li', { className: 'card' },
      poster ? el('img', { src: poster.posterUrl, alt: poster.posterAlt ?? '', loading: 'lazy' }) : null,
      el('a', { href: routeToHash({ level: info.level }) }, el('strong', { textContent: `Level ${info.level}: ${info.title}` })),
      el('p', { textContent: modules.length ? info.blurb : `${info.blurb}. Not available right now.` })));
  }
  stage.append(grid);
}

function unavailable(message, detail) {
  const stage = $('stage');
  stage.replaceChildren(el('div', { className: 'notice', role: 'status' },
    el('h2', { textContent: message }),
    detail ? el('p', { textContent: detail }) : null,
    el('p', {}, el('a', { href: '#/', textContent: 'Choose another level' }))));
}

async function show(route) {
  const seq = ++mountSeq;
  const quizId = quizOf(route);
  const key = quizId ? `quiz/${quizId}` : route ? `${route.level}/${route.module ?? ''}` : 'home';
  if (mounted && mounted.key === key) return; // stage/component changes stay inside the module
  if (mounted?.handle) {
    try { await mounted.handle.unmount(); } catch (e) { console.warn('unmount failed', e); }
  }
  mounted = null;
  renderNav(route);
  if (!route) { renderHome(); return; }
  if (quizId) {
    // quizzes are the platform's: any module links to one, the shell shows it (graded by the quiz service)
    if (!currentAuth()) {
      unavailable('Sign in or continue as a guest to take the quiz', 'Your answers and mastery are saved to your progress.');
      return;
    }
    mounted = { key, handle: null };
    const back = routeToHash({ level: route.level, module: route.module });
    await showQuiz($('stage'), quizId, { locale: settings().locale, back });
    return;
  }
  const modules = catalogue.get(route.level) ?? [];
  const module = route.module ? modules.find((m) => m.id === route.module) : modules[0];
  if (!module) {
    unavailable(`Level ${route.level} is not available right now`,
      route.module ? `The module “${route.module}” is not in the catalogue (it may be down or disabled).` : 'No module for this level is running.');
    return;
  }
  const stage = $('stage');
  const container = el('div', { className: 'module', id: 'module-root' });
  stage.replaceChildren(el('h2', { className: 'module-title', textContent: module.name }), container);
  const hooks = { navigate: (r) => { location.hash = routeToHash(r); } };
  try {
    const handle = module.sandboxed
      ? await mountSandboxed(container, module, route, settings(), hooks)
      : await mountInPage(container, module, route, settings(), hooks);
    if (seq !== mountSeq) { await handle.unmount(); return; }
    mounted = { key, handle };
    document.documentElement.dataset.mounted = module.id;
  } catch (e) {
    if (seq === mountSeq) unavailable(`${module.name} could not start`, String(e.message ?? e));
  }
}

async function loadCatalogue() {
  const { data, errors } = await graphql(CATALOGUE);
  if (!data) throw new Error(errors?.[0]?.message ?? 'the catalogue is unavailable');
  catalogue = new Map(data.moduleCatalogue.map((l) => [l.level, l.modules]));
}

function bindLayout() {
  const menu = $('menu');
  const nav = $('nav');
  const setOpen = (open) => {
    menu.setAttribute('aria-expanded', String(open));
    nav.classList.toggle('open', open);
    if (open) nav.querySelector('a')?.focus();
  };
  menu.addEventListener('click', () => setOpen(menu.getAttribute('aria-expanded') !== 'true'));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && nav.classList.contains('open')) { setOpen(false); menu.focus(); }
  });
  // Arrow keys move between levels; Home/End jump.
  $('levels').addEventListener('keydown', (e) => {
    const links = [...$('levels').querySelectorAll('a.level-link')];
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    const next = { ArrowDown: i + 1, ArrowUp: i - 1, Home: 0, End: links.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    links[(next + links.length) % links.length].focus();
  });
  nav.addEventListener('click', (e) => { if (e.target.closest('a')) setOpen(false); });
}

async function start() {
  bindPrefs();
  applyPrefs();
  bindLayout();
  await loadConfig();
  try {
    const restored = await completeSignIn();
    if (restored) location.hash = restored;
  } catch (e) {
    console.warn(e);
  }
  renderAccount();
  try {
    await loadCatalogue();
  } catch (e) {
    unavailable('The catalogue is unavailable', String(e.message ?? e));
    return;
  }
  window.addEventListener('hashchange', () => show(hashToRoute(location.hash)));
  await show(hashToRoute(location.hash));
  document.documentElement.dataset.ready = 'true';
  performance.mark('nslab-shell-ready');
  refreshProgress();
}

start();
