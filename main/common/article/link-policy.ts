import { annotationLink, parseAnnotationLink } from '../annotation-link';
import { externalUrl } from '../external-url';
import { classifyUrl, isProtocolRelative, normalizeUrl } from './url-kind';

/**
 * How external links open: 'system' hands them to the main side (openExternal) on click,
 * 'new-tab' lets the browser open them in a new tab (browser mode).
 */
export type ExternalLinks = 'new-tab' | 'system';

/**
 * Applies Gloss's link rules to one sanitized `<a>`:
 * - `#fragment` links stay as they are: they move within the article;
 * - links to an annotation (`gloss://annotation/<document>/<annotation>`, what Gloss's exports
 *   carry) are kept, written as Gloss writes them, and marked `data-annotation-link="true"`: on
 *   the desktop the shell catches them when followed, in the browser mode the page turns a click
 *   into its `#annotation=` fragment;
 * - links Gloss would hand to the system (externalUrl: http(s) and mailto, no credentials) are
 *   marked `data-external="true"` (the article view opens them outside the reading view) and,
 *   for 'new-tab', get target=_blank with rel=noopener noreferrer so the new page can neither
 *   reach back into Gloss nor learn where it came from;
 * - every other link loses its href but keeps its text: other schemes have no business in an
 *   article, and a relative link would navigate the reading view away from the document.
 */
export function applyLinkPolicy(link: Element, externalLinks: ExternalLinks): void {
  // These are Gloss's to set: whatever the document wrote for them is not trusted.
  link.removeAttribute('target');
  link.removeAttribute('rel');
  link.removeAttribute('data-external');
  link.removeAttribute('data-annotation-link');
  const href = link.getAttribute('href');
  if (href === null) return;
  if (classifyUrl(href) === 'fragment') return;
  const annotation = parseAnnotationLink(normalizeUrl(href));
  if (annotation !== null) {
    link.setAttribute('href', annotationLink(annotation));
    link.setAttribute('data-annotation-link', 'true');
    return;
  }
  // Inside Gloss a scheme-less `//host` would resolve against the app's own scheme.
  const absolute = isProtocolRelative(href) ? `https://${normalizeUrl(href).replace(/^[/\\]+/, '')}` : href;
  if (externalUrl(absolute) !== null) {
    link.setAttribute('href', absolute);
    link.setAttribute('data-external', 'true');
    if (externalLinks === 'new-tab') {
      link.setAttribute('target', '_blank');
      link.setAttribute('rel', 'noopener noreferrer');
    }
    return;
  }
  link.removeAttribute('href');
}
