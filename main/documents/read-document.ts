/**
 * Reads a document from disk: resolves its real path, refuses what Gloss can't open before reading
 * a byte of it, then decodes it.
 */
import type { Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { GlossError } from '../errors';
import type { DecodedDocument } from './decode-document';
import { checkDocumentSize, decodeDocumentBytes } from './decode-document';
import { requireDocumentFormat } from './document-format';

// Uploads in browser mode decode bytes without a file on disk; they share this entry point.
export { decodeDocumentBytes } from './decode-document';
export type { DecodedDocument } from './decode-document';

/** A document read from disk. */
export interface LoadedDocument extends DecodedDocument {
  /** Absolute path with symlinks resolved, so one file always has one path (and one id). */
  path: string;
}

/**
 * Turns a failed file-system call into the error a reader should see.
 * `filePath` is the path that was asked for; the message names its file.
 */
export function fileSystemError(error: unknown, filePath: string): GlossError {
  if (error instanceof GlossError) return error;
  const name = path.basename(filePath) || filePath;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new GlossError(
        'not-found',
        `“${name}” does not exist at ${filePath}. It may have been moved, renamed or deleted.`,
      );
    case 'EISDIR':
      return isFolderError(name);
    case 'EACCES':
    case 'EPERM':
      return new GlossError('io', `Gloss is not allowed to read “${name}”. Check the file's permissions and try again.`);
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return new GlossError('io', `Gloss could not read “${name}”: ${detail}`);
    }
  }
}

function isFolderError(name: string): GlossError {
  return new GlossError('not-text', `“${name}” is a folder, not a document. Open a Markdown or plain-text file instead.`);
}

function checkIsOpenableFile(stats: Stats, fileName: string): void {
  if (stats.isDirectory()) throw isFolderError(fileName);
  // Devices and pipes can block forever or never end, so they are refused before being opened.
  if (!stats.isFile()) {
    throw new GlossError('not-text', `“${fileName}” is not a regular file, so Gloss can't open it as a document.`);
  }
  requireDocumentFormat(fileName);
  checkDocumentSize(stats.size, fileName);
}

/**
 * Reads and decodes the document at `filePath` (relative paths resolve against the working folder).
 * Throws GlossError: 'not-found', 'not-text' (folder, other file type, binary), 'too-large'
 * (checked before reading), 'bad-encoding', or 'io' (permissions and other failures).
 */
export async function readDocumentFile(filePath: string): Promise<LoadedDocument> {
  const requested = path.resolve(filePath);
  let realPath: string;
  let bytes: Uint8Array;
  try {
    realPath = await fs.realpath(requested);
  } catch (error) {
    throw fileSystemError(error, requested);
  }
  const fileName = path.basename(realPath);
  try {
    checkIsOpenableFile(await fs.stat(realPath), fileName);
    bytes = await fs.readFile(realPath);
  } catch (error) {
    throw fileSystemError(error, realPath);
  }
  // The size is checked again on the bytes themselves, in case the file grew after the stat.
  return { ...decodeDocumentBytes(bytes, fileName), path: realPath };
}
