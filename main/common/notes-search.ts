/**
 * The shape of a search across all notes, as the main side answers it and the renderer draws it
 * ("Search notes"). Types and limits only: the index that answers lives in main/search/.
 *
 * Every piece of text a result shows comes with `marks`, the spans of the words that matched,
 * found by the index with the same folding it searched with (main/common/text-fold.ts), so the
 * renderer marks them as given and never folds or tokenizes to find them.
 */
import type { AnnotationStatus } from '../api';
import type { HighlightColor } from './limits';

/** Limits of a notes search, for the API's validation and the search box. */
export const NOTES_SEARCH_LIMITS = {
  /** Longest query, in UTF-16 code units. */
  maxQueryLength: 500,
  /**
   * Letters the word being typed needs before it also matches the longer words it begins
   * (Chinese, Japanese and Thai words match so from their first character).
   */
  minPrefixLength: 3,
  /** Hits returned when the request does not say. */
  defaultHits: 100,
  /** Most hits one request may ask for. */
  maxHits: 1000,
  /** Longest excerpt of a quote or note in a hit; longer text is cut around its first match. */
  excerptLength: 240,
} as const;

/** A request: words to find, and filters that every hit must pass. */
export interface NotesSearchQuery {
  /**
   * What the reader typed. Every word must match (in the quote, note, tags or document title);
   * case and accents are ignored, a word of 4 or more letters may have a typo (two from 8
   * letters), and the last word, from its third letter, also matches the longer words it begins
   * unless the query ends in a space.
   * Empty with a filter: every annotation that passes the filter, newest first.
   */
  text: string;
  /** Only annotations carrying every one of these tags (compared folded: "Cafe" is "café"). */
  tags?: readonly string[];
  /** Only highlights in one of these colors (document notes have none). */
  colors?: readonly HighlightColor[];
  /** Only annotations of this document. */
  documentId?: string;
  /** At most this many hits (default `NOTES_SEARCH_LIMITS.defaultHits`). */
  limit?: number;
}

/** A span of a text, in UTF-16 code units: [start, end). */
export interface TextSpan {
  start: number;
  end: number;
}

/** Text to show, with the words that matched. */
export interface MarkedText {
  text: string;
  /** Matched words within `text`, in order, not overlapping. */
  marks: TextSpan[];
  /** True when `text` is an excerpt that starts after the beginning of the full text. */
  cutBefore: boolean;
  /** True when `text` is an excerpt that ends before the end of the full text. */
  cutAfter: boolean;
}

/** Where a hit matched. */
export type NotesSearchField = 'quote' | 'note' | 'tags' | 'title';

/** One matching annotation. */
export interface NotesSearchHit {
  annotationId: string;
  kind: 'highlight' | 'note';
  color: HighlightColor | null;
  status: AnnotationStatus;
  /** The highlighted passage (null for a document note), cut around its first match when long. */
  quote: MarkedText | null;
  /** The note as written (Markdown source), cut around its first match when long; null when empty. */
  note: MarkedText | null;
  /** Every tag, in order, with its matching words. */
  tags: MarkedText[];
  /** The fields any query word matched, in the order of `NotesSearchField`. */
  matchedFields: NotesSearchField[];
  /** The annotation's last change (ISO 8601): the tie-breaker between equal scores. */
  updatedAt: string;
  /** Relevance; only its order means anything. */
  score: number;
}

/** The hits in one document. */
export interface NotesSearchGroup {
  documentId: string;
  /** The document's title, with matching words (empty when Gloss does not know the document). */
  title: MarkedText;
  /** Best first. */
  hits: NotesSearchHit[];
}

/** How far the index has got reading the library. */
export interface NotesIndexProgress {
  /** Documents whose annotations are in the index. */
  indexedDocuments: number;
  /** Documents it has to read. */
  totalDocuments: number;
}

/** The answer to a `NotesSearchQuery`. */
export interface NotesSearchResults {
  /** The query's words as the index searched them (folded). */
  terms: string[];
  /** Groups in the order of their best hit; hits best first. At most `limit` hits in all. */
  groups: NotesSearchGroup[];
  /** Every annotation that matched, before `limit`. */
  totalHits: number;
  /** Documents with at least one match, before `limit`. */
  totalDocuments: number;
  /**
   * False while the index is still reading the library at start: the answer covers only what
   * it has read (see `progress`), and asking again later may find more.
   */
  complete: boolean;
  progress: NotesIndexProgress;
}
