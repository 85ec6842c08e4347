/**
 * Mouse interaction with painted highlights, which are not elements: a click on one opens it,
 * and the cursor becomes a pointer over them (CSS cannot target them for that).
 */
import type { HighlightPainter, Paintable } from './highlight-painter';
import { highlightsAtPoint } from './hit-test';
import type { OpenDocument } from './open-document';

export interface HighlightPointerOptions {
  scrollRoot: HTMLElement;
  painter: HighlightPainter;
  current(): OpenDocument | null;
  /** Our own floating elements, whose clicks are theirs. */
  isOwnElement(node: Node): boolean;
  /** A click on highlights: all of them under the point, innermost first. */
  onHits(hits: Paintable[]): void;
  /** A plain click in the article text, on no highlight. */
  onMiss(): void;
}

/** Wires click and hover over the article's highlights. */
export function wireHighlightPointer(options: HighlightPointerOptions): void {
  const { scrollRoot, painter, current, isOwnElement } = options;
  scrollRoot.addEventListener('click', (event) => {
    const doc = current();
    const target = event.target as Element;
    if (!doc || event.button !== 0 || isOwnElement(target)) return;
    // Links and controls in the article keep their own click; a click ending a drag is a selection.
    if (!doc.model.root.contains(target) || target.closest('a[href], button, input, summary')) return;
    if (!document.getSelection()?.isCollapsed) return;
    const hits = highlightsAtPoint(doc.index, painter, event.clientX, event.clientY);
    if (hits.length > 0) options.onHits(hits);
    else options.onMiss();
  });

  let frame = 0;
  let last: PointerEvent | null = null;
  scrollRoot.addEventListener('pointermove', (event) => {
    last = event;
    if (frame || event.buttons !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const doc = current();
      const over = !!doc && !!last && doc.model.root.contains(last.target as Node) && highlightsAtPoint(doc.index, painter, last.clientX, last.clientY).length > 0;
      scrollRoot.classList.toggle('over-highlight', over);
    });
  });
}
