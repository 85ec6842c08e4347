/**
 * Re-anchoring: finds where stored targets lie in the current text, string-only so that it runs
 * without a DOM (unit tests, the benchmark, the CLI); `renderer/anchoring/anchor.ts` adds the
 * DOM ranges.
 *
 * Cheapest first, as Hypothesis's html.ts does: the stored position when the quote is still
 * there, then the position shifted by as much as the nearest anchored neighbour moved (text
 * inserted above a passage moves everything below it by the same amount), then a quote search
 * that starts around that shifted position and within the passage's section, and only then the
 * whole text. The first two are tried on the real text; when they fail, on the text folded for
 * matching (`FoldedText`: Unicode composition, quote style and whitespace do not count), which is
 * built once, and only when some passage needs it. Every span found is judged by the rule of
 * `match-verdict.ts`: a certain one is anchored, a doubtful one is kept for the reader to review.
 */
import type { AnnotationTarget } from '../../api';
import { outcomeFor } from './anchor-outcome';
import type { AnchorOutcome, FoundPassage } from './anchor-outcome';
import { FoldedText, foldString } from './folded-text';
import type { HeadingSpan } from './heading-barriers';
import type { HeadingOutline } from './heading-outline';
import { finishQuoteSearches, QuoteSearch } from './match-quote';
import { contextHolds, positionHolds, predictedCopyAt } from './predicted-place';
import { windowAround } from './search-scopes';
import { occursAt } from './text-at';
import type { TextSpan } from './text-index';

export { summarize } from './anchor-outcome';
export type { AnchorMethod, AnchorOutcome, AnchorStatus } from './anchor-outcome';

/** An annotation to anchor: its id and its stored target. */
export interface AnchorItem {
  id: string;
  target: AnnotationTarget;
}

/** The current text, with its folded form (and its headings' place in it) worked out on first use. */
class CurrentText {
  private foldedText: FoldedText | undefined;
  private foldedHeadings: HeadingSpan[] | undefined;

  constructor(
    readonly text: string,
    readonly outline: HeadingOutline | undefined,
  ) {}

  get folded(): FoldedText {
    this.foldedText ??= new FoldedText(this.text);
    return this.foldedText;
  }

  /** Where each heading's title lies in the folded text. */
  get headings(): HeadingSpan[] {
    this.foldedHeadings ??= (this.outline?.headings ?? []).map((heading) => {
      const title = foldString(heading.title);
      const start = this.folded.toFolded(heading.start);
      return { start, end: start + title.length, title };
    });
    return this.foldedHeadings;
  }
}

/**
 * Anchor `items` in `text`, the current rendered text whose content hash is `currentContentHash`.
 * Outcomes come back in the order of `items`; targets that cannot be found are orphaned, never
 * dropped.
 *
 * @param outline - The current text's headings. When given, heading paths of recomputed targets
 *   are taken from it and a moved passage is looked for in its old section; otherwise targets
 *   keep their heading paths.
 */
export function anchorInText(
  text: string,
  items: readonly AnchorItem[],
  currentContentHash: string,
  outline?: HeadingOutline,
): AnchorOutcome[] {
  const current = new CurrentText(text, outline);
  const found: (FoundPassage | null)[] = items.map((item) => {
    const holds = positionHolds(text, item.target, item.target.contentHash === currentContentHash);
    return holds ? { start: item.target.position.start, end: item.target.position.end, method: 'position', certain: true, intact: holds === 'with context' } : null;
  });

  // In stored order, so that each passage inherits the shift of the nearest one above it, and
  // passages found along the way pass their shift on.
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.target.position.start - items[b]!.target.position.start);
  const nextShift = shiftsOfNextAnchored(order, items, found);
  const pending: { index: number; search: QuoteSearch }[] = [];
  let previous: { oldEnd: number; startShift: number; endShift: number } | undefined;
  for (const [rank, i] of order.entries()) {
    const { target } = items[i]!;
    if (!found[i]) {
      // Text after the previous passage moved as much as that passage's end did (an edit inside
      // it moves its end, not its start); text overlapping it, as much as its start.
      const previousShift = previous && (target.position.start >= previous.oldEnd ? previous.endShift : previous.startShift);
      const located = locate(current, target, [previousShift, nextShift[rank]]);
      if ('search' in located) {
        pending.push({ index: i, search: located.search });
      } else {
        found[i] = located.found;
      }
    }
    const f = found[i];
    if (f?.certain) {
      previous = { oldEnd: target.position.end, startShift: f.start - target.position.start, endShift: f.end - target.position.end };
    }
  }

  if (pending.length > 0) {
    const { folded } = current;
    finishQuoteSearches(
      folded.text,
      pending.map((p) => p.search),
    );
    for (const { index, search } of pending) {
      const match = search.result();
      found[index] = match && {
        start: folded.toReal(match.start, 'start'),
        end: folded.toReal(match.end, 'end'),
        method: match.kind === 'exact' ? 'quote-exact' : 'quote-approx',
        certain: match.verdict === 'certain',
      };
    }
  }

  return items.map((item, i) => outcomeFor(text, item, found[i]!, currentContentHash, outline));
}

/** For each rank in `order`, the shift of the nearest passage after it that the stored position found. */
function shiftsOfNextAnchored(order: number[], items: readonly AnchorItem[], found: (FoundPassage | null)[]): (number | undefined)[] {
  const shifts: (number | undefined)[] = new Array<number | undefined>(order.length);
  let shift: number | undefined;
  for (let rank = order.length - 1; rank >= 0; rank--) {
    shifts[rank] = shift;
    const i = order[rank]!;
    const f = found[i];
    if (f) {
      shift = f.start - items[i]!.target.position.start;
    }
  }
  return shifts;
}

/**
 * Find a passage whose stored position no longer holds it: at once when it is where it was
 * predicted, on the real text and then on the folded one; otherwise the search around the
 * prediction is run and, unless it found a certain match, handed back to be finished over the
 * whole text along with the others.
 */
function locate(current: CurrentText, target: AnnotationTarget, neighbourShifts: (number | undefined)[]): { found: FoundPassage } | { search: QuoteSearch } {
  const { text } = current;
  const { quote } = target;
  const oldStart = target.position.start;
  const hints: number[] = [];
  for (const shift of [...neighbourShifts, 0]) {
    const hint = shift === undefined ? -1 : Math.max(0, Math.min(oldStart + shift, text.length - quote.exact.length));
    if (hint < 0 || hints.includes(hint)) {
      continue;
    }
    // Most passages moved by exactly as much as their neighbour: check that spot before searching.
    const copy = predictedCopyAt(text, hint, quote);
    if (copy) {
      return { found: { start: hint, end: hint + quote.exact.length, method: 'quote-exact', certain: true, intact: copy === 'intact' } };
    }
    hints.push(hint);
  }

  const { folded } = current;
  const foldedQuote = { exact: foldString(quote.exact), prefix: foldString(quote.prefix), suffix: foldString(quote.suffix) };
  const at = folded.toFolded(Math.max(0, Math.min(oldStart, text.length)));
  if (occursAt(folded.text, foldedQuote.exact, at) && contextHolds(folded.text, at, at + foldedQuote.exact.length, foldedQuote)) {
    return { found: spanOf(folded, at, foldedQuote.exact.length, 'position') };
  }
  const foldedHints = hints.map((hint) => folded.toFolded(hint));
  for (const hint of foldedHints) {
    if (predictedCopyAt(folded.text, hint, foldedQuote)) {
      return { found: spanOf(folded, hint, foldedQuote.exact.length, 'quote-exact') };
    }
  }

  const position = foldedHints[0]!;
  const window = windowOver(foldedHints, foldedQuote.exact.length, folded.text.length);
  const section = current.outline?.sectionOf(target.headingPath, hints[0]!) ?? undefined;
  const search = new QuoteSearch(
    folded.text,
    foldedQuote,
    { position, window, section: section && { start: folded.toFolded(section.start), end: folded.toFolded(section.end) } },
    current.headings,
  );
  search.searchNear();
  // A match it doubts (see QuoteSearch.result) goes on with the others, and is kept for review.
  const match = search.settled ? search.result() : null;
  if (match?.verdict !== 'certain') {
    return { search };
  }
  return {
    found: {
      start: folded.toReal(match.start, 'start'),
      end: folded.toReal(match.end, 'end'),
      method: match.kind === 'exact' ? 'quote-exact' : 'quote-approx',
      certain: true,
    },
  };
}

function spanOf(folded: FoldedText, start: number, length: number, method: FoundPassage['method']): FoundPassage {
  return { start: folded.toReal(start, 'start'), end: folded.toReal(start + length, 'end'), method, certain: true };
}

// Neighbours that moved by very different amounts (a long insertion between them) would make one
// window over all the hints too wide to be cheap: then only the first hint's window is searched.
const MAX_WINDOW_SPREAD = 2;

/** The search window around the first hint, widened to cover the other hints when they are close. */
function windowOver(hints: number[], quoteLength: number, textLength: number): TextSpan {
  const first = windowAround(hints[0]!, quoteLength, textLength);
  const low = Math.min(...hints);
  const high = Math.max(...hints);
  if (high - low > MAX_WINDOW_SPREAD * (first.end - first.start)) {
    return first;
  }
  return { start: windowAround(low, quoteLength, textLength).start, end: windowAround(high, quoteLength, textLength).end };
}

