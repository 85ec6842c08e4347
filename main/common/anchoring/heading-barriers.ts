/**
 * Headings as barriers: a span found for a quote never overlaps a heading whose title the quote
 * does not hold, so that a passage that lost its last sentence does not run on into the next
 * section.
 */
import type { TextSpan } from './text-index';

/** Where a heading's text lies, and its title: a span no match may run into unless the quote holds the title. */
export interface HeadingSpan extends TextSpan {
  title: string;
}

/** The headings a span found for `exact` must not overlap: those whose title it does not hold. */
export function barriersFor(headings: readonly HeadingSpan[], exact: string): HeadingSpan[] {
  return headings.filter((heading) => !exact.includes(heading.title));
}

/**
 * The parts of `span` that overlap none of `barriers` (sorted by start), without the whitespace
 * at their ends: `span` itself when it overlaps none.
 */
export function partsOutside(text: string, span: TextSpan, barriers: readonly TextSpan[]): TextSpan[] {
  let first = 0;
  let high = barriers.length;
  while (first < high) {
    const mid = (first + high) >>> 1;
    if (barriers[mid]!.end <= span.start) {
      first = mid + 1;
    } else {
      high = mid;
    }
  }
  if (first === barriers.length || barriers[first]!.start >= span.end) {
    return [span];
  }
  const pieces: TextSpan[] = [];
  let from = span.start;
  for (let i = first; i < barriers.length && barriers[i]!.start < span.end; i++) {
    pieces.push({ start: from, end: Math.max(from, barriers[i]!.start) });
    from = Math.max(from, barriers[i]!.end);
  }
  pieces.push({ start: from, end: Math.max(from, span.end) });
  return pieces.map((piece) => trimSpaces(text, piece)).filter((piece) => piece.end > piece.start);
}

function trimSpaces(text: string, span: TextSpan): TextSpan {
  let { start, end } = span;
  while (start < end && text.charCodeAt(start) === 0x20) {
    start += 1;
  }
  while (end > start && text.charCodeAt(end - 1) === 0x20) {
    end -= 1;
  }
  return { start, end };
}

