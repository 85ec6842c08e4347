/**
 * Files the browser mode receives by upload (Open…, drop, Locate…): kept in the data folder's
 * `imported/`, where the library then finds them like any other file.
 */
import { basename, extname, join } from 'node:path';
import { loadFromBytes, type ReadableDocument } from '../documents/load-document';
import { saveFailure, writeFileDurably, type WriteCheck } from '../store/durable-write';

/** Folder, inside the data folder, holding documents opened by upload in the browser mode. */
export const IMPORTED_FOLDER = 'imported';

/** File names from a browser upload may carry anything; keep a safe, recognisable name. */
export function safeUploadName(fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned || 'document.txt';
}

/** An upload checked and ready to be kept: where it will be, and the document it is. */
export interface CheckedUpload {
  path: string;
  document: ReadableDocument;
  bytes: Uint8Array;
}

/**
 * Checks uploaded bytes as a document (throws GlossError as `loadFromBytes` does) before anything
 * is written. It will be kept as `imported/<name>`; `taken` says which paths may not be used (a
 * file there belongs to another document), and then `name (2)`, `name (3)`… are tried.
 */
export function checkUpload(dataDir: string, fileName: string, dataBase64: string, taken: (path: string) => boolean = () => false): CheckedUpload {
  const bytes = Buffer.from(dataBase64, 'base64');
  const name = safeUploadName(fileName);
  const extension = extname(name);
  const stem = name.slice(0, name.length - extension.length);
  let path = join(dataDir, IMPORTED_FOLDER, name);
  for (let n = 2; taken(path); n += 1) path = join(dataDir, IMPORTED_FOLDER, `${stem} (${n})${extension}`);
  return { path, document: loadFromBytes(bytes, basename(path), path), bytes };
}

/** Writes a checked upload durably to its place. */
export async function keepUpload(upload: CheckedUpload, beforeWrite?: WriteCheck): Promise<void> {
  try {
    await writeFileDurably(upload.path, upload.bytes, beforeWrite);
  } catch (error) {
    throw saveFailure(error, `${IMPORTED_FOLDER}/${basename(upload.path)}`, 'so the document was not opened');
  }
}
