import { markdownToUnsafeHtml } from './markdown-html';
import { parseApart } from './parse-apart';
import { blockRemoteContent } from './remote-content';
import { createHtmlRenderer, type RenderedArticleNodes, type RenderOptions } from './render-html';

export { slugify } from './slugs';
export type { RenderedArticleNodes, RenderOptions } from './render-html';

/** A document rendered for the reading view. */
export interface RenderedArticle {
  /** Sanitized HTML, safe to assign to innerHTML. */
  html: string;
  /** How many remote images and media were replaced by placeholders instead of being loaded. */
  remoteContentBlocked: number;
}

/** Renders Markdown documents to safe HTML. */
export interface MarkdownRenderer {
  /** Renders one document. Synchronous: nothing is fetched, remote content least of all. */
  render(markdown: string, options: RenderOptions): RenderedArticle;
  /**
   * Renders one document as `render` does, but hands back the sanitized nodes rather than their
   * HTML: the article root (fillArticleRoot) takes the very nodes the sanitizer checked, and a
   * long article is neither serialized nor parsed a second time.
   */
  renderNodes(markdown: string, options: RenderOptions): RenderedArticleNodes;
  /**
   * Renders many small documents (an export's notes) with one sanitizer pass where they can be
   * kept apart (parse-apart.ts): per document, the HTML `render` gives, but for heading ids, which
   * are not made (they belong to a page), and after `finish` (run over the sanitized documents
   * together); or null for one to `render` on its own.
   */
  renderMany(markdowns: readonly string[], options: RenderOptions, finish?: (root: Element) => void): (string | null)[];
}

/**
 * Creates a renderer bound to `window` (the page's in the app, jsdom's in tests): DOMPurify
 * needs a DOM to parse into.
 *
 * Each render: Markdown -> HTML with marked (markdown-html.ts); that HTML is untrusted, since
 * Markdown passes raw HTML through, so the HTML renderer (render-html.ts) cleans it next with
 * DOMPurify and the link rules, blocks remote images and media, and gives headings GitHub-style
 * ids. The reading view makes only that second call, on the HTML the main side sent with the
 * document: both halves are the same code, so every render of a document gives the same text.
 */
export function createMarkdownRenderer(window: Window): MarkdownRenderer {
  const html = createHtmlRenderer(window);
  const renderNodes = (markdown: string, options: RenderOptions): RenderedArticleNodes => html.renderNodes(markdownToUnsafeHtml(markdown), options);
  return {
    render(markdown, options) {
      const { body, remoteContentBlocked } = renderNodes(markdown, options);
      return { html: body.innerHTML, remoteContentBlocked };
    },
    renderNodes,
    renderMany(markdowns, options, finish) {
      return parseApart(
        markdowns.map(markdownToUnsafeHtml),
        (unsafeHtml) => html.sanitizer.sanitizeWrapped(unsafeHtml, options.externalLinks),
        (body) => {
          blockRemoteContent(body, options.resolveAssetUrl);
          finish?.(body);
        },
      );
    },
  };
}
