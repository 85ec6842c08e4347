/**
 * Where the side panels go, worked out from the window's width and the reading font: beside the
 * article (docked) while the article keeps at least MIN_LINE_CHARS characters a line, otherwise
 * over it (floating, opened on demand). Pure arithmetic, so the rules are tested without a page.
 */
import { SETTING_RANGES } from '../../main/common/limits';

/** The side panels: Contents and FAQ on the left, Annotations on the right. */
export type PanelName = 'navigation' | 'sidebar';

/** Below this many characters a line the article is squeezed: the panels float over it instead. */
export const MIN_LINE_CHARS = 45;

/** What the layout is worked out from. */
export interface LayoutInput {
  /** The window's inner width, in CSS pixels. */
  windowWidth: number;
  /** Width of one `ch` of the reading font at the reading size. */
  ch: number;
  /** Pixels taken beside the text in the article column: its margins and the reader's scrollbar. */
  gutter: number;
  /** Whether the reader wants each panel shown beside the article, and its width. */
  navigation: { open: boolean; width: number };
  sidebar: { open: boolean; width: number };
}

/** Where each panel is and what the article gets. */
export interface LayoutPlan {
  /** Shown beside the article. A panel not docked is hidden, or floats over the article while opened. */
  docked: Record<PanelName, boolean>;
  /** Whether a panel would dock if opened now (otherwise opening it floats it). */
  dockable: Record<PanelName, boolean>;
  /** The longest line, in characters of the reading font, the article column holds. */
  fitChars: number;
}

/** Characters a line the article column holds with `taken` pixels of panels beside it. */
function charsBeside(input: LayoutInput, taken: number): number {
  return Math.floor((input.windowWidth - taken - input.gutter) / input.ch);
}

/**
 * Docks what fits: both wished-for panels if the article keeps MIN_LINE_CHARS beside them, else
 * the Annotations sidebar alone (the companion of reading and annotating), else Contents alone,
 * else neither.
 */
export function planLayout(input: LayoutInput): LayoutPlan {
  const fits = (taken: number) => charsBeside(input, taken) >= MIN_LINE_CHARS;
  const { navigation, sidebar } = input;
  const candidates: Array<Record<PanelName, boolean>> = [
    { navigation: navigation.open, sidebar: sidebar.open },
    { navigation: false, sidebar: sidebar.open },
    { navigation: navigation.open, sidebar: false },
    { navigation: false, sidebar: false },
  ];
  const width = (docked: Record<PanelName, boolean>) => (docked.navigation ? navigation.width : 0) + (docked.sidebar ? sidebar.width : 0);
  const docked = candidates.find((candidate) => fits(width(candidate))) ?? { navigation: false, sidebar: false };
  const taken = width(docked);
  return {
    docked,
    dockable: {
      navigation: docked.navigation || fits(taken + navigation.width),
      sidebar: docked.sidebar || fits(taken + sidebar.width),
    },
    fitChars: charsBeside(input, taken),
  };
}

/**
 * A panel's width while the reader has not chosen one: a share of the window, within bounds, so
 * that a wide monitor gives the panels room instead of widening only the empty margins.
 */
export function automaticWidth(panel: PanelName, windowWidth: number): number {
  const [share, least, most] = panel === 'navigation' ? [0.18, 220, 320] : [0.25, 300, 440];
  return Math.round(Math.min(most, Math.max(least, windowWidth * share)));
}

/**
 * How wide a docked panel may be dragged: within its setting's range, and never so wide that the
 * article would fall under MIN_LINE_CHARS. `others` is the width of the other docked panel.
 */
export function resizeBounds(panel: PanelName, input: Pick<LayoutInput, 'windowWidth' | 'ch' | 'gutter'>, others: number): { min: number; max: number } {
  const range = SETTING_RANGES[panel === 'navigation' ? 'navigationWidth' : 'sidebarWidth'];
  const room = Math.floor(input.windowWidth - others - input.gutter - MIN_LINE_CHARS * input.ch);
  return { min: range.min, max: Math.max(range.min, Math.min(range.max, room)) };
}
