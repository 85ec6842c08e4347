/**
 * Notes are Markdown, rendered by main/common/article/note-html (the article's pipeline, with no
 * images loaded and no ids left that could clash with the article's), cached here.
 */
import type { GlossClient } from '../api';
import { followAnnotationLink } from '../export/annotation-link-click';
import { renderNoteHtml } from '../../main/common/article/note-html';
import { createMarkdownRenderer, type MarkdownRenderer } from '../../main/common/article/render-markdown';

/** Number of rendered notes kept, so re-drawing the sidebar does not re-parse every note. */
const CACHE_SIZE = 2000;

/** Renders notes to sanitized HTML and opens the links in them the way the article does. */
export class NoteMarkdown {
  private renderer: MarkdownRenderer | null = null;
  private readonly cache = new Map<string, string>();

  constructor(private readonly client: GlossClient) {}

  /** A `<div>` holding the note rendered as sanitized HTML. */
  render(markdown: string, className: string): HTMLDivElement {
    const element = document.createElement('div');
    element.className = className;
    element.innerHTML = this.html(markdown);
    return element;
  }

  /** Sanitized HTML of a note: images are never loaded, ids are dropped. */
  html(markdown: string): string {
    const cached = this.cache.get(markdown);
    if (cached !== undefined) return cached;
    this.renderer ??= createMarkdownRenderer(window);
    const html = renderNoteHtml(this.renderer, window, markdown, this.client.mode === 'desktop' ? 'system' : 'new-tab');
    if (this.cache.size >= CACHE_SIZE) this.cache.clear();
    this.cache.set(markdown, html);
    return html;
  }

  /**
   * Handles a click on a link inside rendered notes: in the desktop app external links go to the
   * system browser (the reading view is never navigated away); in the browser mode they open in
   * a new tab by themselves.
   */
  handleLinkClick(event: MouseEvent, onError: (error: unknown) => void): boolean {
    const link = (event.target as Element | null)?.closest?.('a');
    if (!(link instanceof HTMLAnchorElement)) return false;
    if (followAnnotationLink(event, link, this.client)) return true;
    if (this.client.mode === 'desktop' || !link.hasAttribute('href')) {
      event.preventDefault();
      if (link.dataset.external === 'true') this.client.api.openExternal({ url: link.href }).catch(onError);
    }
    return true;
  }
}
