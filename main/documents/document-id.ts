/**
 * Hashes that name documents: the id annotations are filed under, and the content hash that tells
 * Gloss a file changed since its highlights were anchored.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

/** Hex characters kept of the path hash: 64 bits, plenty for one person's library. */
const ID_LENGTH = 16;

/** sha256 of some bytes, as lower-case hex. */
export function hashBytes(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The form of `absolutePath` under which two spellings of one file are equal. On Windows and
 * macOS the file system ignores case (and macOS ignores Unicode normalisation), so the path is
 * folded there: "Notes.md" and "notes.md" are one file.
 */
export function pathKey(absolutePath: string, platform: NodeJS.Platform = process.platform): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  const key = paths.resolve(absolutePath);
  return platform === 'win32' || platform === 'darwin' ? key.normalize('NFC').toLowerCase() : key;
}

/**
 * The id a document first opened at `absolutePath` gets (pass the real path, symlinks resolved):
 * a hash of its `pathKey`, so annotations stay with a file while it is edited. The id then stays
 * the document's when its file moves (the library keeps it with the record), so a document's id
 * is this hash of where it was first opened, not of where it is now.
 */
export function documentIdForPath(absolutePath: string, platform: NodeJS.Platform = process.platform): string {
  return hashBytes(pathKey(absolutePath, platform)).slice(0, ID_LENGTH);
}
