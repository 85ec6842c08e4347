/**
 * What export and import read of a library: its documents and their stored annotations. The
 * service hands the running app's stores; `gloss export` and `gloss import --dry-run` hand the
 * data folder read without its lock (store/read-only-store.ts).
 */
import type { Annotation } from '../api';
import { pathKey } from '../documents/document-id';
import { SAMPLE_DOCUMENT_ID } from '../documents/document-identity';
import { identifyFile, type OpenedFile } from '../library/document-identity';
import { fileExists } from '../library/document-library';

/** A document of the library as export and import name it: its record, with its file's path today. */
export interface LibraryRecord {
  id: string;
  title: string;
  path: string;
  fileName: string;
  contentHash: string;
  /** What the library keeps to know the document by (main/library/document-identity.ts). */
  fingerprint?: string | null;
  annotationCount?: number | null;
  lastOpenedAt?: string;
}

/** A library, read. */
export interface LibraryReader {
  /** Every document of the library. */
  documents: readonly LibraryRecord[];
  /** A document's annotations as stored. */
  annotationsOf(documentId: string): Promise<Annotation[]>;
  /** Ids of the documents that have annotations stored (some may be unknown to `documents`). */
  annotatedIds(): Promise<string[]>;
}

/**
 * The library's document that `file` is, by the rule the app follows when it opens a file
 * (main/library/document-identity.ts): the one last opened at its path, else one with the same
 * bytes (moved or copied). A file only like a document (moved and edited) is one the app would
 * ask about; nobody is there to answer, so it is not taken for it (undefined).
 */
export async function libraryDocumentFor(file: OpenedFile, documents: readonly LibraryRecord[]): Promise<LibraryRecord | undefined> {
  const found = await identifyFile(file, {
    findByPath: (path) => documents.find((document) => pathKey(document.path) === pathKey(path)),
    candidates: () => documents.filter((document) => document.id !== SAMPLE_DOCUMENT_ID),
    fileExists,
  });
  return found.kind === 'known' || found.kind === 'moved' ? found.record : undefined;
}
