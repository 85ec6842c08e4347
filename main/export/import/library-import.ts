/**
 * Planning an import against a library: the service (File › Import annotations…, `gloss import`)
 * and the CLI's dry run (which reads the folder without its lock) both plan through
 * `planLibraryImport`, so a dry run says exactly what the import would do. Nothing is written
 * here; the caller stores `plan.additions` (and registers `newDocuments`) once the plan stands.
 *
 * - The documents an import goes to: the one the reader names (by id in the app, by file in the
 *   CLI: a file not yet in the library is added to it), else the library's, matched by the plan.
 * - Where the reader's own files may be read (the desktop app and the CLI, not the browser mode,
 *   whose import file comes from a web page), a document the file names by a path that holds a
 *   readable document is added to the library: so a Gloss JSON export imports into an empty
 *   data folder, as a backup must.
 * - A file none of whose annotations belongs to a known document is refused ('not-found'):
 *   nothing would be imported, and the reader must hear why.
 * - Statuses: a status this Gloss's store does not know (a newer Gloss's) is stored as what
 *   anchoring found, and the reader told; any status the store knows ('needs-review') is kept.
 */
import { realpath } from 'node:fs/promises';
import type { Annotation, HighlightColor } from '../../api';
import { AnnotationStatusSchema } from '../../api';
import { documentFormatOf } from '../../common/document-formats';
import type { DocumentIdentity } from '../../documents/document-identity';
import { loadForReading } from '../../documents/load-document';
import { textFingerprint } from '../../documents/text-fingerprint';
import { GlossError } from '../../errors';
import { pathOfSource } from '../document-source';
import { renderDocumentFile } from '../document-rendering';
import { libraryDocumentFor, type LibraryReader, type LibraryRecord } from '../library-reader';
import type { ParsedImport } from './import-model';
import { matchDocument, planImport, type ImportPlan, type LibraryDocument, type RenderedText } from './plan-import';

/** A document an import adds to the library (what LibraryStore.recordOpened takes). */
export type NewLibraryDocument = LibraryRecord;

/** What an import is planned against: the library, and what the reader and the transport decide. */
export interface ImportLibrary extends LibraryReader {
  /** The color of imported highlights that carry none: the reader's last color. */
  defaultColor: HighlightColor;
  identity: Pick<DocumentIdentity, 'newIdFor'>;
  /** Whether documents named by path (the target, or the file's sources) may be read and added. */
  mayReadPaths: boolean;
}

/** The document to import into, if the reader names one. */
export type ImportTarget = { documentId: string } | { path: string } | null;

/** A planned import. */
export interface LibraryImport {
  plan: ImportPlan;
  /** Documents to register before storing the additions (only those that receive some). */
  newDocuments: NewLibraryDocument[];
  /** The plan's messages, and what planning against the library added. */
  messages: string[];
}

/** Plans importing `parsed` into `library` (see the module comment). */
export async function planLibraryImport(parsed: ParsedImport, library: ImportLibrary, target: ImportTarget, importedAt: string): Promise<LibraryImport> {
  const candidates: NewLibraryDocument[] = [];
  const notes: string[] = [];
  let targetDocumentId: string | null = null;
  if (target !== null && 'documentId' in target) targetDocumentId = target.documentId;
  else if (target !== null) {
    const document = await documentAtPath(target.path, library);
    targetDocumentId = document.id;
    if (!library.documents.some((known) => known.id === document.id)) candidates.push(document);
  } else if (library.mayReadPaths) {
    candidates.push(...(await documentsNamedBySources(parsed, library)));
  }

  const ids = await library.annotatedIds();
  const existing = new Map<string, Annotation[]>(await Promise.all(ids.map(async (id): Promise<[string, Annotation[]]> => [id, await library.annotationsOf(id)])));
  const rendered = new Map<string, Promise<RenderedText | null>>();
  const render = (document: LibraryDocument) => {
    let text = rendered.get(document.id);
    if (text === undefined) {
      // A file that cannot be read leaves its highlights orphaned, as the app would show them.
      text = renderDocumentFile(document.path).catch(() => null);
      rendered.set(document.id, text);
    }
    return text;
  };
  const plan = await planImport({
    parsed,
    documents: [...library.documents, ...candidates],
    existing,
    render,
    targetDocumentId,
    defaultColor: library.defaultColor,
    importedAt,
  });
  const unknownStatuses = keepKnownStatuses(plan.additions);
  if (unknownStatuses.size > 0) {
    notes.push(`Some annotations carry a status this Gloss does not know (${[...unknownStatuses].map((status) => `“${status}”`).join(', ')}); they were imported with the status anchoring found.`);
  }
  const matched = parsed.annotations.length - plan.unknownDocuments.reduce((sum, document) => sum + document.annotations, 0);
  if (parsed.annotations.length > 0 && matched === 0) {
    throw new GlossError('not-found', `Nothing was imported. ${plan.messages.join(' ')}`);
  }
  const receiving = new Set(plan.additions.map((addition) => addition.documentId));
  const newDocuments = candidates.filter((document) => receiving.has(document.id));
  for (const document of newDocuments) notes.push(`“${document.title}” (${document.path}) was added to your library.`);
  return { plan, newDocuments, messages: [...plan.messages, ...notes] };
}

/** The document at a path the reader named: its real path, id, title and content hash. */
async function documentAtPath(path: string, library: ImportLibrary): Promise<NewLibraryDocument> {
  if (!library.mayReadPaths) throw new GlossError('invalid-request', 'Here Gloss imports only into documents of its library.');
  const loaded = await loadForReading(path);
  const real = await realpath(loaded.path).catch(() => loaded.path);
  const fingerprint = textFingerprint(loaded.text);
  // The document the app would open this file as; else a new one, with what the app would record.
  const known = await libraryDocumentFor({ path: real, contentHash: loaded.contentHash, fingerprint }, library.documents);
  if (known) return { ...known, fileName: loaded.fileName };
  const id = library.identity.newIdFor(real, (taken) => library.documents.some((document) => document.id === taken));
  return { id, path: real, title: loaded.title, contentHash: loaded.contentHash, fileName: loaded.fileName, fingerprint };
}

/** Documents the file names by a path that the library lacks but the disk has, readable. */
async function documentsNamedBySources(parsed: ParsedImport, library: ImportLibrary): Promise<NewLibraryDocument[]> {
  const found: NewLibraryDocument[] = [];
  for (const document of parsed.documents) {
    if (matchDocument(document, [...library.documents, ...found]) !== null) continue;
    const path = document.source === null ? null : pathOfSource(document.source);
    if (path === null || documentFormatOf(path) === null) continue;
    try {
      found.push(await documentAtPath(path, library));
    } catch {
      // Gone, moved or unreadable: the plan reports the document as not in the library.
    }
  }
  return found;
}

/** Replaces statuses the store does not know with 'anchored' (the passage was found); returns the ones replaced. */
function keepKnownStatuses(additions: ImportPlan['additions']): Set<string> {
  const known: readonly string[] = AnnotationStatusSchema.options;
  const replaced = new Set<string>();
  for (const addition of additions) {
    addition.annotations = addition.annotations.map((annotation) => {
      if (known.includes(annotation.status)) return annotation;
      replaced.add(annotation.status);
      return { ...annotation, status: 'anchored' };
    });
  }
  return replaced;
}
