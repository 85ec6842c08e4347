/**
 * Test helper: a jsdom window installed as the global `window` and `document`, which the
 * annotation views reach for directly (`window.setTimeout`, `document.createElement` in `h()`).
 * Each test file runs in its own process, so the globals do not leak into other files.
 */
import { createWindow } from '../article/jsdom-window';

/** Installs a fresh jsdom window as `window` and `document`; returns it. */
export function installDomGlobals(): Window {
  const window = createWindow();
  Object.defineProperties(globalThis, {
    window: { value: window, configurable: true, writable: true },
    document: { value: window.document, configurable: true, writable: true },
  });
  return window;
}
