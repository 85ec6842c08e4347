/**
 * The text half of "Find in document": where a query occurs in an article's rendered text (the
 * TextIndex text, never the DOM), as offsets into that text. No DOM here, so it runs in unit tests
 * and in the benchmark alike.
 *
 * By default case and accents are ignored with the notes search's own folding
 * (main/common/text-fold.ts: "cafe" finds "café", "Muller" finds "Müller", NFC finds NFD); the
 * article is folded once (`SearchableText`) and every keystroke is then one `indexOf` loop over
 * the folded text, mapped back to real offsets. Any whitespace matches any whitespace, so a phrase
 * typed on one line finds it across a soft line break of the source.
 */
import { foldText, foldWithOffsets } from '../../main/common/text-fold';

/** How a query is compared with the text. */
export interface FindOptions {
  /** Upper and lower case differ ("Apple" does not find "apple"). */
  matchCase: boolean;
  /** Accents count ("cafe" does not find "café"); the text is compared as written. */
  matchDiacritics: boolean;
}

/** Most matches counted; past it the count reads "10,000+". */
export const MAX_FIND_MATCHES = 10_000;

/** The matches of one query, in text order. */
export interface FindMatches {
  /** `starts[i]`, `ends[i]`: the i-th match, [start, end) in the real text. */
  starts: number[];
  ends: number[];
  /** True when the search stopped at MAX_FIND_MATCHES. */
  capped: boolean;
}

const ASCII_RUN = /\p{ASCII}+/gu;
const WHITESPACE = /\s/g;
const WHITESPACE_RUNS = /\s+/g;
const MARKS = /\p{M}/gu;

/**
 * An article's text folded for finding, with the map back to the real text. Costs one pass over
 * the text, so build it once per rendered article (`searchableText` caches it per text).
 */
export class SearchableText {
  /** The folded text: lower case, accents dropped, every whitespace character a space. */
  readonly folded: string;
  /** For the folded unit i, the real span [starts[i], ends[i]); null when the two texts are the same length unit for unit (ASCII). */
  private readonly starts: Uint32Array | null;
  private readonly ends: Uint32Array | null;

  constructor(readonly real: string) {
    // Plain ASCII folds by lower-casing alone, unit for unit; only the other stretches need the
    // cluster-by-cluster fold, which is far slower (a 1 MB article of mostly ASCII: ~250 ms
    // folded whole, a few ms this way).
    const pieces: string[] = [];
    const spans: Array<{ at: number; folded: ReturnType<typeof foldWithOffsets> | null; length: number }> = [];
    let total = 0;
    let copied = 0;
    const addOther = (from: number, to: number) => {
      if (to <= from) return;
      const folded = foldWithOffsets(real.slice(from, to));
      pieces.push(folded.text);
      spans.push({ at: from, folded, length: folded.text.length });
      total += folded.text.length;
    };
    for (const run of real.matchAll(ASCII_RUN)) {
      // A combining mark after the run belongs to its last letter: leave that letter to the other stretch.
      let end = run.index + run[0].length;
      if (end < real.length && /\p{M}/u.test(real.charAt(end))) end -= 1;
      addOther(copied, run.index);
      if (end > run.index) {
        pieces.push(real.slice(run.index, end).toLowerCase());
        spans.push({ at: run.index, folded: null, length: end - run.index });
        total += end - run.index;
      }
      copied = Math.max(copied, end);
    }
    addOther(copied, real.length);
    this.folded = pieces.join('').replace(WHITESPACE, ' ');
    if (spans.every((span) => span.folded === null)) {
      this.starts = null;
      this.ends = null;
      return;
    }
    const starts = new Uint32Array(total);
    const ends = new Uint32Array(total);
    let i = 0;
    for (const span of spans) {
      if (span.folded === null) {
        for (let k = 0; k < span.length; k++, i++) {
          starts[i] = span.at + k;
          ends[i] = span.at + k + 1;
        }
      } else {
        for (let k = 0; k < span.length; k++, i++) {
          starts[i] = span.at + (span.folded.starts[k] as number);
          ends[i] = span.at + (span.folded.ends[k] as number);
        }
      }
    }
    this.starts = starts;
    this.ends = ends;
  }

  /** The real span of the folded span [start, end). */
  toReal(start: number, end: number): { start: number; end: number } {
    if (this.starts === null || this.ends === null) return { start, end };
    return { start: this.starts[start] as number, end: this.ends[end - 1] as number };
  }
}

let cached: SearchableText | null = null;

/** The SearchableText of `text`, reused while the same article is searched. */
export function searchableText(text: string): SearchableText {
  if (cached?.real !== text) cached = new SearchableText(text);
  return cached;
}

/** `text` without its accents, its case kept: what "Match case" compares when accents do not count. */
function withoutMarks(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').replace(WHITESPACE_RUNS, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every match of `query` in `text`, in order, at most MAX_FIND_MATCHES. An empty query (or one of
 * whitespace only) matches nothing. Matches do not overlap: the next is looked for after the end
 * of the last.
 */
export function findMatches(text: string, query: string, options: FindOptions): FindMatches {
  const matches: FindMatches = { starts: [], ends: [], capped: false };
  if (query.trim() === '') return matches;
  const add = (start: number, end: number): boolean => {
    if (matches.starts.length >= MAX_FIND_MATCHES) {
      matches.capped = true;
      return false;
    }
    matches.starts.push(start);
    matches.ends.push(end);
    return true;
  };
  if (options.matchDiacritics) {
    // Accents count: a regular expression over the real text, which needs no map. The query is
    // tried composed and decomposed, as an article's accents may be stored either way.
    const forms = [...new Set([query.normalize('NFC'), query.normalize('NFD')])];
    const pattern = forms.map((form) => form.trim().split(WHITESPACE_RUNS).map(escapeRegExp).join('\\s+')).join('|');
    for (const match of text.matchAll(new RegExp(pattern, options.matchCase ? 'gu' : 'giu'))) {
      if (!add(match.index, match.index + match[0].length)) break;
    }
    return matches;
  }
  const searchable = searchableText(text);
  const needle = foldText(query).replace(WHITESPACE_RUNS, ' ');
  const wanted = options.matchCase ? withoutMarks(query) : '';
  for (let at = searchable.folded.indexOf(needle); at >= 0; at = searchable.folded.indexOf(needle, at + needle.length)) {
    const span = searchable.toReal(at, at + needle.length);
    if (options.matchCase && withoutMarks(text.slice(span.start, span.end)) !== wanted) continue;
    if (!add(span.start, span.end)) break;
  }
  return matches;
}
