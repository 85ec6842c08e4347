/**
 * Positions a floating element (toolbar, note editor) inside the scrolling reader, next to a
 * rectangle of the article. Coordinates are the reader's content coordinates, so the element
 * scrolls with the text it belongs to. Set through the CSSOM: the CSP forbids style attributes.
 */

/** Where to put a floating element relative to its anchor. */
export type Placement = 'above' | 'below';

const MARGIN = 8;

/** How to place a floating element. */
export interface PlaceOptions {
  prefer: Placement;
  /** Distance from the anchor. */
  gap?: number;
  /** Whether to use the other side when the preferred one has no room in view (default true). */
  flip?: boolean;
  /** Extra room wanted beyond the element on the preferred side (e.g. for its tooltips). */
  reserve?: number;
}

/**
 * Places `element` (already in `host`, and laid out) above or below `anchor` (viewport
 * coordinates), centred on it and kept inside the host's visible width. Returns the side used.
 */
export function placeFloating(element: HTMLElement, host: HTMLElement, anchor: DOMRect, options: PlaceOptions): Placement {
  const { prefer, gap = 10, flip = true, reserve = 0 } = options;
  const hostRect = host.getBoundingClientRect();
  const width = element.offsetWidth;
  const height = element.offsetHeight;
  const roomAbove = anchor.top - hostRect.top;
  const roomBelow = hostRect.bottom - anchor.bottom;
  const needed = height + gap + MARGIN + reserve;
  let side = prefer;
  if (flip && side === 'above' && roomAbove < needed && roomBelow > roomAbove) side = 'below';
  else if (flip && side === 'below' && roomBelow < needed && roomAbove > roomBelow) side = 'above';

  const top = side === 'above' ? anchor.top - hostRect.top - height - gap : anchor.bottom - hostRect.top + gap;
  const centre = anchor.left + anchor.width / 2 - hostRect.left;
  const maxLeft = host.clientWidth - width - MARGIN;
  const left = Math.max(MARGIN, Math.min(centre - width / 2, maxLeft));
  element.style.setProperty('top', `${Math.round(top + host.scrollTop)}px`);
  element.style.setProperty('left', `${Math.round(left + host.scrollLeft)}px`);
  element.dataset.placement = side;
  // The arrow points at the anchor's centre even when the element is pushed aside.
  element.style.setProperty('--arrow-x', `${Math.round(Math.max(16, Math.min(centre - left, width - 16)))}px`);
  return side;
}

/**
 * The rectangle to anchor to for a range: vertically its first line (placing above) or its last
 * (placing below); horizontally the whole passage, so a card sits centred under it.
 */
export function anchorRectOf(range: Range, side: Placement): DOMRect {
  const rects = Array.from(range.getClientRects()).filter((rect) => rect.width > 0 && rect.height > 0);
  const whole = range.getBoundingClientRect();
  if (rects.length === 0) return whole;
  const line = side === 'above' ? rects[0]! : rects[rects.length - 1]!;
  return new DOMRect(whole.left, line.top, whole.width, line.height);
}

/** Blocks of text a card placed below a passage should leave readable, by their tag names. */
const TEXT_BLOCKS = 'p, li, blockquote, pre, td, th, dd, dt, figcaption, summary, h1, h2, h3, h4, h5, h6';

/**
 * The rectangle to place a card below so that it leaves the passage's paragraph readable: the
 * passage's last line down to the bottom of the block it ends in, when that block ends within
 * `maxExtra` pixels below the passage; otherwise (a long paragraph) the passage's last line, so
 * the card stays next to what it is about.
 */
export function anchorBelowBlockOf(range: Range, maxExtra: number): DOMRect {
  const line = anchorRectOf(range, 'below');
  const end = range.endContainer;
  const block = (end instanceof Element ? end : end.parentElement)?.closest(TEXT_BLOCKS);
  if (!block) return line;
  const bottom = block.getBoundingClientRect().bottom;
  if (bottom <= line.bottom || bottom - line.bottom > maxExtra) return line;
  return new DOMRect(line.left, line.top, line.width, bottom - line.top);
}
