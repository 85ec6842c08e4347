import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  fingerprintSimilarity,
  fingerprintWordCount,
  isFingerprint,
  MIN_SHINGLES,
  SIMILARITY_THRESHOLD,
  textFingerprint,
} from '../../../../main/documents/text-fingerprint';
import { EDITS, realArticles } from '../../../fixtures/fingerprint/edits';

const articles = realArticles();

function similarity(a: string, b: string): number {
  const value = fingerprintSimilarity(textFingerprint(a), textFingerprint(b));
  assert.notEqual(value, null);
  return value as number;
}

describe('the text fingerprint on real articles', () => {
  test('every realistic edit of every article stays well above the threshold', () => {
    const lowest: Record<string, number> = {};
    for (const article of articles) {
      for (const [edit, apply] of Object.entries(EDITS)) {
        const edited = apply(article.text);
        // An article without curly quotes has none to straighten.
        if (edited === article.text) continue;
        lowest[edit] = Math.min(lowest[edit] ?? 1, similarity(article.text, edited));
      }
    }
    assert.deepEqual(Object.keys(lowest).sort(), Object.keys(EDITS).sort());
    for (const [edit, value] of Object.entries(lowest)) {
      // 0.15 of margin: more than two standard errors of the 64-bin estimate.
      assert.ok(value >= SIMILARITY_THRESHOLD + 0.15, `${edit}: ${value.toFixed(2)}`);
    }
    // Markup, wrapping and typography are not edits at all.
    assert.equal(lowest['turned into Markdown'], 1);
    assert.equal(lowest['re-wrapped at 72 columns'], 1);
    assert.equal(lowest['quotes straightened'], 1);
  });

  test('unrelated articles, boilerplate from the same site included, stay far below it', () => {
    let highest = 0;
    for (let i = 0; i < articles.length; i += 1) {
      for (let j = i + 1; j < articles.length; j += 1) {
        highest = Math.max(highest, similarity((articles[i] as { text: string }).text, (articles[j] as { text: string }).text));
      }
    }
    assert.ok(highest <= 0.1, `highest unrelated similarity ${highest.toFixed(2)}`);
    assert.ok(highest < SIMILARITY_THRESHOLD);
  });

  test('an article and an edit of another article are not taken for each other', () => {
    const [first, second] = articles as unknown as [{ text: string }, { text: string }];
    for (const apply of Object.values(EDITS)) assert.ok(similarity(first.text, apply(second.text)) < SIMILARITY_THRESHOLD);
  });
});

describe('the text fingerprint itself', () => {
  const text = (articles[0] as { text: string }).text;

  test('is small, stable and identical for the same text', () => {
    const fingerprint = textFingerprint(text);
    assert.ok(isFingerprint(fingerprint));
    assert.ok((fingerprint as string).length < 200, `${(fingerprint as string).length} characters`);
    assert.equal(textFingerprint(text), fingerprint);
    assert.equal(fingerprintSimilarity(fingerprint, fingerprint), 1);
  });

  test('ignores case, accents, compatibility forms and punctuation', () => {
    const plain = Array.from({ length: 12 }, (_, i) => `the cafe of muller number ${i} serves coffee`).join('. ');
    const styled = Array.from({ length: 12 }, (_, i) => `The Café of “Müller” — number ${i}: serves COFFEE`).join('! ');
    assert.equal(similarity(plain, styled), 1);
    // NFD and full-width forms are the same words as NFC and ASCII.
    assert.equal(similarity(styled, styled.normalize('NFD')), 1);
    assert.equal(fingerprintWordCount('ＡＢＣ ｄｅｆ'), fingerprintWordCount('abc def'));
  });

  test('counts each character of Chinese or Japanese as a word, so unspaced text gets a fingerprint', () => {
    const chinese = '读书会在城里的小书店每周举行一次，读者们带来自己喜欢的书，互相交换，讨论作者和故事。'.repeat(2);
    assert.ok(fingerprintWordCount(chinese) > MIN_SHINGLES);
    assert.ok(isFingerprint(textFingerprint(chinese)));
    assert.ok(similarity(chinese, `${chinese}今天下雨了。`) > SIMILARITY_THRESHOLD);
    // Astral characters (outside the BMP) are one word each, not two halves.
    assert.equal(fingerprintWordCount('𠀀𠀁 x'), 3);
  });

  test('a text too short to recognise after an edit has none, and similarity with none is unknown', () => {
    assert.equal(textFingerprint('# Notes\n\nBuy milk.'), null);
    assert.equal(textFingerprint(''), null);
    assert.equal(fingerprintSimilarity(null, textFingerprint(text)), null);
    assert.equal(fingerprintSimilarity('oph1:!!', textFingerprint(text)), null);
    assert.equal(fingerprintSimilarity('other:AAAA', textFingerprint(text)), null);
    assert.equal(isFingerprint('oph1:AAAA'), false);
  });
});
