/**
 * The data folder as the `gloss` command reads it: without its lock and without writing
 * anything (store/read-only-store.ts), so it works while the app runs.
 */
import { realpathSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import { appRoot, assetsDir } from '../app-paths';
import { hashBytes } from '../documents/document-id';
import { documentIdentity, type DocumentIdentity } from '../documents/document-identity';
import { GlossError } from '../errors';
import { libraryDocumentFor, type LibraryReader, type LibraryRecord } from '../export/library-reader';
import { openStoreReadOnly, type ReadOnlyStore } from '../store/read-only-store';
import { effectiveSettings } from '../store/stored-settings';
import type { Settings } from '../api';

/** A data folder, read. */
export interface CliLibrary {
  store: ReadOnlyStore;
  reader: LibraryReader;
  identity: DocumentIdentity;
  settings: Settings;
}

/** The folder Gloss's own files (package.json, assets/) are in, found from this running script. */
export function glossRoot(): string {
  const script = process.argv[1] ?? '.';
  try {
    // Through npx the script may be reached by a link; its real place is what counts.
    return appRoot(realpathSync(script));
  } catch {
    return appRoot(script);
  }
}

/** Reads the data folder `dataDir`. */
export async function readLibrary(dataDir: string): Promise<CliLibrary> {
  const [store, identity] = await Promise.all([openStoreReadOnly(dataDir), documentIdentity(assetsDir(glossRoot()))]);
  const documents = store.listDocuments().map((record) => ({ ...record, path: identity.pathOf(record) }));
  return {
    store,
    identity,
    settings: effectiveSettings(store.library.settings),
    reader: { documents, annotationsOf: (id) => store.annotationsOf(id), annotatedIds: () => store.listAnnotatedDocumentIds() },
  };
}

/** The library's document whose file is `file` (by its path, else its bytes); 'not-found' when the file is missing or not in the library. */
export async function libraryDocumentAt(library: CliLibrary, file: string): Promise<LibraryRecord> {
  let real: string;
  try {
    real = await realpath(file);
  } catch {
    throw new GlossError('not-found', `${file} does not exist.`);
  }
  let contentHash: string;
  try {
    contentHash = hashBytes(await readFile(real));
  } catch {
    throw new GlossError('not-found', `${file} cannot be read as a document.`);
  }
  // As the app would open it: by its path, else by its bytes (a file moved or copied since).
  const record = await libraryDocumentFor({ path: real, contentHash, fingerprint: null }, library.reader.documents);
  if (record === undefined) {
    throw new GlossError('not-found', `${file} is not in the Gloss library of ${library.store.dataDir}. Open it in Gloss first (\`gloss list\` shows the library).`);
  }
  return record;
}
