/**
 * How MiniSearch is set up for the notes index: its two engines (annotations, titles), the fields
 * they index, how they split and fold text, and how a query word is matched. One place, because an index loaded from a snapshot must be
 * given exactly the options it was built with (and `SEARCH_INDEX_VERSION` bumped when they change).
 */
import type { Options, Query, SearchOptions } from 'minisearch';
import { foldText } from '../common/text-fold';
import { NOTES_SEARCH_LIMITS } from '../common/notes-search';
import type { NotesSearchField } from '../common/notes-search';
import type { IndexedAnnotation } from './indexed-annotation';
import { isUnspaced, splitWords } from './words';

/**
 * Version of the index's content: bump it when the fields, the tokenizer, the folding, the record
 * shape or the snapshot's layout change, so snapshots written by an older build are rebuilt
 * instead of misread.
 */
export const SEARCH_INDEX_VERSION = 1;

/** The fields searched, in the order results list them. */
export const SEARCH_FIELDS: readonly NotesSearchField[] = ['quote', 'note', 'tags', 'title'];

/**
 * Field weights. A title word is worth less than a word of the reader's own (quote, note, tags);
 * ranking also puts every hit that matched in its own text above every hit that matched only
 * by its document's title (see rank.ts), whatever the scores.
 */
const FIELD_BOOSTS: Readonly<Record<NotesSearchField, number>> = { quote: 1, note: 1, tags: 1.5, title: 0.5 };

/** Joins a document id and an annotation id into the index's id (ids never contain '/'). */
export function indexKey(documentId: string, id: string): string {
  return `${documentId}/${id}`;
}

/** A word folded as the index stores it; null for a word that folds to nothing (a stray mark). */
export function foldTerm(word: string): string | null {
  return foldText(word) || null;
}

/** The query's words as the index searches them. */
export function queryTerms(text: string): string[] {
  return splitWords(text)
    .map(foldTerm)
    .filter((term): term is string => term !== null);
}

/** A document's title, as the title engine indexes it. */
export interface DocumentTitle {
  id: string;
  title: string;
}

/** Options both engines share: how text becomes terms. */
function textOptions(): Pick<Options, 'storeFields' | 'tokenize' | 'processTerm' | 'autoVacuum'> {
  return {
    storeFields: [],
    tokenize: splitWords,
    processTerm: foldTerm,
    // Entries are removed with `remove` (never `discard`), so there is nothing to vacuum.
    autoVacuum: false,
  };
}

/**
 * The annotations engine: quote, note and tags of every annotation. Titles have an engine of
 * their own (`titleOptions`): a title is one per document, not one per annotation, so it is
 * indexed once (and a new title changes one entry, not every annotation of the document).
 */
export function annotationOptions(): Options<IndexedAnnotation> {
  return {
    ...textOptions(),
    fields: ['quote', 'note', 'tags'],
    idField: 'key',
    extractField: (record, field) => {
      switch (field) {
        case 'key':
          return indexKey(record.documentId, record.id);
        case 'tags':
          return record.tags.join('\n');
        case 'quote':
          return record.quote;
        case 'note':
          return record.note;
        default:
          return undefined;
      }
    },
  };
}

/** The titles engine: one entry per document with a title. */
export function titleOptions(): Options<DocumentTitle> {
  return { ...textOptions(), fields: ['title'], idField: 'id' };
}

/** Typos forgiven in a query word: none below 4 letters or in numbers, one up to 7, then two. */
function typosAllowed(term: string): number {
  if (term.length < 4 || /\p{N}/u.test(term)) return 0;
  return term.length < 8 ? 1 : 2;
}

/** How much a typo or prefix match counts, against 1 for the word as typed (MiniSearch's defaults). */
const MATCH_WEIGHTS = { fuzzy: 0.45, prefix: 0.375 };

/**
 * `term` with each pair of neighbouring letters swapped. MiniSearch counts typos as Levenshtein
 * edits, where "harbuor" is two edits from "harbour"; the most common typo of all should cost one.
 */
function transpositions(term: string): string[] {
  const letters = [...term];
  const variants = new Set<string>();
  for (let i = 0; i + 1 < letters.length; i++) {
    if (letters[i] === letters[i + 1]) continue;
    const swapped = [...letters];
    [swapped[i], swapped[i + 1]] = [letters[i + 1] as string, letters[i] as string];
    variants.add(swapped.join(''));
  }
  return [...variants];
}

/**
 * How much a second typo counts, against a first. MiniSearch weighs a match by its edit distance
 * only gently (0.45 · n / (n + d)), so at two typos a long word matches a whole family of its
 * cousins ("unfewerless" for "unfewerness") almost as strongly as the word meant; the second typo
 * is searched on its own, at this weight, to keep the closer matches well ahead.
 */
const SECOND_TYPO_WEIGHT = 0.25;

/**
 * Whether a word being typed is long enough to match the words it begins: one or two letters
 * begin a good part of the library's words (a two-letter prefix matches a third of the annotations
 * in the benchmark's library), which says little and costs much. A word of a script written
 * without spaces is a word from its first character.
 */
function prefixAllowed(term: string): boolean {
  return [...term].length >= NOTES_SEARCH_LIMITS.minPrefixLength || isUnspaced(term);
}

/**
 * The MiniSearch query for one query word (already folded): as typed, with its typos, and, when
 * `wordBeingTyped` and it is long enough, as the beginning of longer words.
 */
export function termQuery(term: string, wordBeingTyped: boolean): Query {
  const prefix = wordBeingTyped && prefixAllowed(term);
  const typos = typosAllowed(term);
  const asTyped: Query = { combineWith: 'OR', queries: [term], fuzzy: Math.min(typos, 1) || false, prefix };
  if (typos === 0) return asTyped;
  const length = [...term].length;
  // Scored as a fuzzy match at distance one would be (see MiniSearch's executeQuerySpec).
  const oneTypo = (MATCH_WEIGHTS.fuzzy * length) / (length + 1);
  // A swap is one typo: with two allowed, a swapped word may hold one more.
  const swapped: Query = { combineWith: 'OR', queries: transpositions(term), fuzzy: typos - 1 || false, prefix, boostTerm: () => oneTypo };
  const alternatives: Query[] = [asTyped, swapped];
  if (typos > 1) alternatives.push({ combineWith: 'OR', queries: [term], fuzzy: typos, prefix: false, boostTerm: () => SECOND_TYPO_WEIGHT });
  return { combineWith: 'OR', queries: alternatives };
}

/** Search options for `termQuery`'s queries (their terms are already split and folded). */
export function matchOptions(boostDocument?: SearchOptions['boostDocument']): SearchOptions {
  return {
    boost: { ...FIELD_BOOSTS },
    weights: { ...MATCH_WEIGHTS },
    tokenize: (term) => [term],
    processTerm: (term) => term,
    boostDocument,
  };
}
