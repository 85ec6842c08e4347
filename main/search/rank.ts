/**
 * The order of search hits:
 *
 * 1. hits where a query word matched the reader's own text (quote, note or tags) come before
 *    hits that matched only through their document's title, whatever the scores: a title word
 *    matches every annotation of that document, and says nothing about any one of them;
 * 2. then by relevance (MiniSearch's BM25 score, with the field weights of engine-options.ts,
 *    exact words above typo and prefix matches), rounded to 6 decimals so that scores equal but
 *    for floating-point noise count as equal;
 * 3. then the most recently edited first;
 * 4. then by document and annotation id, so the order never depends on how the index was built.
 */
import type { SearchResult } from 'minisearch';
import type { IndexedAnnotation } from './indexed-annotation';

/** A hit on its way to the results. */
export interface RankedHit {
  key: string;
  record: IndexedAnnotation;
  /** Matched terms and the fields each matched in (MiniSearch's `match`). */
  match: SearchResult['match'];
  /** Every matched term matched only in the title. */
  titleOnly: boolean;
  score: number;
  /** `record.updatedAt` in milliseconds (0 when it does not parse). */
  updated: number;
}

/** Rounds away floating-point noise: incremental changes and a fresh build sum in different orders. */
export function roundScore(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}

/** True when every field any term matched in is the title. */
export function matchedOnlyTitle(match: SearchResult['match']): boolean {
  let any = false;
  for (const fields of Object.values(match)) {
    for (const field of fields) {
      if (field !== 'title') return false;
      any = true;
    }
  }
  return any;
}

/** Sort order of hits: see the module comment. */
export function compareHits(a: RankedHit, b: RankedHit): number {
  if (a.titleOnly !== b.titleOnly) return a.titleOnly ? 1 : -1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.updated !== b.updated) return b.updated - a.updated;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/**
 * The best `limit` hits offered, in order, without sorting them all: a query that matches
 * thousands of annotations shows the first hundred.
 */
export class TopHits {
  readonly #limit: number;
  readonly #best: RankedHit[] = [];

  constructor(limit: number) {
    this.#limit = limit;
  }

  offer(hit: RankedHit): void {
    const best = this.#best;
    if (best.length === this.#limit && compareHits(hit, best[best.length - 1] as RankedHit) >= 0) return;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareHits(best[mid] as RankedHit, hit) <= 0) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, hit);
    if (best.length > this.#limit) best.pop();
  }

  /** Best first. */
  sorted(): readonly RankedHit[] {
    return this.#best;
  }
}
