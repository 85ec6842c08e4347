import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { forEachWord, splitWords } from '../../../../main/search/words';

describe('splitWords', () => {
  it('splits at spaces and punctuation', () => {
    assert.deepEqual(splitWords("Well-known: the reader's notes, 2024 (p. 42)!"), ['Well', 'known', 'the', 'reader', 's', 'notes', '2024', 'p', '42']);
  });

  it('keeps a letter and its combining marks in one word', () => {
    const decomposed = 'naïve café'.normalize('NFD');
    assert.deepEqual(splitWords(decomposed), ['naïve'.normalize('NFD'), 'café'.normalize('NFD')]);
  });

  it('finds words in right-to-left and other spaced scripts', () => {
    assert.deepEqual(splitWords('ذاكرة المدينة'), ['ذاكرة', 'المدينة']);
    assert.deepEqual(splitWords('ספר הזיכרון'), ['ספר', 'הזיכרון']);
    assert.deepEqual(splitWords('книга и память'), ['книга', 'и', 'память']);
    assert.deepEqual(splitWords('पुस्तकालय में'), ['पुस्तकालय', 'में']);
  });

  it('cuts unspaced scripts into words', () => {
    assert.deepEqual(splitWords('東京に住む'), ['東京', 'に', '住む']);
    assert.deepEqual(splitWords('ภาษาไทยง่าย'), ['ภาษา', 'ไทย', 'ง่าย']);
    assert.deepEqual(splitWords('iPhone手机'), ['iPhone', '手机']);
  });

  it('keeps an emoji, with its skin tone or joined sequence, as one word', () => {
    assert.deepEqual(splitWords('great👍🏽 idea 👩‍💻!'), ['great', '👍🏽', 'idea', '👩‍💻']);
  });

  it('finds nothing in text without words', () => {
    assert.deepEqual(splitWords(''), []);
    assert.deepEqual(splitWords(' ... — !? '), []);
  });
});

describe('forEachWord', () => {
  it('gives each word where it is in the text', () => {
    const text = 'Le café 東京に 👍';
    const spans: string[] = [];
    forEachWord(text, (start, end) => spans.push(`${start}-${end}:${text.slice(start, end)}`));
    assert.deepEqual(spans, ['0-2:Le', '3-7:café', '8-10:東京', '10-11:に', '12-14:👍']);
  });
});
