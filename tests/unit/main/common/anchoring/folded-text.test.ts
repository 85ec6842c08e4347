import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FoldedText, foldString } from '../../../../../main/common/anchoring/folded-text';
import { isGraphemeBoundary } from '../../../../../main/common/anchoring/graphemes';
import { createRandom } from '../../../../fixtures/anchoring/prose';

/** A text with every kind of difference folding removes, and characters it must leave whole. */
function mixedText(seed: number, length: number): string {
  const random = createRandom(seed);
  const pieces = ['José', 'Jose\u0301', 'Martí', 'Marti\u0301', 'cafe\u0301\u0323', '“quoted”', '‘single’', "it's", 'plain', 'words', '👩‍👩‍👧', '👍🏽', '가', '\u1100\u1161\u11a8', 'Å', '\u212bngstro\u0308m', ' ', '  ', '\n', ' \n\t ', '\u00a0', '\u2003'];
  let text = '';
  while (text.length < length) {
    text += pieces[Math.floor(random() * pieces.length)];
  }
  return text;
}

describe('FoldedText', () => {
  it('composes decomposed accents, and maps the composed text back to every code unit it came from', () => {
    const real = 'Jose\u0301 Marti\u0301 wrote';
    const folded = new FoldedText(real);
    assert.equal(folded.text, 'José Martí wrote');
    assert.equal(folded.toReal(0, 'start'), 0);
    assert.equal(folded.toReal(4, 'end'), 5, '"José" ends after the combining accent');
    assert.equal(folded.toReal(5, 'start'), 6);
    assert.equal(folded.toReal(10, 'end'), 12);
    assert.equal(real.slice(folded.toReal(5, 'start'), folded.toReal(10, 'end')), 'Marti\u0301');
    assert.equal(folded.toFolded(12), 10);
    assert.equal(folded.toFolded(3), 3);
    assert.equal(folded.toFolded(4), 3, 'an offset before a combining mark belongs to its letter');
  });

  it('makes curly quotes straight without moving any offset', () => {
    const real = '“Hello,” she said, ‘it’s late.’';
    const folded = new FoldedText(real);
    assert.equal(folded.text, `"Hello," she said, 'it's late.'`);
    for (let i = 0; i <= real.length; i++) {
      assert.equal(folded.toReal(i, 'start'), i);
      assert.equal(folded.toFolded(i), i);
    }
  });

  it('folds every run of whitespace to one space, and maps a span back over the whole run', () => {
    const real = 'one  two\n\tthree \n four\u00a0five';
    const folded = new FoldedText(real);
    assert.equal(folded.text, 'one two three four five');
    const span = (word: string) => {
      const at = folded.text.indexOf(word);
      return real.slice(folded.toReal(at, 'start'), folded.toReal(at + word.length, 'end'));
    };
    assert.equal(span('two three'), 'two\n\tthree');
    assert.equal(span('three four'), 'three \n four');
    assert.equal(span('four five'), 'four\u00a0five');
    assert.equal(span(' three '), '\n\tthree \n ');
  });

  it('leaves text that needs no folding as it is', () => {
    const real = 'Nothing to fold here, not even a newline.';
    const folded = new FoldedText(real);
    assert.equal(folded.text, real);
    assert.equal(folded.toReal(7, 'end'), 7);
  });

  it('maps every folded offset to a grapheme boundary of the real text, in order, and spans back to what they fold from', () => {
    for (const seed of [1, 2, 3]) {
      const real = mixedText(seed, 3_000);
      const folded = new FoldedText(real);
      let previous = 0;
      for (let at = 0; at <= folded.text.length; at++) {
        for (const side of ['start', 'end'] as const) {
          const mapped = folded.toReal(at, side);
          assert.ok(isGraphemeBoundary(real, mapped) || isGraphemeBoundary(folded.text, at) === false, `offset ${at} (${side}) maps inside a character`);
          assert.ok(mapped >= previous, 'offsets keep their order');
        }
        previous = folded.toReal(at, 'start');
      }
      const random = createRandom(seed + 10);
      for (let n = 0; n < 500; n++) {
        const a = Math.floor(random() * folded.text.length);
        const b = a + Math.floor(random() * Math.min(80, folded.text.length - a));
        if (!isGraphemeBoundary(folded.text, a) || !isGraphemeBoundary(folded.text, b)) continue;
        const slice = real.slice(folded.toReal(a, 'start'), folded.toReal(b, 'end'));
        assert.equal(foldString(slice), folded.text.slice(a, b), `span ${a}-${b}`);
      }
    }
  });

  it('folds a stored quote the same way it folds the text it came from', () => {
    const real = mixedText(7, 2_000);
    const folded = new FoldedText(real);
    assert.equal(foldString(real), folded.text);
    assert.equal(foldString('“Jose\u0301”  \n Martí'), '"José" Martí');
  });
});
