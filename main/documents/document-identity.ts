/**
 * The sample article's id and path, the id a new document gets, and where a library record's file
 * is today: the rules the service and the `gloss` command share. A document's id comes from the
 * path it was first opened at (it stays when the file moves), except the sample article's, which
 * lives wherever Gloss is installed.
 */
import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import { documentIdForPath, newDocumentId } from './document-id';

/** The sample article that opens on first launch, inside the assets folder. */
export const SAMPLE_ARTICLE = 'articles/000_d802b92d1a2a96bd.txt';

/**
 * The sample's id. It lives wherever Gloss is installed, and that moves (updates, an AppImage
 * mounts at a new place every launch): its id must not depend on the install path, or its
 * annotations would be left behind. The same id maps back to today's path.
 */
export const SAMPLE_DOCUMENT_ID = documentIdForPath(`gloss-sample:${SAMPLE_ARTICLE}`);

/** Ids and paths of documents, for one install of Gloss. */
export interface DocumentIdentity {
  /** Today's path of the sample article. */
  readonly samplePath: string;
  /** Whether `path` (resolved, or real) is the sample article. */
  isSamplePath(path: string): boolean;
  /**
   * The id a file at the real path `path` gets as a new document (after the library found no
   * document it is): as the library gives it, never one `isTaken` says a document has.
   */
  newIdFor(path: string, isTaken: (id: string) => boolean): string;
  /** Where the file of a library record is now. */
  pathOf(record: { id: string; path: string }): string;
}

/** The identity rules for the Gloss installed with `assetsDir`. */
export async function documentIdentity(assetsDir: string): Promise<DocumentIdentity> {
  const samplePath = resolve(assetsDir, SAMPLE_ARTICLE);
  const sampleRealPath = await realpath(samplePath).catch(() => samplePath);
  const isSamplePath = (path: string) => path === samplePath || path === sampleRealPath;
  return {
    samplePath,
    isSamplePath,
    newIdFor: (path, isTaken) => (isSamplePath(path) ? SAMPLE_DOCUMENT_ID : newDocumentId(path, (id) => id === SAMPLE_DOCUMENT_ID || isTaken(id))),
    pathOf: (record) => (record.id === SAMPLE_DOCUMENT_ID ? samplePath : record.path),
  };
}
