import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutsWord, originalCuts, wordAlignedSpans, wordBoundaryChoices } from '../../../../../main/common/anchoring/word-bounds';

const TEXT = 'She bought a tea service for her mother.';

describe('word bounds', () => {
  it('sees an offset between two word characters as cutting a word, in any script', () => {
    assert.equal(cutsWord(TEXT, TEXT.indexOf('vice')), true);
    assert.equal(cutsWord(TEXT, TEXT.indexOf(' for')), false);
    assert.equal(cutsWord(TEXT, 0), false);
    assert.equal(cutsWord(TEXT, TEXT.length), false);
    assert.equal(cutsWord('José Martí', 3), true, 'a letter with an accent is a word character');
    assert.equal(cutsWord('Jose\u0301 Marti\u0301', 4), true, 'so is a combining mark');
    assert.equal(cutsWord('Москва и Париж', 3), true);
    assert.equal(cutsWord('东京 大阪', 1), true);
    assert.equal(cutsWord("don't stop", 3), true, 'an apostrophe between letters is part of the word');
    assert.equal(cutsWord("the 'quote'", 5), false, 'a quotation mark is not');
  });

  it("tells whether the reader's selection itself cut a word, from the stored context", () => {
    assert.deepEqual(originalCuts({ prefix: 'She bought ', exact: 'a tea set', suffix: ' for her' }), { start: false, end: false });
    assert.deepEqual(originalCuts({ prefix: 'She bought a tea s', exact: 'et for h', suffix: 'er mother' }), { start: true, end: true });
    assert.deepEqual(originalCuts({ prefix: '', exact: 'Start', suffix: '' }), { start: false, end: false });
  });

  it('offers the start and the end of a cut word for either end of a span', () => {
    const cut = TEXT.indexOf('vice');
    assert.deepEqual(
      wordBoundaryChoices(TEXT, cut, 'end').map((at) => TEXT.slice(0, at)),
      ['She bought a tea', 'She bought a tea service'],
    );
    assert.deepEqual(
      wordBoundaryChoices(TEXT, cut, 'start').map((at) => TEXT.slice(at)),
      ['service for her mother.', 'for her mother.'],
    );
    assert.deepEqual(wordBoundaryChoices(TEXT, 3, 'start'), [3]);
  });

  it('never keeps a span that ends inside a word the selection did not end in', () => {
    const start = TEXT.indexOf('a tea');
    const spans = wordAlignedSpans(TEXT, { start, end: start + 'a tea ser'.length }, { start: false, end: false });
    assert.deepEqual(
      spans.map((s) => TEXT.slice(s.start, s.end)),
      ['a tea', 'a tea service'],
    );
    // A selection that did end inside a word keeps its end where it is.
    const kept = wordAlignedSpans(TEXT, { start, end: start + 9 }, { start: false, end: true });
    assert.deepEqual(
      kept.map((s) => TEXT.slice(s.start, s.end)),
      ['a tea ser'],
    );
  });
});
