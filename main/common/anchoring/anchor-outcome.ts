/**
 * What anchoring says of each target: where its passage is and whether for certain, as the
 * outcome the renderer paints and saves, with the target recomputed on the current text.
 */
import type { AnchoringSummary, AnnotationTarget } from '../../api';
import { CONTEXT_LENGTH, describeText } from './describe-text';
import type { TextSelectors } from './describe-text';
import { isGraphemeBoundary } from './graphemes';
import type { HeadingOutline } from './heading-outline';

/** How a target was anchored: at its stored position, by its quote found unchanged or edited, or not at all. */
export type AnchorMethod = 'position' | 'quote-exact' | 'quote-approx' | 'none';

/**
 * Where a target stands: found for certain ('anchored'), found but for the reader to confirm
 * ('needs-review'), or not found ('orphaned').
 */
export type AnchorStatus = 'anchored' | 'needs-review' | 'orphaned';

/** The result of anchoring one target. */
export interface AnchorOutcome {
  id: string;
  status: AnchorStatus;
  method: AnchorMethod;
  /** Whether the passage's position changed (start or end). */
  moved: boolean;
  /** Where the passage is now (or, for review, probably is), unless orphaned. */
  start?: number;
  end?: number;
  /**
   * The target recomputed on the current text: when anchored, only if its quote, position or
   * heading path changed; when needing review, always (what accepting the span would store).
   * Undefined for orphans. Its `contentHash` is the current one.
   */
  target?: AnnotationTarget;
}

/** A passage found in the current text (real offsets). */
export interface FoundPassage {
  start: number;
  end: number;
  method: Exclude<AnchorMethod, 'none'>;
  certain: boolean;
  /** Set when the stored quote and its whole context were seen unchanged there. */
  intact?: boolean;
}

/** Count the passages that moved, those for review and those orphaned, for the reader's notice. */
export function summarize(outcomes: readonly AnchorOutcome[]): AnchoringSummary {
  let moved = 0;
  let needsReview = 0;
  let orphaned = 0;
  for (const outcome of outcomes) {
    if (outcome.status === 'orphaned') {
      orphaned += 1;
    } else if (outcome.status === 'needs-review') {
      needsReview += 1;
    } else if (outcome.moved) {
      moved += 1;
    }
  }
  return { moved, needsReview, orphaned };
}

/** The outcome of one item: new selectors when anchored or for review, the reason when not. */
export function outcomeFor(
  text: string,
  item: { id: string; target: AnnotationTarget },
  found: FoundPassage | null,
  currentContentHash: string,
  outline: HeadingOutline | undefined,
): AnchorOutcome {
  const selectors = found ? (sameSelectorsAt(text, found, item.target) ?? describeText(text, found.start, found.end)) : null;
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
    status: found.certain ? 'anchored' : 'needs-review',
    method: found.method,
    moved: start !== old.position.start || end !== old.position.end,
    start,
    end,
  };
  if (changed || !found.certain) {
    outcome.target = { ...selectors, headingPath, contentHash: currentContentHash };
  }
  return outcome;
}

/**
 * The stored quote at its new place, when it and its whole context are there unchanged: what
 * `describeText` would give, without working it out again (most passages of an edited text
 * only moved).
 */
function sameSelectorsAt(text: string, found: FoundPassage, old: AnnotationTarget): TextSelectors | null {
  const { prefix, suffix } = old.quote;
  const { start, end } = found;
  if (!found.intact || prefix.length !== CONTEXT_LENGTH || suffix.length !== CONTEXT_LENGTH) {
    return null;
  }
  // The context is cut where describeText would cut it only if that is still a character boundary.
  if (!isGraphemeBoundary(text, start - CONTEXT_LENGTH) || !isGraphemeBoundary(text, end + CONTEXT_LENGTH)) {
    return null;
  }
  return { quote: old.quote, position: { type: 'TextPositionSelector', start, end } };
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}
