/**
 * Turns a selection (a DOM Range) into the target Gloss stores: selectors, never the range.
 */
import type { AnnotationTarget } from '../../main/api';
import { describeText } from '../../main/common/anchoring/describe-text';
import type { TextIndex } from '../../main/common/anchoring/text-index';

/**
 * Describe `range` as an annotation target over `index`: a quote with up to 32 characters of
 * context on each side, its position, the titles of its enclosing headings and the content hash
 * of the document it was made on. Leading and trailing whitespace is left out of the quote, and
 * the span is widened to whole characters. Returns null for a range outside the root or one that
 * selects only whitespace.
 *
 * Quotes longer than the contract's `LIMITS.maxQuoteLength` are returned as they are: refusing
 * them, with a message, is the caller's decision.
 *
 * @param headingPathAt - Heading titles enclosing an offset (see `headingPathResolver`).
 */
export function describeRange(
  index: TextIndex,
  range: Range,
  contentHash: string,
  headingPathAt: (offset: number) => string[],
): AnnotationTarget | null {
  const span = index.offsetsFromRange(range);
  if (!span) {
    return null;
  }
  const selectors = describeText(index.text, span.start, span.end);
  if (!selectors) {
    return null;
  }
  return {
    quote: selectors.quote,
    position: selectors.position,
    headingPath: headingPathAt(selectors.position.start),
    contentHash,
  };
}
