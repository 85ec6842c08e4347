/**
 * Splits a plain-text article into logical lines ("units"): one per paragraph, list item, question,
 * answer or promo, whatever way the text was laid out.
 *
 * Plain text comes in two layouts. Web articles copied as text put one paragraph per line, so each
 * line is a unit. Emails and Project Gutenberg-style files are hard-wrapped at a fixed width
 * (about 72 columns), so a paragraph runs over several lines and only a blank line ends it. A
 * document whose longest line fits in `WRAPPED_MAX_LINE` characters is read as hard-wrapped: there,
 * a line that fills most of the width is joined to the next with a space (the break was the wrap's,
 * and joining lets a highlight run across it), while a short line followed by another keeps its
 * break as a hard line break, since the author ended it on purpose (an address, a verse). In
 * one-paragraph-per-line text, a run of short lines that are not sentences is kept together the
 * same way, with hard breaks.
 */
import {
  HEADING_MAX_CHARS,
  endsSentence,
  matchAnswer,
  matchListItem,
  matchQuestion,
  matchRelatedLink,
} from './plain-text-patterns';

/** Longest line of a document read as hard-wrapped; one-paragraph-per-line text has longer lines. */
export const WRAPPED_MAX_LINE = 100;

/** Share of the wrap width from which a line counts as full, so its break belongs to the wrap. */
const FULL_LINE_SHARE = 0.6;

/** One logical line of an article. */
export interface TextUnit {
  /** The text, trimmed; '\n' marks a line break the author meant. */
  text: string;
  /**
   * True when the unit is a paragraph of its own (blank lines around it in wrapped text, any line
   * in one-paragraph-per-line text): the condition for reading a short line as a heading.
   */
  standalone: boolean;
}

interface SourceLine {
  text: string;
  indented: boolean;
}

interface UnitDraft {
  text: string;
  lastLine: string;
  /** Started by a marker (list item, question, answer, promo), which only indented or wrapped lines continue. */
  marked: boolean;
}

function startsWithMarker(line: string): boolean {
  return (
    matchListItem(line) !== null ||
    matchQuestion(line) !== null ||
    matchAnswer(line) !== null ||
    matchRelatedLink(line) !== null
  );
}

function splitIntoBlocks(lines: readonly string[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let block: SourceLine[] = [];
  for (const line of lines) {
    const text = line.trim();
    if (text === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push({ text, indented: /^\s/.test(line) });
    }
  }
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** The wrap width of a hard-wrapped document, or null when it puts one paragraph on each line. */
function wrapWidthOf(blocks: readonly SourceLine[][]): number | null {
  let longest = 0;
  for (const block of blocks) for (const line of block) longest = Math.max(longest, line.text.length);
  return longest > WRAPPED_MAX_LINE ? null : longest;
}

function unitsOfBlock(block: readonly SourceLine[], wrapWidth: number | null): string[] {
  const drafts: UnitDraft[] = [];
  for (const line of block) {
    const current = drafts.at(-1);
    const marker = startsWithMarker(line.text);
    const previousFull = wrapWidth !== null && current !== undefined && current.lastLine.length >= FULL_LINE_SHARE * wrapWidth;
    let separator: string | null = null;
    if (current !== undefined && !marker) {
      if (wrapWidth === null) {
        // One paragraph per line, except that an indented line carries on a list item (its wrapped
        // text), and a run of short lines (a table, an address, key facts) stays one paragraph.
        if (current.marked && line.indented) separator = ' ';
        else if (!current.marked && !isProse(current.lastLine) && !isProse(line.text)) separator = '\n';
      } else if (!current.marked || line.indented || previousFull) {
        separator = previousFull || current.marked ? ' ' : '\n';
      }
    }
    if (current !== undefined && separator !== null) {
      current.text += separator + line.text;
      current.lastLine = line.text;
    } else {
      drafts.push({ text: line.text, lastLine: line.text, marked: marker });
    }
  }
  return drafts.map((draft) => draft.text);
}

/** True for a sentence or a line too long to be a label. */
function isProse(text: string): boolean {
  return endsSentence(text) || text.length > HEADING_MAX_CHARS;
}

/**
 * The units of an article's lines (LF-separated, without its title). Blank lines separate
 * paragraphs; within a run of non-blank lines the layout decides, as described above.
 */
export function splitIntoUnits(lines: readonly string[]): TextUnit[] {
  const blocks = splitIntoBlocks(lines);
  const wrapWidth = wrapWidthOf(blocks);
  const units: TextUnit[] = [];
  for (const block of blocks) {
    const texts = unitsOfBlock(block, wrapWidth);
    // In one-paragraph-per-line text every unit is a paragraph of its own (runs of short lines were
    // merged above); in wrapped text only a block's sole unit is.
    for (const text of texts) units.push({ text, standalone: texts.length === 1 || wrapWidth === null });
  }
  return units;
}
