import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LIMITS } from '../api';
import { GlossError } from '../errors';
import type { DocumentAsset } from '../service-types';

/** Image types a document may show; anything else next to a document is never served. */
const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  // An SVG shown through <img> cannot run script, and the CSP forbids it anyway.
  '.svg': 'image/svg+xml',
};

/**
 * Reads an image referenced by a document with a relative path. Only image files inside the
 * document's own folder (or below it) are served: a Markdown file from elsewhere must not be
 * able to read the rest of the disk through `../../` paths.
 */
export async function readDocumentAsset(documentPath: string, relativePath: string): Promise<DocumentAsset> {
  const folder = dirname(documentPath);
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath.split(/[?#]/)[0] ?? '');
  } catch {
    throw new GlossError('invalid-request', `The image path "${relativePath.slice(0, 200)}" is not valid.`);
  }
  const target = resolve(folder, decoded);
  const inside = relative(folder, target);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    throw new GlossError('invalid-request', `Gloss only shows images inside the document's folder (${decoded.slice(0, 200)}).`);
  }
  const mimeType = IMAGE_TYPES[extname(target).toLowerCase()];
  if (!mimeType) throw new GlossError('not-text', `"${decoded.slice(0, 200)}" is not an image Gloss shows.`);
  const info = await stat(target).catch(() => null);
  if (!info?.isFile()) throw new GlossError('not-found', `The image "${decoded.slice(0, 200)}" was not found next to the document.`);
  if (info.size > LIMITS.maxDocumentBytes) throw new GlossError('too-large', `The image "${decoded.slice(0, 200)}" is over 20 MB.`);
  return { bytes: await readFile(target), mimeType };
}
