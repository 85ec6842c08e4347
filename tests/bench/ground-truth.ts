/**
 * Ground truth for anchoring benchmarks: edits recorded as replacements of the original text,
 * the span a highlighted passage occupies after them, and how an anchoring outcome compares
 * with that span.
 *
 * The truth of a passage is the span of the edited text that its characters became: text
 * inserted, replaced or deleted wholly inside the passage is inside it afterwards, text changed
 * wholly outside it moves it. An edit that straddles an end of the passage, or inserts text right
 * at one (is the new word part of the highlight or not?), leaves no single truth: such a case is
 * "ambiguous" and is not scored. A passage deleted entirely has the truth "gone".
 */
import type { TextSpan } from '../../main/common/anchoring/text-index';

/** `remove` code units at `at` of the original text replaced by `insert`. */
export interface Replacement {
  at: number;
  remove: number;
  insert: string;
}

/** Where a passage is after the edits, or that it is gone, or that no one span is it. */
export type Truth = TextSpan | 'gone' | 'ambiguous';

/** The text after `replacements`, which must not overlap. */
export function applyReplacements(text: string, replacements: readonly Replacement[]): string {
  const sorted = [...replacements].sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let copied = 0;
  for (const r of sorted) {
    if (r.at < copied) {
      throw new Error(`overlapping replacements at ${r.at}`);
    }
    parts.push(text.slice(copied, r.at), r.insert);
    copied = r.at + r.remove;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

/** Where `span` of the original text is after `replacements` (see the module comment). */
export function mapSpan(span: TextSpan, replacements: readonly Replacement[]): Truth {
  let { start, end } = span;
  for (const r of replacements) {
    const rEnd = r.at + r.remove;
    const delta = r.insert.length - r.remove;
    if (r.remove > 0 && r.at <= span.start && rEnd >= span.end) {
      return 'gone';
    }
    if (rEnd < span.start || (rEnd === span.start && r.remove > 0)) {
      start += delta;
      end += delta;
    } else if (r.at > span.end || (r.at === span.end && r.remove > 0)) {
      // After the passage: nothing moves.
    } else if (r.at >= span.start && rEnd <= span.end && !(r.remove === 0 && (r.at === span.start || r.at === span.end))) {
      end += delta;
    } else {
      return 'ambiguous';
    }
  }
  return { start, end };
}

/** How an outcome compares with the truth. */
export type Verdict = 'exact' | 'moved' | 'review' | 'orphaned' | 'wrong';

/** What an anchoring algorithm said of one passage. */
export interface Claim {
  status: 'anchored' | 'needs-review' | 'orphaned';
  start?: number;
  end?: number;
}

/**
 * Scores a claim against the truth: anchored on the truth span is "exact" when the text there is
 * the quote (up to `same`, which may fold Unicode, quotes and whitespace) and "moved" when it was
 * edited; anchored anywhere else, or at all when the passage is gone, is "wrong". Needing review
 * or orphaned are never wrong: they leave the decision to the reader.
 */
export function judgeClaim(claim: Claim, truth: Exclude<Truth, 'ambiguous'>, text: string, quote: string, same: (a: string, b: string) => boolean): Verdict {
  if (claim.status === 'orphaned') {
    return 'orphaned';
  }
  if (claim.status === 'needs-review') {
    return 'review';
  }
  if (truth === 'gone' || claim.start !== truth.start || claim.end !== truth.end) {
    return 'wrong';
  }
  return same(text.slice(truth.start, truth.end), quote) ? 'exact' : 'moved';
}

/** A tally of verdicts. */
export type Tally = Record<Verdict, number>;

/** An empty tally. */
export function emptyTally(): Tally {
  return { exact: 0, moved: 0, review: 0, orphaned: 0, wrong: 0 };
}
