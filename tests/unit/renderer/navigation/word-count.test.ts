import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readingTime, sectionEnd, WordCounter } from '../../../../renderer/navigation/word-count';

describe('WordCounter', () => {
  it('counts words as a reader does: contractions and hyphenated words are one, punctuation none', () => {
    const counter = new WordCounter('It’s a well-known fact — 24 years, said "Kim".');
    assert.equal(counter.total, 8);
  });

  it('counts the words that start in a span of the text', () => {
    const text = 'one two three four five';
    const counter = new WordCounter(text);
    assert.equal(counter.between(0, text.length), 5);
    assert.equal(counter.between(text.indexOf('three'), text.length), 3);
    // A word the span starts inside of is behind the reader.
    assert.equal(counter.between(text.indexOf('three') + 1, text.length), 2);
    assert.equal(counter.between(text.length, text.length), 0);
    assert.equal(counter.between(10, 2), 0);
  });

  it('counts a long text in one pass', () => {
    const text = 'word '.repeat(200_000);
    const counter = new WordCounter(text);
    assert.equal(counter.total, 200_000);
    assert.equal(counter.between(text.length / 2, text.length), 100_000);
  });
});

describe('readingTime', () => {
  it('rounds to minutes and says hours past the hour', () => {
    assert.equal(readingTime(0, 240), '0 min');
    assert.equal(readingTime(100, 240), 'under 1 min');
    assert.equal(readingTime(240, 240), '1 min');
    assert.equal(readingTime(2400, 240), '10 min');
    assert.equal(readingTime(240 * 65, 240), '1 h 5 min');
    assert.equal(readingTime(240 * 120, 240), '2 h');
    assert.equal(readingTime(600, 120), '5 min');
  });
});

describe('sectionEnd', () => {
  const sections = [
    { start: 100, level: 2 },
    { start: 200, level: 3 },
    { start: 300, level: 2 },
  ];
  it('runs a section to the next heading at its level or above, subsections included', () => {
    assert.equal(sectionEnd(sections, 150, 1000), 300);
    assert.equal(sectionEnd(sections, 250, 1000), 300);
    assert.equal(sectionEnd(sections, 300, 1000), 1000);
  });
  it('has no section in the introduction above the first heading', () => {
    assert.equal(sectionEnd(sections, 50, 1000), null);
  });
});
