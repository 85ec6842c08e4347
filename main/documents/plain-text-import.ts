/**
 * The plain-text importer: turns an article saved as text (a web page copied out, as in
 * assets/articles/) into Markdown with a title, section headings, lists, an FAQ the reader can
 * navigate, and "Also read" promos set apart from the body.
 *
 * Body text is escaped, never interpreted: a line with `*stars*` or `<script>` shows exactly as
 * written. Only bare URLs become links, as a reader expects of them.
 */
import { normalizeNewlines } from './decode-document';
import { startsWithAnswerMarker, startsWithQuestionMarker } from '../common/article/faq';
import { escapeHtml, escapeMarkdownHeading, escapeMarkdownInline, escapeMarkdownLines } from './markdown-escape';
import type { ListItem } from './plain-text-patterns';
import {
  endsWithQuestionMark,
  isHeadingLike,
  isQuestionHeading,
  isUnmarkedQuestion,
  matchAnswer,
  matchFaqHeading,
  matchListItem,
  matchQuestion,
  matchRelatedLink,
} from './plain-text-patterns';
import type { TextUnit } from './plain-text-units';
import { splitIntoUnits } from './plain-text-units';
import { dropTrailingBoilerplate } from './trailing-boilerplate';

/** The importer's result. */
export interface ImportedArticle {
  /** Markdown ending in one newline; '' for a blank text. */
  markdown: string;
  /** The article's first line as written (unescaped); '' for a blank text. */
  title: string;
}

type Piece = { kind: 'unit'; unit: TextUnit } | { kind: 'list'; ordered: boolean; items: ListItem[] };

/**
 * Groups runs of list items into lists. A lone "1. …" line stays text: in prose it is more often a
 * numbered heading or a sentence than a list of one.
 */
function groupLists(units: readonly TextUnit[]): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < units.length) {
    const unit = units[i] as TextUnit;
    const first = matchListItem(unit.text);
    const items: ListItem[] = [];
    if (first) {
      for (let j = i; j < units.length; j++) {
        const item = matchListItem((units[j] as TextUnit).text);
        if (!item || item.ordered !== first.ordered) break;
        items.push(item);
      }
    }
    if (first && items.length >= 2) {
      pieces.push({ kind: 'list', ordered: first.ordered, items });
      i += items.length;
    } else {
      pieces.push({ kind: 'unit', unit });
      i += 1;
    }
  }
  return pieces;
}

function renderList(ordered: boolean, items: readonly ListItem[]): string {
  return items
    .map((item) => {
      const marker = ordered ? `${item.number}.` : '-';
      // Continuation lines of an item are indented past its marker so they stay inside the item.
      const body = escapeMarkdownLines(item.text).replace(/\n/g, `\n${' '.repeat(marker.length + 1)}`);
      return `${marker} ${body}`;
    })
    .join('\n');
}

function renderRelatedLink(title: string): string {
  // Unit lines are trimmed already, so a line break needs only a space in its place.
  const text = escapeHtml(title.replaceAll('\n', ' '));
  return `<aside class="related-link" role="note" aria-label="Related article"><p>Also read: ${text}</p></aside>`;
}

function renderHeading(level: number, text: string): string {
  return `${'#'.repeat(level)} ${escapeMarkdownHeading(text.replaceAll('\n', ' '))}`;
}

function unitAt(pieces: readonly Piece[], index: number): TextUnit | null {
  const piece = pieces[index];
  return piece?.kind === 'unit' ? piece.unit : null;
}

/**
 * A question of Q./A. lines that no FAQ heading introduces, as a bold paragraph that keeps its
 * marker: the FAQ navigator (main/common/article/faq.ts) lists such paragraphs, and no heading the
 * file does not have is made up for them. A marker the navigator does not read ("q -") is
 * written as "Q:".
 */
function renderQuestionParagraph(text: string, question: string): string {
  const line = text.replaceAll('\n', ' ');
  return `**${escapeMarkdownInline(startsWithQuestionMarker(line) ? line : `Q: ${question.replaceAll('\n', ' ')}`)}**`;
}

/** The answer to such a question, its marker kept the same way ("A:" for one the navigator does not read). */
function renderAnswerParagraph(text: string, answer: string): string {
  return startsWithAnswerMarker(text) ? escapeMarkdownLines(text) : `A: ${escapeMarkdownLines(answer)}`;
}

/**
 * Where the body is: in an FAQ section (opened by its heading), in a run of Q./A. pairs with no
 * heading, or neither (null). `style` is how the FAQ marks its questions, once known.
 */
interface FaqState {
  headed: boolean;
  style: 'marked' | 'unmarked' | null;
}

/** True when the piece after `index` is body text: what a heading is followed by. */
function bodyFollows(pieces: readonly Piece[], index: number): boolean {
  const next = pieces[index + 1];
  if (next === undefined) return false;
  if (next.kind === 'list') return true;
  return !isHeadingLike(next.unit.text) && !endsWithQuestionMark(next.unit.text);
}

/** Writes the article's body, tracking whether it is inside an FAQ section and how that FAQ marks questions. */
function renderBody(pieces: readonly Piece[]): string[] {
  const blocks: string[] = [];
  let faq: FaqState | null = null;

  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as Piece;
    if (piece.kind === 'list') {
      blocks.push(renderList(piece.ordered, piece.items));
      continue;
    }
    const { text, standalone } = piece.unit;

    const related = matchRelatedLink(text);
    if (related !== null) {
      // A bare "Also Read:" names its article on the next line.
      const next = related === '' ? unitAt(pieces, i + 1) : null;
      const title = related !== '' ? related : next !== null ? next.text : '';
      if (title !== '') {
        blocks.push(renderRelatedLink(title));
        if (next !== null) i++;
        continue;
      }
    }

    const faqHeading = standalone ? matchFaqHeading(text) : null;
    if (faqHeading !== null) {
      blocks.push(renderHeading(2, faqHeading));
      faq = { headed: true, style: null };
      continue;
    }

    const question = matchQuestion(text);
    if (question !== null && faq?.headed && faq.style !== 'unmarked') {
      faq.style = 'marked';
      blocks.push(renderHeading(3, question));
      continue;
    }
    // With no FAQ heading, a "Q." line counts only when it asks something and an "A." line
    // answers it (or it asks within a run of such pairs): "Q. Smith and A. Jones met." is a sentence.
    const nextText = unitAt(pieces, i + 1)?.text;
    const answered = question !== null && endsWithQuestionMark(question) && nextText !== undefined && matchAnswer(nextText) !== null;
    const askedInRun = question !== null && faq !== null && !faq.headed && endsWithQuestionMark(question);
    if (question !== null && !faq?.headed && (answered || askedInRun)) {
      faq = { headed: false, style: 'marked' };
      blocks.push(renderQuestionParagraph(text, question));
      continue;
    }

    if (faq !== null) {
      const answer = faq.style === 'marked' ? matchAnswer(text) : null;
      if (answer !== null) {
        blocks.push(faq.headed ? escapeMarkdownLines(answer) : renderAnswerParagraph(text, answer));
        continue;
      }
      // An FAQ without markers asks in plain questions; once it has used markers, a line ending
      // in "?" is part of an answer.
      if (faq.headed && faq.style !== 'marked' && standalone && isUnmarkedQuestion(text)) {
        faq.style = 'unmarked';
        blocks.push(renderHeading(3, text));
        continue;
      }
    }

    // Outside an FAQ, a heading may be phrased as a question; it is still a section heading.
    if (standalone && (isHeadingLike(text) || (faq === null && isQuestionHeading(text) && bodyFollows(pieces, i)))) {
      blocks.push(renderHeading(2, text));
      faq = null;
      continue;
    }
    blocks.push(escapeMarkdownLines(text));
  }
  return blocks;
}

/**
 * Converts a plain-text article to Markdown. The first non-empty line is the title (`# `); short
 * lines standing alone become `## ` sections, questions among them too outside an FAQ; "Also read"
 * promos become `<aside class="related-link">` blocks; under an FAQ heading, each question becomes a
 * `### ` heading; Q./A. pairs with no FAQ heading stay paragraphs, the question in bold, which the
 * FAQ navigator lists as they are; bullet and numbered lines become lists; trailing page
 * boilerplate is dropped; every other line is kept as written.
 */
export function importPlainText(text: string): ImportedArticle {
  const lines = normalizeNewlines(text.replace(/^\uFEFF/, '')).split('\n');
  const titleIndex = lines.findIndex((line) => line.trim() !== '');
  if (titleIndex < 0) return { markdown: '', title: '' };
  const title = (lines[titleIndex] as string).trim();
  const units = splitIntoUnits(dropTrailingBoilerplate(lines.slice(titleIndex + 1)));
  const blocks = [renderHeading(1, title), ...renderBody(groupLists(units))];
  return { markdown: `${blocks.join('\n\n')}\n`, title };
}
