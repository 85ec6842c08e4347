/**
 * Checks of a quote at the place it is expected (its stored position, or where its neighbour's
 * shift puts it): cheap comparisons that settle most passages before any search.
 */
import type { AnnotationTarget } from '../../api';
import type { QuoteToMatch } from './match-quote';
import { SELF_EVIDENT_QUOTE_LENGTH } from './match-verdict';
import { occursAt } from './text-at';
import { cutsWord, originalCuts } from './word-bounds';

/**
 * Whether the stored position still holds the quote, and whether its whole context too. On the
 * text the target was made on, the quote alone is enough (it guards against rendering changes);
 * on a changed text the context must match too, since an edit may have brought another copy of
 * the same words to that spot.
 */
export function positionHolds(text: string, target: AnnotationTarget, sameText: boolean): false | 'with context' | 'quote only' {
  const { start, end } = target.position;
  const { exact } = target.quote;
  if (start < 0 || end - start !== exact.length || !occursAt(text, exact, start)) {
    return false;
  }
  if (contextHolds(text, start, end, target.quote)) {
    return 'with context';
  }
  return sameText && 'quote only';
}

/** Whether the quote's whole prefix ends at `start` and its whole suffix begins at `end`. */
export function contextHolds(text: string, start: number, end: number, quote: QuoteToMatch): boolean {
  const { prefix, suffix } = quote;
  return start >= prefix.length && occursAt(text, prefix, start - prefix.length) && occursAt(text, suffix, end);
}

/**
 * Whether the quote is found unchanged at `at`, certain because it sits where it was predicted
 * and either is long or has one side of its context with it, and cuts no word the reader's
 * selection did not: 'intact' when both sides of its context are with it, 'found' when it holds
 * otherwise, false when it does not.
 */
export function predictedCopyAt(text: string, at: number, quote: QuoteToMatch): false | 'intact' | 'found' {
  if (at < 0 || !occursAt(text, quote.exact, at)) {
    return false;
  }
  const { prefix, suffix } = quote;
  const end = at + quote.exact.length;
  const prefixHolds = prefix.length > 0 && occursAt(text, prefix, at - prefix.length);
  const suffixHolds = suffix.length > 0 && occursAt(text, suffix, end);
  if (quote.exact.length < SELF_EVIDENT_QUOTE_LENGTH && !prefixHolds && !suffixHolds) {
    return false;
  }
  if (cutsWord(text, at) || cutsWord(text, end)) {
    const cuts = originalCuts(quote);
    if ((!cuts.start && cutsWord(text, at)) || (!cuts.end && cutsWord(text, end))) {
      return false;
    }
  }
  return prefixHolds && suffixHolds ? 'intact' : 'found';
}

