/**
 * Quote and position selectors for a span of the rendered text: the string-only half of
 * describing a selection, shared by new highlights and by re-anchoring.
 */
import type { TextPositionSelector, TextQuoteSelector } from '../../api';
import { graphemeBoundaryAfter, graphemeBoundaryBefore, isGraphemeBoundary } from './graphemes';

/** Number of characters around the quote to capture as context, on each side. */
export const CONTEXT_LENGTH = 32;

/** The selectors that locate a span of text, before heading path and hash are added. */
export interface TextSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

const WHITESPACE = /\s/;

/**
 * Describe `text[start, end)` as selectors. The span grows to whole characters (never half a
 * surrogate pair or a letter without its accents), then loses leading and trailing whitespace,
 * which selections pick up easily and which carries no meaning. Returns null when nothing but
 * whitespace is left.
 */
export function describeText(text: string, start: number, end: number): TextSelectors | null {
  let from = graphemeBoundaryBefore(text, Math.min(start, end));
  let to = graphemeBoundaryAfter(text, Math.max(start, end));
  // Only whitespace that is a whole cluster is dropped: a space carrying a combining mark stays.
  while (from < to && WHITESPACE.test(text.charAt(from)) && isGraphemeBoundary(text, from + 1)) {
    from += 1;
  }
  while (to > from && WHITESPACE.test(text.charAt(to - 1)) && isGraphemeBoundary(text, to - 1)) {
    to -= 1;
  }
  if (from >= to) {
    return null;
  }
  // Context shrinks rather than grows at its outer ends, so it never exceeds CONTEXT_LENGTH.
  const prefixStart = graphemeBoundaryAfter(text, from - CONTEXT_LENGTH);
  const suffixEnd = graphemeBoundaryBefore(text, to + CONTEXT_LENGTH);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(from, to),
      prefix: text.slice(prefixStart, from),
      suffix: text.slice(to, suffixEnd),
    },
    position: { type: 'TextPositionSelector', start: from, end: to },
  };
}
