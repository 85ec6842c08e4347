import { constants } from 'node:fs';
import { open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { LIMITS } from '../api';
import { GlossError } from '../errors';
import { documentFileType } from '../mime-types';
import type { DocumentAsset } from '../service-types';

/** True when `target` is `folder` itself or lies outside it. */
function isOutside(folder: string, target: string): boolean {
  const inside = relative(folder, target);
  return !inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside);
}

/**
 * Reads a file a document refers to with a relative path: an image, audio, video or captions.
 * Only such files inside the document's own folder (or below it) are served, judged after every
 * symlink is resolved: a Markdown file from elsewhere must not be able to read the rest of the
 * disk, neither through `../../` paths nor through a link next to it (`leak.png -> /etc/passwd`,
 * a linked folder, a folder inside that links out). Both transports come here (the browser
 * mode's /asset/ route and the desktop's gloss-asset: protocol, through service.readAsset).
 */
export async function readDocumentAsset(documentPath: string, relativePath: string): Promise<DocumentAsset> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relativePath.split(/[?#]/)[0] ?? '');
  } catch {
    throw new GlossError('invalid-request', `The file path "${relativePath.slice(0, 200)}" is not valid.`);
  }
  const shown = decoded.slice(0, 200);
  const outside = () => new GlossError('invalid-request', `Gloss only shows files inside the document's folder (${shown}).`);
  const notFound = () => new GlossError('not-found', `"${shown}" was not found next to the document.`);
  const folder = dirname(documentPath);
  const requested = resolve(folder, decoded);
  if (isOutside(folder, requested)) throw outside();
  // The type is judged by the name written in the document, and again by the file it really is.
  const mimeType = documentFileType(requested);
  if (!mimeType) throw new GlossError('not-text', `"${shown}" is not an image, audio or video file Gloss shows.`);

  const realFolder = await realpath(folder).catch(() => null);
  const realTarget = await realpath(requested).catch(() => null);
  if (realFolder === null || realTarget === null) throw notFound();
  if (isOutside(realFolder, realTarget)) throw outside();
  if (documentFileType(realTarget) !== mimeType) throw new GlossError('not-text', `"${shown}" is not the kind of file its name says.`);

  // O_NOFOLLOW: had the file been swapped for a link since realpath looked, opening fails.
  const handle = await open(realTarget, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0)).catch(() => null);
  if (handle === null) throw notFound();
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw notFound();
    if (info.size > LIMITS.maxDocumentBytes) throw new GlossError('too-large', `"${shown}" is over 20 MB.`);
    return { bytes: await handle.readFile(), mimeType };
  } finally {
    await handle.close();
  }
}
