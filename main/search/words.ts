/**
 * Splitting text into words for the notes index, in any script. A word is a run of letters,
 * marks and digits (so "naïve" stays one word whether its "ï" is one code point or two), or an
 * emoji with its modifiers. Scripts written without spaces between words (Chinese, Japanese,
 * Thai, Lao, Khmer, Myanmar) are cut into words by the platform's dictionary-based segmenter
 * (Intl.Segmenter); where that is missing, such a run stays one word, which still finds itself.
 *
 * The same function splits the text when it is indexed, splits the query, and finds where the
 * matching words are in a result (`forEachWord` gives their offsets), so the three always agree.
 */

const WORD =
  /[\p{L}\p{M}\p{N}]+|\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f|\u200d\p{Extended_Pictographic})*/gu;

/** Scripts whose words are not separated by spaces. */
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}]/u;

/** True when `text` holds a character of a script written without spaces between words. */
export function isUnspaced(text: string): boolean {
  return UNSPACED.test(text);
}

let segmenter: Intl.Segmenter | null | undefined;

function wordSegmenter(): Intl.Segmenter | null {
  if (segmenter === undefined) {
    // The root locale: the dictionaries ICU uses for these scripts do not depend on the locale,
    // and the index must not change with the machine's language.
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('und', { granularity: 'word' }) : null;
  }
  return segmenter;
}

/** Calls `visit(start, end)` for each word of `text`, in order. */
export function forEachWord(text: string, visit: (start: number, end: number) => void): void {
  for (const match of text.matchAll(WORD)) {
    const run = match[0];
    const start = match.index;
    const segments = UNSPACED.test(run) ? wordSegmenter() : null;
    if (segments === null) {
      visit(start, start + run.length);
      continue;
    }
    for (const piece of segments.segment(run)) {
      if (piece.isWordLike) visit(start + piece.index, start + piece.index + piece.segment.length);
    }
  }
}

/** The words of `text`, as written (not folded). */
export function splitWords(text: string): string[] {
  const words: string[] = [];
  forEachWord(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}
