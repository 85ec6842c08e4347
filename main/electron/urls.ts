/**
 * The URLs the desktop shell serves and trusts, and how they map to files.
 *
 * Pure functions with no Electron import, so the rules that keep the renderer in its box
 * (what counts as the app, what may open in the browser, which file a URL may read) can be
 * unit-tested in plain Node.
 */
import { externalUrl } from '../external-url';
import path from 'node:path';

/** The privileged scheme the renderer is served from: `gloss://app/index.html`. */
export const APP_SCHEME = 'gloss';
/** The single host of the app scheme; any other host is refused. */
export const APP_HOST = 'app';
/** Every renderer URL starts with this; the IPC sender check relies on it. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`;

/** The scheme of document images: `gloss-asset://<documentId>/<relative path>`. */
export const ASSET_SCHEME = 'gloss-asset';

/** Protocols handed to the system (browser, mail client) rather than opened in Gloss. */

/** The Content-Security-Policy sent with every HTML page of the app. */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  `img-src 'self' ${ASSET_SCHEME}: data:`,
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True when `url` is a page of the app itself (`gloss://app/…`). Parsed rather than
 * prefix-matched, so `gloss://app@elsewhere/` or `gloss://application/` do not pass.
 */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return (
    parsed !== null &&
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === '' &&
    url.startsWith(APP_ORIGIN_PREFIX)
  );
}

/** True when `url` may be handed to the system: http(s) or mailto, and nothing else. */
export function isExternalUrl(url: string): boolean {
  return externalUrl(url) !== null;
}

/**
 * Splits a URL path into decoded segments, refusing anything that could climb out of a
 * folder or name something other than a plain relative file: `..`, `.`, empty segments,
 * backslashes, NUL, or a colon (Windows drive letters and alternate data streams).
 */
function safeSegments(encodedPath: string): string[] | null {
  const segments: string[] = [];
  for (const raw of encodedPath.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.' || segment === '..') return null;
    if (/[\\\0:]/.test(segment)) return null;
    segments.push(segment);
  }
  return segments.length > 0 ? segments : null;
}

/**
 * Maps a `gloss://app/…` URL to a file inside `rendererDir`, or null when the URL is not the
 * app's or would leave that folder. `gloss://app/` serves `index.html`.
 */
export function rendererFileForUrl(url: string, rendererDir: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppUrl(url)) return null;
  const pathname = parsed.pathname === '/' ? '/index.html' : parsed.pathname;
  const segments = safeSegments(pathname.slice(1));
  if (segments === null) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  // Belt and braces: the segments were already checked, but the resolved path decides.
  const relative = path.relative(root, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return null;
  return file;
}

/** A parsed `gloss-asset://<documentId>/<relative path>` request. */
export interface AssetRequest {
  documentId: string;
  /**
   * The path below the document's folder, still URL-encoded segment by segment, exactly as the
   * browser mode's HTTP transport hands it to `service.readAsset` (which decodes it once).
   * Dot segments are already resolved and it never climbs above the folder.
   */
  encodedPath: string;
}

/**
 * Parses a document-image URL. The scheme is registered as non-standard so Chromium keeps the
 * document id as written (standard schemes lower-case their host). Returns null for anything
 * malformed; the service still checks that the file lies in the document's folder.
 */
export function parseAssetUrl(url: string): AssetRequest | null {
  const prefix = `${ASSET_SCHEME}://`;
  if (!url.startsWith(prefix)) return null;
  // Drop any query or fragment: an image path has no use for them.
  const rest = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  const slash = rest.indexOf('/');
  if (slash <= 0) return null;
  const documentId = rest.slice(0, slash);
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(documentId)) return null;
  const kept: string[] = [];
  for (const raw of rest.slice(slash + 1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // `images/../photo.png` is fine; climbing above the document's folder is not.
      if (kept.pop() === undefined) return null;
      continue;
    }
    // An encoded slash or backslash would smuggle in segments that were never checked.
    if (/[/\\\0:]/.test(segment)) return null;
    kept.push(raw);
  }
  return kept.length > 0 ? { documentId, encodedPath: kept.join('/') } : null;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a renderer file; module scripts are refused without a JavaScript type. */
export function mimeTypeFor(file: string): string {
  return MIME_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
