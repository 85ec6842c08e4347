/**
 * Offsets in UTF-16 code units (how Gloss and the DOM count) and in Unicode code points (how the
 * W3C model counts a TextPositionSelector: "the character number"). They differ by one for each
 * character outside the Basic Multilingual Plane (most emoji) that comes before the offset.
 */

/** Converts offsets over one text in both directions, each conversion a binary search. */
export class CodePointOffsets {
  /** UTF-16 index of the high surrogate of each surrogate pair, ascending. */
  private readonly pairs: number[] = [];

  constructor(text: string) {
    for (let i = 0; i < text.length - 1; i += 1) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          this.pairs.push(i);
          i += 1;
        }
      }
    }
  }

  /** The code-point offset of a UTF-16 offset (one inside a surrogate pair counts as at its start). */
  toCodePoints(utf16: number): number {
    // Pairs that start before `utf16` each took two units for one code point.
    return utf16 - countBelow(this.pairs, utf16, (pair) => pair);
  }

  /** The UTF-16 offset of a code-point offset. */
  toUtf16(codePoints: number): number {
    // The k-th pair starts at code point pairs[k] - k.
    return codePoints + countBelow(this.pairs, codePoints, (pair, k) => pair - k);
  }
}

/** How many entries of the ascending `values` (mapped through `key`, also ascending) are below `limit`. */
function countBelow(values: readonly number[], limit: number, key: (value: number, index: number) => number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (key(values[mid]!, mid) < limit) low = mid + 1;
    else high = mid;
  }
  return low;
}
