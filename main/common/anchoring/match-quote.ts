/**
 * Finds quotes in a text that may have changed since they were taken: exactly when it can,
 * approximately (approx-string-match) when it must, nearest the place each is expected first.
 *
 * Candidates are scored the way Hypothesis does (src/annotator/anchoring/match-quote.ts): mostly
 * how alike the span is to the quote, then how alike the text on either side is to the stored
 * prefix and suffix, and the distance to the expected position as a tie-breaker. Unlike
 * Hypothesis, the similarity is the span's true edit distance to the quote (after its ends were
 * moved to the stored context and to word boundaries), and every candidate is judged by the rule
 * of `match-verdict.ts`: certain, for review, or rejected, so that a passage that is gone is
 * orphaned instead of pinned to some loosely similar text, and a doubtful one is shown as such.
 *
 * Many quotes are searched together (`matchQuotes`): each first in its window and section, and
 * those still without a certain match then in the whole text, where the approximate search of
 * all of them shares one pass over the text (`seededSearchMany`).
 */
import search from 'approx-string-match';
import type { Match } from 'approx-string-match';
import { boundedEditDistance } from './edit-distance';
import { barriersFor, partsOutside } from './heading-barriers';
import type { HeadingSpan } from './heading-barriers';
import { contextPins, refineBounds, spansBetweenContext } from './match-bounds';
import { judgeMatch, maxErrorsFor, MIN_CONTEXT_SIMILARITY } from './match-verdict';
import type { MatchVerdict } from './match-verdict';
import { scopesFor, windowAround } from './search-scopes';
import type { MatchHint, Scope } from './search-scopes';
import { seededSearch, seededSearchMany } from './seed-search';
import type { SeedRequest } from './seed-search';
import type { TextSpan } from './text-index';
import { similarity } from './text-similarity';
import { originalCuts, wordAlignedSpans } from './word-bounds';

/** What is searched for: the fields of a TextQuoteSelector. */
export interface QuoteToMatch {
  exact: string;
  prefix: string;
  suffix: string;
}

/** A match of the quote. */
export interface QuoteMatch extends TextSpan {
  /** 0..1: 1 for the quote and its context found unchanged where expected. */
  score: number;
  /** `exact` when the span is the quote unchanged (its context may differ). */
  kind: 'exact' | 'approx';
  /** Whether the span is certainly the quoted passage, or probably it (for the reader to review). */
  verdict: Exclude<MatchVerdict, 'reject'>;
}

/** A quote to find and where it is expected. */
export interface MatchRequest {
  quote: QuoteToMatch;
  hint: MatchHint;
}

/** Cap on the errors allowed when the whole text is searched, as in Hypothesis. */
export const MAX_WHOLE_TEXT_ERRORS = 256;

/** Spans up to this long are searched with the edit-distance automaton; longer ones are seeded. */
const MAX_FULL_SCAN_LENGTH = 16 * 1024;

/** Exact occurrences scored for context, nearest the expected position first. */
const MAX_EXACT_CANDIDATES = 256;

const WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;

/**
 * An edited span is doubted when another span, apart from it, is within this many more edits of
 * the quote: in text that repeats itself but for a number or a name, the passage that was
 * highlighted cannot be told from its twins, and the reader decides.
 */
const RIVAL_MARGIN = 1;

interface Candidate extends QuoteMatch {
  contextScore: number;
  /** True edit distance of the span to the quote. */
  distance: number;
}

/**
 * The search for one quote, scope after scope, keeping the best candidate of each verdict: first
 * `searchNear`, then (for searches not `settled`) `finishQuoteSearches`, then `result`.
 */
export class QuoteSearch {
  private readonly scopes: Scope[];
  private readonly cuts: { start: boolean; end: boolean };
  private readonly seen = new Set<string>();
  private certain: Candidate | undefined;
  private review: Candidate | undefined;
  /** Every span measured and not rejected, for the doubts of `checkDoubts`. */
  private readonly candidates: Candidate[] = [];
  private doubtsChecked = false;
  /** Whether the whole text has been searched for exact copies, and how many it holds. */
  private wholeTextCopies: number | undefined;

  private readonly barriers: readonly TextSpan[];

  /**
   * @param headings - The text of each heading, in offset order. A span found for the quote never
   *   overlaps one whose title the quote does not hold: a passage that lost its last sentence
   *   does not run on into the next section.
   */
  constructor(
    private readonly text: string,
    private readonly quote: QuoteToMatch,
    private readonly hint: MatchHint,
    headings: readonly HeadingSpan[] = [],
  ) {
    this.scopes = quote.exact.length === 0 || quote.exact.length > text.length ? [] : scopesFor(text.length, quote.exact.length, hint);
    this.cuts = originalCuts(quote);
    this.barriers = barriersFor(headings, quote.exact);
  }

  /** Whether a certain match has been found, or there is nothing more to search. */
  get settled(): boolean {
    return this.certain !== undefined || this.scopes.length === 0;
  }

  /** Searches every scope narrower than the whole text, stopping at a certain match. */
  searchNear(): void {
    for (const scope of this.scopes) {
      if (this.settled || isWhole(scope, this.text)) {
        return;
      }
      this.searchScope(scope);
    }
  }

  /**
   * Whether this search still needs the whole text (see `finishQuoteSearches`): it has no
   * certain match, and no match for review in its own context either. A passage with a plausible
   * match where it was expected is not looked for all over the text.
   */
  get needsWholeText(): boolean {
    const plausibleNearby = this.review !== undefined && this.review.contextScore >= MIN_CONTEXT_SIMILARITY;
    return !this.settled && !plausibleNearby && this.wholeTextCopies === undefined && this.scopes.some((scope) => isWhole(scope, this.text));
  }

  /** Searches a whole text short enough to scan: exactly, then with the automaton. */
  searchWholeAlone(): void {
    const whole = this.wholeScope();
    const hits = this.searchExact(whole);
    if (this.settled || hits > 0 || this.maxErrors(whole) === 0) {
      return;
    }
    for (const m of approximate(this.text, whole, this.quote.exact, this.maxErrors(whole))) {
      this.considerApproximate(m, whole);
    }
  }

  /** The seeded search of the whole text this quote needs. */
  wholeTextRequest(): SeedRequest {
    const whole = this.wholeScope();
    return { span: whole, pattern: this.quote.exact, maxErrors: this.maxErrors(whole) };
  }

  /**
   * Takes the seeded search's matches over the whole text: its exact copies (which the seeds
   * find all of) and edited ones. When the quote could not be seeded, its exact copies are found
   * by indexOf, and edited ones are not looked for.
   */
  considerWholeText(matches: readonly Match[] | null): void {
    const whole = this.wholeScope();
    if (matches === null) {
      this.searchExact(whole);
      return;
    }
    const copies = new Set(matches.filter((m) => m.errors === 0).map((m) => m.start));
    this.wholeTextCopies = copies.size;
    for (const start of copies) {
      this.consider({ start, end: start + this.quote.exact.length }, whole, true);
    }
    for (const m of matches) {
      if (m.errors > 0) {
        this.considerApproximate(m, whole);
      }
    }
  }

  /** The best match found: a certain one, else one for review, else null. */
  result(): QuoteMatch | null {
    this.checkDoubts();
    const best = this.certain ?? this.review;
    return best ? { start: best.start, end: best.end, score: best.score, kind: best.kind, verdict: best.verdict } : null;
  }

  /**
   * An edited span taken as certain is doubted before it is kept, because the search stops at the
   * first certain match near the expected place: the window around it is searched for rivals, and
   * when a span apart from it is about as close to the quote (within RIVAL_MARGIN edits), every
   * edited span is kept for review instead. That rival may be the quote itself, unchanged, a
   * little further than expected (text inserted above near-twin paragraphs): it is then judged
   * on its own, and anchored when its context holds. Or it is a twin as close as the span (one of
   * several sentences alike but for a number was deleted): the reader decides. An unchanged copy
   * far away is no rival: a passage edited in place, pinned by its context at both ends, is the
   * reader's, and the copy elsewhere is a quotation of it.
   */
  private checkDoubts(): void {
    const taken = this.certain;
    if (this.doubtsChecked || taken === undefined || taken.kind === 'exact') return;
    this.doubtsChecked = true;
    const around = { ...windowAround(taken.start, this.quote.exact.length, this.text.length), isWindow: true };
    // Only spans apart from it and about as close can be rivals: the search allows no more
    // errors than that, and what overlaps the span taken is not measured.
    const rivalErrors = Math.min(this.maxErrors(around), taken.distance + RIVAL_MARGIN);
    for (const m of approximate(this.text, around, this.quote.exact, rivalErrors)) {
      if (m.end > taken.start && m.start < taken.end) continue;
      this.considerApproximate(m, around);
    }
    const rivalled = this.candidates.some((c) => (c.end <= taken.start || c.start >= taken.end) && c.distance <= taken.distance + RIVAL_MARGIN);
    if (!rivalled) return;
    for (const c of this.candidates) {
      if (c.kind === 'approx') c.verdict = 'review';
    }
    this.certain = best(this.candidates.filter((c) => c.verdict === 'certain'));
    this.review = best(this.candidates.filter((c) => c.verdict === 'review'));
  }

  private wholeScope(): Scope {
    return this.scopes.find((scope) => isWhole(scope, this.text))!;
  }

  private searchScope(scope: Scope): void {
    const hits = this.searchExact(scope);
    // With the quote present unchanged, an approximate search would return only those copies.
    if (this.settled || hits > 0 || this.maxErrors(scope) === 0) {
      return;
    }
    // A passage edited in place still lies between its stored prefix and suffix: found by
    // indexOf, that span is measured at once, and the automaton is spared when it is certain.
    for (const span of spansBetweenContext(this.text, scope, this.quote, this.maxErrors(scope))) {
      this.consider(span, scope, false);
    }
    if (this.settled) {
      return;
    }
    for (const m of approximate(this.text, scope, this.quote.exact, this.maxErrors(scope))) {
      this.considerApproximate(m, scope);
    }
  }

  /** Scores the exact copies in `scope`; returns how many there are. */
  private searchExact(scope: Scope): number {
    const { exact } = this.quote;
    const hits = occurrences(this.text, exact, scope);
    const whole = isWhole(scope, this.text);
    if (whole) {
      this.wholeTextCopies = hits.length;
    }
    const expected = this.hint.position;
    const nearest = expected === undefined ? hits : byDistance(hits, expected);
    for (const start of nearest.slice(0, MAX_EXACT_CANDIDATES)) {
      // Scored again in the whole text, where being the only copy may make it certain.
      this.consider({ start, end: start + exact.length }, scope, whole);
    }
    return hits.length;
  }

  private considerApproximate(m: Match, scope: Scope): void {
    this.consider(refineBounds(this.text, m, this.quote, this.maxErrors(scope)), scope, false);
  }

  private maxErrors(scope: Scope): number {
    const errors = maxErrorsFor(this.quote.exact.length);
    return isWhole(scope, this.text) ? Math.min(MAX_WHOLE_TEXT_ERRORS, errors) : errors;
  }

  /** Measures a found span (moved to word boundaries first), judges it and keeps it if it is the best. */
  private consider(found: TextSpan, scope: Scope, rescore: boolean): void {
    const key = `${found.start}:${found.end}`;
    if (this.seen.has(key) && !rescore) {
      return;
    }
    this.seen.add(key);
    const c = this.measure(found, scope);
    if (!c) {
      return;
    }
    this.candidates.push(c);
    if (c.verdict === 'certain') {
      if (!this.certain || c.score > this.certain.score) {
        this.certain = c;
      }
    } else if (!this.review || c.score > this.review.score) {
      this.review = c;
    }
  }

  private measure(found: TextSpan, scope: Scope): Candidate | null {
    const { text, quote } = this;
    const budget = maxErrorsFor(quote.exact.length);
    let span: TextSpan | undefined;
    let distance = budget + 1;
    for (const piece of partsOutside(text, found, this.barriers)) {
      for (const aligned of wordAlignedSpans(text, piece, this.cuts)) {
        const d = boundedEditDistance(text.slice(aligned.start, aligned.end), quote.exact, budget);
        if (d < distance) {
          span = aligned;
          distance = d;
        }
      }
    }
    if (!span) {
      return null;
    }
    const quoteScore = 1 - distance / quote.exact.length;
    const prefixScore = similarity(text.slice(Math.max(0, span.start - quote.prefix.length), span.start), quote.prefix);
    const suffixScore = similarity(text.slice(span.end, span.end + quote.suffix.length), quote.suffix);
    const expected = this.hint.position;
    const positionScore = expected === undefined ? 1 : 1 - Math.abs(span.start - expected) / Math.max(1, text.length);
    const contextWeight = WEIGHTS.prefix + WEIGHTS.suffix;
    const contextScore = (WEIGHTS.prefix * prefixScore + WEIGHTS.suffix * suffixScore) / contextWeight;
    const score =
      (WEIGHTS.quote * quoteScore + contextWeight * contextScore + WEIGHTS.position * positionScore) /
      (WEIGHTS.quote + contextWeight + WEIGHTS.position);
    const verdict = judgeMatch({
      quoteSimilarity: quoteScore,
      contextSimilarity: contextScore,
      pinned: contextPins(text, span, quote),
      quoteLength: quote.exact.length,
      inWindow: scope.isWindow,
      onlyCopy: this.wholeTextCopies === undefined ? undefined : this.wholeTextCopies === 1,
    });
    if (verdict === 'reject') {
      return null;
    }
    return { start: span.start, end: span.end, score, kind: distance === 0 ? 'exact' : 'approx', verdict, contextScore, distance };
  }
}

/**
 * Searches the whole text for the quotes of `searches` that have no certain match yet: a short
 * text for each quote on its own, exactly then approximately; a long one for all of them
 * together, exact copies and edited ones, in one seeded pass over the text.
 */
export function finishQuoteSearches(text: string, searches: readonly QuoteSearch[]): void {
  const wide = searches.filter((s) => s.needsWholeText);
  if (text.length <= MAX_FULL_SCAN_LENGTH) {
    for (const s of wide) {
      s.searchWholeAlone();
    }
    return;
  }
  const matches = seededSearchMany(
    text,
    wide.map((s) => s.wholeTextRequest()),
  );
  wide.forEach((s, i) => s.considerWholeText(matches[i]!));
}

/**
 * Find each request's quote in `text`: in its window, then its section, and for those without a
 * certain match there, in the whole text. Results come back in the order of `requests`; null
 * where nothing acceptable was found.
 */
export function matchQuotes(text: string, requests: readonly MatchRequest[]): (QuoteMatch | null)[] {
  const searches = requests.map((request) => new QuoteSearch(text, request.quote, request.hint));
  for (const s of searches) {
    s.searchNear();
  }
  finishQuoteSearches(
    text,
    searches.filter((s) => !s.settled),
  );
  return searches.map((s) => s.result());
}

/** Find one quote in `text` (see `matchQuotes`). */
export function matchQuote(text: string, quote: QuoteToMatch, hint: MatchHint = {}): QuoteMatch | null {
  return matchQuotes(text, [{ quote, hint }])[0]!;
}

function best(candidates: readonly Candidate[]): Candidate | undefined {
  return candidates.reduce<Candidate | undefined>((top, c) => (top === undefined || c.score > top.score ? c : top), undefined);
}

function isWhole(span: TextSpan, text: string): boolean {
  return span.start === 0 && span.end === text.length;
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
    return seededSearch(text, scope, exact, maxErrors) ?? [];
  }
  return search(text.slice(scope.start, scope.end), exact, maxErrors).map((m) => ({
    start: m.start + scope.start,
    end: m.end + scope.start,
    errors: m.errors,
  }));
}
