import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { foldText, foldWithOffsets, originalRange } from '../../../../main/common/text-fold';
import { createRandom } from '../../../fixtures/anchoring/prose';

describe('foldText', () => {
  it('drops case and accents', () => {
    assert.equal(foldText('Café'), 'cafe');
    assert.equal(foldText('Müller'), 'muller');
    assert.equal(foldText('Ångström'), 'angstrom');
    assert.equal(foldText('Việt Nam'), 'viet nam');
    assert.equal(foldText('Ελληνικά'), 'ελληνικα');
    assert.equal(foldText('Ёлка'), 'елка');
  });

  it('folds composed and decomposed input alike', () => {
    const composed = 'Café naïve'.normalize('NFC');
    const decomposed = composed.normalize('NFD');
    assert.notEqual(composed, decomposed);
    assert.equal(foldText(composed), foldText(decomposed));
  });

  it('folds letters that have no decomposition', () => {
    assert.equal(foldText('Łódź'), 'lodz');
    assert.equal(foldText('Straße'), 'strasse');
    assert.equal(foldText('Bjørn'), 'bjorn');
    assert.equal(foldText('Æsir'), 'aesir');
    assert.equal(foldText('ıstanbul'), 'istanbul');
    // Final sigma is folded to the ordinary one, so a word is found whatever its position.
    assert.equal(foldText('ΟΔΟΣ'), foldText('οδοσ'));
    assert.equal(foldText('οδός'), 'οδοσ');
  });

  it('folds compatibility forms: full-width letters, ligatures', () => {
    assert.equal(foldText('ＡＢＣ'), 'abc');
    assert.equal(foldText('ﬁne'), 'fine');
  });

  it('strips Hebrew points and Arabic harakat, which readers often leave out', () => {
    assert.equal(foldText('שָׁלוֹם'), 'שלום');
    assert.equal(foldText('كِتَاب'), 'كتاب');
  });

  it('keeps marks that are part of the letter', () => {
    // A Devanagari vowel sign and a Japanese voicing mark change the word.
    assert.equal(foldText('किताब'), 'किताब'.normalize('NFKD'));
    assert.notEqual(foldText('が'), foldText('か'));
  });

  it('leaves emoji and plain ASCII alone (ASCII only lower-cased)', () => {
    assert.equal(foldText('👍🏽 Great'), '👍🏽 great');
    assert.equal(foldText('Hello, World!\n'), 'hello, world!\n');
  });
});

describe('foldWithOffsets', () => {
  it('folds exactly as foldText does, on text of every kind', () => {
    const alphabet = [...'aZ09 .,', 'é', 'e\u0301', 'ß', 'Σ', 'ς', 'İ', 'ﬁ', 'Ａ', '👍', '🏽', '\u200d', 'ł', 'Æ', 'ש', 'ָ', 'ك', 'ِ', 'क', 'ि', 'が', '東', '\u0301', '½', 'ǅ'];
    const random = createRandom(7);
    for (let n = 0; n < 500; n++) {
      const length = Math.floor(random() * 20);
      const text = Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      const folded = foldWithOffsets(text);
      assert.equal(folded.text, foldText(text), JSON.stringify(text));
      assert.equal(folded.starts.length, folded.text.length);
    }
  });

  it('maps a match in the folded text back to the original', () => {
    const original = 'Le Cafe\u0301 de Müller';
    const folded = foldWithOffsets(original);
    const at = folded.text.indexOf('cafe');
    const range = originalRange(folded, at, at + 4);
    assert.equal(original.slice(range.start, range.end), 'Cafe\u0301');
    const muller = folded.text.indexOf('muller');
    const back = originalRange(folded, muller, muller + 'muller'.length);
    assert.equal(original.slice(back.start, back.end), 'Müller');
  });

  it('maps a letter that folds to two back to the one', () => {
    const original = 'Straße';
    const folded = foldWithOffsets(original);
    assert.equal(folded.text, 'strasse');
    const range = originalRange(folded, 4, 5);
    assert.equal(original.slice(range.start, range.end), 'ß');
  });
});
