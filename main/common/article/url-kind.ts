/**
 * What a URL written in a document points at, as far as Gloss's privacy and link rules care:
 * - `fragment`: `#id`, a place in the same article;
 * - `web`: http: or https: (or protocol-relative `//host`, which would be fetched from the web);
 * - `mailto`;
 * - `data`: an inline data: URL;
 * - `relative`: a path with no scheme (`images/a.png`, `/a.png`, `../notes.md`);
 * - `other`: any other scheme (javascript:, file:, ftp:, vbscript:, blob:, …).
 */
export type UrlKind = 'fragment' | 'web' | 'mailto' | 'data' | 'relative' | 'other';

/**
 * A URL as a browser reads it: browsers ignore leading and trailing control characters and spaces
 * and any tab or newline inside, so "java\tscript:" is a scheme and "/\t/host" names a host.
 */
export function normalizeUrl(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** True for `//host/…` (and the `\\host` spellings browsers accept): a web URL without its scheme. */
export function isProtocolRelative(raw: string): boolean {
  return /^[/\\]{2}/.test(normalizeUrl(raw));
}

/** Classifies a URL after normalizeUrl, the way a browser would parse it. */
export function classifyUrl(raw: string): UrlKind {
  const url = normalizeUrl(raw);
  if (url.startsWith('#')) return 'fragment';
  if (isProtocolRelative(url)) return 'web';
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return 'relative';
  if (scheme === 'http' || scheme === 'https') return 'web';
  if (scheme === 'mailto') return 'mailto';
  if (scheme === 'data') return 'data';
  return 'other';
}

/**
 * True for data: URLs of raster images (PNG, JPEG, GIF, WebP): these are inert pixels. SVG is left
 * out because an SVG document can carry script and links of its own.
 */
export function isRasterDataUrl(raw: string): boolean {
  return /^data:image\/(?:png|jpe?g|gif|webp)[;,]/i.test(normalizeUrl(raw));
}
