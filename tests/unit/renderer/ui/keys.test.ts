import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KeyPlatform } from '../../../../renderer/ui/keys';
import { installDomGlobals } from '../annotations/dom-globals';

const window = installDomGlobals();
// isTypingTarget tells text fields apart by their DOM classes, and keyCommand asks whether the
// target is an Element inside a modal dialog.
for (const name of ['Element', 'HTMLElement', 'HTMLInputElement', 'HTMLTextAreaElement', 'HTMLSelectElement'] as const) {
  Object.defineProperty(globalThis, name, { value: window[name], configurable: true, writable: true });
}
const { keyCommand } = await import('../../../../renderer/ui/keys');

/** Dispatches a real keydown on `target` and returns the command the page reads from it. */
function commandAt(target: HTMLElement, init: KeyboardEventInit, platform: KeyPlatform = { isMac: false, mode: 'browser' }) {
  let seen: string | null | undefined;
  const listener = (event: KeyboardEvent) => (seen = keyCommand(event, platform));
  window.document.addEventListener('keydown', listener);
  target.dispatchEvent(new window.KeyboardEvent('keydown', { bubbles: true, ...init }));
  window.document.removeEventListener('keydown', listener);
  return seen;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const created = window.document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) created.setAttribute(name, value);
  window.document.body.append(created);
  return created;
}

describe('keyCommand on real key events', () => {
  it('highlights with H from the article, but lets H, N and ] be typed in an input or a textarea', () => {
    assert.equal(commandAt(element('main', { tabindex: '0' }), { key: 'h' }), 'highlight');
    assert.equal(commandAt(element('input', { type: 'search' }), { key: 'h' }), null);
    assert.equal(commandAt(element('textarea'), { key: 'n' }), null);
    assert.equal(commandAt(element('input', { type: 'text' }), { key: ']' }), null);
  });

  it('treats buttons, checkboxes and sliders as not typing', () => {
    assert.equal(commandAt(element('button'), { key: 'h' }), 'highlight');
    assert.equal(commandAt(element('input', { type: 'range' }), { key: '?', shiftKey: true }), 'show-shortcuts');
  });

  it('opens a document with Ctrl+O from a text field in the browser, and leaves it to the menu on the desktop', () => {
    const field = element('input', { type: 'text' });
    assert.equal(commandAt(field, { key: 'o', ctrlKey: true }), 'open-document');
    assert.equal(commandAt(field, { key: 'o', ctrlKey: true }, { isMac: false, mode: 'desktop' }), null);
  });

  it('reads Cmd on macOS', () => {
    const body = window.document.body;
    assert.equal(commandAt(body, { key: 'z', metaKey: true }, { isMac: true, mode: 'browser' }), 'undo');
    assert.equal(commandAt(body, { key: 'z', ctrlKey: true }, { isMac: true, mode: 'browser' }), null);
  });
});
