/**
 * Exports from a library: gathers the documents an export covers and their annotations (from the
 * running app's store or, for `gloss export`, from the folder read without its lock), renders
 * the documents when the format is better for it, and writes the file. The service and the CLI
 * both export through `exportFromLibrary`, so an export is the same wherever it is asked for.
 */
import { FORMAT_INFO, type ExportFormat, type ExportScope } from '../common/export-formats';
import { GlossError } from '../errors';
import { renderDocumentFile } from './document-rendering';
import type { ColorMeanings, ExportDocumentInput, ExportInput } from './export-set';
import { exportAnnotations } from './index';
import { prepareExport } from './export-set';
import { writeMarkdownSnippet } from './markdown/markdown-snippet';
import { fileStemForTitle } from './mirror/mirror-file-names';
import type { LibraryReader, LibraryRecord } from './library-reader';

/** What an export reads: the library, and the reader's color meanings. */
export interface ExportLibrary extends LibraryReader {
  colorMeanings: ColorMeanings;
}

/** What is to be exported. */
export interface ExportRequest {
  format: ExportFormat;
  scope: ExportScope;
  /** The document, for the 'document' scope. */
  documentId?: string | null;
}

/** An export, ready to save, download or print. */
export interface ExportFile {
  /** A file name to suggest: the title, made safe for every system, with the format's extension. */
  fileName: string;
  mediaType: string;
  text: string;
  /** How many annotations it holds. */
  annotations: number;
  /** What the reader should know about it (a document whose file could not be read, say). */
  notices: string[];
}

/** The suggested file name of an export: "<title> — Gloss.md", "Gloss library — Gloss (Anki).txt". */
export function exportFileName(format: ExportFormat, title: string): string {
  const info = FORMAT_INFO[format];
  return `${fileStemForTitle(`${title} — Gloss`)}${info.nameSuffix}${info.extension}`;
}

/** The title a library export is named after. */
const LIBRARY_TITLE = 'Gloss library';

/** Exports `request` from `library`. Throws 'not-found' for a document not in the library. */
export async function exportFromLibrary(library: ExportLibrary, request: ExportRequest): Promise<ExportFile> {
  const notices: string[] = [];
  const records = await recordsToExport(library, request, notices);
  const documents = await Promise.all(records.map(async (record) => ({ ...toInput(record), annotations: await library.annotationsOf(record.id) })));
  if (FORMAT_INFO[request.format].usesRendering) await addRenderings(documents, request.format, notices);
  const input: ExportInput = { scope: request.scope, documents, colorMeanings: library.colorMeanings };
  const text = await exportAnnotations(input, request.format);
  const title = request.scope === 'document' ? (records[0]?.title.trim() || 'Untitled') : LIBRARY_TITLE;
  return {
    fileName: exportFileName(request.format, title),
    mediaType: FORMAT_INFO[request.format].mediaType,
    text,
    annotations: documents.reduce((sum, document) => sum + document.annotations.length, 0),
    notices,
  };
}

/**
 * "Copy as Markdown": the annotations of one document whose ids are given, as Markdown entries
 * (markdown-snippet.ts). Ids that are not the document's are ignored.
 */
export async function markdownOfAnnotations(library: ExportLibrary, documentId: string, annotationIds: readonly string[]): Promise<string> {
  const record = requireRecord(library, documentId);
  const wanted = new Set(annotationIds);
  const annotations = (await library.annotationsOf(documentId)).filter((annotation) => wanted.has(annotation.id));
  return writeMarkdownSnippet(prepareExport({ scope: 'document', documents: [{ ...toInput(record), annotations }], colorMeanings: library.colorMeanings }));
}

async function recordsToExport(library: ExportLibrary, request: ExportRequest, notices: string[]): Promise<LibraryRecord[]> {
  if (request.scope === 'document') {
    if (!request.documentId) throw new GlossError('invalid-request', 'Say which document to export, or export the whole library.');
    return [requireRecord(library, request.documentId)];
  }
  const byId = new Map(library.documents.map((record) => [record.id, record]));
  const records: LibraryRecord[] = [];
  let strays = 0;
  for (const id of await library.annotatedIds()) {
    const record = byId.get(id);
    if (record !== undefined) records.push(record);
    else if ((await library.annotationsOf(id)).length > 0) strays += 1;
  }
  if (strays > 0) {
    notices.push(`${strays} annotation file${strays === 1 ? '' : 's'} in the data folder belong${strays === 1 ? 's' : ''} to no document of the library, so ${strays === 1 ? 'it was' : 'they were'} left out. Open the document again to bring its annotations back.`);
  }
  return records;
}

function requireRecord(library: ExportLibrary, documentId: string): LibraryRecord {
  const record = library.documents.find((candidate) => candidate.id === documentId);
  if (record === undefined) throw new GlossError('not-found', 'That document is not in the library. Open it in Gloss first.');
  return record;
}

function toInput(record: LibraryRecord): Omit<ExportDocumentInput, 'annotations'> {
  return { id: record.id, title: record.title, path: record.path, fileName: record.fileName, contentHash: record.contentHash };
}

/** Renders each document that has annotations; one whose file cannot be read goes without, and the reader is told. */
async function addRenderings(documents: ExportDocumentInput[], format: ExportFormat, notices: string[]): Promise<void> {
  const without = format === 'w3c' ? 'its annotations have no TextPositionSelector' : 'its FAQ questions make no cards';
  for (const document of documents) {
    if (document.annotations.length === 0 && format === 'w3c') continue;
    try {
      const rendered = await renderDocumentFile(document.path);
      document.rendering = { text: rendered.text, contentHash: rendered.contentHash, faq: rendered.faq };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      notices.push(`“${document.title}” could not be read, so ${without} in this export: ${reason}`);
    }
  }
}
