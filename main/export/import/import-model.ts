/**
 * The one form every import format is parsed into (Gloss JSON, W3C Web Annotation, Hypothesis),
 * and the checks every imported annotation passes before planning: the store's payload limits,
 * stored tags, ids Gloss can file. Dates are kept as the file gives them, never replaced by "now".
 */
import type { HighlightColor, TextQuoteSelector } from '../../api';
import { LIMITS } from '../../api';
import { ID_PATTERN } from '../../common/limits';
import { graphemeBoundaryAfter, graphemeBoundaryBefore } from '../../common/anchoring/graphemes';
import { normalizeTags } from '../../common/tags';
import { GlossError } from '../../errors';
import { derivedId } from './imported-ids';

/** The formats Gloss imports. */
export type ImportFormat = 'gloss-json' | 'w3c' | 'hypothesis';

/** A document an imported file refers to, as the file names it. */
export interface ImportedDocument {
  /** Unique within the import; annotations point at their document by it. */
  key: string;
  /** A path or URL (a `file:` URL names a path). */
  source: string | null;
  /** The document's content hash, when the file knows it (Gloss's own exports). */
  contentHash: string | null;
  title: string | null;
  /** The id the document had in the Gloss that exported it. */
  glossId: string | null;
}

/** A position as the file counts it: Gloss and Hypothesis in UTF-16 units, W3C in code points. */
export interface ImportedPosition {
  start: number;
  end: number;
  unit: 'utf16' | 'code-points';
}

/** One annotation, normalised. */
export interface ImportedAnnotation {
  /** A valid Gloss id: the file's own when it is one, else derived from it (stable across imports). */
  id: string;
  documentKey: string;
  kind: 'highlight' | 'note';
  color: HighlightColor | null;
  note: string;
  /** Trimmed, whitespace-collapsed, without case-insensitive repeats: as the store keeps them. */
  tags: string[];
  motivation: 'highlighting' | 'commenting';
  /** Null for a document note. */
  quote: TextQuoteSelector | null;
  /**
   * Where the passage was, when the file says; converted to UTF-16 only by the plan, which has the
   * document's text (a code-point offset cannot be converted without it).
   */
  position: ImportedPosition | null;
  headingPath: string[] | null;
  /** The content hash of the text the selectors were made on, when known. */
  contentHash: string | null;
  /** The status the file gives (Gloss JSON); the plan anchors again and sets its own. */
  status: string | null;
  createdAt: string | null;
  updatedAt: string | null;
}

/** Annotations a file holds that are not imported, and why ("3 replies"). */
export interface SkippedEntries {
  count: number;
  reason: string;
}

/** A parsed import file. */
export interface ParsedImport {
  format: ImportFormat;
  documents: ImportedDocument[];
  annotations: ImportedAnnotation[];
  skipped: SkippedEntries[];
  /** A date the file as a whole carries (Hypothesis's export_date), for annotations without one. */
  fileDate: string | null;
}

/** What a parser knows of one annotation before the shared checks. */
export type RawImportedAnnotation = Omit<ImportedAnnotation, 'id' | 'tags'> & {
  /** The id or IRI the file gives, if any. */
  rawId: string | null;
  tags: readonly string[];
};

/** The error for a file that cannot be imported as it is. */
export function importError(message: string): GlossError {
  return new GlossError('invalid-request', `This file cannot be imported: ${message}`);
}

/** How messages name the n-th annotation of a file (counting from 1). */
export function describeEntry(index: number, rawId: string | null): string {
  return `annotation ${index + 1}${rawId ? ` (${rawId.length > 60 ? `${rawId.slice(0, 60)}…` : rawId})` : ''}`;
}

/**
 * Applies the store's rules to a parsed annotation: a Gloss id, stored tags, the payload limits
 * (a note, quote or tag over them refuses the file with 'too-large'; quote context is cut to
 * what Gloss keeps), heading paths cut to the contract's, dates that are dates.
 */
export function finishAnnotation(raw: RawImportedAnnotation, index: number): ImportedAnnotation {
  const where = describeEntry(index, raw.rawId);
  if (raw.note.length > LIMITS.maxNoteLength) {
    throw tooLarge(`${where} has a note of ${raw.note.length.toLocaleString('en')} characters; Gloss keeps notes of up to ${LIMITS.maxNoteLength.toLocaleString('en')}.`);
  }
  const tags = normalizeTags(raw.tags);
  if (tags.length > LIMITS.maxTags) throw tooLarge(`${where} has ${tags.length} tags; Gloss keeps up to ${LIMITS.maxTags}.`);
  const longTag = tags.find((tag) => tag.length > LIMITS.maxTagLength);
  if (longTag !== undefined) throw tooLarge(`${where} has a tag of ${longTag.length} characters; Gloss keeps tags of up to ${LIMITS.maxTagLength}.`);
  let quote = raw.quote;
  if (quote !== null) {
    if (quote.exact.length === 0) throw importError(`${where} quotes no text.`);
    if (quote.exact.length > LIMITS.maxQuoteLength) {
      throw tooLarge(`${where} quotes ${quote.exact.length.toLocaleString('en')} characters; Gloss keeps highlights of up to ${LIMITS.maxQuoteLength.toLocaleString('en')}.`);
    }
    quote = { type: 'TextQuoteSelector', exact: quote.exact, prefix: lastContext(quote.prefix), suffix: firstContext(quote.suffix) };
  }
  return {
    id: raw.rawId !== null && raw.rawId.length <= LIMITS.maxIdLength && ID_PATTERN.test(raw.rawId) ? raw.rawId : derivedId(raw.rawId ?? fallbackSeed(raw)),
    documentKey: raw.documentKey,
    kind: raw.kind,
    color: raw.color,
    note: raw.note,
    tags,
    motivation: raw.motivation,
    quote,
    position: raw.position,
    headingPath: raw.headingPath === null ? null : raw.headingPath.slice(0, 10).map((title) => title.slice(0, 500)),
    contentHash: raw.contentHash !== null && raw.contentHash.length <= 128 ? raw.contentHash : null,
    status: raw.status,
    createdAt: checkedDate(raw.createdAt, where, 'created'),
    updatedAt: checkedDate(raw.updatedAt, where, 'modified'),
  };
}

function tooLarge(message: string): GlossError {
  return new GlossError('too-large', `This file cannot be imported: ${message}`);
}

/** The end of a prefix, at most what Gloss keeps, never half a character. */
function lastContext(prefix: string): string {
  if (prefix.length <= LIMITS.maxContextLength) return prefix;
  return prefix.slice(graphemeBoundaryAfter(prefix, prefix.length - LIMITS.maxContextLength));
}

/** The start of a suffix, at most what Gloss keeps, never half a character. */
function firstContext(suffix: string): string {
  if (suffix.length <= LIMITS.maxContextLength) return suffix;
  return suffix.slice(0, graphemeBoundaryBefore(suffix, LIMITS.maxContextLength));
}

/** A date as the file gives it, when it is one; what the store keeps is at most 40 characters. */
function checkedDate(value: string | null, where: string, field: string): string | null {
  if (value === null) return null;
  if (Number.isNaN(Date.parse(value))) throw importError(`${where} has a ${field} date Gloss cannot read: "${value.slice(0, 60)}".`);
  // Gloss stores every moment as toISOString writes it (UTC, milliseconds), and Gloss's own
  // exports already are: so they come back unchanged, while Hypothesis's "+00:00" with
  // microseconds becomes the same instant to the millisecond.
  return new Date(value).toISOString();
}

/** What identifies an annotation without an id of its own, so importing it twice finds it twice. */
function fallbackSeed(raw: RawImportedAnnotation): string {
  return JSON.stringify([raw.documentKey, raw.quote?.exact ?? '', raw.note, raw.createdAt ?? '']);
}
