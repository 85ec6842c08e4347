/**
 * The DOM half of rendering an article: marked's untrusted HTML (markdown-html.ts) made safe
 * and ready for the page. It imports no Markdown parser, so the reading view's first frame, which
 * gets the HTML from the main side, loads only this half.
 */
import { ensureHeadingIds } from './headings';
import type { ExternalLinks } from './link-policy';
import { blockRemoteContent, type AssetResolver } from './remote-content';
import { createArticleSanitizer, type ArticleSanitizer } from './sanitizer';

/** What the caller decides for one render. */
export interface RenderOptions {
  /** Maps an image path relative to the document to a loadable URL, or null when there is none. */
  resolveAssetUrl: AssetResolver;
  /** 'system' for the desktop app (links open in the system browser), 'new-tab' in browser mode. */
  externalLinks: ExternalLinks;
}

/** A document rendered for the reading view, as nodes to move into the article root. */
export interface RenderedArticleNodes {
  /** The sanitized article: the body of DOMPurify's inert document, whose children fillArticleRoot moves into the page. */
  body: HTMLElement;
  /** How many remote images and media were replaced by placeholders instead of being loaded. */
  remoteContentBlocked: number;
}

/** Turns marked's untrusted HTML into a safe article. */
export interface HtmlRenderer {
  /** The sanitizer the renders use (its rules are the article's). */
  readonly sanitizer: ArticleSanitizer;
  /**
   * Sanitizes `unsafeHtml` (DOMPurify and the link rules), blocks remote content and gives
   * headings GitHub-style ids. Synchronous: nothing is fetched, remote content least of all.
   */
  renderNodes(unsafeHtml: string, options: RenderOptions): RenderedArticleNodes;
}

/** Creates an HTML renderer bound to `window` (the page's in the app, jsdom's on the main side and in tests). */
export function createHtmlRenderer(window: Window): HtmlRenderer {
  const sanitizer = createArticleSanitizer(window);
  return {
    sanitizer,
    renderNodes(unsafeHtml, options) {
      const body = sanitizer.sanitize(unsafeHtml, options.externalLinks);
      const remoteContentBlocked = blockRemoteContent(body, options.resolveAssetUrl);
      ensureHeadingIds(body);
      return { body, remoteContentBlocked };
    },
  };
}
