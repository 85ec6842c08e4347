/**
 * What an export holds, in the one order every format writes it. Identity rules live here:
 *
 * - Documents: by title, then id (code-unit order, so the result does not depend on the
 *   machine's locale). A library export leaves out documents without annotations.
 * - Within a document: highlights in reading order (the passage's start in the rendered text,
 *   then creation, then id), whatever their status except 'orphaned' ('needs-review' and any newer
 *   status read as anchored-but-flagged); then document notes (by creation, then id), after the
 *   text's last section so that no heading seems to own them and highlights above the first
 *   heading stay right under the title; then orphaned highlights in a group of their own, in
 *   reading order of where they were.
 * - No wall-clock time: a format that wants a date uses `updatedAt`, the newest `updatedAt` of
 *   what is exported, which changes only when the notes do.
 */
import type { Annotation, HighlightColor, Settings } from '../api';
import type { HeadlessFaqEntry } from '../documents/headless-render';

/** Turns a note's Markdown into sanitized HTML, as the sidebar shows it (HeadlessRenderer.renderNote). */
export type NoteRenderer = (markdown: string) => string;

/** The color meanings the reader chose (Settings › colorMeanings). */
export type ColorMeanings = Settings['colorMeanings'];

/** A document's rendered text, when the caller rendered it (headless-render). */
export interface DocumentRendering {
  /** The rendered text, as TextPositionSelector offsets count it. */
  text: string;
  /** Content hash of the file the text was rendered from. */
  contentHash: string;
  /** The document's FAQ (Anki cards). */
  faq: readonly HeadlessFaqEntry[];
}

/** One document and its annotations, as the caller gathered them from the store. */
export interface ExportDocumentInput {
  id: string;
  title: string;
  /** Absolute path of the document's file: its source. */
  path: string;
  fileName: string;
  contentHash: string;
  annotations: readonly Annotation[];
  /**
   * The document rendered headlessly, when the caller has it: W3C uses it to count positions in
   * code points, Anki for the FAQ. Formats that need it do without when it is missing.
   */
  rendering?: DocumentRendering;
}

/** What the caller asks to export. */
export interface ExportInput {
  /** One document (the current one) or the whole library, one file grouped by document. */
  scope: 'document' | 'library';
  documents: readonly ExportDocumentInput[];
  colorMeanings: ColorMeanings;
}

/** How many of each kind an export (or one document of it) holds. */
export interface ExportCounts {
  annotations: number;
  highlights: number;
  /** Annotations with a note: highlights with one and document notes. */
  notes: number;
  documentNotes: number;
  orphaned: number;
}

/** A document ready to write: its annotations split into the groups, each in export order. */
export interface ExportDocument extends Omit<ExportDocumentInput, 'annotations'> {
  /** Highlights found in the text ('anchored', 'needs-review', …), in reading order. */
  highlights: Annotation[];
  documentNotes: Annotation[];
  orphaned: Annotation[];
  /** All of the above, in that order. */
  annotations: Annotation[];
  counts: ExportCounts;
  /** The newest `updatedAt` of the document's annotations; null when it has none. */
  updatedAt: string | null;
}

/** An export ready to write. */
export interface ExportSet {
  scope: ExportInput['scope'];
  documents: ExportDocument[];
  colorMeanings: ColorMeanings;
  counts: ExportCounts;
  updatedAt: string | null;
}

/** The status an annotation whose passage is gone has. */
export const ORPHANED = 'orphaned';

/** Sorts and groups what is to be exported (see the module comment for the order). */
export function prepareExport(input: ExportInput): ExportSet {
  const documents = input.documents
    .filter((document) => input.scope === 'document' || document.annotations.length > 0)
    .map(prepareDocument)
    .sort((a, b) => compareStrings(a.title, b.title) || compareStrings(a.id, b.id));
  return {
    scope: input.scope,
    documents,
    colorMeanings: input.colorMeanings,
    counts: sumCounts(documents.map((document) => document.counts)),
    updatedAt: newest(documents.map((document) => document.updatedAt)),
  };
}

function prepareDocument(input: ExportDocumentInput): ExportDocument {
  const documentNotes = input.annotations.filter((a) => a.target === null).sort(compareCreation);
  const passages = input.annotations.filter((a) => a.target !== null);
  const highlights = passages.filter((a) => a.status !== ORPHANED).sort(compareReadingOrder);
  const orphaned = passages.filter((a) => a.status === ORPHANED).sort(compareReadingOrder);
  const annotations = [...highlights, ...documentNotes, ...orphaned];
  return {
    ...input,
    documentNotes,
    highlights,
    orphaned,
    annotations,
    counts: {
      annotations: annotations.length,
      highlights: passages.length,
      notes: annotations.filter((a) => a.note.trim() !== '').length,
      documentNotes: documentNotes.length,
      orphaned: orphaned.length,
    },
    updatedAt: newest(annotations.map((a) => a.updatedAt)),
  };
}

/** Reading order: where the passage starts, then when it was made, then id. */
export function compareReadingOrder(a: Annotation, b: Annotation): number {
  const startA = a.target?.position.start ?? -1;
  const startB = b.target?.position.start ?? -1;
  return startA - startB || compareCreation(a, b);
}

function compareCreation(a: Annotation, b: Annotation): number {
  return compareStrings(a.createdAt, b.createdAt) || compareStrings(a.id, b.id);
}

/** Code-unit order: the same on every machine, whatever its locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function newest(dates: readonly (string | null)[]): string | null {
  let best: string | null = null;
  for (const date of dates) if (date !== null && (best === null || date > best)) best = date;
  return best;
}

function sumCounts(counts: readonly ExportCounts[]): ExportCounts {
  const total: ExportCounts = { annotations: 0, highlights: 0, notes: 0, documentNotes: 0, orphaned: 0 };
  for (const count of counts) for (const key of Object.keys(total) as (keyof ExportCounts)[]) total[key] += count[key];
  return total;
}

/** The color's name as the toolbar shows it: "Yellow". */
export function colorName(color: HighlightColor): string {
  return color.charAt(0).toUpperCase() + color.slice(1);
}

/** The meaning the reader gave the annotation's color, or '' when it has no color or no meaning. */
export function colorMeaning(annotation: Annotation, meanings: ColorMeanings): string {
  return annotation.color === null ? '' : meanings[annotation.color].trim();
}

/**
 * The headings enclosing the passage, outermost first, without the document's own title (which
 * every path of an article with an h1 starts with, and which each format shows once already).
 */
export function sectionPath(annotation: Annotation, documentTitle: string): string[] {
  const path = annotation.target?.headingPath ?? [];
  return path[0] !== undefined && path[0] === documentTitle.replace(/\s+/g, ' ').trim() ? path.slice(1) : [...path];
}

/**
 * Where the headings to show before a highlight start, given the previous highlight's section
 * path: the headings of `path` from the returned depth on are new. A path that returns to a
 * section already open (a stale heading path) shows that section's heading again.
 */
export function firstNewHeading(previous: readonly string[], path: readonly string[]): number {
  let shared = 0;
  while (shared < path.length && shared < previous.length && path[shared] === previous[shared]) shared += 1;
  return shared === path.length && path.length < previous.length ? Math.max(0, path.length - 1) : shared;
}

/**
 * A status other than 'anchored' and 'orphaned' (e.g. 'needs-review') as a label for formats that
 * show it next to the passage ("Needs review"); null for the two that need no flag.
 */
export function statusFlag(status: string): string | null {
  if (status === 'anchored' || status === ORPHANED) return null;
  const words = status.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A stored timestamp as xsd:dateTime in UTC ("…Z"), or null when it is not a date at all. */
export function utcTimestamp(value: string): string | null {
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
