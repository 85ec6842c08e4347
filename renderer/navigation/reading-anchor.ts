import type { TextIndex } from '../../main/common/anchoring/text-index';
import type { ArticleModel } from '../article/article-view';

/** How far below the top edge of the view the reading line sits, in CSS pixels. */
const READING_LINE = 12;

/** The text position at a point of the page, from whichever caret API the browser has. */
function caretRangeAt(x: number, y: number): Range | null {
  const doc = document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    if (!position) return null;
    const range = document.createRange();
    range.setStart(position.offsetNode, position.offset);
    return range;
  }
  return doc.caretRangeFromPoint?.(x, y) ?? null;
}

/**
 * Where the reader is, as an offset in the article's text rather than a scroll fraction: the
 * same words come back to the top after the text size, line width or window size changed.
 */
export class ReadingAnchor {
  /** `article.index` is read only when a position is asked for or restored: it is built on first use. */
  constructor(
    private readonly article: Pick<ArticleModel, 'index'>,
    private readonly scrollRoot: HTMLElement,
  ) {}

  private get index(): TextIndex {
    return this.article.index;
  }

  /** The text offset at the reading line (near the top of the view), or null when there is none. */
  offsetAtTop(): number | null {
    const view = this.scrollRoot.getBoundingClientRect();
    const root = this.index.root.getBoundingClientRect();
    const x = Math.min(root.right - 1, root.left + parseFloat(getComputedStyle(this.index.root).paddingLeft) + 2);
    // Between paragraphs there is no text under the line: look a little further down.
    for (let y = view.top + READING_LINE; y < view.top + view.height / 2; y += 16) {
      const range = caretRangeAt(x, y);
      if (!range || !this.index.root.contains(range.startContainer)) continue;
      const span = this.index.offsetsFromRange(range);
      if (span) return span.start;
    }
    return null;
  }

  /** Scrolls so the text at `offset` sits on the reading line; false when the offset is not in the text. */
  scrollToOffset(offset: number): boolean {
    const length = this.index.text.length;
    if (!Number.isInteger(offset) || offset < 0 || offset >= length) return false;
    const range = this.index.rangeFromOffsets(offset, Math.min(length, offset + 1));
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.height === 0 && rect.width === 0) return false;
    const view = this.scrollRoot.getBoundingClientRect();
    this.scrollRoot.scrollTop += rect.top - view.top - READING_LINE;
    return true;
  }
}
