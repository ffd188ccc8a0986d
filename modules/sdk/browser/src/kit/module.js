// The module entry every level module shares: `export const { mount, unmount } = defineModule(create)`. The kit
// keeps one instance at a time, gives `create` a context with the host, safe learning events, cleanups, timers,
// settings and styles, and undoes all of it at unmount.
import { adoptStyles } from './styles.js';

/**
 * @param {(ctx: ModuleContext) => Promise<object|void>|object|void} create  builds the module into `ctx.element`
 * @returns {{mount: (element: HTMLElement, host: object) => Promise<object>, unmount: () => Promise<void>,
 *            instance: () => object|null}}
 */
export function defineModule(create) {
  let current = null;

  async function mount(element, host) {
    if (current) await unmount();
    const ctx = createContext(element, host);
    current = ctx;
    ctx.instance = (await create(ctx)) ?? null;
    return ctx.instance;
  }

  async function unmount() {
    const ctx = current;
    current = null;
    if (ctx) await ctx.dispose();
  }

  return { mount, unmount, instance: () => current?.instance ?? null };
}

/**
 * @typedef {object} ModuleContext
 * @property {HTMLElement} element   where the module draws
 * @property {object} host           the host API (@nslab/module-sdk)
 * @property {{reducedMotion: boolean, highContrast: boolean, theme: object, locale: string}} settings  kept current
 * @property {boolean} disposed      true once unmounted (long awaits check it before they touch the page)
 */
export function createContext(element, host) {
  const cleanups = [];
  const settings = { reducedMotion: !!host.reducedMotion, highContrast: !!host.theme?.highContrast, theme: host.theme,
    locale: host.locale || 'en' };
  const ctx = {
    element,
    host,
    settings,
    disposed: false,
    instance: null,
    /** Runs `fn` at unmount (in reverse order of registration). */
    onCleanup(fn) {
      cleanups.push(fn);
      return fn;
    },
    /** Records a learning event; a lost event never breaks the module (`onError` hears about it). */
    emit(event, onError = () => {}) {
      Promise.resolve().then(() => host.emit(event)).catch(onError);
    },
    /** A timeout cleared at unmount. */
    timer(fn, ms) {
      const id = setTimeout(fn, ms);
      cleanups.push(() => clearTimeout(id));
      return id;
    },
    /** Adopts the module's stylesheet (constructed: the shell's CSP allows no <style>), removed at unmount. */
    adoptStyles(css) {
      cleanups.push(adoptStyles(css, element.ownerDocument ?? globalThis.document));
    },
    /** Calls `fn(settings, before)` when the host's theme, locale or reduced motion change (after `ctx.settings` is updated). */
    onSettings(fn) {
      if (!host.onSettingsChange) return;
      const off = host.onSettingsChange((s) => {
        const before = { ...settings };
        settings.reducedMotion = !!s.reducedMotion;
        settings.highContrast = !!s.theme?.highContrast;
        settings.theme = s.theme || settings.theme;
        settings.locale = s.locale || settings.locale;
        fn(settings, before);
      });
      if (typeof off === 'function') cleanups.push(off);
    },
    async dispose() {
      ctx.disposed = true;
      while (cleanups.length) {
        try {
          await cleanups.pop()();
        } catch (e) {
          console.warn('cleanup failed:', e?.message ?? e);
        }
      }
    },
  };
  return ctx;
}
