/**
 * Puts the ends of an approximate match where the quote's context says they are.
 *
 * Edit distance alone misplaces the ends of an edited passage: when a long word replaces a short
 * one near the start of a quote, dropping the quote's first word is "cheaper" than keeping it, so
 * the match starts a word late. The stored prefix and suffix, found intact next to the match,
 * tell where the passage really begins and ends.
 */
import type { Match } from 'approx-string-match';

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
 * `match` with its start moved to the end of the nearby stored prefix and its end moved to the
 * start of the nearby stored suffix, when those are found intact within `maxErrors` characters.
 * The match is returned as it is when the corrected span could not be within `maxErrors` edits
 * of the quote (its length differs by more).
 */
export function refineBounds(text: string, match: Match, quote: QuoteContext, maxErrors: number): Match {
  const start = nearestEnd(text, quote.prefix.slice(-PROBE_LENGTH), match.start, maxErrors) ?? match.start;
  const end = nearestStart(text, quote.suffix.slice(0, PROBE_LENGTH), match.end, maxErrors) ?? match.end;
  const lengthChange = Math.abs(end - start - quote.exact.length);
  if (end <= start || lengthChange > maxErrors) {
    return match;
  }
  // A span longer or shorter than the quote takes at least that many edits.
  return { start, end, errors: Math.max(match.errors, lengthChange) };
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
