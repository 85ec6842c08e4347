import { JSDOM } from 'jsdom';

/**
 * A fresh jsdom window for renderer tests, typed as the DOM's Window the renderer expects. jsdom
 * runs no scripts and fetches no resources by default, which is what these tests want.
 */
export function createWindow(): Window {
  return new JSDOM('<!doctype html><html><body></body></html>').window as unknown as Window;
}

/** Parses `html` into a new page's <body>, the way the reading view does with innerHTML. */
export function bodyWith(html: string): HTMLElement {
  const { document } = createWindow();
  document.body.innerHTML = html;
  return document.body;
}
