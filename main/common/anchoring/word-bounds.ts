/**
 * Word boundaries for the ends of a found passage. A reader selects whole words (or, rarely, part
 * of one); an approximate match that starts or ends inside a word ("a tea ser" for "a tea set"
 * when the text now says "a tea service") is a passage nobody selected, so its ends are moved to
 * word boundaries, or the match is refused.
 */
import type { TextSpan } from './text-index';

const WORD_CHARACTER = /[\p{L}\p{N}\p{M}]/u;
// Words longer than this are not looked across: no real word is, and it bounds the cost.
const MAX_WORD_LENGTH = 64;

function isWordCode(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x80) {
    return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  }
  // A low surrogate belongs to the character that starts one code unit earlier.
  const start = code >= 0xdc00 && code <= 0xdfff && at > 0 ? at - 1 : at;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(start)!));
}

const APOSTROPHES = new Set(["'", '\u2019']);

/** Whether the code unit at `at` belongs to a word; an apostrophe between two letters does ("don't"). */
function inWord(text: string, at: number): boolean {
  if (at < 0 || at >= text.length) {
    return false;
  }
  if (APOSTROPHES.has(text.charAt(at))) {
    return at > 0 && at + 1 < text.length && isWordCode(text, at - 1) && isWordCode(text, at + 1);
  }
  return isWordCode(text, at);
}

/** Whether `offset` falls inside a word of `text`: word characters on both sides of it. */
export function cutsWord(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && inWord(text, offset - 1) && inWord(text, offset);
}

/** The fields of a stored quote that say where its ends were. */
export interface QuoteEnds {
  exact: string;
  prefix: string;
  suffix: string;
}

/** Whether the reader's selection itself started inside a word, and whether it ended inside one. */
export function originalCuts(quote: QuoteEnds): { start: boolean; end: boolean } {
  // Two characters each side are enough to see an apostrophe between letters.
  const before = quote.prefix.slice(-2);
  const after = quote.suffix.slice(0, 2);
  return {
    start: cutsWord(before + quote.exact.slice(0, 2), before.length),
    end: cutsWord(quote.exact.slice(-2) + after, Math.min(2, quote.exact.length)),
  };
}

/**
 * The places an end at `offset` could move to so as not to cut a word: the start of the word it
 * cuts and its end. For a start, the end of the word is followed past the spaces after it (a
 * passage does not start with a space); for an end, the start of the word is followed back past
 * the spaces before it. Offsets that do not cut a word are returned as they are.
 */
export function wordBoundaryChoices(text: string, offset: number, side: 'start' | 'end'): number[] {
  if (!cutsWord(text, offset)) {
    return [offset];
  }
  let left = offset;
  while (left > 0 && offset - left < MAX_WORD_LENGTH && cutsWord(text, left)) {
    left -= 1;
  }
  let right = offset;
  while (right < text.length && right - offset < MAX_WORD_LENGTH && cutsWord(text, right)) {
    right += 1;
  }
  const choices: number[] = [];
  if (side === 'start') {
    choices.push(left);
    let next = right;
    while (next < text.length && /\s/.test(text.charAt(next))) {
      next += 1;
    }
    choices.push(next);
  } else {
    let previous = left;
    while (previous > 0 && /\s/.test(text.charAt(previous - 1))) {
      previous -= 1;
    }
    choices.push(previous, right);
  }
  return choices.filter((at) => !cutsWord(text, at));
}

/**
 * Every span that `span` could become so that its ends cut words only where the original
 * selection's did (see `originalCuts`). Empty when an end cannot be moved off a word.
 */
export function wordAlignedSpans(text: string, span: TextSpan, cuts: { start: boolean; end: boolean }): TextSpan[] {
  const starts = cuts.start ? [span.start] : wordBoundaryChoices(text, span.start, 'start');
  const ends = cuts.end ? [span.end] : wordBoundaryChoices(text, span.end, 'end');
  const spans: TextSpan[] = [];
  for (const start of starts) {
    for (const end of ends) {
      if (end > start) {
        spans.push({ start, end });
      }
    }
  }
  return spans;
}
