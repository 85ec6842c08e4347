/**
 * Which file of the built renderer a URL path names, for both transports (the desktop's
 * `gloss://app/` protocol and the browser mode's server).
 */
import path from 'node:path';
import { decodePathSegment } from './common/asset-urls';

/**
 * Maps a URL's path (percent-encoded, dot segments already resolved by the URL parser) to a file
 * inside `rendererDir`, or null when it names the folder itself, anything outside it, or anything
 * that is not a plain relative file: `..`, `.`, empty segments, malformed escapes, and segments
 * that decode to a separator, NUL or a colon. `/` serves `index.html`.
 */
export function rendererFileForPath(pathname: string, rendererDir: string): string | null {
  const encoded = pathname === '/' ? 'index.html' : pathname.replace(/^\//, '');
  const segments: string[] = [];
  for (const raw of encoded.split('/')) {
    const segment = decodePathSegment(raw);
    if (segment === null || segment === '' || segment === '.' || segment === '..') return null;
    segments.push(segment);
  }
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  // Belt and braces: the segments were already checked, but the resolved path decides.
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}
