import { classifyUrl, isRasterDataUrl, normalizeUrl } from './url-kind';

/**
 * Turns an image path written in a document (`images/a%20b.png`) into a URL the page can load,
 * or null when there is no such image. It receives the path percent-decoded, without its
 * ?query or #fragment.
 */
export type AssetResolver = (relativePath: string) => string | null;

/**
 * Applies Gloss's privacy rule to the images and media of a sanitized article: nothing is ever
 * fetched from the web. Remote images become a labelled placeholder, local ones are pointed at
 * `resolveAssetUrl`, inline raster data: images stay. Runs on DOMPurify's inert document, before
 * the article reaches the live page. Returns how many remote elements were blocked.
 */
export function blockRemoteContent(root: Element, resolveAssetUrl: AssetResolver): number {
  let blocked = 0;
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const outcome = resolveSource(image.getAttribute('src') ?? '', resolveAssetUrl, true);
    const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
    if (outcome.kind === 'keep') image.setAttribute('src', outcome.url);
    else {
      if (outcome.kind === 'remote') blocked += 1;
      image.replaceWith(placeholder(root, 'blocked-image', withAlt(IMAGE_LABELS[outcome.kind], alt)));
    }
  }
  for (const media of Array.from(root.querySelectorAll('video, audio'))) {
    blocked += blockMedia(root, media, resolveAssetUrl);
  }
  // Outside video/audio, <source> and <track> only feed <picture> through srcset, which the
  // sanitizer drops, or nothing at all: the <img> inside <picture> is the one that shows.
  for (const stray of Array.from(root.querySelectorAll('source, track'))) {
    if (!stray.closest('video, audio')) stray.remove();
  }
  return blocked;
}

type SourceOutcome = { kind: 'keep'; url: string } | { kind: 'remote' | 'missing' | 'refused' };

const IMAGE_LABELS = {
  remote: 'Remote image not loaded',
  missing: 'Image not found',
  refused: 'Image not shown',
} as const;

function resolveSource(src: string, resolveAssetUrl: AssetResolver, allowRasterData: boolean): SourceOutcome {
  const kind = classifyUrl(src);
  if (kind === 'web') return { kind: 'remote' };
  if (kind === 'data' && allowRasterData && isRasterDataUrl(src)) return { kind: 'keep', url: src };
  if (kind !== 'relative' || normalizeUrl(src) === '') return { kind: 'refused' };
  const resolved = resolveAssetUrl(toAssetPath(src));
  return resolved === null ? { kind: 'missing' } : { kind: 'keep', url: resolved };
}

/** The file path a relative URL names: percent-escapes decoded, query and fragment dropped. */
function toAssetPath(src: string): string {
  const path = normalizeUrl(src).replace(/[?#].*$/s, '');
  try {
    return decodeURIComponent(path);
  } catch {
    // A stray % that is not an escape: the path is meant literally.
    return path;
  }
}

/**
 * A <video> or <audio> is shown only when every source it names can be loaded locally; otherwise
 * it becomes a placeholder, since a half-kept media element could still reach the web.
 */
function blockMedia(root: Element, media: Element, resolveAssetUrl: AssetResolver): number {
  const carriers = [media, ...Array.from(media.querySelectorAll('source, track'))];
  const resolved: Array<[Element, string]> = [];
  let outcome: 'remote' | 'missing' | 'refused' | null = null;
  for (const carrier of carriers) {
    const src = carrier.getAttribute('src');
    if (src === null) continue;
    const result = resolveSource(src, resolveAssetUrl, false);
    if (result.kind === 'keep') resolved.push([carrier, result.url]);
    else if (outcome !== 'remote') outcome = result.kind;
  }
  if (outcome === null) {
    for (const [carrier, url] of resolved) carrier.setAttribute('src', url);
    return 0;
  }
  const what = media.tagName.toLowerCase() === 'video' ? 'video' : 'audio';
  const label = outcome === 'remote' ? `Remote ${what} not loaded` : `${what === 'video' ? 'Video' : 'Audio'} not shown`;
  media.replaceWith(placeholder(root, 'blocked-media', label));
  return outcome === 'remote' ? 1 : 0;
}

/**
 * The placeholder for a local image that failed to load (the file is not there): the same one a
 * blocked remote image gets, instead of the browser's broken-image icon.
 */
export function missingImagePlaceholder(image: Element): HTMLSpanElement {
  const alt = (image.getAttribute('alt') ?? '').replace(/\s+/g, ' ').trim();
  return placeholder(image, 'blocked-image', withAlt(IMAGE_LABELS.missing, alt));
}

function withAlt(label: string, alt: string): string {
  return alt === '' ? label : `${label}: ${alt}`;
}

/**
 * An empty span standing in for content that was not loaded. Its label is its accessible name;
 * the stylesheet can show it with `content: attr(aria-label)`, which keeps the label out of the
 * article's text (and so out of highlight offsets).
 */
function placeholder(root: Element, className: string, label: string): HTMLSpanElement {
  const span = root.ownerDocument.createElement('span');
  span.className = className;
  span.setAttribute('role', 'img');
  span.setAttribute('aria-label', label);
  return span;
}
