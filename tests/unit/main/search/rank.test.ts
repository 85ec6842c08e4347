import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareHits, matchedOnlyTitle, roundScore, TopHits } from '../../../../main/search/rank';
import type { RankedHit } from '../../../../main/search/rank';
import { toIndexed } from '../../../../main/search/indexed-annotation';
import { createRandom } from '../../../fixtures/anchoring/prose';
import { highlight } from './fixtures';

function hit(key: string, fields: Partial<RankedHit> = {}): RankedHit {
  return { key, record: toIndexed(highlight('d', key)), match: {}, titleOnly: false, score: 1, updated: 0, ...fields };
}

describe('rank', () => {
  it('orders own-text hits before title-only ones, then by score, recency and key', () => {
    const hits = [
      hit('title-only', { titleOnly: true, score: 99 }),
      hit('low', { score: 1 }),
      hit('high', { score: 5 }),
      hit('b-old', { score: 3, updated: 10 }),
      hit('a-old', { score: 3, updated: 10 }),
      hit('new', { score: 3, updated: 20 }),
    ];
    assert.deepEqual([...hits].sort(compareHits).map((h) => h.key), ['high', 'new', 'a-old', 'b-old', 'low', 'title-only']);
  });

  it('counts a hit as title-only when every term matched only in the title', () => {
    assert.equal(matchedOnlyTitle({ apple: ['title'] }), true);
    assert.equal(matchedOnlyTitle({ apple: ['title'], pie: ['note'] }), false);
    assert.equal(matchedOnlyTitle({}), false);
  });

  it('rounds away floating-point noise but keeps real differences', () => {
    assert.equal(roundScore(0.1 + 0.2), roundScore(0.3));
    assert.notEqual(roundScore(1.000001), roundScore(1.000002));
  });

  it('keeps the best hits offered, as sorting them all would', () => {
    const random = createRandom(3);
    for (const limit of [1, 5, 50]) {
      const hits = Array.from({ length: 400 }, (_, i) =>
        hit(`k${i}`, { titleOnly: random() < 0.2, score: Math.floor(random() * 6), updated: Math.floor(random() * 4) }),
      );
      const top = new TopHits(limit);
      for (const h of hits) top.offer(h);
      assert.deepEqual(top.sorted().map((h) => h.key), [...hits].sort(compareHits).slice(0, limit).map((h) => h.key));
    }
  });
});
