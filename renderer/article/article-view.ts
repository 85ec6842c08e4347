import type { OpenedDocument } from '../../main/api';
import type { GlossClient } from '../api';
import { followAnnotationLink } from '../export/annotation-link-click';
import { TextIndex } from '../../main/common/anchoring/text-index';
import { fillArticleRoot, readArticleStructure } from '../../main/common/article/article-root';
import type { FaqEntry } from '../../main/common/article/faq';
import type { HeadingInfo } from '../../main/common/article/headings';
import { missingImagePlaceholder } from '../../main/common/article/remote-content';
import { createHtmlRenderer } from '../../main/common/article/render-html';

/** What the navigation and annotation layers need from a rendered article. */
export interface ArticleModel {
  document: OpenedDocument;
  root: HTMLElement;
  /** Section headings for Contents: every heading but the title and FAQ questions. */
  sections: HeadingInfo[];
  /** Every heading, title included, in document order. */
  headings: HeadingInfo[];
  faq: FaqEntry[];
  /**
   * The article's text and its offsets ↔ DOM positions, built once per render when first asked
   * for: the first frame of an article does not need it, unless a reading position is restored.
   */
  readonly index: TextIndex;
  /** Images and media next to the document that could not be read because it is an upload. */
  unreadableFromUpload: number;
}

/**
 * Renders a document into the article element (marked's HTML, made on the main side, sanitized
 * with DOMPurify here) and reads its structure. Link clicks are handled here: in-page links scroll, external links open in the
 * system browser (desktop) or a new tab (browser mode), and never replace the reading view.
 */
export class ArticleView {
  // Only the DOM half of rendering: the main side sent marked's HTML with the document.
  private readonly renderer = createHtmlRenderer(window);

  constructor(
    private readonly root: HTMLElement,
    private readonly client: GlossClient,
    private readonly onError: (error: unknown) => void,
  ) {
    root.addEventListener('click', (event) => this.onClick(event));
    // A local image that is not there gets the placeholder a blocked one gets (error does not bubble).
    root.addEventListener(
      'error',
      (event) => {
        if (event.target instanceof HTMLImageElement && root.contains(event.target)) event.target.replaceWith(missingImagePlaceholder(event.target));
      },
      true,
    );
  }

  /** Renders a document and returns its structure. */
  show(document: OpenedDocument): ArticleModel {
    let unreadableFromUpload = 0;
    const rendered = this.renderer.renderNodes(document.unsafeHtml, {
      resolveAssetUrl: (path) => {
        // An upload came without its folder: nothing next to it can be read.
        if (document.isUpload) {
          unreadableFromUpload += 1;
          return null;
        }
        return this.client.assetUrl(document.id, path);
      },
      externalLinks: this.client.mode === 'desktop' ? 'system' : 'new-tab',
    });
    // The main side builds its headless copy of the article with the same two calls.
    fillArticleRoot(this.root, rendered);
    this.root.setAttribute('aria-label', document.title);
    // Hyphenation, quotes and speech follow the document's language, else the app's.
    this.root.lang = document.language ?? navigator.language;
    const { headings, sections, faq } = readArticleStructure(this.root);
    const root = this.root;
    let index: TextIndex | null = null;
    return {
      document,
      root,
      headings,
      sections,
      faq,
      unreadableFromUpload,
      get index() {
        return (index ??= new TextIndex(root));
      },
    };
  }

  /** Empties the article (no document open). */
  clear(): void {
    this.root.replaceChildren();
    this.root.removeAttribute('aria-label');
    this.root.removeAttribute('lang');
  }

  private onClick(event: MouseEvent): void {
    const link = (event.target as Element).closest?.('a[href]');
    if (!(link instanceof HTMLAnchorElement) || !this.root.contains(link)) return;
    const href = link.getAttribute('href') ?? '';
    if (followAnnotationLink(event, link, this.client)) return;
    if (href.startsWith('#')) {
      event.preventDefault();
      const target = this.root.ownerDocument.getElementById(decodeURIComponent(href.slice(1)));
      target?.scrollIntoView({ block: 'start' });
      return;
    }
    if (this.client.mode === 'desktop') {
      event.preventDefault();
      if (link.dataset.external === 'true') this.client.api.openExternal({ url: link.href }).catch(this.onError);
    }
    // In the browser mode external links carry target=_blank and open in a new tab.
  }
}
