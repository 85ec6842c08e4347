/**
 * Finds the h1–h6 elements of an indexed article and where their text starts.
 */
import { HeadingOutline, normalizeTitle } from './heading-outline';
import type { HeadingOffset } from './heading-outline';
import type { TextIndex } from './text-index';

const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';

/** The headings under `index.root`, in document order, as offsets into `index.text`. */
export function headingsFromDom(index: TextIndex): HeadingOffset[] {
  const headings: HeadingOffset[] = [];
  const range = index.root.ownerDocument.createRange();
  for (const element of index.root.querySelectorAll(HEADING_SELECTOR)) {
    const title = normalizeTitle(element.textContent ?? '');
    // An empty heading names nothing a reader could recognise.
    if (title === '') {
      continue;
    }
    range.selectNodeContents(element);
    const span = index.offsetsFromRange(range);
    if (span) {
      headings.push({ start: span.start, level: Number(element.tagName.charAt(1)), title });
    }
  }
  return headings;
}

/** The heading outline of an indexed article. */
export function outlineFromDom(index: TextIndex): HeadingOutline {
  return new HeadingOutline(headingsFromDom(index), index.text.length);
}

/** A `headingPathAt` helper for `describeRange`, reading the article's headings once. */
export function headingPathResolver(index: TextIndex): (offset: number) => string[] {
  const outline = outlineFromDom(index);
  return (offset) => outline.pathAt(offset);
}
