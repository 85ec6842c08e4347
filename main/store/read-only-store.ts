import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { AnnotationSchema } from '../api';
import type { Annotation } from '../api';
import { GlossError } from '../errors';
import { ANNOTATIONS_FOLDER, emptyAnnotationFile, readAnnotationFile } from './annotation-file';
import { isCode } from './durable-write';
import { emptyLibrary, LIBRARY_FILE, readLibraryFile } from './library-file';
import type { DocumentRecord, LibraryFile } from './library-file';
import type { JsonObject } from './json-object';
import { backupPathOf, readStoreFile } from './read-store-file';

/**
 * A data folder opened for reading alone, while a Gloss may be using it: no lock is taken and
 * nothing is written, moved or repaired. Every store file is replaced only by rename, so each
 * read sees one whole version of that file; two files are two reads, not one snapshot.
 */
export interface ReadOnlyStore {
  readonly dataDir: string;
  /** gloss.json as Gloss would use it (checked and migrated in memory; the file is untouched). */
  readonly library: LibraryFile;
  /**
   * Problems found so far, in words for people: a damaged file read from its backup, entries
   * that could not be read. Gloss itself repairs them the next time it opens the folder.
   */
  readonly notices: string[];
  /** Every document in the library. */
  listDocuments(): DocumentRecord[];
  /** Ids of the documents that have an annotation file, whether gloss.json lists them or not. */
  listAnnotatedDocumentIds(): Promise<string[]>;
  /** The annotations of a document (none when it has no file). Throws 'invalid-request' for an id that is not one. */
  annotationsOf(documentId: string): Promise<Annotation[]>;
}

/**
 * Opens `dataDir` read-only: for the `gloss` command, which must work while the app runs. Ask
 * `findLockHolder` (data-dir-lock.ts) first whether a live Gloss holds the folder, to refuse
 * anything that would change it. Throws an 'io' GlossError for a file a newer Gloss wrote.
 */
export async function openStoreReadOnly(dataDir: string): Promise<ReadOnlyStore> {
  const folder = resolve(dataDir);
  const notices: string[] = [];
  const at = new Date().toISOString();
  const libraryJson = await readWithoutRepair(join(folder, LIBRARY_FILE), LIBRARY_FILE, notices);
  const library = libraryJson === null ? emptyLibrary() : readLibraryFile(libraryJson, at, notices);

  return {
    dataDir: folder,
    library,
    notices,
    listDocuments: () => Object.values(library.documents).map((record) => structuredClone(record)),
    listAnnotatedDocumentIds: () => annotatedDocumentIds(folder),
    annotationsOf: (documentId) => readAnnotationsWithoutRepair(folder, documentId, notices),
  };
}

/**
 * Ids of the documents that have an annotation file in `dataDir` (or only its backup), sorted:
 * what the folder holds, whether gloss.json lists the documents or not. Reads the folder only.
 */
export async function annotatedDocumentIds(dataDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(dataDir, ANNOTATIONS_FOLDER));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return [];
    throw error;
  }
  const ids = new Set<string>();
  for (const name of names) {
    // A document whose file is damaged or missing still has its backup.
    const id = /^(.+)\.json(?:\.bak)?$/.exec(name)?.[1];
    if (id !== undefined && AnnotationSchema.shape.documentId.safeParse(id).success) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * The annotations of a document as its file (or, when that is damaged, its backup) holds them,
 * read without repairing, moving or keeping anything; problems go to `notices`. None when the
 * document has no file. Throws 'invalid-request' for an id that is not one.
 */
export async function readAnnotationsWithoutRepair(dataDir: string, documentId: string, notices: string[]): Promise<Annotation[]> {
  // The id becomes a file name: this check is what keeps it inside annotations/.
  if (!AnnotationSchema.shape.documentId.safeParse(documentId).success) throw new GlossError('invalid-request', 'That document id is not valid.');
  const label = `${ANNOTATIONS_FOLDER}/${documentId}.json`;
  const json = await readWithoutRepair(join(dataDir, ANNOTATIONS_FOLDER, `${documentId}.json`), label, notices);
  const file = json === null ? emptyAnnotationFile(documentId) : readAnnotationFile(json, documentId, label, (message) => notices.push(message));
  return file.annotations;
}

async function readWithoutRepair(file: string, label: string, notices: string[]): Promise<JsonObject | null> {
  const found = await readStoreFile(file);
  if (found.fileDamaged && found.source === 'backup') notices.push(`${label} is damaged; its backup copy (${backupPathOf(file)}) was read instead.`);
  else if (found.fileDamaged || found.backupDamaged) notices.push(`${label} is damaged and has no good backup, so it was read as empty.`);
  return found.json;
}
