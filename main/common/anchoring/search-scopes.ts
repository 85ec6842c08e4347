/**
 * Where a quote is looked for, narrowest first: right where it is expected, a window around that,
 * its section, then the whole text.
 */
import { maxErrorsFor } from './match-verdict';
import type { TextSpan } from './text-index';

/** Where the quote is expected; everything is optional, and the whole text is searched last. */
export interface MatchHint {
  /** Expected start of the quote. */
  position?: number;
  /** Span to search before anything wider. Defaults to a window around `position`. */
  window?: TextSpan;
  /** Span of the quote's section (see HeadingOutline), searched after the window. */
  section?: TextSpan;
}

/** How far around the expected position the first window reaches: quote lengths, then characters. */
const WINDOW_QUOTE_LENGTHS = 4;
const WINDOW_SLACK = 256;
/** How far around the expected span the first, narrowest search reaches. */
const SPOT_SLACK = 64;

/** A span to search, and whether it is where the quote is expected (its spot or window). */
export interface Scope extends TextSpan {
  isWindow: boolean;
}

/** The default first window: the quote's length a few times over, plus slack, on each side. */
export function windowAround(position: number, quoteLength: number, textLength: number): TextSpan {
  const reach = WINDOW_QUOTE_LENGTHS * quoteLength + WINDOW_SLACK;
  return clip({ start: position - reach, end: position + quoteLength + reach }, textLength);
}

/** Search scopes from narrowest to widest, dropping any that an earlier one already covers. */
export function scopesFor(textLength: number, quoteLength: number, hint: MatchHint): Scope[] {
  const scopes: Scope[] = [];
  const window = hint.window ?? (hint.position === undefined ? undefined : windowAround(hint.position, quoteLength, textLength));
  // Right where the quote is expected first: a passage edited in place is found there, at a
  // fraction of the cost of the wider window.
  const spot = hint.position === undefined ? undefined : { start: hint.position - SPOT_SLACK, end: hint.position + quoteLength + maxErrorsFor(quoteLength) + SPOT_SLACK };
  const candidates: [TextSpan | undefined, boolean][] = [
    [spot, true],
    [window, true],
    [hint.section, false],
    [{ start: 0, end: textLength }, false],
  ];
  for (const [span, isWindow] of candidates) {
    if (!span) {
      continue;
    }
    const clipped = clip(span, textLength);
    const covered = scopes.some((s) => s.start <= clipped.start && s.end >= clipped.end);
    if (!covered && clipped.end - clipped.start >= quoteLength) {
      scopes.push({ ...clipped, isWindow });
    }
  }
  return scopes;
}

function clip(span: TextSpan, textLength: number): TextSpan {
  const start = Math.max(0, Math.min(span.start, textLength));
  return { start, end: Math.max(start, Math.min(span.end, textLength)) };
}

