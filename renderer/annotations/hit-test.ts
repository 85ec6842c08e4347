/**
 * Highlights are not elements, so a click cannot land on one: the point is mapped to a caret
 * position in the text, then to the highlights there, and checked against their painted boxes.
 */
import type { TextIndex } from '../../main/common/anchoring/text-index';
import type { HighlightPainter, Paintable } from './highlight-painter';

/** The text offset of the caret position nearest a point in the viewport, or null. */
export function offsetAtPoint(index: TextIndex, x: number, y: number): number | null {
  const doc = index.root.ownerDocument;
  let node: Node | null = null;
  let offset = 0;
  if (typeof doc.caretPositionFromPoint === 'function') {
    const position = doc.caretPositionFromPoint(x, y);
    node = position?.offsetNode ?? null;
    offset = position?.offset ?? 0;
  } else if (typeof doc.caretRangeFromPoint === 'function') {
    const range = doc.caretRangeFromPoint(x, y);
    node = range?.startContainer ?? null;
    offset = range?.startOffset ?? 0;
  }
  if (!node || !index.root.contains(node)) return null;
  const caret = doc.createRange();
  caret.setStart(node, offset);
  caret.collapse(true);
  return index.offsetsFromRange(caret)?.start ?? null;
}

function rangeContainsPoint(range: Range, x: number, y: number): boolean {
  for (const rect of range.getClientRects()) {
    if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return true;
  }
  return false;
}

/**
 * The highlights painted under a point, innermost (shortest) first. Caret lookup finds the
 * candidates; their boxes decide, since a caret is also found beside the end of a line.
 */
export function highlightsAtPoint(index: TextIndex, painter: HighlightPainter, x: number, y: number): Paintable[] {
  const offset = offsetAtPoint(index, x, y);
  if (offset === null) return [];
  return painter
    .idsNear(offset)
    .filter((item) => rangeContainsPoint(item.range, x, y))
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
