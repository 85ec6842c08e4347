import createDOMPurify, { type WindowLike } from 'dompurify';
import { namespaceElement } from './article-names';
import { applyLinkPolicy, type ExternalLinks } from './link-policy';
import { APART_WRAPPER } from './parse-apart';
import { SANITIZE_CONFIG } from './sanitize-config';

/** DOMPurify set up with Gloss's article rules, bound to one window. */
export interface ArticleSanitizer {
  /**
   * Sanitizes untrusted HTML and applies the link rules. Returns the body of an inert document
   * holding the result: nothing in it has been loaded, and nothing will be until it is
   * serialized into the live page.
   */
  sanitize(html: string, externalLinks: ExternalLinks): HTMLElement;
  /**
   * The same, for many fragments each in a wrapper element (parse-apart.ts), which is kept: the
   * rules are the article's, and the wrapper stands for nothing in the result.
   */
  sanitizeWrapped(html: string, externalLinks: ExternalLinks): HTMLElement;
}

/** The article's rules, with the wrapper of parse-apart.ts allowed. */
const WRAPPED_CONFIG = { ...SANITIZE_CONFIG, ALLOWED_TAGS: [...SANITIZE_CONFIG.ALLOWED_TAGS, APART_WRAPPER] };

/**
 * Creates the sanitizer. Its hooks are installed once on a private DOMPurify instance, so the
 * app's other DOMPurify users (if any) keep their own rules.
 */
export function createArticleSanitizer(window: Window): ArticleSanitizer {
  const purify = createDOMPurify(window as unknown as WindowLike);
  // Hooks are per instance, not per call: the current call's choice reaches them through here.
  let externalLinks: ExternalLinks = 'system';
  // Links written with an address, and those of them whose address DOMPurify (a scheme it does
  // not allow) or the link policy took away: they become plain text once the walk is done.
  let addressed = new WeakSet<Element>();
  let emptied: Element[] = [];

  purify.addHook('uponSanitizeElement', (node, event) => {
    // The only form control an article keeps is the task-list checkbox marked emits.
    if (event.tagName === 'input' && (node as Element).getAttribute('type')?.trim().toLowerCase() !== 'checkbox') {
      (node as Element).remove();
    }
  });
  purify.addHook('beforeSanitizeAttributes', (element) => {
    // Called for text nodes too: only elements named A count.
    if (element.nodeName === 'A' && element.hasAttribute('href')) addressed.add(element);
  });
  purify.addHook('afterSanitizeAttributes', (element) => {
    const tag = element.tagName.toLowerCase();
    // Attributes are added here, after DOMPurify's checks, which would strip target.
    if (tag === 'a') {
      applyLinkPolicy(element, externalLinks);
      if (addressed.has(element) && !element.hasAttribute('href')) emptied.push(element);
    }
    // A task list is a record of what was done, not a form: ticking it would change nothing.
    else if (tag === 'input') element.setAttribute('disabled', '');
    namespaceElement(element);
  });

  const sanitizeWith = (html: string, links: ExternalLinks, config: typeof SANITIZE_CONFIG): HTMLElement => {
    externalLinks = links;
    addressed = new WeakSet();
    emptied = [];
    // Null when the HTML has no <body> to return, e.g. a document that opens with <frameset>.
    const body = (purify.sanitize(html, config) as HTMLElement | null) ?? window.document.implementation.createHTMLDocument('').body;
    for (const link of emptied) if (body.contains(link)) asPlainText(link);
    emptied = [];
    return body;
  };
  return {
    sanitize: (html, links) => sanitizeWith(html, links, SANITIZE_CONFIG),
    sanitizeWrapped: (html, links) => sanitizeWith(html, links, WRAPPED_CONFIG),
  };
}

/** Attributes an address-less link keeps when it becomes a span: what names or styles its text. */
const PLAIN_TEXT_ATTRIBUTES = ['id', 'class', 'lang', 'dir', 'title'];

/**
 * Turns an `<a>` whose address was removed (by DOMPurify or the link policy) into a `<span>` with the same text: it must
 * neither look nor act like a link that goes nowhere. (An `<a name>` the document wrote as an
 * anchor, with no address, stays: it is a target, and the stylesheet shows it as text.)
 * Runs after DOMPurify's walk, which a replaced node would derail; the text nodes stay the same,
 * so text offsets (and highlights) do not move.
 */
function asPlainText(link: Element): void {
  const span = link.ownerDocument.createElement('span');
  for (const name of PLAIN_TEXT_ATTRIBUTES) {
    const value = link.getAttribute(name);
    if (value !== null) span.setAttribute(name, value);
  }
  span.append(...Array.from(link.childNodes));
  link.replaceWith(span);
}
