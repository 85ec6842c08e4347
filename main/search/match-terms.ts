/**
 * Finding the annotations that match every word of a query, in their own text (the annotations
 * engine) or their document's title (the titles engine, each title match standing for every
 * annotation of the document). MiniSearch can combine words with AND itself, but it first scores
 * every annotation that matches each word on its own: a query with "the" in it scores a third or
 * more of the library's annotations, only to throw most of them away. Here the words are matched
 * one at a time, the most selective first, and each later word scores only the annotations every
 * earlier word matched (MiniSearch skips an annotation whose `boostDocument` is 0). Within the
 * annotations engine, scores are those MiniSearch's AND gives (the sum over the words; BM25 does
 * not depend on which annotations are scored), so only the time changes; MiniSearch's multiplying
 * each score by the number of words matched is left out, as every hit matched them all.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { matchOptions, termQuery } from './engine-options';
import type { DocumentTitle } from './engine-options';
import type { IndexedAnnotation } from './indexed-annotation';

/** An annotation that matched every word: its index key, score and matched terms by field. */
export interface TermsMatch {
  key: string;
  score: number;
  match: SearchResult['match'];
}

/** One word of the query, and whether it matches as a prefix. */
interface QueryWord {
  term: string;
  prefix: boolean;
}

/**
 * Which word to match first: whole words before the prefix being typed (a prefix matches every
 * word it begins), longer before shorter (long words are rarer).
 */
function bySelectivity(a: QueryWord, b: QueryWord): number {
  if (a.prefix !== b.prefix) return a.prefix ? 1 : -1;
  return b.term.length - a.term.length;
}

function mergeMatch(into: SearchResult['match'], from: SearchResult['match']): SearchResult['match'] {
  const merged = { ...into };
  for (const [term, fields] of Object.entries(from)) {
    const known = merged[term];
    merged[term] = known ? [...new Set([...known, ...fields])] : fields;
  }
  return merged;
}

/** The two engines a query is matched against, and the annotations of each document. */
export interface MatchSource {
  annotations: MiniSearch<IndexedAnnotation>;
  titles: MiniSearch<DocumentTitle>;
  /** The index keys of a document's annotations: a title match is a match of each of them. */
  keysOf(documentId: string): Iterable<string>;
}

/** Adds a match of one word, as found in one engine, to those of the same word in the other. */
function addMatch(into: Map<string, TermsMatch>, key: string, result: SearchResult): void {
  // MiniSearch multiplies a score by how many query strings matched: here those are one word's
  // spellings (as typed, swapped), and a typo matching two of them is no better.
  const score = result.score / Math.max(1, result.queryTerms.length);
  const before = into.get(key);
  into.set(key, before ? { key, score: before.score + score, match: mergeMatch(before.match, result.match) } : { key, score, match: result.match });
}

/**
 * The annotations matching every one of `terms` (folded) in their own text or their document's
 * title, the last also as a prefix unless `lastIsComplete`, and passing `admit` (a filter
 * checked before any scoring), in no order.
 */
export function matchTerms(source: MatchSource, terms: readonly string[], lastIsComplete: boolean, admit?: (key: string) => boolean): TermsMatch[] {
  const words = terms.map((term, i): QueryWord => ({ term, prefix: !lastIsComplete && i === terms.length - 1 })).sort(bySelectivity);
  let matched: Map<string, TermsMatch> | null = null;
  for (const word of words) {
    const soFar: Map<string, TermsMatch> | null = matched;
    const considered = soFar ? (key: string) => soFar.has(key) : admit;
    const query = termQuery(word.term, word.prefix);
    const found = new Map<string, TermsMatch>();
    const boost = considered ? (key: string) => (considered(key) ? 1 : 0) : undefined;
    for (const result of source.annotations.search(query, matchOptions(boost))) addMatch(found, result.id as string, result);
    for (const result of source.titles.search(query, matchOptions())) {
      for (const key of source.keysOf(result.id as string)) if (!considered || considered(key)) addMatch(found, key, result);
    }
    if (soFar) {
      for (const [key, match] of found) {
        const before = soFar.get(key) as TermsMatch;
        found.set(key, { key, score: before.score + match.score, match: mergeMatch(before.match, match.match) });
      }
    }
    matched = found;
    if (matched.size === 0) break;
  }
  return [...(matched?.values() ?? [])];
}
