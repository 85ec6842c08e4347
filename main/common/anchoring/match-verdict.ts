/**
 * The rule that decides what a found span is worth: the passage the reader highlighted
 * ("certain": it is painted and saved as moved), probably that passage ("review": it is painted
 * differently and listed under "Needs review" until the reader accepts it or picks another), or
 * nothing ("reject": if nothing better is found, the highlight is orphaned, never dropped).
 *
 * A span is rejected when
 * - its true edit distance to the quote leaves less than MIN_QUOTE_SIMILARITY of it, or
 * - it starts or ends inside a word where the reader's selection did not (checked by the caller,
 *   which first moves the ends to word boundaries when it can), or
 * - it is shorter than SELF_EVIDENT_QUOTE_LENGTH and neither its context agrees
 *   (MIN_CONTEXT_SIMILARITY) nor is it the quote itself found in the window it was expected in.
 *
 * A span that is not rejected is certain when
 * - it is the quote unchanged (after folding) and the stored context lies intact right against
 *   at least one of its ends, or it is long (SELF_EVIDENT_QUOTE_LENGTH), the only copy of the
 *   quote in the whole text, and its context agrees (MIN_CONTEXT_SIMILARITY): a sentence that
 *   also stood elsewhere is not taken for the one that was deleted; or
 * - it is an edited quote at least CERTAIN_QUOTE_SIMILARITY alike whose stored context lies
 *   intact right against both its ends, so that both ends are where the reader's were.
 * Anything else is for review. (Finding the quote at its stored position, or at the position its
 * neighbours' shift predicts, is certain too; `anchor-in-text.ts` checks those first.)
 */

/**
 * Least similarity (1 − edits ÷ length, from the true edit distance) of a span to the quote.
 * Below three quarters of the characters, a passage has been rewritten rather than edited and is
 * better re-attached by the reader; it also bounds the edit-distance search, whose cost grows
 * with the errors allowed.
 */
export const MIN_QUOTE_SIMILARITY = 0.75;

/**
 * Least similarity of an edited passage found without the reader's confirmation, on top of its
 * stored context found intact against both its ends: at most one character in five edited (a
 * word replaced or added in a sentence). Past that the passage was reworded enough that the
 * reader should see it before its old words are replaced by the new ones.
 */
export const CERTAIN_QUOTE_SIMILARITY = 0.8;

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

/** What is known of a span found for a quote. */
export interface MatchEvidence {
  /** 1 − true edit distance ÷ quote length. */
  quoteSimilarity: number;
  /** Mean similarity of the text around the span to the stored prefix and suffix. */
  contextSimilarity: number;
  /** Whether the stored prefix ends right at the span's start, and the suffix begins at its end. */
  pinned: { start: boolean; end: boolean };
  quoteLength: number;
  /** Whether the span lies in the window where the quote was expected. */
  inWindow: boolean;
  /** Whether the quote occurs exactly once in the whole text (undefined: not known yet). */
  onlyCopy?: boolean;
}

/** What a span is worth: see the module comment. */
export type MatchVerdict = 'certain' | 'review' | 'reject';

/** Judge a span by the rule above. */
export function judgeMatch(e: MatchEvidence): MatchVerdict {
  const exact = e.quoteSimilarity === 1;
  if (e.quoteSimilarity < MIN_QUOTE_SIMILARITY) {
    return 'reject';
  }
  const evident = e.contextSimilarity >= MIN_CONTEXT_SIMILARITY || e.quoteLength >= SELF_EVIDENT_QUOTE_LENGTH || (e.inWindow && exact);
  if (!evident) {
    return 'reject';
  }
  if (exact) {
    const soleCopy = e.quoteLength >= SELF_EVIDENT_QUOTE_LENGTH && e.onlyCopy === true && e.contextSimilarity >= MIN_CONTEXT_SIMILARITY;
    return e.pinned.start || e.pinned.end || soleCopy ? 'certain' : 'review';
  }
  return e.quoteSimilarity >= CERTAIN_QUOTE_SIMILARITY && e.pinned.start && e.pinned.end ? 'certain' : 'review';
}

/** Most errors worth searching for in a quote of `length` characters. */
export function maxErrorsFor(length: number): number {
  return Math.floor(length * (1 - MIN_QUOTE_SIMILARITY));
}
