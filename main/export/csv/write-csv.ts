/**
 * The two CSV exports (csv-text.ts has the encoding):
 *
 * - Gloss's own, one row per annotation in export order: id, document, section, quote, note, tags,
 *   color, meaning, created, modified, link, then status, source, document id and content hash so
 *   that the document's identity is in every row.
 * - Readwise's bulk-import columns (Highlight, Title, Author, URL, Note, Location, Date), so notes
 *   can move to Readwise. Readwise takes only highlights: document notes are left out. Tags go at
 *   the start of the note in Readwise's inline form (".tag"), Location is the passage's offset in
 *   the text (it orders the highlights), Date the creation time. Readwise has no column for an id,
 *   and an extra column could make its import refuse the file, so this flavour alone does not
 *   carry Gloss's ids: use the Gloss CSV or JSON to move notes back.
 */
import type { Annotation } from '../../api';
import { annotationLink } from '../../common/annotation-link';
import { sourceUrl } from '../document-source';
import type { ExportDocument, ExportSet } from '../export-set';
import { colorMeaning, colorName, sectionPath, utcTimestamp } from '../export-set';
import { csvFile } from './csv-text';

/** The Gloss CSV's columns, in order. */
export const CSV_COLUMNS = [
  'id',
  'document',
  'section',
  'quote',
  'note',
  'tags',
  'color',
  'meaning',
  'created',
  'modified',
  'link',
  'status',
  'source',
  'document id',
  'content hash',
] as const;

/** Readwise's CSV import columns, in its order. */
export const READWISE_COLUMNS = ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'] as const;

/** The Gloss CSV export of `set`. */
export function writeCsv(set: ExportSet): string {
  const rows = set.documents.flatMap((document) => document.annotations.map((annotation) => glossRow(document, annotation, set)));
  return csvFile(CSV_COLUMNS, rows);
}

/** The Readwise CSV export of `set`: its highlights, document notes left out. */
export function writeReadwiseCsv(set: ExportSet): string {
  const rows = set.documents.flatMap((document) =>
    document.annotations.flatMap((annotation) => (annotation.target === null ? [] : [readwiseRow(document, annotation, annotation.target.position.start)])),
  );
  return csvFile(READWISE_COLUMNS, rows);
}

function glossRow(document: ExportDocument, annotation: Annotation, set: ExportSet): string[] {
  return [
    annotation.id,
    document.title,
    sectionPath(annotation, document.title).join(' › '),
    annotation.target?.quote.exact ?? '',
    annotation.note,
    annotation.tags.join(', '),
    annotation.color === null ? '' : colorName(annotation.color),
    colorMeaning(annotation, set.colorMeanings),
    annotation.createdAt,
    annotation.updatedAt,
    annotationLink({ documentId: document.id, annotationId: annotation.id }),
    annotation.status,
    document.path,
    document.id,
    document.contentHash,
  ];
}

function readwiseRow(document: ExportDocument, annotation: Annotation, location: number): string[] {
  const tags = annotation.tags.map((tag) => `.${tag.replace(/\s+/g, '-')}`).join(' ');
  const note = [tags, annotation.note.trim()].filter((part) => part !== '').join('\n');
  const created = utcTimestamp(annotation.createdAt);
  return [
    annotation.target?.quote.exact ?? '',
    document.title,
    '',
    sourceUrl(document.path),
    note,
    String(location),
    created === null ? '' : created.replace(/\.\d{3}Z$/, 'Z'),
  ];
}
