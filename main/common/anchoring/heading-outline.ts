/**
 * The headings of a text as offsets, answering "which headings enclose this offset?" (the
 * `headingPath` of a target) and "where is the section with this heading path now?" (a search
 * hint when a passage moved). String-only: `headings-from-dom.ts` builds the input from the DOM.
 */
import type { TextSpan } from './text-index';

/** A heading of the rendered text: where its text starts, its level (1–6) and its title. */
export interface HeadingOffset {
  start: number;
  level: number;
  title: string;
}

/** The contract's limits on a heading path. */
const MAX_PATH_LENGTH = 10;
const MAX_TITLE_LENGTH = 500;

// Heading paths are compared as one string; titles cannot contain this control character
// once whitespace is collapsed.
const PATH_SEPARATOR = '\u0000';

/** A heading title as Gloss stores it: whitespace collapsed, trimmed and cut to the contract's limit. */
export function normalizeTitle(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH);
}

/** The headings of a text with their enclosing paths, built once per text. */
export class HeadingOutline {
  /** The headings, in offset order. */
  readonly headings: readonly HeadingOffset[];
  private readonly paths: readonly string[][];
  private readonly sections = new Map<string, TextSpan[]>();

  /**
   * @param headings - The headings, in document order.
   * @param textLength - Length of the text, where the last sections end.
   */
  constructor(headings: readonly HeadingOffset[], textLength: number) {
    // Searches below rely on offset order; a stable sort keeps document order for equal starts.
    headings = [...headings].sort((a, b) => a.start - b.start);
    this.headings = headings;
    const paths: string[][] = [];
    const stack: HeadingOffset[] = [];
    const openSections: { level: number; key: string; start: number }[] = [];
    for (const heading of headings) {
      while (stack.length > 0 && stack[stack.length - 1]!.level >= heading.level) {
        stack.pop();
      }
      stack.push(heading);
      paths.push(stack.slice(-MAX_PATH_LENGTH).map((h) => h.title));
      // A heading's section runs to the next heading of the same or a higher rank.
      while (openSections.length > 0 && openSections[openSections.length - 1]!.level >= heading.level) {
        const closed = openSections.pop()!;
        this.addSection(closed.key, { start: closed.start, end: heading.start });
      }
      openSections.push({ level: heading.level, key: paths[paths.length - 1]!.join(PATH_SEPARATOR), start: heading.start });
    }
    for (const open of openSections) {
      this.addSection(open.key, { start: open.start, end: textLength });
    }
    // Text before the first heading is the section with an empty path.
    this.addSection('', { start: 0, end: headings.length > 0 ? headings[0]!.start : textLength });
    this.paths = paths;
  }

  /** Titles of the headings enclosing `offset`, outermost first (a heading encloses its own text). */
  pathAt(offset: number): string[] {
    let low = 0;
    let high = this.headings.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.headings[mid]!.start <= offset) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low === 0 ? [] : [...this.paths[low - 1]!];
  }

  /**
   * The section with heading path `path`: the span from its heading to the next heading of the
   * same or a higher rank. When several sections share the path, the one nearest `near` wins.
   * Returns null when no section has that path, or when the text has no headings at all.
   */
  sectionOf(path: readonly string[], near = 0): TextSpan | null {
    if (this.headings.length === 0) {
      return null;
    }
    const spans = this.sections.get(path.join(PATH_SEPARATOR));
    if (!spans) {
      return null;
    }
    let best = spans[0]!;
    for (const span of spans) {
      if (distanceToSpan(span, near) < distanceToSpan(best, near)) {
        best = span;
      }
    }
    return best;
  }

  private addSection(key: string, span: TextSpan): void {
    const spans = this.sections.get(key);
    if (spans) {
      spans.push(span);
    } else {
      this.sections.set(key, [span]);
    }
  }
}

function distanceToSpan(span: TextSpan, offset: number): number {
  return offset < span.start ? span.start - offset : offset > span.end ? offset - span.end : 0;
}
