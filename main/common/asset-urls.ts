/**
 * The URLs of files next to a document (its images, audio and video), in both transports:
 * - desktop: `gloss-asset://<documentId>/<path>`, a scheme only the app's own window can load;
 * - browser mode: `/asset/<documentId>/<signature>/<path>` on the loopback server, where the
 *   signature is an HMAC of the document id keyed with the session token, so the URL works in an
 *   `<img>` or `<video>` (which cannot send the token header) for that document and no other,
 *   and only for this launch of the server.
 * The renderer builds them, the main side parses them: one module, so both agree.
 */

/** The desktop's scheme for document assets. */
export const ASSET_SCHEME = 'gloss-asset';

/** The browser mode's path prefix for document assets. */
export const ASSET_ROUTE = '/asset/';

/** What the browser mode signs to let one document's assets be loaded. */
const SIGNED_PREFIX = 'gloss-asset-access:';

/** A document id as the main side makes them (hex today; the pattern leaves room). */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{1,100}$/;

/** base64url of an HMAC-SHA256: 43 characters. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/;

/** Encodes a relative path segment by segment, so `/` stays a separator and all else is literal. */
export function encodeAssetPath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}

/** The desktop URL of a file next to a document. */
export function desktopAssetUrl(documentId: string, relativePath: string): string {
  return `${ASSET_SCHEME}://${documentId}/${encodeAssetPath(relativePath)}`;
}

/** The browser-mode URL of a file next to a document, carrying that document's signature. */
export function browserAssetUrl(documentId: string, signature: string, relativePath: string): string {
  return `${ASSET_ROUTE}${documentId}/${signature}/${encodeAssetPath(relativePath)}`;
}

/**
 * The signature that lets the browser mode's page load `documentId`'s assets: HMAC-SHA256 of the
 * id, keyed with the session token, base64url. The server makes it, hands it to the page with the
 * document (OpenedDocument.assetSignature) and checks it on every asset request; Web Crypto, so
 * anything holding the token (a test, say) can make it the same way.
 */
export async function signAssetAccess(token: string, documentId: string): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', encoder.encode(token), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(SIGNED_PREFIX + documentId)));
  let binary = '';
  for (const byte of mac) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Decodes one URL path segment, or returns null when it is malformed percent-encoding or, once
 * decoded, holds a separator or something a file system reads specially: `/`, `\`, NUL, or `:`
 * (Windows drive letters and alternate data streams). An encoded separator would otherwise
 * smuggle in segments that were never checked.
 */
export function decodePathSegment(raw: string): string | null {
  let segment: string;
  try {
    segment = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return /[/\\\0:]/.test(segment) ? null : segment;
}

/** True when every segment of a URL path is well-formed percent-encoding (a bad one deserves a 400). */
export function isWellEncodedPath(pathname: string): boolean {
  return pathname.split('/').every((segment) => {
    try {
      decodeURIComponent(segment);
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * Normalises the path part of an asset URL (still percent-encoded): `.` and empty segments go,
 * `..` climbs within the path but never above it. Returns the path still encoded segment by
 * segment, as service.readAsset takes it (it decodes once), or null when it climbs out, names no
 * file, or a segment fails decodePathSegment. A query or fragment must already be gone.
 */
export function normalizeAssetPath(encodedPath: string): string | null {
  const kept: string[] = [];
  for (const raw of encodedPath.split('/')) {
    const segment = decodePathSegment(raw);
    if (segment === null) return null;
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      // `images/../photo.png` is fine; climbing above the document's folder is not.
      if (kept.pop() === undefined) return null;
      continue;
    }
    kept.push(raw);
  }
  return kept.length > 0 ? kept.join('/') : null;
}

/** A parsed asset URL: which document, and the path below its folder (still encoded). */
export interface AssetRequest {
  documentId: string;
  encodedPath: string;
}

/**
 * Parses a desktop asset URL. The scheme is non-standard, so Chromium keeps the document id as
 * written (standard schemes lower-case their host) and resolves no dot segments: this does.
 * Returns null for anything malformed; the service still checks that the file lies in the
 * document's folder.
 */
export function parseDesktopAssetUrl(url: string): AssetRequest | null {
  const prefix = `${ASSET_SCHEME}://`;
  if (!url.startsWith(prefix)) return null;
  // Drop any query or fragment: a file path has no use for them.
  const rest = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  const slash = rest.indexOf('/');
  const documentId = rest.slice(0, Math.max(slash, 0));
  if (!DOCUMENT_ID.test(documentId)) return null;
  const encodedPath = normalizeAssetPath(rest.slice(slash + 1));
  return encodedPath === null ? null : { documentId, encodedPath };
}

/** A parsed browser-mode asset path, signature included (checked by the server). */
export interface SignedAssetRequest extends AssetRequest {
  signature: string;
}

/** Parses the path of a browser-mode asset URL (the URL parser has resolved its dot segments). */
export function parseBrowserAssetPath(pathname: string): SignedAssetRequest | null {
  if (!pathname.startsWith(ASSET_ROUTE)) return null;
  const [documentId = '', signature = '', ...rest] = pathname.slice(ASSET_ROUTE.length).split('/');
  if (!DOCUMENT_ID.test(documentId) || !SIGNATURE.test(signature)) return null;
  const encodedPath = normalizeAssetPath(rest.join('/'));
  return encodedPath === null ? null : { documentId, signature, encodedPath };
}
