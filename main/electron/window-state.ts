/**
 * Fitting a remembered window size and position to today's displays. Pure (no Electron import):
 * the caller passes the displays' work areas, so the rules are testable without a screen.
 */
import type { WindowState } from '../service-types';

/** A rectangle in screen coordinates, as Electron's `Rectangle`. */
export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The first-launch size: a comfortable reading column plus the annotations sidebar. */
export const DEFAULT_WINDOW_SIZE = { width: 1180, height: 820 } as const;
/** Below this the article column and the sidebar no longer fit side by side usefully. */
export const MIN_WINDOW_SIZE = { width: 560, height: 420 } as const;

/** How much of the window's top edge must be on a display for the user to grab it. */
const MIN_VISIBLE = { width: 120, height: 40 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

function overlap(a: Bounds, b: Bounds): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/**
 * The state to open the window with: the remembered one when it still fits, its size clamped to
 * the largest display, and its position dropped (so the window is centred) when its title bar
 * would land off every display, e.g. after a monitor was unplugged.
 */
export function fitWindowState(state: WindowState | null, workAreas: readonly Bounds[]): WindowState {
  // Both limits come from one display (the largest), so the window fits on at least one of them.
  const largest = workAreas.reduce<Bounds | null>((best, area) => (best === null || area.width * area.height > best.width * best.height ? area : best), null);
  const maxWidth = Math.max(MIN_WINDOW_SIZE.width, largest?.width ?? 0);
  const maxHeight = Math.max(MIN_WINDOW_SIZE.height, largest?.height ?? 0);
  const wanted = state ?? { ...DEFAULT_WINDOW_SIZE, maximized: false };
  const width = clamp(Number.isFinite(wanted.width) ? Math.round(wanted.width) : DEFAULT_WINDOW_SIZE.width, MIN_WINDOW_SIZE.width, maxWidth);
  const height = clamp(Number.isFinite(wanted.height) ? Math.round(wanted.height) : DEFAULT_WINDOW_SIZE.height, MIN_WINDOW_SIZE.height, maxHeight);
  const fitted: WindowState = { width, height, maximized: wanted.maximized === true };

  const { x, y } = wanted;
  if (typeof x === 'number' && typeof y === 'number' && Number.isFinite(x) && Number.isFinite(y)) {
    const titleBar: Bounds = { x: Math.round(x), y: Math.round(y), width, height: MIN_VISIBLE.height };
    const reachable = workAreas.some((area) => {
      const seen = overlap(titleBar, area);
      return seen.width >= Math.min(MIN_VISIBLE.width, width) && seen.height >= MIN_VISIBLE.height / 2;
    });
    if (reachable) {
      fitted.x = titleBar.x;
      fitted.y = titleBar.y;
    }
  }
  return fitted;
}

/** True when two states would save the same thing (no write needed). */
export function sameWindowState(a: WindowState | null, b: WindowState): boolean {
  return a !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.maximized === b.maximized;
}
