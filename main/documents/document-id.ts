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
 * The stable id of the document at `absolutePath` (pass the real path, symlinks resolved).
 *
 * The id comes from the path, not the content, so annotations stay with a file while it is edited.
 * On Windows and macOS the file system ignores case (and macOS ignores Unicode normalisation), so
 * the path is folded there: "Notes.md" and "notes.md" are one file and must get one id.
 */
export function documentIdForPath(absolutePath: string, platform: NodeJS.Platform = process.platform): string {
  const paths = platform === 'win32' ? path.win32 : path.posix;
  let key = paths.resolve(absolutePath);
  if (platform === 'win32' || platform === 'darwin') key = key.normalize('NFC').toLowerCase();
  return hashBytes(key).slice(0, ID_LENGTH);
}
