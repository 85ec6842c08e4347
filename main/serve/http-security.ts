import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { signAssetAccess } from '../common/asset-urls';
import { SESSION_HEADER, tokenFromHeader } from '../common/browser-session';
import { APP_CSP } from '../content-security-policy';

/**
 * Headers every response carries.
 *
 * No Cross-Origin-Opener-Policy. It would cut the tie between Gloss's tab and a page holding a
 * reference to it, and Gloss hands none out: its links open with noopener, and a tab another
 * page opens on it has no token (it rides in the printed address, and sessionStorage is per tab).
 * The header is not free, though: a new tab's first document has none, so the browser
 * moves every load of the page into a new browsing context group. That cost 30–60 ms per load here
 * (`npm run bench`, (i)), more than any other single part of Gloss's own start. Framing is still
 * refused (X-Frame-Options and the CSP's frame-ancestors), and no other origin may load the API's
 * answers or a document's files (Cross-Origin-Resource-Policy).
 */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': APP_CSP,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * True when the Host header names this server on a loopback address. Anything else may be a
 * DNS-rebinding page that resolved its own name to 127.0.0.1, so it is refused.
 */
export function isLoopbackHost(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return LOOPBACK_HOSTS.some((host) => hostHeader.toLowerCase() === `${host}:${port}`);
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * One launch's secret and the two ways a request proves it has it: API calls carry the token in
 * the Authorization header (browser-session.ts), which a browser never sends on its own; asset
 * URLs carry a per-document signature derived from it (asset-urls.ts), which only a page holding
 * the token can make. No cookie is ever set, so nothing the browser would send to another server
 * on 127.0.0.1 can stand in for either.
 */
export class BrowserSession {
  /** The per-launch token, printed once in the address the server shows. */
  readonly token = randomBytes(32).toString('base64url');

  /** True when a request carries this launch's token in SESSION_HEADER. */
  isAuthorized(request: IncomingMessage): boolean {
    const given = tokenFromHeader(request.headers[SESSION_HEADER.toLowerCase()] as string | undefined);
    return given !== null && sameSecret(given, this.token);
  }

  /** The signature of `documentId`'s asset addresses for this launch, which the page is handed with the document. */
  assetSignature(documentId: string): Promise<string> {
    return signAssetAccess(this.token, documentId);
  }

  /** True when `signature` is this launch's for `documentId`'s assets. */
  async mayReadAssets(documentId: string, signature: string): Promise<boolean> {
    return sameSecret(signature, await this.assetSignature(documentId));
  }
}
