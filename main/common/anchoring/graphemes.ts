/**
 * Grapheme-cluster boundaries in UTF-16 text, so that selectors never cut a character in half:
 * not a surrogate pair (emoji), not a base letter from its combining marks, not a ZWJ sequence.
 */

// Clusters longer than this many code units before or after an offset are not seen whole. Real
// text (emoji ZWJ families, stacked diacritics) stays far below it.
const LOOKAROUND = 32;

// Below U+0300 there are no combining marks and no surrogates, so the only cluster that spans two
// such code units is CR LF: this lets nearly every ASCII/Latin-1 boundary skip the segmenter.
const FIRST_COMBINING_CODE_UNIT = 0x300;

let segmenter: Intl.Segmenter | null | undefined;

function graphemeSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    // Creating a segmenter loads ICU data: do it once, and cope with runtimes without it.
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return segmenter;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Whether `offset` in `text` falls between two grapheme clusters (the ends always do). */
export function isGraphemeBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) {
    return true;
  }
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before < FIRST_COMBINING_CODE_UNIT && after < FIRST_COMBINING_CODE_UNIT) {
    return !(before === 0x0d && after === 0x0a);
  }
  if (isHighSurrogate(before) && isLowSurrogate(after)) {
    return false;
  }
  const seg = graphemeSegmenter();
  if (!seg) {
    // Without ICU, surrogate pairs are the only clusters we can be sure of.
    return true;
  }
  const windowStart = Math.max(0, offset - LOOKAROUND);
  const windowText = text.slice(windowStart, Math.min(text.length, offset + LOOKAROUND));
  const target = offset - windowStart;
  for (const { index } of seg.segment(windowText)) {
    if (index === target) {
      return true;
    }
    if (index > target) {
      return false;
    }
  }
  return false;
}

/** The nearest grapheme boundary at or before `offset`. */
export function graphemeBoundaryBefore(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (!isGraphemeBoundary(text, at)) {
    at -= 1;
  }
  return at;
}

/** The nearest grapheme boundary at or after `offset`. */
export function graphemeBoundaryAfter(text: string, offset: number): number {
  let at = Math.max(0, Math.min(offset, text.length));
  while (!isGraphemeBoundary(text, at)) {
    at += 1;
  }
  return at;
}
