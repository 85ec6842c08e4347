/**
 * Test helper: a jsdom window installed as the global `window` and `document`, which the
 * annotation views reach for directly (`window.setTimeout`, `document.createElement` in `h()`).
 * Each test file runs in its own process, so the globals do not leak into other files.
 */
import { createWindow } from '../../main/common/article/jsdom-window';

/**
 * Installs a fresh jsdom window as `window` and `document`; returns it, typed as the global
 * `window` is, so tests can reach its constructors (`new window.KeyboardEvent(…)`).
 */
export function installDomGlobals(): Window & typeof globalThis {
  const window = createWindow() as Window & typeof globalThis;
  Object.defineProperties(globalThis, {
    window: { value: window, configurable: true, writable: true },
    document: { value: window.document, configurable: true, writable: true },
  });
  return window;
}
