/**
 * Folding text for search, the same way on both sides: the notes index (main/search/) folds every
 * term with `foldText`, and the reading view's "find in document" can fold the article with
 * `foldWithOffsets` and map what it finds back to the original text. So "cafe" finds "café",
 * "Muller" finds "Müller", "Lodz" finds "Łódź", and text typed composed (NFC) finds text stored
 * decomposed (NFD), and back.
 *
 * The steps: compatibility decomposition (NFKD: like NFD, and it also turns full-width letters,
 * ligatures such as "ﬁ" and superscripts into plain ones), lower case, then the accents dropped.
 * Only marks that are accents are dropped (the combining diacritics of Latin, Greek and Cyrillic,
 * Hebrew points, Arabic harakat): a Devanagari vowel sign or a Japanese voicing mark is part of
 * the letter, and dropping it would make different words the same. A few letters with no
 * decomposition are folded by hand (ß → ss, ł → l, ø → o, æ → ae, final ς → σ…).
 */

/** Accents, written as combining marks after NFKD. */
const ACCENT_MARKS =
  // Each mark in the class stands for itself; none is meant to combine with its neighbour.
  // eslint-disable-next-line no-misleading-character-class
  /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed]/g;

/** Lower-case letters that have no decomposition but that readers type without their stroke or ligature. */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ς: 'σ',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
};
const FOLDED_LETTERS = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'g');

const ASCII = /^\p{ASCII}*$/u;

/** `text` folded for comparison: case, accents and compatibility forms removed. */
export function foldText(text: string): string {
  // Most words are plain ASCII, where folding is only lower-casing: this keeps indexing fast.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENT_MARKS, '')
    .replace(FOLDED_LETTERS, (letter) => LETTER_FOLDS[letter] ?? letter);
}

/**
 * Text folded with `foldText`, and where each of its UTF-16 units came from: the folded unit `i`
 * stands for `original.slice(starts[i], ends[i])` (a letter and the marks that follow it).
 */
export interface FoldedText {
  text: string;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** A letter (or any character that is not a mark) with the marks that follow it; or stray marks. */
const CLUSTER = /\P{M}\p{M}*|\p{M}+/gsu;

/**
 * Folds `original` exactly as `foldText` does (the result's `text` equals `foldText(original)`),
 * keeping, for each folded unit, the span of the original it came from; `originalRange` maps a
 * match in the folded text back to the original.
 */
export function foldWithOffsets(original: string): FoldedText {
  // Each cluster is folded on its own: normalization never reorders across a letter that is not
  // a mark, and the only context-dependent lower-casing (final sigma) is folded away, so the
  // pieces join up to the fold of the whole.
  const pieces: string[] = [];
  const bounds: number[] = [];
  let length = 0;
  for (const match of original.matchAll(CLUSTER)) {
    const folded = foldText(match[0]);
    if (folded.length === 0) continue;
    pieces.push(folded);
    bounds.push(match.index, match.index + match[0].length, folded.length);
    length += folded.length;
  }
  const starts = new Uint32Array(length);
  const ends = new Uint32Array(length);
  let at = 0;
  for (let i = 0; i < bounds.length; i += 3) {
    const count = bounds[i + 2] as number;
    starts.fill(bounds[i] as number, at, at + count);
    ends.fill(bounds[i + 1] as number, at, at + count);
    at += count;
  }
  return { text: pieces.join(''), starts, ends };
}

/** The span of the original text that the folded span [start, end) came from (`end` > `start`). */
export function originalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start] as number, end: folded.ends[end - 1] as number };
}
