/**
 * The article root as the reading view builds it, in one place for both sides: the reading view
 * fills the page's `<article>`, the main side (import, export) fills a jsdom element the same way.
 * Every Text node under the root counts in the rendered text that highlight offsets index, so
 * what is added here (the remote-content notice) must be added identically on both sides.
 */
import { detectFaq, type FaqEntry } from './faq';
import { collectHeadings, type HeadingInfo } from './headings';
import type { RenderedArticleNodes } from './render-html';

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
 * Puts a rendered article into `root`: its nodes, and above them the remote-content notice when
 * anything remote was blocked.
 */
export function fillArticleRoot(root: Element, rendered: RenderedArticleNodes): void {
  // Moved in, not serialized and parsed again: what the page holds is exactly what the sanitizer
  // checked, and a 4 MB article is spared a second parse (~90 ms in Chromium). One move per
  // top-level node, not one spread call: a long article has more of them than a call takes.
  const fragment = root.ownerDocument.createDocumentFragment();
  const { body } = rendered;
  while (body.firstChild) fragment.append(body.firstChild);
  root.replaceChildren(fragment);
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
