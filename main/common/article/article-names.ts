/**
 * An article's classes and ids live in a namespace of their own, apart from the app's, so a
 * document can neither style the app (`<div class="drop-overlay">` drawing the app's full-window
 * overlay) nor stand in for its elements (`id="toast-region"`): every class and id a document
 * brings, and every heading and question id Gloss gives it, starts with ARTICLE_NAME_PREFIX, which
 * the app's own markup and stylesheets never use. In-page links and id references are rewritten
 * to match, so `[see](#setup)` and footnotes still work. GitHub does the same with the same prefix,
 * which DOMPurify applies to `id` and `name` (SANITIZE_NAMED_PROPS); this module does the rest.
 */

import { normalizeUrl } from './url-kind';

/** The prefix of every class and id inside an article. */
export const ARTICLE_NAME_PREFIX = 'user-content-';

/** Attributes whose value is a space-separated list of ids (ARIA relations, table headers). */
const ID_LIST_ATTRIBUTES = [
  'aria-activedescendant',
  'aria-controls',
  'aria-describedby',
  'aria-details',
  'aria-errormessage',
  'aria-flowto',
  'aria-labelledby',
  'aria-owns',
  'headers',
];

/** `name` in the article's namespace (unchanged when it already is). */
export function articleName(name: string): string {
  return name.startsWith(ARTICLE_NAME_PREFIX) ? name : ARTICLE_NAME_PREFIX + name;
}

/** An article id without its prefix: the name its author wrote or its heading's slug. */
export function unprefixedName(id: string): string {
  return id.startsWith(ARTICLE_NAME_PREFIX) ? id.slice(ARTICLE_NAME_PREFIX.length) : id;
}

function articleNameList(list: string): string {
  return list
    .split(/\s+/)
    .filter((name) => name !== '')
    .map(articleName)
    .join(' ');
}

/**
 * Moves one sanitized element's classes and id references into the article's namespace (its own
 * id and name DOMPurify has moved already): classes, `#fragment` links, ARIA relations and
 * table-header references.
 */
export function namespaceElement(element: Element): void {
  // Most of an article's elements (paragraphs, emphasis, list items) carry no attribute at all.
  if (!element.hasAttributes()) return;
  const classes = element.getAttribute('class');
  if (classes !== null) {
    const named = articleNameList(classes);
    if (named === '') element.removeAttribute('class');
    else element.setAttribute('class', named);
  }
  for (const attribute of ID_LIST_ATTRIBUTES) {
    const ids = element.getAttribute(attribute);
    if (ids !== null) element.setAttribute(attribute, articleNameList(ids));
  }
  const href = normalizeUrl(element.getAttribute('href') ?? '');
  // The fragment is kept as written (percent-encoded or not); the article view decodes it.
  if (href.startsWith('#') && href.length > 1) element.setAttribute('href', `#${articleName(href.slice(1))}`);
}
