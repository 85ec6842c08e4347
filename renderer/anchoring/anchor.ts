/**
 * Anchors stored targets in the rendered article: the string-only core (`anchorInText`) finds
 * the passages, this layer turns them into DOM ranges for the painter.
 */
import { anchorInText } from '../../main/common/anchoring/anchor-in-text';
import type { AnchorItem, AnchorOutcome } from '../../main/common/anchoring/anchor-in-text';
import type { HeadingOutline } from '../../main/common/anchoring/heading-outline';
import { outlineFromDom } from '../../main/common/anchoring/headings-from-dom';
import type { TextIndex } from '../../main/common/anchoring/text-index';

export { anchorInText, summarize } from '../../main/common/anchoring/anchor-in-text';
export type { AnchorItem, AnchorMethod, AnchorOutcome, AnchorStatus } from '../../main/common/anchoring/anchor-in-text';

/** An outcome with the DOM range of the passage, when it was found (for certain or for review). */
export interface DomAnchorOutcome extends AnchorOutcome {
  range?: Range;
}

/**
 * Anchor `items` in the indexed article whose content hash is `currentContentHash`. Outcomes
 * come back in the order of `items`.
 *
 * @param outline - The article's headings; read from the DOM when not given.
 */
export function anchorTargets(
  index: TextIndex,
  items: readonly AnchorItem[],
  currentContentHash: string,
  outline: HeadingOutline = outlineFromDom(index),
): DomAnchorOutcome[] {
  return anchorInText(index.text, items, currentContentHash, outline).map((outcome) =>
    outcome.start !== undefined && outcome.end !== undefined
      ? { ...outcome, range: index.rangeFromOffsets(outcome.start, outcome.end) }
      : outcome,
  );
}
