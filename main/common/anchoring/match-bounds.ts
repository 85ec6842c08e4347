/**
 * Puts the ends of an approximate match where the quote's context says they are.
 *
 * Edit distance alone misplaces the ends of an edited passage: when a long word replaces a short
 * one near the start of a quote, dropping the quote's first word is "cheaper" than keeping it, so
 * the match starts a word late. The stored prefix and suffix, found intact next to the match,
 * tell where the passage really begins and ends; found right against it, they are the strongest
 * evidence that the span is the passage the reader selected.
 */
import { occursAt } from './text-at';
import type { TextSpan } from './text-index';

/** The quote fields used here. */
interface QuoteContext {
  exact: string;
  prefix: string;
  suffix: string;
}

// Context characters next to the quote that must be found intact: enough to be telling, few
// enough that an edit a little further out does not prevent the correction.
const PROBE_LENGTH = 16;

/**
 * `span` with its start moved to the end of the nearby stored prefix and its end moved to the
 * start of the nearby stored suffix, when those are found intact within `maxErrors` characters.
 * The span is returned as it is when the corrected one could not be within `maxErrors` edits of
 * the quote (its length differs by more). Says nothing of how alike the new span is to the quote:
 * the caller measures that (`boundedEditDistance`).
 */
export function refineBounds(text: string, span: TextSpan, quote: QuoteContext, maxErrors: number): TextSpan {
  const start = nearestEnd(text, quote.prefix.slice(-PROBE_LENGTH), span.start, maxErrors) ?? span.start;
  const end = nearestStart(text, quote.suffix.slice(0, PROBE_LENGTH), span.end, maxErrors) ?? span.end;
  if (end <= start || Math.abs(end - start - quote.exact.length) > maxErrors) {
    return { start: span.start, end: span.end };
  }
  return { start, end };
}

/**
 * Whether the stored context lies intact right against `span`: the prefix's last characters
 * end at its start, and the suffix's first characters begin at its end. An empty prefix (the
 * passage began the text) holds only at the start of the text, an empty suffix only at its end.
 */
export function contextPins(text: string, span: TextSpan, quote: QuoteContext): { start: boolean; end: boolean } {
  const before = quote.prefix.slice(-PROBE_LENGTH);
  const after = quote.suffix.slice(0, PROBE_LENGTH);
  return {
    start: before.length === 0 ? span.start === 0 : span.start >= before.length && occursAt(text, before, span.start - before.length),
    end: after.length === 0 ? span.end === text.length : occursAt(text, after, span.end),
  };
}

// Prefix probes found in a scope beyond this many say little about where the passage is.
const MAX_CONTEXT_HITS = 32;

/**
 * The spans of `scope` that lie between the stored prefix's last characters and the suffix's
 * first ones, found intact and as far apart as the quote is long, give or take `maxErrors`: where
 * a passage edited in place (or moved with its context) is, found by `indexOf` alone. Quotes
 * without a prefix or without a suffix give none.
 */
export function spansBetweenContext(text: string, scope: TextSpan, quote: QuoteContext, maxErrors: number): TextSpan[] {
  const before = quote.prefix.slice(-PROBE_LENGTH);
  const after = quote.suffix.slice(0, PROBE_LENGTH);
  if (before.length === 0 || after.length === 0) {
    return [];
  }
  const spans: TextSpan[] = [];
  const length = quote.exact.length;
  // Searched in slices, so that a probe missing from the scope is not looked for past it.
  const hay = text.slice(scope.start, scope.end);
  for (let at = hay.indexOf(before); at !== -1 && spans.length < MAX_CONTEXT_HITS; at = hay.indexOf(before, at + 1)) {
    const start = at + before.length;
    const low = start + Math.max(1, length - maxErrors);
    const found = hay.slice(low, start + length + maxErrors + after.length).indexOf(after);
    if (found !== -1) {
      spans.push({ start: scope.start + start, end: scope.start + low + found });
    }
  }
  return spans;
}

/** End offset of the occurrence of `probe` ending nearest `at`, within `reach` of it. */
function nearestEnd(text: string, probe: string, at: number, reach: number): number | undefined {
  if (probe.length === 0) {
    return undefined;
  }
  const from = Math.max(0, at - reach - probe.length);
  const found = nearestOccurrence(text.slice(from, Math.min(text.length, at + reach)), probe, at - from - probe.length);
  return found === undefined ? undefined : from + found + probe.length;
}

/** Start offset of the occurrence of `probe` starting nearest `at`, within `reach` of it. */
function nearestStart(text: string, probe: string, at: number, reach: number): number | undefined {
  if (probe.length === 0) {
    return undefined;
  }
  const from = Math.max(0, at - reach);
  const found = nearestOccurrence(text.slice(from, Math.min(text.length, at + reach + probe.length)), probe, at - from);
  return found === undefined ? undefined : from + found;
}

function nearestOccurrence(hay: string, needle: string, target: number): number | undefined {
  let best: number | undefined;
  for (let i = hay.indexOf(needle); i !== -1; i = hay.indexOf(needle, i + 1)) {
    if (best === undefined || Math.abs(i - target) < Math.abs(best - target)) {
      best = i;
    }
  }
  return best;
}
