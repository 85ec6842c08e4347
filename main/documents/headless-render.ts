/**
 * The reading view's article, rendered without a page: the main side (import, export, the CLI)
 * renders a document's Markdown into a jsdom window through exactly the calls the reading view
 * makes (renderer/article/article-view.ts: createMarkdownRenderer, fillArticleRoot,
 * readArticleStructure, TextIndex), so its rendered text, and every offset into it, is the
 * browser's. tests/e2e/headless-render.spec.ts holds the two side by side.
 *
 * jsdom is heavy (it takes a few hundred milliseconds to load), so it is loaded on first use and
 * one window serves every render after that.
 */
import type { HeadingOffset } from '../common/anchoring/heading-outline';
import { HeadingOutline } from '../common/anchoring/heading-outline';
import { headingsFromDom } from '../common/anchoring/headings-from-dom';
import { TextIndex } from '../common/anchoring/text-index';
import { fillArticleRoot, readArticleStructure } from '../common/article/article-root';
import { visibleText } from '../common/article/headings';
import { renderNoteHtml, renderNotesHtml, stripPageAnchors } from '../common/article/note-html';
import { createMarkdownRenderer } from '../common/article/render-markdown';

/** One question of a document's FAQ, lifted out of the rendered article. */
export interface HeadlessFaqEntry {
  /** The question element's id in the article (its `#fragment`). */
  id: string;
  question: string;
  /** The answer's text, one block per paragraph (blank-line separated), whitespace collapsed. */
  answerText: string;
  /** The answer as sanitized HTML, without ids or in-page links, safe to show anywhere. */
  answerHtml: string;
}

/** A document as the reading view shows it, reduced to what the main side works with. */
export interface HeadlessArticle {
  /** The rendered text: every Text node under the article root, concatenated. */
  text: string;
  /** Every heading with the offset where its text starts, in document order. */
  headings: HeadingOffset[];
  /** The heading outline over `text` (heading paths, sections), as anchoring uses it. */
  outline: HeadingOutline;
  faq: HeadlessFaqEntry[];
  /** How many remote images were blocked (the notice above the article says so, in `text`). */
  remoteContentBlocked: number;
}

/** Renders articles and notes on the main side. */
export interface HeadlessRenderer {
  /** Renders a document's Markdown (the file, or the plain-text importer's output). */
  renderArticle(markdown: string): HeadlessArticle;
  /** A note's Markdown as sanitized HTML, exactly as the sidebar shows it (links open in a new tab). */
  renderNote(markdown: string): string;
  /** Many notes, each as `renderNote` renders it, in a few passes over all of them (an export's). */
  renderNotes(markdowns: readonly string[]): string[];
}

let loading: Promise<HeadlessRenderer> | null = null;

/** How much rendered note HTML is kept for the next export, in characters of Markdown and HTML. */
const NOTE_CACHE_CHARACTERS = 16 * 1024 * 1024;

/** Rendered notes by their Markdown, the oldest forgotten first once they hold more than `budget` characters. */
class BoundedCache {
  readonly #entries = new Map<string, string>();
  #size = 0;

  constructor(private readonly budget: number) {}

  has(markdown: string): boolean {
    return this.#entries.has(markdown);
  }

  get(markdown: string): string | undefined {
    return this.#entries.get(markdown);
  }

  set(markdown: string, html: string): void {
    const size = markdown.length + html.length;
    if (size > this.budget || this.#entries.has(markdown)) return;
    this.#entries.set(markdown, html);
    this.#size += size;
    for (const [oldest, value] of this.#entries) {
      if (this.#size <= this.budget) break;
      this.#entries.delete(oldest);
      this.#size -= oldest.length + value.length;
    }
  }
}

/** The headless renderer, loading jsdom the first time it is asked for. */
export function loadHeadlessRenderer(): Promise<HeadlessRenderer> {
  loading ??= createHeadlessRenderer().catch((error: unknown) => {
    // A failed load (jsdom missing from an install) is retried next time rather than cached.
    loading = null;
    throw error;
  });
  return loading;
}

async function createHeadlessRenderer(): Promise<HeadlessRenderer> {
  const { JSDOM } = await import('jsdom');
  // jsdom runs no script and fetches nothing unless asked to; neither is asked for.
  const window = new JSDOM('<!doctype html><html><head></head><body></body></html>').window as unknown as Window;
  const markdownRenderer = createMarkdownRenderer(window);
  // An export of the library again (a change, another format) renders only the notes that changed.
  const rendered = new BoundedCache(NOTE_CACHE_CHARACTERS);
  return {
    renderArticle(markdown) {
      // Images contribute no text: whether a local one would load changes no offset, so none is
      // resolved. Links open in a new tab, as in the browser mode; that is attributes only.
      const rendered = markdownRenderer.renderNodes(markdown, { resolveAssetUrl: () => null, externalLinks: 'new-tab' });
      const root = window.document.createElement('article');
      root.className = 'article';
      root.id = 'article';
      window.document.body.append(root);
      try {
        fillArticleRoot(root, rendered);
        const { faq } = readArticleStructure(root);
        const index = new TextIndex(root);
        const headings = headingsFromDom(index);
        return {
          text: index.text,
          headings,
          outline: new HeadingOutline(headings, index.text.length),
          faq: faq.map((entry) => ({
            id: entry.id,
            question: entry.question,
            answerText: entry.answerElements.map(visibleText).filter((text) => text !== '').join('\n\n'),
            answerHtml: portableHtml(window, entry.answerElements),
          })),
          remoteContentBlocked: rendered.remoteContentBlocked,
        };
      } finally {
        root.remove();
      }
    },
    renderNote(markdown) {
      return renderNoteHtml(markdownRenderer, window, markdown, 'new-tab');
    },
    renderNotes(markdowns) {
      const missing = [...new Set(markdowns.filter((markdown) => !rendered.has(markdown)))];
      renderNotesHtml(markdownRenderer, window, missing, 'new-tab').forEach((html, index) => rendered.set(missing[index]!, html));
      return markdowns.map((markdown) => rendered.get(markdown) ?? renderNoteHtml(markdownRenderer, window, markdown, 'new-tab'));
    },
  };
}

/** Copies of `elements`, without what ties them to the article, serialized. */
function portableHtml(window: Window, elements: readonly Element[]): string {
  const holder = window.document.createElement('template');
  for (const element of elements) holder.content.append(element.cloneNode(true));
  stripPageAnchors(holder.content);
  return holder.innerHTML;
}
