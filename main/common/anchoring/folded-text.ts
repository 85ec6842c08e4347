/**
 * Text folded for matching, with an exact map of its offsets back to the real text.
 *
 * The same words reach Gloss spelled in ways a reader never sees: accents composed or
 * decomposed (NFC and NFD, as editors and macOS file systems produce them), straight or curly
 * quotes, and different whitespace after a paragraph is re-wrapped. Quotes are matched on the
 * folded form, where those differences are gone:
 * - Unicode NFC, one character with its combining marks at a time;
 * - the curly single quotes and primes become `'`, the curly double quotes and double primes `"`;
 * - every run of whitespace becomes one space.
 *
 * The map is kept as the list of places where folding changed the length of the text, so a text
 * that needed no such change (most of them) costs one pass and no per-character memory. Each
 * changed piece maps as a whole: an offset inside it goes to the piece's start (for the start of
 * a span) or end (for its end), so mapped offsets always fall between characters of the real
 * text, never inside a character and its accents.
 */

/** Which end of a span an offset is, deciding where an offset inside a folded piece goes. */
export type SpanSide = 'start' | 'end';

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032]/g;
const DOUBLE_QUOTES = /[\u201c-\u201f\u2033]/g;
// Every character `\s` matches but the space itself.
const OTHER_WHITESPACE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/g;
const LATIN1_WHITESPACE = ['\n', '\t', '\r', '\v', '\f', '\u00a0'];
const BEYOND_LATIN1 = /[\u0100-\uffff]/;
// A one-byte string cannot hold a character this class matches, which V8 sees at once.
const MAY_NEED_COMPOSITION = /[\u0300-\uffff]/;

const COMBINING = /\p{M}/u;
// A character with the combining marks after it (and a Hangul initial with its vowel and final).
const MARKED_CHARACTER = /[\s\S](?:\p{M}|[\u1160-\u11ff])+/gu;

/** Whether the code unit at `at` continues the character before it (a combining mark, a Hangul vowel or final). */
function continuesCharacter(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  if (code < 0x300) {
    return false;
  }
  if (code <= 0x36f || (code >= 0x1160 && code <= 0x11ff)) {
    return true;
  }
  if (code >= 0xd800 && code <= 0xdfff) {
    // Combining marks outside the BMP are rare enough to be treated as their own characters.
    return false;
  }
  return COMBINING.test(text.charAt(at));
}

/** Where folding changed the length of the text: `length` real code units became `foldedLength`. */
interface Piece {
  folded: number;
  real: number;
  foldedLength: number;
  length: number;
}

/** An offset map made of pieces, sorted by both their folded and their real offsets. */
class PieceMap {
  constructor(private readonly pieces: readonly Piece[]) {}

  /** The real offset of a folded one. */
  toReal(offset: number, side: SpanSide): number {
    const piece = this.last((p) => p.folded <= offset);
    if (!piece) {
      return offset;
    }
    if (offset === piece.folded) {
      return piece.real;
    }
    if (offset < piece.folded + piece.foldedLength) {
      return side === 'start' ? piece.real : piece.real + piece.length;
    }
    return piece.real + piece.length + (offset - piece.folded - piece.foldedLength);
  }

  /** The folded offset of a real one; an offset inside a piece goes to the piece's start. */
  toFolded(offset: number): number {
    const piece = this.last((p) => p.real <= offset);
    if (!piece) {
      return offset;
    }
    if (offset < piece.real + piece.length) {
      return piece.folded;
    }
    return piece.folded + piece.foldedLength + (offset - piece.real - piece.length);
  }

  private last(atOrBefore: (piece: Piece) => boolean): Piece | undefined {
    let low = 0;
    let high = this.pieces.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (atOrBefore(this.pieces[mid]!)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low === 0 ? undefined : this.pieces[low - 1];
  }
}

/** A fold step's output: the folded text and where its length differs from its input's. */
interface Folded {
  text: string;
  pieces: Piece[];
}

/**
 * NFC, one character (a base and the marks that follow it) at a time, so that each composed
 * character maps to exactly the characters it came from. Lines already in NFC are kept whole.
 */
function compose(text: string): Folded {
  if (!MAY_NEED_COMPOSITION.test(text) || text.normalize('NFC') === text) {
    return { text, pieces: [] };
  }
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let folded = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline + 1;
    const line = text.slice(lineStart, lineEnd);
    const composed = line.normalize('NFC') === line ? { text: line, pieces: [] } : (composeMarked(line) ?? composeEach(line));
    for (const piece of composed.pieces) {
      pieces.push({ ...piece, folded: folded + piece.folded, real: lineStart + piece.real });
    }
    parts.push(composed.text);
    folded += composed.text.length;
    lineStart = lineEnd;
  }
  return { text: parts.join(''), pieces };
}

/**
 * A line composed by composing only its letters that carry common combining marks (what NFD
 * text is made of), or null when that does not leave it in NFC (a singleton, a rarer mark).
 */
function composeMarked(line: string): Folded | null {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let copied = 0;
  let shift = 0;
  MARKED_CHARACTER.lastIndex = 0;
  for (let m = MARKED_CHARACTER.exec(line); m; m = MARKED_CHARACTER.exec(line)) {
    const composed = m[0].normalize('NFC');
    if (composed.length !== m[0].length) {
      parts.push(line.slice(copied, m.index), composed);
      pieces.push({ folded: m.index - shift, real: m.index, foldedLength: composed.length, length: m[0].length });
      shift += m[0].length - composed.length;
      copied = m.index + m[0].length;
    }
  }
  parts.push(line.slice(copied));
  const text = parts.join('');
  return text.normalize('NFC') === text ? { text, pieces } : null;
}

/** A line composed one character at a time: slower, but whatever it holds. */
function composeEach(line: string): Folded {
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let folded = 0;
  let at = 0;
  while (at < line.length) {
    let end = at + 1;
    if (line.charCodeAt(at) >= 0xd800 && line.charCodeAt(at) <= 0xdbff && end < line.length) {
      end += 1;
    }
    while (end < line.length && continuesCharacter(line, end)) {
      end += 1;
    }
    const character = line.slice(at, end);
    const composed = end - at === 1 && line.charCodeAt(at) < 0x300 ? character : character.normalize('NFC');
    if (composed.length !== character.length) {
      pieces.push({ folded, real: at, foldedLength: composed.length, length: character.length });
    }
    parts.push(composed);
    folded += composed.length;
    at = end;
  }
  return { text: parts.join(''), pieces };
}

/** Curly quotes to straight ones, any whitespace to a space (one code unit each way), then runs of spaces to one. */
function foldPunctuation(text: string): Folded {
  let spaced = text;
  if (BEYOND_LATIN1.test(text)) {
    spaced = text.replace(OTHER_WHITESPACE, ' ').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"');
  } else {
    // In a one-byte string (which V8 tells the test above at once) the only characters to fold
    // are a few kinds of whitespace, and looking for each kind on its own is many times faster
    // than scanning for a class of them.
    for (const character of LATIN1_WHITESPACE) {
      if (spaced.includes(character)) {
        spaced = spaced.replaceAll(character, ' ');
      }
    }
  }
  let run = spaced.indexOf('  ');
  if (run === -1) {
    return { text: spaced, pieces: [] };
  }
  const parts: string[] = [];
  const pieces: Piece[] = [];
  let copied = 0;
  let removed = 0;
  while (run !== -1) {
    let end = run + 2;
    while (spaced.charCodeAt(end) === 0x20) {
      end += 1;
    }
    parts.push(spaced.slice(copied, run + 1));
    pieces.push({ folded: run - removed, real: run, foldedLength: 1, length: end - run });
    removed += end - run - 1;
    copied = end;
    run = spaced.indexOf('  ', end);
  }
  parts.push(spaced.slice(copied));
  return { text: parts.join(''), pieces };
}

/**
 * A text folded for matching and the map between its offsets and the real text's. Build it once
 * per text: it costs a pass over the text.
 */
export class FoldedText {
  /** The folded text. */
  readonly text: string;
  private readonly composed: PieceMap;
  private readonly punctuation: PieceMap;

  constructor(readonly real: string) {
    const composed = compose(real);
    const folded = foldPunctuation(composed.text);
    this.text = folded.text;
    this.composed = new PieceMap(composed.pieces);
    this.punctuation = new PieceMap(folded.pieces);
  }

  /** The offset in the real text of `offset` in the folded text (0 ≤ offset ≤ folded length). */
  toReal(offset: number, side: SpanSide): number {
    return this.composed.toReal(this.punctuation.toReal(offset, side), side);
  }

  /** The offset in the folded text of `offset` in the real text. */
  toFolded(offset: number): number {
    return this.punctuation.toFolded(this.composed.toFolded(offset));
  }
}

/** `text` folded as `FoldedText` folds a whole text, for strings that need no map (stored quotes). */
export function foldString(text: string): string {
  return foldPunctuation(compose(text).text).text;
}
