import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { excerpt, markWords } from '../../../../main/search/excerpt';
import { markedWords } from './fixtures';

describe('markWords', () => {
  it('marks each word whose folded form is a matched term', () => {
    const text = 'Café, CAFE and cafés; the café-bar';
    const marks = markWords(text, new Set(['cafe']));
    assert.deepEqual(marks.map((m) => text.slice(m.start, m.end)), ['Café', 'CAFE', 'café']);
  });

  it('marks nothing without terms', () => {
    assert.deepEqual(markWords('anything at all', new Set()), []);
  });
});

describe('excerpt', () => {
  it('keeps short text whole', () => {
    const text = 'a short note';
    assert.deepEqual(excerpt(text, [{ start: 2, end: 7 }], 240), { text, marks: [{ start: 2, end: 7 }], cutBefore: false, cutAfter: false });
  });

  it('cuts long text on spaces, a little before the first mark, and moves the marks with it', () => {
    const words = Array.from({ length: 200 }, (_, i) => `w${i}`);
    words[120] = 'needle';
    const text = words.join(' ');
    const start = text.indexOf('needle');
    const cut = excerpt(text, [{ start, end: start + 6 }], 100);
    assert.equal(cut.cutBefore, true);
    assert.equal(cut.cutAfter, true);
    assert.ok(cut.text.length <= 100);
    assert.deepEqual(markedWords(cut), ['needle']);
    assert.match(cut.text, /^w\d+ /);
    assert.ok(!cut.text.endsWith('w'), 'no word cut in half at the end');
  });

  it('starts at the beginning when there is no mark', () => {
    const cut = excerpt('word '.repeat(100), [], 50);
    assert.equal(cut.cutBefore, false);
    assert.equal(cut.cutAfter, true);
  });

  it('never cuts inside a surrogate pair or between a letter and its marks', () => {
    const text = `${'😀'.repeat(200)}needle${'e\u0301'.repeat(200)}`;
    const start = text.indexOf('needle');
    const cut = excerpt(text, [{ start, end: start + 6 }], 120);
    assert.ok(!/^[\udc00-\udfff]/.test(cut.text), 'starts on a whole emoji');
    assert.ok(!/[\ud800-\udbff]$/.test(cut.text), 'ends on a whole emoji');
    const after = text.slice(text.indexOf(cut.text) + cut.text.length);
    assert.ok(!/^\p{M}/u.test(after), 'no accent left behind its letter');
    assert.deepEqual(markedWords(cut), ['needle']);
  });
});
