/**
 * The Content-Security-Policy of Gloss's page, one policy for both transports: the desktop's
 * `gloss://app/` protocol and the browser mode's server send it (pageCsp) as a header with every page.
 * renderer/index.html carries no copy in a <meta>: both transports always send the header, the
 * page cannot run from anywhere else (its module script does not load from file://), and a meta
 * policy cannot say frame-ancestors, so a copy would add nothing but a second place to keep.
 */
import { createHash } from 'node:crypto';
import { ASSET_SCHEME } from './common/asset-urls';
import { normalizeNewlines } from './documents/decode-document';

/** The app's scripts: its own files. A page's inline scripts are added by hash (pageCsp). */
const SCRIPT_SRC = "script-src 'self'";

/**
 * The page's policy. Only the app's own scripts and styles run; images and media come from the
 * page's own origin or, on the desktop, from the document-asset scheme (`'self'` covers the
 * browser mode's /asset/ route), images also as inline data: (the sanitizer keeps only raster
 * ones); nothing is ever fetched from the web, framed, posted or embedded.
 */
export const APP_CSP = [
  "default-src 'none'",
  SCRIPT_SRC,
  "style-src 'self'",
  `img-src 'self' ${ASSET_SCHEME}: data:`,
  `media-src 'self' ${ASSET_SCHEME}:`,
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/**
 * The policy for one of the app's own pages, `html` as it is served: APP_CSP, with each inline
 * `<script>` of the page (index.html has one: renderer/startup-script.ts) allowed by its SHA-256,
 * and no other inline code. Hashed from the page as served, so the policy and the page never
 * disagree after a build; it trusts nothing 'self' does not already: the hashes come from the
 * app's own files, which hold all of its scripts anyway. A document's HTML never goes through
 * here (it is sanitized into the page, and its own files get ASSET_CSP).
 */
export function pageCsp(html: string): string {
  // The browser hashes a script's text as its parser left it: CRLF and CR read as LF (a Windows
  // checkout may give the page CRLF line ends).
  const hashes = inlineScripts(html).map((code) => `'sha256-${createHash('sha256').update(normalizeNewlines(code), 'utf8').digest('base64')}'`);
  return hashes.length === 0 ? APP_CSP : APP_CSP.replace(SCRIPT_SRC, [SCRIPT_SRC, ...hashes].join(' '));
}

/** The text of each `<script>` without a src in `html` (the app's own, well-formed page), comments left out. */
function inlineScripts(html: string): string[] {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const scripts: string[] = [];
  for (const match of withoutComments.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\ssrc\s*=/i.test(match[1] ?? '')) scripts.push(match[2] ?? '');
  }
  return scripts;
}

/**
 * The policy sent with a document's own files (images, audio, video): one opened on its own, an
 * SVG say, must not become a page that runs anything; its inline styles may still draw it.
 */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
