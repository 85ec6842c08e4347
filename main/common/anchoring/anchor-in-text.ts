/**
 * Re-anchoring: finds where stored targets lie in the current text, string-only so that it runs
 * without a DOM (unit tests, the benchmark); `anchor.ts` adds the DOM ranges.
 *
 * Cheapest first, as Hypothesis's html.ts does: the stored position when the quote is still
 * there, then the position shifted by as much as the nearest anchored neighbour moved (text
 * inserted above a passage moves everything below it by the same amount), then a quote search
 * that starts around that shifted position and within the passage's section.
 */
import type { AnchoringSummary, AnnotationTarget } from '../../api';
import { describeText } from './describe-text';
import type { HeadingOutline } from './heading-outline';
import { matchQuote, SELF_EVIDENT_QUOTE_LENGTH, windowAround } from './match-quote';
import type { TextSpan } from './text-index';

/** An annotation to anchor: its id and its stored target. */
export interface AnchorItem {
  id: string;
  target: AnnotationTarget;
}

/** How a target was anchored: at its stored position, by its quote found unchanged or edited, or not at all. */
export type AnchorMethod = 'position' | 'quote-exact' | 'quote-approx' | 'none';

/** The result of anchoring one target. */
export interface AnchorOutcome {
  id: string;
  status: 'anchored' | 'orphaned';
  method: AnchorMethod;
  /** Whether the passage's position changed (start or end). */
  moved: boolean;
  /** Where the passage is now, when anchored. */
  start?: number;
  end?: number;
  /**
   * The target recomputed on the current text, when its quote, position or heading path changed;
   * undefined when they did not (or the target is orphaned). Its `contentHash` is the current one.
   */
  target?: AnnotationTarget;
}

/** A passage found in the current text, and how far it moved. */
interface Found {
  start: number;
  end: number;
  method: Exclude<AnchorMethod, 'none'>;
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
  const found: (Found | null)[] = items.map((item) =>
    positionHolds(text, item.target, item.target.contentHash === currentContentHash)
      ? { start: item.target.position.start, end: item.target.position.end, method: 'position' }
      : null,
  );

  // In stored order, so that each passage inherits the shift of the nearest one above it, and
  // passages found along the way pass their shift on.
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.target.position.start - items[b]!.target.position.start);
  const nextShift = shiftsOfNextAnchored(order, items, found);
  let previous: { oldEnd: number; startShift: number; endShift: number } | undefined;
  for (const [rank, i] of order.entries()) {
    const { target } = items[i]!;
    if (!found[i]) {
      // Text after the previous passage moved as much as that passage's end did (an edit inside
      // it moves its end, not its start); text overlapping it, as much as its start.
      const previousShift = previous && (target.position.start >= previous.oldEnd ? previous.endShift : previous.startShift);
      found[i] = relocate(text, target, [previousShift, nextShift[rank]], outline);
    }
    const f = found[i];
    if (f) {
      previous = { oldEnd: target.position.end, startShift: f.start - target.position.start, endShift: f.end - target.position.end };
    }
  }

  return items.map((item, i) => outcomeFor(text, item, found[i]!, currentContentHash, outline));
}

/** Count the passages that moved and those that were orphaned, for the reader's notice. */
export function summarize(outcomes: readonly AnchorOutcome[]): AnchoringSummary {
  let moved = 0;
  let orphaned = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'orphaned') {
      orphaned += 1;
    } else if (outcome.moved) {
      moved += 1;
    }
  }
  return { moved, orphaned };
}

/**
 * Whether the stored position still holds the quote. On the text the target was made on, the
 * quote alone is checked (it guards against rendering changes); on a changed text the context
 * must match too, since an edit may have brought another copy of the same words to that spot.
 */
function positionHolds(text: string, target: AnnotationTarget, sameText: boolean): boolean {
  const { start, end } = target.position;
  const { exact } = target.quote;
  if (start < 0 || end - start !== exact.length || !text.startsWith(exact, start)) {
    return false;
  }
  return sameText || contextHolds(text, start, end, target);
}

function contextHolds(text: string, start: number, end: number, target: AnnotationTarget): boolean {
  const { prefix, suffix } = target.quote;
  return start >= prefix.length && text.startsWith(prefix, start - prefix.length) && text.startsWith(suffix, end);
}

/** For each rank in `order`, the shift of the nearest passage after it that the stored position found. */
function shiftsOfNextAnchored(order: number[], items: readonly AnchorItem[], found: (Found | null)[]): (number | undefined)[] {
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

/** Find a passage whose stored position no longer holds it. */
function relocate(
  text: string,
  target: AnnotationTarget,
  neighbourShifts: (number | undefined)[],
  outline: HeadingOutline | undefined,
): Found | null {
  const { exact } = target.quote;
  const oldStart = target.position.start;
  const shifts = new Set([...neighbourShifts.filter((s) => s !== undefined), 0]);
  const hints = [...shifts].map((shift) => Math.max(0, Math.min(oldStart + shift, text.length - exact.length)));

  // Most passages moved by exactly as much as their neighbour: check that spot before searching.
  for (const hint of hints) {
    if (text.startsWith(exact, hint) && (exact.length >= SELF_EVIDENT_QUOTE_LENGTH || partOfContextHolds(text, hint, target))) {
      return { start: hint, end: hint + exact.length, method: 'quote-exact' };
    }
  }

  const position = hints[0]!;
  const window = windowOver(hints, exact.length, text.length);
  const section = outline?.sectionOf(target.headingPath, position) ?? undefined;
  const match = matchQuote(text, target.quote, { position, window, section });
  if (!match) {
    return null;
  }
  return { start: match.start, end: match.end, method: match.kind === 'exact' ? 'quote-exact' : 'quote-approx' };
}

function partOfContextHolds(text: string, start: number, target: AnnotationTarget): boolean {
  const { prefix, suffix, exact } = target.quote;
  const end = start + exact.length;
  return (
    (prefix.length > 0 && start >= prefix.length && text.startsWith(prefix, start - prefix.length)) ||
    (suffix.length > 0 && text.startsWith(suffix, end))
  );
}

// Neighbours that moved by very different amounts (a long insertion between them) would make one
// window over all the hints too wide to be cheap: then only the first hint's window is searched.
const MAX_WINDOW_SPREAD = 8;

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

/** The outcome of one item: new selectors when anchored, the reason when not. */
function outcomeFor(
  text: string,
  item: AnchorItem,
  found: Found | null,
  currentContentHash: string,
  outline: HeadingOutline | undefined,
): AnchorOutcome {
  const selectors = found ? describeText(text, found.start, found.end) : null;
  if (!found || !selectors) {
    return { id: item.id, status: 'orphaned', method: 'none', moved: false };
  }
  const old = item.target;
  const { start, end } = selectors.position;
  const headingPath = outline ? outline.pathAt(start) : old.headingPath;
  const changed =
    start !== old.position.start ||
    end !== old.position.end ||
    selectors.quote.exact !== old.quote.exact ||
    selectors.quote.prefix !== old.quote.prefix ||
    selectors.quote.suffix !== old.quote.suffix ||
    !sameStrings(headingPath, old.headingPath);
  const outcome: AnchorOutcome = {
    id: item.id,
    status: 'anchored',
    method: found.method,
    moved: start !== old.position.start || end !== old.position.end,
    start,
    end,
  };
  if (changed) {
    outcome.target = { ...selectors, headingPath, contentHash: currentContentHash };
  }
  return outcome;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
