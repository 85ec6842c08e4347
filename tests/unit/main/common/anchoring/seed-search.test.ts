import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import search from 'approx-string-match';
import { seededSearch } from '../../../../../main/common/anchoring/seed-search';
import { createRandom, paragraphs } from '../../../../fixtures/anchoring/prose';

const TEXT = paragraphs(createRandom(3), 200_000).join('\n');
const WHOLE = { start: 0, end: TEXT.length };

function edit(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

describe('seededSearch', () => {
  it('finds what a full edit-distance scan finds, for a passage edited in a few places', () => {
    const start = 150_000;
    const pattern = TEXT.slice(start, start + 100);
    const edited = edit(edit(TEXT, start + 70, 4, 'XYZ'), start + 20, 0, 'inserted ');
    const seeded = seededSearch(edited, WHOLE, pattern, 25);
    const full = search(edited, pattern, 25);
    assert.ok(seeded.length > 0);
    assert.equal(Math.min(...seeded.map((m) => m.errors)), full[0]!.errors);
    assert.ok(seeded.some((m) => m.start === full[0]!.start && m.end === full[0]!.end));
  });

  it('reports offsets in the whole text when searching a span of it', () => {
    const pattern = TEXT.slice(120_000, 120_060);
    const matches = seededSearch(edit(TEXT, 120_030, 1, '#'), { start: 100_000, end: 140_000 }, pattern, 15);
    assert.ok(matches.some((m) => m.start === 120_000 && m.errors === 1));
    assert.deepEqual(seededSearch(TEXT, { start: 0, end: 100_000 }, pattern, 15), []);
  });

  it('finds nothing for a pattern too short to give two seeds', () => {
    assert.deepEqual(seededSearch(TEXT, WHOLE, TEXT.slice(5_000, 5_009), 2), []);
  });

  it('misses a match whose every seed was edited: the price of not scanning everything', () => {
    const pattern = TEXT.slice(60_000, 60_080);
    // One character changed in each of the eight 10-character seeds: 8 errors of the 20 allowed.
    let edited = TEXT;
    for (let i = 0; i < 8; i++) {
      edited = edit(edited, 60_000 + i * 10 + 5, 1, '#');
    }
    assert.equal(search(edited, pattern, 20)[0]!.start, 60_000);
    assert.deepEqual(seededSearch(edited, WHOLE, pattern, 20), []);
  });
});
