/**
 * Finds a quote in a text that may have changed since the quote was taken: exactly when it can,
 * approximately (approx-string-match) when it must, and nearest the place it is expected first.
 *
 * Candidates are scored the way Hypothesis does (src/annotator/anchoring/match-quote.ts): mostly
 * how alike the quote is, then how alike the text on either side is to the stored prefix and
 * suffix, and the distance to the expected position as a tie-breaker. Unlike Hypothesis, a match
 * must also pass thresholds, so that a passage that is gone is reported as orphaned instead of
 * being pinned to some loosely similar text.
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import { refineBounds } from './match-bounds';
import { seededSearch } from './seed-search';
import type { TextSpan } from './text-index';
import { similarity } from './text-similarity';

/** What is searched for: the fields of a TextQuoteSelector. */
export interface QuoteToMatch {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the quote is expected; everything is optional, and the whole text is searched last. */
export interface MatchHint {
  /** Expected start of the quote. */
  position?: number;
  /** Span to search before anything wider. Defaults to a window around `position`. */
  window?: TextSpan;
  /** Span of the quote's section (see HeadingOutline), searched after the window. */
  section?: TextSpan;
}

/** A match of the quote. */
export interface QuoteMatch extends TextSpan {
  /** 0..1: 1 for the quote and its context found unchanged. */
  score: number;
  /** `exact` when the quote itself was found unchanged (its context may differ). */
  kind: 'exact' | 'approx';
}

/**
 * Least similarity (1 − edits ÷ length) of a match to the quote. Below three quarters of the
 * characters, a passage has been rewritten rather than edited and is better re-attached by the
 * reader; it also bounds the edit-distance search, whose cost grows with the errors allowed.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * Least mean similarity of the context for a match that relies on it. A 32-character context
 * scores about 0.2 against unrelated English text and above 0.5 less than once in a hundred
 * tries, so past one half (on both sides, averaged) the context is evidence, not chance.
 */
export const MIN_CONTEXT_SIMILARITY = 0.5;

/**
 * Quotes at least this long are accepted on their own similarity. Shorter ones ("the cat", a
 * name) recur by chance, so away from their expected window they also need their context.
 */
export const SELF_EVIDENT_QUOTE_LENGTH = 32;

/** Cap on the errors allowed when the whole text is searched, as in Hypothesis. */
export const MAX_WHOLE_TEXT_ERRORS = 256;

/** Spans up to this long are searched with the edit-distance automaton; longer ones are seeded. */
const MAX_FULL_SCAN_LENGTH = 64 * 1024;

/** How far around the expected position the first window reaches: quote lengths, then characters. */
const WINDOW_QUOTE_LENGTHS = 4;
const WINDOW_SLACK = 256;

/** Exact occurrences scored for context, nearest the expected position first. */
const MAX_EXACT_CANDIDATES = 256;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/** Most errors worth searching for in a quote of `length` characters. */
export function maxErrorsFor(length: number): number {
  return Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
}

/** The default first window: the quote's length a few times over, plus slack, on each side. */
export function windowAround(position: number, quoteLength: number, textLength: number): TextSpan {
  const reach = WINDOW_QUOTE_LENGTHS * quoteLength + WINDOW_SLACK;
  return clip({ start: position - reach, end: position + quoteLength + reach }, textLength);
}

interface Candidate extends QuoteMatch {
  quoteScore: number;
  contextScore: number;
}

/** A span to search, and whether it is the window where the quote is expected. */
interface Scope extends TextSpan {
  isWindow: boolean;
}

/**
 * Find `quote` in `text`. Scopes are searched from the narrowest: the hint window, the section,
 * the whole text. First the quote with its full context, unchanged, in each scope in turn; then,
 * in each scope in turn, the quote alone (copies scored by their context) and, when it is not
 * there, approximate matches. Stops at the first match whose context agrees; otherwise returns
 * the best acceptable match of all, or null when none is acceptable.
 */
export function matchQuote(text: string, quote: QuoteToMatch, hint: MatchHint = {}): QuoteMatch | null {
  const { exact, prefix, suffix } = quote;
  if (exact.length === 0 || exact.length > text.length) {
    return null;
  }
  const scopes = scopesFor(text.length, exact.length, hint);
  const expected = hint.position;
  // Exact occurrences per scope, found once and only when needed: the quote with its context is
  // among them, so one scan serves both the search with context and the one without.
  const cache: number[][] = [];
  const exactHitsIn = (i: number): number[] => (cache[i] ??= occurrences(text, exact, scopes[i]!));

  if (prefix.length > 0 || suffix.length > 0) {
    for (const i of scopes.keys()) {
      const inContext = exactHitsIn(i).filter(
        (at) => at >= prefix.length && text.startsWith(prefix, at - prefix.length) && text.startsWith(suffix, at + exact.length),
      );
      const at = expected === undefined ? inContext[0] : byDistance(inContext, expected)[0];
      if (at !== undefined) {
        return { start: at, end: at + exact.length, score: 1, kind: 'exact' };
      }
    }
  }

  let best: Candidate | undefined;
  for (const [i, scope] of scopes.entries()) {
    const score = (m: Match): Candidate => scoreMatch(text, quote, m, expected);
    const keep = (c: Candidate): boolean => acceptable(c, exact.length, scope.isWindow);
    const hits = exactHitsIn(i);
    const nearestHits = expected === undefined ? hits : byDistance(hits, expected);
    const exactCandidates = nearestHits.slice(0, MAX_EXACT_CANDIDATES).map((start) => score({ start, end: start + exact.length, errors: 0 }));
    best = top([...exactCandidates.filter(keep), ...(best ? [best] : [])]);
    if (best && best.contextScore >= MIN_CONTEXT_SIMILARITY) {
      return publicMatch(best);
    }
    const wholeText = scope.start === 0 && scope.end === text.length;
    const maxErrors = wholeText ? Math.min(MAX_WHOLE_TEXT_ERRORS, maxErrorsFor(exact.length)) : maxErrorsFor(exact.length);
    // With the quote present unchanged, an approximate search would return only those copies.
    if (maxErrors > 0 && hits.length === 0) {
      const matches = approximate(text, scope, exact, maxErrors).map((m) => score(refineBounds(text, m, quote, maxErrors)));
      best = top([...matches.filter(keep), ...(best ? [best] : [])]);
      if (best && best.contextScore >= MIN_CONTEXT_SIMILARITY) {
        return publicMatch(best);
      }
    }
  }
  return best ? publicMatch(best) : null;
}

function publicMatch(c: Candidate): QuoteMatch {
  return { start: c.start, end: c.end, score: c.score, kind: c.kind };
}

/** Search scopes from narrowest to widest, dropping any that an earlier one already covers. */
function scopesFor(textLength: number, quoteLength: number, hint: MatchHint): Scope[] {
  const scopes: Scope[] = [];
  const window = hint.window ?? (hint.position === undefined ? undefined : windowAround(hint.position, quoteLength, textLength));
  const candidates: [TextSpan | undefined, boolean][] = [
    [window, true],
    [hint.section, false],
    [{ start: 0, end: textLength }, false],
  ];
  for (const [span, isWindow] of candidates) {
    if (!span) {
      continue;
    }
    const clipped = clip(span, textLength);
    const covered = scopes.some((s) => s.start <= clipped.start && s.end >= clipped.end);
    if (!covered && clipped.end - clipped.start >= quoteLength) {
      scopes.push({ ...clipped, isWindow });
    }
  }
  return scopes;
}

function clip(span: TextSpan, textLength: number): TextSpan {
  const start = Math.max(0, Math.min(span.start, textLength));
  return { start, end: Math.max(start, Math.min(span.end, textLength)) };
}

/** Start offsets of `needle` lying wholly inside `span`. */
function occurrences(text: string, needle: string, span: TextSpan): number[] {
  // Searching a slice keeps a miss from scanning past the span to the end of the text.
  const hay = span.start === 0 && span.end === text.length ? text : text.slice(span.start, span.end);
  const found: number[] = [];
  for (let at = hay.indexOf(needle); at !== -1; at = hay.indexOf(needle, at + 1)) {
    found.push(at + span.start);
  }
  return found;
}

function byDistance(offsets: number[], to: number): number[] {
  return offsets.length <= 1 ? offsets : [...offsets].sort((a, b) => Math.abs(a - to) - Math.abs(b - to));
}

function approximate(text: string, scope: TextSpan, exact: string, maxErrors: number): Match[] {
  if (scope.end - scope.start > MAX_FULL_SCAN_LENGTH) {
    return seededSearch(text, scope, exact, maxErrors);
  }
  return search(text.slice(scope.start, scope.end), exact, maxErrors).map((m) => ({
    start: m.start + scope.start,
    end: m.end + scope.start,
    errors: m.errors,
  }));
}

function scoreMatch(text: string, quote: QuoteToMatch, m: Match, expected: number | undefined): Candidate {
  const quoteScore = 1 - m.errors / quote.exact.length;
  const prefixScore = similarity(text.slice(Math.max(0, m.start - quote.prefix.length), m.start), quote.prefix);
  const suffixScore = similarity(text.slice(m.end, m.end + quote.suffix.length), quote.suffix);
  const positionScore = expected === undefined ? 1 : 1 - Math.abs(m.start - expected) / Math.max(1, text.length);
  const contextWeight = WEIGHTS.prefix + WEIGHTS.suffix;
  const contextScore = (WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore) / contextWeight;
  const score =
    (WEIGHTS.quote * quoteScore + contextWeight * contextScore + WEIGHTS.position * positionScore) /
    (WEIGHTS.quote + contextWeight + WEIGHTS.position);
  return { start: m.start, end: m.end, score, kind: m.errors === 0 ? 'exact' : 'approx', quoteScore, contextScore };
}

function top(candidates: Candidate[]): Candidate | undefined {
  let best: Candidate | undefined;
  for (const c of candidates) {
    if (!best || c.score > best.score) {
      best = c;
    }
  }
  return best;
}

function acceptable(c: Candidate, quoteLength: number, inWindow: boolean): boolean {
  if (c.quoteScore < MIN_QUOTE_SIMILARITY) {
    return false;
  }
  if (c.contextScore >= MIN_CONTEXT_SIMILARITY || quoteLength >= SELF_EVIDENT_QUOTE_LENGTH) {
    return true;
  }
  // A short quote found unchanged right where it was expected needs no further evidence.
  return inWindow && c.kind === 'exact';
}
