/**
 * Hypothesis's way of anchoring a passage, re-implemented (not copied) for the benchmarks to
 * compare Gloss against, from hypothesis/client:
 * - src/annotator/anchoring/match-quote.ts at commit 751012ad3506dd7884ae63c678577a9ec5603ab3:
 *   `search` (every exact occurrence by indexOf, and only when there is none approx-string-match
 *   over the whole text), `textMatchScore` and `matchQuote` (at most min(256, quote length / 2)
 *   errors; each match scored 50 × quote + 20 × prefix + 20 × suffix + 2 × position similarity;
 *   the best one returned, however low its score);
 * - src/annotator/anchoring/html.ts at commit d883b0b0179153e1bbeda840adf917d71ea99c20 and
 *   types.ts at commit f1e2a1cbc6ce45247513b7fb38b693187b0febb6: the TextPositionSelector is
 *   tried first and kept when the text at its offsets is the quote; otherwise the
 *   TextQuoteSelector is matched with the position's start as the hint.
 * Hypothesis matches on the text as it is (no Unicode, quote or whitespace folding), and says
 * nothing of certainty: whatever it finds, it anchors to.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';

/** A passage Hypothesis anchored to. */
export interface HypothesisMatch {
  start: number;
  end: number;
  score: number;
}

/** Every exact occurrence of `pattern`, or when there is none, the best approximate matches. */
function exactThenApproximate(text: string, pattern: string, maxErrors: number): Match[] {
  const exact: Match[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : search(text, pattern, maxErrors);
}

/** 0..1 similarity of `pattern` to the best-matching part of `text`; 0 when either is empty. */
function similarityScore(text: string, pattern: string): number {
  if (pattern.length === 0 || text.length === 0) {
    return 0;
  }
  // With as many errors allowed as the pattern has characters, there is always a match.
  const [best] = exactThenApproximate(text, pattern, pattern.length);
  return 1 - best!.errors / pattern.length;
}

/** Hypothesis's matchQuote: the best-scoring match of `quote` in `text`, or null when there is none. */
export function hypothesisMatchQuote(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number } = {},
): HypothesisMatch | null {
  if (quote.length === 0) {
    return null;
  }
  const matches = exactThenApproximate(text, quote, Math.min(256, quote.length / 2));
  let best: HypothesisMatch | null = null;
  for (const m of matches) {
    const quoteScore = 1 - m.errors / quote.length;
    const prefixScore = context.prefix ? similarityScore(text.slice(Math.max(0, m.start - context.prefix.length), m.start), context.prefix) : 1;
    const suffixScore = context.suffix ? similarityScore(text.slice(m.end, m.end + context.suffix.length), context.suffix) : 1;
    const positionScore = typeof context.hint === 'number' ? 1 - Math.abs(m.start - context.hint) / text.length : 1;
    const score = (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * positionScore) / 92;
    // A stable sort by descending score keeps the first of equal matches: so does a strict `>`.
    if (!best || score > best.score) {
      best = { start: m.start, end: m.end, score };
    }
  }
  return best;
}

/** The selectors Hypothesis would use: a TextPositionSelector and a TextQuoteSelector. */
export interface HypothesisTarget {
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
}

/** Hypothesis's anchoring of a target in `text`: its position if the quote is there, else matchQuote. */
export function hypothesisAnchor(text: string, target: HypothesisTarget): { start: number; end: number } | null {
  const { start, end } = target.position;
  if (start >= 0 && start <= end && end <= text.length && text.slice(start, end) === target.quote.exact) {
    return { start, end };
  }
  const { exact, prefix, suffix } = target.quote;
  const match = hypothesisMatchQuote(text, exact, { prefix, suffix, hint: start });
  return match && { start: match.start, end: match.end };
}
