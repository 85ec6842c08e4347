/**
 * The highlight colors as exports paint them (the HTML page, the W3C stylesheet): the reading
 * view's light theme (renderer/styles/annotations.css), written as opaque-enough values for paper.
 */
import type { HighlightColor } from '../api';

/** Per color: a swatch (borders, labels) and a highlight background. */
export const EXPORT_PALETTE: Readonly<Record<HighlightColor, { swatch: string; highlight: string }>> = {
  yellow: { swatch: '#f2c230', highlight: 'rgb(255 208 40 / 40%)' },
  green: { swatch: '#3db46d', highlight: 'rgb(70 200 120 / 30%)' },
  blue: { swatch: '#3a86e8', highlight: 'rgb(70 150 255 / 26%)' },
  pink: { swatch: '#e8588f', highlight: 'rgb(255 90 150 / 25%)' },
  purple: { swatch: '#9567e6', highlight: 'rgb(150 100 255 / 24%)' },
};

/** The CSS class exports give a color: `gloss-yellow` (the W3C styleClass, the HTML class). */
export function colorClass(color: HighlightColor): string {
  return `gloss-${color}`;
}
