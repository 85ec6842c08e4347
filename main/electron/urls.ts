/**
 * The URLs the desktop shell serves and trusts, and how they map to files.
 *
 * Pure functions with no Electron import, so the rules that keep the renderer in its box
 * (what counts as the app, which file a URL may read) can be unit-tested in plain Node. The
 * document-asset scheme is in main/common/asset-urls.ts (the renderer builds those URLs), the
 * policy in main/content-security-policy.ts, the file types in main/mime-types.ts.
 */
import { rendererFileForPath } from '../renderer-files';

/** The privileged scheme the renderer is served from: `gloss://app/index.html`. */
export const APP_SCHEME = 'gloss';
/** The single host of the app scheme; any other host is refused. */
export const APP_HOST = 'app';
/** Every renderer URL starts with this; the IPC sender check relies on it. */
export const APP_ORIGIN_PREFIX = `${APP_SCHEME}://${APP_HOST}/`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN_PREFIX}index.html`;

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

/**
 * Maps a `gloss://app/…` URL to a file inside `rendererDir`, or null when the URL is not the
 * app's or would leave that folder (see rendererFileForPath). `gloss://app/` serves `index.html`.
 */
export function rendererFileForUrl(url: string, rendererDir: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null || !isAppUrl(url)) return null;
  return rendererFileForPath(parsed.pathname, rendererDir);
}
