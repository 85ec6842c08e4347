/**
 * Words of the article's text, counted once per document so that "how many words are left from
 * here" is a binary search, and how long they take to read. Pure: no DOM.
 */

/** A word: letters and digits, with inner apostrophes and hyphens ("don't", "well-known"). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/** Where each word of a text starts. */
export class WordCounter {
  private readonly starts: Int32Array;

  constructor(text: string) {
    const starts: number[] = [];
    for (const match of text.matchAll(WORD)) starts.push(match.index);
    this.starts = Int32Array.from(starts);
  }

  /** Words in the whole text. */
  get total(): number {
    return this.starts.length;
  }

  /** Words starting at or after `from` and before `to`. */
  between(from: number, to: number): number {
    return Math.max(0, this.firstAtOrAfter(to) - this.firstAtOrAfter(from));
  }

  private firstAtOrAfter(offset: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.starts[mid]! < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

/** "less than a minute", "1 min", "14 min", "1 h 5 min": how long `words` take at `wordsPerMinute`. */
export function readingTime(words: number, wordsPerMinute: number): string {
  const minutes = Math.round(words / wordsPerMinute);
  if (minutes < 1) return words === 0 ? '0 min' : 'under 1 min';
  if (minutes < 60) return `${minutes} min`;
  const rest = minutes % 60;
  return rest === 0 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 60)} h ${rest} min`;
}

/** A section of the text: where its heading starts and its level. */
export interface SectionStart {
  start: number;
  level: number;
}

/**
 * The end of the section holding `offset`: the next heading at its heading's level or above, or
 * the end of the text; null before the first heading (the introduction is no section).
 */
export function sectionEnd(sections: readonly SectionStart[], offset: number, textLength: number): number | null {
  let at = -1;
  for (let i = 0; i < sections.length && sections[i]!.start <= offset; i++) at = i;
  if (at < 0) return null;
  const level = sections[at]!.level;
  for (let i = at + 1; i < sections.length; i++) if (sections[i]!.level <= level) return sections[i]!.start;
  return textLength;
}
