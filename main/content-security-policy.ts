/**
 * The Content-Security-Policy of Gloss's page, one policy for both transports: the desktop's
 * `gloss://app/` protocol and the browser mode's server send it as a header with every page.
 * renderer/index.html carries no copy in a <meta>: both transports always send the header, the
 * page cannot run from anywhere else (its module script does not load from file://), and a meta
 * policy cannot say frame-ancestors, so a copy would add nothing but a second place to keep.
 */
import { ASSET_SCHEME } from './common/asset-urls';

/**
 * The page's policy. Only the app's own scripts and styles run; images and media come from the
 * page's own origin or, on the desktop, from the document-asset scheme (`'self'` covers the
 * browser mode's /asset/ route), images also as inline data: (the sanitizer keeps only raster
 * ones); nothing is ever fetched from the web, framed, posted or embedded.
 */
export const APP_CSP = [
  "default-src 'none'",
  "script-src 'self'",
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
 * The policy sent with a document's own files (images, audio, video): one opened on its own, an
 * SVG say, must not become a page that runs anything; its inline styles may still draw it.
 */
export const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
