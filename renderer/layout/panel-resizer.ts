/**
 * A window splitter (WAI-ARIA Authoring Practices): a focusable `role="separator"` on a panel's
 * edge that sets the panel's width by dragging or by the keyboard (arrow keys step, Shift+arrow
 * steps further, Home and End go to the narrowest and widest), and a double click gives the
 * width back to the window.
 */

const STEP = 16;
const BIG_STEP = 64;

/** What the splitter needs of the panel it sizes. */
export interface PanelResizeTarget {
  /** The window edge the panel stands on: dragging away from it widens the panel. */
  edge: 'left' | 'right';
  /** The panel's width now, in CSS pixels. */
  width(): number;
  /** The widths allowed now. */
  bounds(): { min: number; max: number };
  /** Shows a width while it is being dragged (not yet remembered). */
  preview(width: number): void;
  /** Remembers a width; null gives the panel its automatic width again. */
  commit(width: number | null): void;
}

/** Wires `separator` to size a panel; returns `sync`, which brings its ARIA values up to date. */
export function wirePanelResizer(separator: HTMLElement, target: PanelResizeTarget): { sync(): void } {
  const sync = () => {
    const { min, max } = target.bounds();
    const now = Math.round(target.width());
    separator.setAttribute('aria-valuemin', String(min));
    separator.setAttribute('aria-valuemax', String(max));
    separator.setAttribute('aria-valuenow', String(now));
    separator.setAttribute('aria-valuetext', `${now} pixels`);
  };
  const clamp = (width: number) => {
    const { min, max } = target.bounds();
    return Math.round(Math.min(max, Math.max(min, width)));
  };
  // Dragging away from the panel's window edge widens it.
  const sign = target.edge === 'left' ? 1 : -1;

  let drag: { pointerId: number; startX: number; startWidth: number; width: number } | null = null;
  separator.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    separator.setPointerCapture(event.pointerId);
    const width = target.width();
    drag = { pointerId: event.pointerId, startX: event.clientX, startWidth: width, width };
    separator.dataset.dragging = 'true';
  });
  separator.addEventListener('pointermove', (event) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    drag.width = clamp(drag.startWidth + sign * (event.clientX - drag.startX));
    target.preview(drag.width);
    sync();
  });
  const endDrag = (event: PointerEvent) => {
    if (!drag || event.pointerId !== drag.pointerId) return;
    const { width, startWidth } = drag;
    drag = null;
    delete separator.dataset.dragging;
    if (width !== Math.round(startWidth)) target.commit(width);
  };
  separator.addEventListener('pointerup', endDrag);
  separator.addEventListener('pointercancel', endDrag);
  separator.addEventListener('dblclick', () => target.commit(null));

  separator.addEventListener('keydown', (event) => {
    const { min, max } = target.bounds();
    const step = event.shiftKey ? BIG_STEP : STEP;
    const widen = target.edge === 'left' ? 'ArrowRight' : 'ArrowLeft';
    const narrow = target.edge === 'left' ? 'ArrowLeft' : 'ArrowRight';
    let width: number;
    if (event.key === widen) width = target.width() + step;
    else if (event.key === narrow) width = target.width() - step;
    else if (event.key === 'Home') width = min;
    else if (event.key === 'End') width = max;
    else return;
    event.preventDefault();
    target.commit(clamp(width));
    sync();
  });
  return { sync };
}
