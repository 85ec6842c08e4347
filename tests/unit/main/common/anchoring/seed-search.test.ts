import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import search from 'approx-string-match';
import { SEED_LENGTH, seededSearch, seededSearchMany } from '../../../../../main/common/anchoring/seed-search';
import { createRandom, paragraphs } from '../../../../fixtures/anchoring/prose';

const TEXT = paragraphs(createRandom(3), 200_000).join('\n');
const WHOLE = { start: 0, end: TEXT.length };

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

/** A passage of about `length` characters starting at the word at or after `at`. */
function passage(at: number, length: number): { start: number; text: string } {
  const start = TEXT.indexOf(' ', at) + 1;
  return { start, text: TEXT.slice(start, TEXT.indexOf(' ', start + length)) };
}

describe('seededSearch', () => {
  it('finds what a full edit-distance scan finds, for a passage edited in a few places', () => {
    const { start, text: pattern } = passage(150_000, 100);
    const edited = edit(edit(TEXT, start + 70, 4, 'XYZ'), start + 20, 0, 'inserted ');
    const seeded = seededSearch(edited, WHOLE, pattern, 25)!;
    const full = search(edited, pattern, 25);
    assert.ok(seeded.length > 0);
    assert.equal(Math.min(...seeded.map((m) => m.errors)), full[0]!.errors);
    assert.ok(seeded.some((m) => m.start === full[0]!.start && m.end === full[0]!.end));
  });

  it('reports offsets in the whole text when searching a span of it, and nothing outside the span', () => {
    const { start, text: pattern } = passage(120_000, 60);
    const matches = seededSearch(edit(TEXT, start + 30, 1, '#'), { start: 100_000, end: 140_000 }, pattern, 15)!;
    assert.ok(matches.some((m) => m.start === start && m.errors === 1));
    assert.deepEqual(seededSearch(TEXT, { start: 0, end: 100_000 }, pattern, 15), []);
  });

  it('cannot search a pattern too short to give two seeds, and says so', () => {
    assert.equal(seededSearch(TEXT, WHOLE, TEXT.slice(5_000, 5_000 + 2 * SEED_LENGTH - 1), 2), null);
  });

  it('finds every exact copy of a pattern', () => {
    const { text: pattern } = passage(40_000, 80);
    const copied = `${TEXT.slice(0, 10_000)} ${pattern} ${TEXT.slice(10_000)}`;
    const exact = seededSearch(copied, { start: 0, end: copied.length }, pattern, 20)!.filter((m) => m.errors === 0);
    assert.deepEqual(
      exact.map((m) => m.start).sort((a, b) => a - b),
      [10_001, copied.indexOf(pattern, 10_002)],
    );
  });

  it('searches many patterns in one pass, each within its own span', () => {
    const a = passage(20_000, 90);
    const b = passage(170_000, 120);
    const edited = edit(edit(TEXT, b.start + 50, 3, 'QQQQ'), a.start + 10, 2, '');
    const [inA, inB, tooShort, elsewhere] = seededSearchMany(edited, [
      { span: WHOLE, pattern: a.text, maxErrors: 22 },
      { span: WHOLE, pattern: b.text, maxErrors: 30 },
      { span: WHOLE, pattern: 'too short', maxErrors: 2 },
      { span: { start: 0, end: 100_000 }, pattern: b.text, maxErrors: 30 },
    ]);
    assert.ok(inA!.some((m) => m.start === a.start && m.errors === 2));
    assert.ok(inB!.some((m) => Math.abs(m.start - (b.start - 2)) <= 2 && m.errors <= 4));
    assert.equal(tooShort, null);
    assert.deepEqual(elsewhere, []);
  });

  it('misses a match whose every seed but one was edited: the price of not scanning everything', () => {
    const { start, text: pattern } = passage(60_000, 80);
    // One character changed in each seed (they start at spaces): a handful of errors of the 20 allowed.
    let edited = TEXT;
    let seeds = 0;
    for (let at = pattern.indexOf(' '); at !== -1 && at + SEED_LENGTH <= pattern.length; at = pattern.indexOf(' ', at + SEED_LENGTH)) {
      edited = edit(edited, start + at + 3, 1, '#');
      seeds += 1;
    }
    assert.ok(seeds >= 2 && seeds <= 20);
    assert.equal(search(edited, pattern, 20)[0]!.start, start);
    assert.deepEqual(seededSearch(edited, WHOLE, pattern, 20), []);
  });
});
