import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { boundedEditDistance } from '../../../../../main/common/anchoring/edit-distance';
import { createRandom } from '../../../../fixtures/anchoring/prose';

/** The textbook Levenshtein distance, every cell computed: what the bounded one must agree with. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    }
    row = next;
  }
  return row[b.length]!;
}

describe('boundedEditDistance', () => {
  it('is the Levenshtein distance when within the budget, and budget + 1 when over', () => {
    const random = createRandom(9);
    const letters = 'abcde ';
    const randomString = (length: number) => Array.from({ length }, () => letters[Math.floor(random() * letters.length)]).join('');
    for (let n = 0; n < 2_000; n++) {
      const a = randomString(Math.floor(random() * 30));
      // Half the pairs are edits of each other, half unrelated.
      let b = random() < 0.5 ? randomString(Math.floor(random() * 30)) : a;
      if (b === a) {
        for (let e = Math.floor(random() * 6); e > 0; e--) {
          const at = Math.floor(random() * (b.length + 1));
          b = b.slice(0, at) + randomString(Math.floor(random() * 2)) + b.slice(at + Math.floor(random() * 2));
        }
      }
      const max = Math.floor(random() * 12);
      const truth = levenshtein(a, b);
      assert.equal(boundedEditDistance(a, b, max), truth <= max ? truth : max + 1, `"${a}" / "${b}" within ${max}`);
    }
  });

  it('counts what approx-string-match does not: the ends of a span that cut into other words', () => {
    // "a tea ser" is one edit from "a tea set" but its ends were never the question; as a whole,
    // "a tea service" is five edits from it.
    assert.equal(boundedEditDistance('a tea ser', 'a tea set', 2), 1);
    assert.equal(boundedEditDistance('a tea service', 'a tea set', 2), 3, 'over the budget of 2');
    assert.equal(boundedEditDistance('a tea service', 'a tea set', 10), 5);
  });

  it('stops early: strings whose lengths differ by more than the budget, and an empty side', () => {
    assert.equal(boundedEditDistance('x'.repeat(10_000), 'x', 3), 4);
    assert.equal(boundedEditDistance('', 'abc', 5), 3);
    assert.equal(boundedEditDistance('abc', '', 1), 2);
    assert.equal(boundedEditDistance('same', 'same', 0), 0);
    assert.equal(boundedEditDistance('same', 'sane', 0), 1);
  });

  it('handles long strings that differ only in the middle', () => {
    const long = 'w'.repeat(5_000);
    assert.equal(boundedEditDistance(`${long}abc${long}`, `${long}xbcy${long}`, 10), 2);
  });
});
