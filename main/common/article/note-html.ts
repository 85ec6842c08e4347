/**
 * Notes are Markdown, shown as sanitized HTML by the same pipeline as articles (marked, DOMPurify,
 * Gloss's link rules), with two differences: a note has no folder, so no image path in it resolves
 * (remote ones are blocked as in articles), and it keeps no ids or in-page links, which would
 * clash with the anchors of the article (or page) it is shown in. The sidebar and the exports
 * (HTML, Anki) render notes through this one function.
 */
import { FAQ_QUESTION_ATTRIBUTE } from './faq';
import type { ExternalLinks } from './link-policy';
import type { MarkdownRenderer } from './render-markdown';

/** Renders a note's Markdown to HTML that is safe to put into a page. */
export function renderNoteHtml(renderer: MarkdownRenderer, window: Window, markdown: string, externalLinks: ExternalLinks): string {
  const rendered = renderer.render(markdown, { resolveAssetUrl: () => null, externalLinks });
  // Parsed into an inert template: nothing in it loads while the ids and fragment links go.
  const holder = window.document.createElement('template');
  holder.innerHTML = rendered.html;
  stripPageAnchors(holder.content);
  return holder.innerHTML;
}

/**
 * Renders many notes (an export's) as `renderNoteHtml` renders each, in a few passes over all of
 * them instead of one per note (parse-apart.ts); a note that cannot share a pass is rendered on
 * its own. The result is the same, note for note, as `renderNoteHtml`'s.
 */
export function renderNotesHtml(renderer: MarkdownRenderer, window: Window, markdowns: readonly string[], externalLinks: ExternalLinks): string[] {
  const rendered = renderer.renderMany(markdowns, { resolveAssetUrl: () => null, externalLinks }, stripPageAnchors);
  return rendered.map((html, index) => html ?? renderNoteHtml(renderer, window, markdowns[index]!, externalLinks));
}

/**
 * Removes what ties HTML taken out of its page to that page: ids, in-page (`#…`) links, and the
 * attributes Gloss sets on FAQ questions to navigate to them. Used for notes and for FAQ answers
 * lifted out of an article.
 */
export function stripPageAnchors(container: ParentNode): void {
  for (const element of container.querySelectorAll('[id]')) element.removeAttribute('id');
  for (const link of container.querySelectorAll('a[href^="#"]')) link.removeAttribute('href');
  for (const element of container.querySelectorAll(`[${FAQ_QUESTION_ATTRIBUTE}]`)) {
    element.removeAttribute(FAQ_QUESTION_ATTRIBUTE);
    element.removeAttribute('tabindex');
  }
}
