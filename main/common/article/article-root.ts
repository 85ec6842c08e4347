/**
 * The article root as the reading view builds it, in one place for both sides: the reading view
 * fills the page's `<article>`, the main side (import, export) fills a jsdom element the same way.
 * Every Text node under the root counts in the rendered text that highlight offsets index, so
 * what is added here (the remote-content notice) must be added identically on both sides.
 */
import { detectFaq, type FaqEntry } from './faq';
import { collectHeadings, type HeadingInfo } from './headings';
import type { RenderedArticle } from './render-markdown';

/** The structure the navigation reads from a filled article root. */
export interface ArticleStructure {
  /** Every heading, title included, in document order. */
  headings: HeadingInfo[];
  /** Section headings for Contents: every heading but the title and FAQ questions. */
  sections: HeadingInfo[];
  faq: FaqEntry[];
}

/** The notice shown above an article whose remote images were not loaded. */
export function remoteContentNotice(blocked: number): string {
  return `${blocked} remote image${blocked === 1 ? ' was' : 's were'} not loaded, to protect your privacy.`;
}

/**
 * Puts a rendered article into `root`: its HTML, and above it the remote-content notice when
 * anything remote was blocked.
 */
export function fillArticleRoot(root: Element, rendered: RenderedArticle): void {
  root.innerHTML = rendered.html;
  if (rendered.remoteContentBlocked > 0) {
    const notice = root.ownerDocument.createElement('p');
    notice.className = 'remote-notice';
    notice.setAttribute('role', 'note');
    notice.textContent = remoteContentNotice(rendered.remoteContentBlocked);
    root.prepend(notice);
  }
}

/**
 * Reads the headings and the FAQ of a filled root (giving headings ids and marking FAQ questions,
 * which changes attributes only, never the text).
 */
export function readArticleStructure(root: Element): ArticleStructure {
  const headings = collectHeadings(root);
  const faq = detectFaq(root);
  const faqQuestions = new Set(faq.map((entry) => entry.element));
  const title = headings[0]?.level === 1 ? headings[0] : null;
  const sections = headings.filter((heading) => heading !== title && !faqQuestions.has(heading.element));
  return { headings, sections, faq };
}
