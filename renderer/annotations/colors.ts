/**
 * Highlight colors as the reader meets them: a name, the reader's meaning for it, and the
 * names of the CSS highlights that paint them.
 */
import type { HighlightColor, Settings } from '../../main/api';
import { HIGHLIGHT_COLORS } from '../../main/common/limits';

export { HIGHLIGHT_COLORS };
export type { HighlightColor };

/** The meaning of each color, as Settings.colorMeanings holds it. */
export type ColorMeanings = Settings['colorMeanings'];

const COLOR_NAMES: Record<HighlightColor, string> = {
  yellow: 'Yellow',
  green: 'Green',
  blue: 'Blue',
  pink: 'Pink',
  purple: 'Purple',
};

/** The color's name as buttons and labels show it ("Yellow"). */
export function colorName(color: HighlightColor): string {
  return COLOR_NAMES[color];
}

/** The reader's meaning for a color, or '' when none was given. */
export function colorMeaning(meanings: ColorMeanings, color: HighlightColor): string {
  return meanings[color].trim();
}

/** "Yellow · Important", or "Yellow" when the color has no meaning: never color alone. */
export function colorLabel(meanings: ColorMeanings, color: HighlightColor): string {
  const meaning = colorMeaning(meanings, color);
  return meaning ? `${colorName(color)} · ${meaning}` : colorName(color);
}

/** Name of the CSS highlight (`::highlight(name)`) that paints a color. */
export function highlightName(color: HighlightColor): string {
  return `gloss-${color}`;
}

/**
 * Name of the CSS highlight that paints a color's highlights needing review: an outline of the
 * color rather than its fill, so a passage Gloss is not sure of never looks like one it is.
 */
export function reviewHighlightName(color: HighlightColor): string {
  return `gloss-review-${color}`;
}

/** Whether a value is one of the highlight colors. */
export function isHighlightColor(value: unknown): value is HighlightColor {
  return typeof value === 'string' && (HIGHLIGHT_COLORS as readonly string[]).includes(value);
}
