/**
 * Answering a query: check it, ask MiniSearch, rank (rank.ts), keep the best `limit` hits, group
 * them by document in the order of each document's best hit, and mark the matched words.
 */
import type { SearchResult } from 'minisearch';
import { NOTES_SEARCH_LIMITS } from '../common/notes-search';
import type {
  MarkedText,
  NotesSearchField,
  NotesSearchGroup,
  NotesSearchHit,
  NotesSearchQuery,
  NotesSearchResults,
} from '../common/notes-search';
import { foldText } from '../common/text-fold';
import { HIGHLIGHT_COLORS } from '../common/limits';
import { GlossError } from '../errors';
import { queryTerms, SEARCH_FIELDS } from './engine-options';
import { excerpt, markWords } from './excerpt';
import type { IndexedAnnotation } from './indexed-annotation';
import { matchTerms } from './match-terms';
import type { MatchSource, TermsMatch } from './match-terms';
import { matchedOnlyTitle, roundScore, TopHits } from './rank';
import type { RankedHit } from './rank';

/** What a search reads: the engines, and the records results are made from. */
export interface SearchSource extends MatchSource {
  /** The record of an index key (engine-options.ts `indexKey`). */
  record(key: string): IndexedAnnotation | undefined;
  /** Every record, for a search by filters alone. */
  records(): Iterable<[key: string, record: IndexedAnnotation]>;
  title(documentId: string): string;
}

/** Whether the index had read the whole library when it answered. */
export type SearchStatus = Pick<NotesSearchResults, 'complete' | 'progress'>;

interface CheckedQuery {
  text: string;
  tags: Set<string>;
  colors: Set<string> | null;
  documentId: string | null;
  limit: number;
}

function invalid(message: string): GlossError {
  return new GlossError('invalid-request', `That search is not valid: ${message}.`);
}

function checkQuery(query: NotesSearchQuery): CheckedQuery {
  const { text, tags = [], colors, documentId = null, limit = NOTES_SEARCH_LIMITS.defaultHits } = query;
  if (typeof text !== 'string') throw invalid('the text is missing');
  if (text.length > NOTES_SEARCH_LIMITS.maxQueryLength) throw invalid(`a query holds at most ${NOTES_SEARCH_LIMITS.maxQueryLength} characters`);
  if (!Number.isInteger(limit) || limit < 1 || limit > NOTES_SEARCH_LIMITS.maxHits) throw invalid(`the limit is a whole number from 1 to ${NOTES_SEARCH_LIMITS.maxHits}`);
  const unknown = colors?.find((color) => !(HIGHLIGHT_COLORS as readonly string[]).includes(color));
  if (unknown !== undefined) throw invalid(`there is no color "${unknown}"`);
  return {
    text,
    tags: new Set(tags.map((tag) => foldText(tag.trim())).filter((tag) => tag !== '')),
    colors: colors ? new Set(colors) : null,
    documentId,
    limit,
  };
}

/** Each record's tags, folded; records never change, so what is folded once stays right. */
const foldedTags = new WeakMap<IndexedAnnotation, Set<string>>();

function tagsOf(record: IndexedAnnotation): Set<string> {
  let tags = foldedTags.get(record);
  if (!tags) {
    tags = new Set(record.tags.map((tag) => foldText(tag.trim())));
    foldedTags.set(record, tags);
  }
  return tags;
}

function passes(record: IndexedAnnotation, query: CheckedQuery): boolean {
  if (query.documentId !== null && record.documentId !== query.documentId) return false;
  if (query.colors && (record.color === null || !query.colors.has(record.color))) return false;
  if (query.tags.size === 0) return true;
  const held = tagsOf(record);
  for (const tag of query.tags) if (!held.has(tag)) return false;
  return true;
}

/** Terms that matched in `field`, per MiniSearch's match information. */
function termsIn(match: SearchResult['match'], field: NotesSearchField): Set<string> {
  const terms = new Set<string>();
  for (const [term, fields] of Object.entries(match)) if (fields.includes(field)) terms.add(term);
  return terms;
}

function marked(text: string, match: SearchResult['match'], field: NotesSearchField, maxLength: number): MarkedText {
  return excerpt(text, markWords(text, termsIn(match, field)), maxLength);
}

function toHit(hit: RankedHit): NotesSearchHit {
  const { record, match } = hit;
  const length = NOTES_SEARCH_LIMITS.excerptLength;
  const fields = new Set(Object.values(match).flat());
  const tagTerms = termsIn(match, 'tags');
  return {
    annotationId: record.id,
    kind: record.kind,
    color: record.color,
    status: record.status,
    quote: record.kind === 'note' ? null : marked(record.quote, match, 'quote', length),
    note: record.note === '' ? null : marked(record.note, match, 'note', length),
    tags: record.tags.map((tag) => excerpt(tag, markWords(tag, tagTerms), Infinity)),
    matchedFields: SEARCH_FIELDS.filter((field) => fields.has(field)),
    updatedAt: record.updatedAt,
    score: hit.score,
  };
}

/** Every annotation matching the query, unranked. */
function* matches(source: SearchSource, query: CheckedQuery, terms: string[]): Iterable<TermsMatch> {
  const filtered = query.colors !== null || query.tags.size > 0 || query.documentId !== null;
  if (terms.length > 0) {
    const admit = (key: string): boolean => {
      const record = source.record(key);
      return record !== undefined && passes(record, query);
    };
    yield* matchTerms(source, terms, /\s$/u.test(query.text), filtered ? admit : undefined);
  } else if (filtered) {
    for (const [key, record] of source.records()) if (passes(record, query)) yield { key, score: 0, match: {} };
  }
}

/**
 * Answers `query` from `source`. Throws an 'invalid-request' GlossError for a query that breaks
 * `NOTES_SEARCH_LIMITS` or names a color that does not exist.
 */
export function runSearch(source: SearchSource, query: NotesSearchQuery, status: SearchStatus): NotesSearchResults {
  const checked = checkQuery(query);
  const terms = queryTerms(checked.text);
  const top = new TopHits(checked.limit);
  const documents = new Set<string>();
  let totalHits = 0;
  for (const { key, score, match } of matches(source, checked, terms)) {
    const record = source.record(key);
    if (!record) continue;
    totalHits += 1;
    documents.add(record.documentId);
    top.offer({ key, record, match, titleOnly: matchedOnlyTitle(match), score: roundScore(score), updated: Date.parse(record.updatedAt) || 0 });
  }

  const groups = new Map<string, RankedHit[]>();
  for (const hit of top.sorted()) {
    const group = groups.get(hit.record.documentId);
    if (group) group.push(hit);
    else groups.set(hit.record.documentId, [hit]);
  }
  return {
    terms,
    groups: [...groups].map(([documentId, hits]): NotesSearchGroup => {
      const title = source.title(documentId);
      const titleTerms = new Set(hits.flatMap((hit) => [...termsIn(hit.match, 'title')]));
      return {
        documentId,
        title: excerpt(title, markWords(title, titleTerms), NOTES_SEARCH_LIMITS.excerptLength),
        hits: hits.map(toHit),
      };
    }),
    totalHits,
    totalDocuments: documents.size,
    ...status,
  };
}
