import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markedNodes } from '../../../../renderer/search/marked-text';
import { installDomGlobals } from '../annotations/dom-globals';

const { document } = installDomGlobals();

/** The nodes as markup, to compare; the text inside comes out escaped. */
function html(nodes: Node[]): string {
  const box = document.createElement('div');
  box.append(...nodes);
  return box.innerHTML;
}

describe('markedNodes', () => {
  it('puts each matched span in a <mark>, and "…" where the excerpt was cut', () => {
    const nodes = markedNodes(document, { text: 'the Café Müller opened', marks: [{ start: 4, end: 8 }, { start: 9, end: 15 }], cutBefore: true, cutAfter: false });
    assert.equal(html(nodes), '…the <mark>Café</mark> <mark>Müller</mark> opened');
    assert.equal(html(markedNodes(document, { text: 'plain', marks: [], cutBefore: false, cutAfter: true })), 'plain…');
  });

  it('never parses the text as HTML', () => {
    const nodes = markedNodes(document, { text: '<img src=x onerror=alert(1)> <b>bold</b>', marks: [{ start: 29, end: 36 }], cutBefore: false, cutAfter: false });
    const box = document.createElement('div');
    box.append(...nodes);
    assert.equal(box.querySelector('img, b'), null);
    assert.equal(box.querySelector('mark')?.textContent, '<b>bold');
    assert.equal(box.textContent, '<img src=x onerror=alert(1)> <b>bold</b>');
  });

  it('skips spans that overlap, are empty or run past the text', () => {
    const nodes = markedNodes(document, { text: 'abcdef', marks: [{ start: 0, end: 2 }, { start: 1, end: 3 }, { start: 3, end: 3 }, { start: 4, end: 9 }], cutBefore: false, cutAfter: false });
    assert.equal(html(nodes), '<mark>ab</mark>cdef');
  });
});
