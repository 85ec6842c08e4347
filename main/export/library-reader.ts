/**
 * What export and import read of a library: its documents and their stored annotations. The
 * service hands the running app's stores; `gloss export` and `gloss import --dry-run` hand the
 * data folder read without its lock (store/read-only-store.ts).
 */
import type { Annotation } from '../api';

/** A document of the library as export and import name it: its record, with its file's path today. */
export interface LibraryRecord {
  id: string;
  title: string;
  path: string;
  fileName: string;
  contentHash: string;
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
