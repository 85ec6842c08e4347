/**
 * A document's source as exports name it: its file as a `file:` URL (W3C `target.source`, the
 * Readwise URL), and the way back from whatever source an imported file names to a path.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The `file:` URL of a document's absolute path. */
export function sourceUrl(path: string): string {
  return pathToFileURL(path).href;
}

/**
 * The file path a source names: a `file:` URL becomes its path, an absolute path stays as it is,
 * anything else (a web URL, a URN) is no path at all.
 */
export function pathOfSource(source: string): string | null {
  if (/^file:/i.test(source)) {
    try {
      return fileURLToPath(source);
    } catch {
      return null;
    }
  }
  return source.startsWith('/') || /^[A-Za-z]:[\\/]/.test(source) || source.startsWith('\\\\') ? source : null;
}
