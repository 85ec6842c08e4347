import { Marked } from 'marked';
import markedFootnote from 'marked-footnote';
import { ensureHeadingIds } from './headings';
import type { ExternalLinks } from './link-policy';
import { parseApart } from './parse-apart';
import { blockRemoteContent, type AssetResolver } from './remote-content';
import { createArticleSanitizer } from './sanitizer';

export { slugify } from './slugs';

/** What the caller decides for one render. */
export interface RenderOptions {
  /** Maps an image path relative to the document to a loadable URL, or null when there is none. */
  resolveAssetUrl: AssetResolver;
  /** 'system' for the desktop app (links open in the system browser), 'new-tab' in browser mode. */
  externalLinks: ExternalLinks;
}

/** A document rendered for the reading view. */
export interface RenderedArticle {
  /** Sanitized HTML, safe to assign to innerHTML. */
  html: string;
  /** How many remote images and media were replaced by placeholders instead of being loaded. */
  remoteContentBlocked: number;
}

/** A document rendered for the reading view, as nodes to move into the article root. */
export interface RenderedArticleNodes {
  /** The sanitized article: the body of DOMPurify's inert document, whose children fillArticleRoot moves into the page. */
  body: HTMLElement;
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
 * Each render: Markdown -> HTML with marked (GitHub Flavored Markdown and footnotes); that HTML
 * is untrusted, since Markdown passes raw HTML through, so DOMPurify cleans it next and the link
 * rules run inside it; then remote images and media are blocked and headings get GitHub-style ids.
 */
export function createMarkdownRenderer(window: Window): MarkdownRenderer {
  const sanitizer = createArticleSanitizer(window);
  const renderNodes = (markdown: string, options: RenderOptions): RenderedArticleNodes => {
    const body = sanitizer.sanitize(toUnsafeHtml(markdown), options.externalLinks);
    const remoteContentBlocked = blockRemoteContent(body, options.resolveAssetUrl);
    ensureHeadingIds(body);
    return { body, remoteContentBlocked };
  };
  return {
    render(markdown, options) {
      const { body, remoteContentBlocked } = renderNodes(markdown, options);
      return { html: body.innerHTML, remoteContentBlocked };
    },
    renderNodes,
    renderMany(markdowns, options, finish) {
      return parseApart(
        markdowns.map(toUnsafeHtml),
        (html) => sanitizer.sanitizeWrapped(html, options.externalLinks),
        (body) => {
          blockRemoteContent(body, options.resolveAssetUrl);
          finish?.(body);
        },
      );
    },
  };
}

/** Markdown as marked renders it: untrusted HTML, since Markdown passes raw HTML through. */
function toUnsafeHtml(markdown: string): string {
  // A fresh instance per render: nothing an extension remembers from one document (footnote
  // labels, say) can leak into the next, and the global `marked` is anyone's to configure.
  // Footnotes are written [^label]: a document without one skips the extension, whose tokenizers
  // would otherwise be tried at every block and inline position for nothing (a fifth of the
  // Markdown's parse time).
  const extensions = markdown.includes('[^') ? [markedFootnote({ headingClass: '' })] : [];
  const marked = new Marked({ gfm: true, breaks: false, async: false }, ...extensions);
  return marked.parse(markdown, { async: false });
}
