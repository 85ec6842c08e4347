import type { Config } from 'dompurify';

/**
 * Elements an article may contain. An allowlist rather than DOMPurify's defaults minus a few:
 * anything new in HTML stays out until someone decides it belongs in an article. Left out on
 * purpose: script, style, link, meta, base, iframe, frame, object, embed, form and its controls
 * (bar the task-list checkbox), template, slot, dialog, svg and MathML (both have carried
 * mutation-XSS; articles rarely need them), and landmarks (main, nav) that would confuse the
 * reading view's own.
 */
const ARTICLE_TAGS = [
  // DOMPurify's walk starts at its own <body>: were it not allowed, DOMPurify would hoist a copy
  // of the whole article out of it and sanitize a detached original.
  'body',
  'a', 'abbr', 'address', 'article', 'aside', 'audio', 'b', 'bdi', 'bdo', 'blockquote', 'br',
  'caption', 'cite', 'code', 'col', 'colgroup', 'data', 'dd', 'del', 'details', 'dfn', 'div', 'dl',
  'dt', 'em', 'figcaption', 'figure', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'hr', 'i', 'img', 'input', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'picture', 'pre', 'q',
  'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small', 'source', 'span', 'strong', 'sub', 'summary',
  'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'track', 'u', 'ul', 'var',
  'video', 'wbr',
];

/**
 * Attributes an article may keep. No `style` (the CSP forbids inline styles), no event handlers,
 * no URL attributes that load on their own besides `src` (no srcset, poster, background): the
 * remote-content pass must see every URL that would be fetched. Data attributes are off except
 * the footnotes' own, so a document cannot forge the markers Gloss sets (data-external,
 * data-faq-question). aria-* attributes stay (DOMPurify's ALLOW_ARIA_ATTR).
 */
const ARTICLE_ATTRIBUTES = [
  'href', 'src', 'alt', 'title', 'id', 'name', 'class', 'lang', 'dir', 'role',
  'colspan', 'rowspan', 'headers', 'scope', 'abbr', 'align', 'valign', 'span',
  'start', 'reversed', 'type', 'value', 'datetime', 'open',
  'checked', 'disabled', 'width', 'height',
  'controls', 'loop', 'muted', 'playsinline', 'srclang', 'kind', 'label',
  'data-footnotes', 'data-footnote-ref', 'data-footnote-backref',
];

/**
 * DOMPurify's configuration for rendered Markdown. RETURN_DOM hands back the body of DOMPurify's
 * inert document (created by DOMParser, never loads anything), so the post-passes can rewrite
 * images before any of it touches the live page: a fragment adopted into the live document
 * would start fetching its images at once.
 */
export const SANITIZE_CONFIG = {
  ALLOWED_TAGS: ARTICLE_TAGS,
  ALLOWED_ATTR: ARTICLE_ATTRIBUTES,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: true,
  // Ids and names get the article's prefix (article-names.ts), so none can clobber a global
  // (`id="location"`) or stand in for one of the app's elements.
  SANITIZE_NAMED_PROPS: true,
  // Schemes a URL attribute may carry; data: is admitted separately, on img and media src only.
  // gloss: only for links to annotations: the link rules drop every other gloss: URL.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|gloss):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  RETURN_DOM: true,
} satisfies Config;
