/**
 * The articles of the accuracy benchmark and what its edits need of them: a short article in
 * sections of prose from the fixtures' generator, with quoted phrases, apostrophes and accented
 * names; its paragraphs, sentences and words as spans; quote-style and per-character conversions.
 */
import { paragraph, word } from '../fixtures/anchoring/prose';
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import type { TextSpan } from '../../main/common/anchoring/text-index';
import type { Replacement } from './ground-truth';

const SECTIONS = 3;
const PARAGRAPHS_PER_SECTION = 5;
const NAMES = ['José Martí', 'Zoë', 'Dvořák', 'Łódź', 'Gödel', 'Müller', 'São Paulo', 'Ångström', 'Nuñez', 'Chloé', 'Brontë', 'Kraków'];
const ACCENTED_WORDS = ['café', 'naïve', 'façade', 'résumé', 'déjà vu', 'crème', 'fiancée', 'coöperate'];

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

/** A paragraph of the generator's prose with straight quotes, apostrophes and accented words in it. */
function decoratedParagraph(random: () => number): string {
  const words = paragraph(random).split(' ');
  let open = -1;
  for (let i = 0; i < words.length; i++) {
    const roll = random();
    if (open >= 0 && (i - open >= 3 || /[.?]$/.test(words[i]!)) && roll < 0.6) {
      words[i] = /[.,?]$/.test(words[i]!) ? `${words[i]!.slice(0, -1)}"${words[i]!.slice(-1)}` : `${words[i]}"`;
      open = -1;
    } else if (open < 0 && roll < 0.05 && !/[.,?]$/.test(words[i]!)) {
      words[i] = `"${words[i]}`;
      open = i;
    } else if (roll < 0.09) {
      words[i] = /[.,?]$/.test(words[i]!) ? words[i]! : `${words[i]}'s`;
    } else if (roll < 0.13) {
      const name = pick(random, random() < 0.5 ? NAMES : ACCENTED_WORDS);
      words[i] = /[.,?]$/.test(words[i]!) ? `${name}${words[i]!.slice(-1)}` : name;
    }
  }
  if (open >= 0) {
    words[words.length - 1] = `${words[words.length - 1]!.slice(0, -1)}"${words[words.length - 1]!.slice(-1)}`;
  }
  return words.join(' ');
}

export interface Article {
  text: string;
  /** Span of each block's text; headings are every (PARAGRAPHS_PER_SECTION + 1)th block. */
  blocks: TextSpan[];
  headings: HeadingOffset[];
}

/** An article of SECTIONS sections of PARAGRAPHS_PER_SECTION decorated paragraphs each, blocks joined by newlines. */
export function generateArticle(random: () => number): Article {
  const texts: { text: string; heading: boolean }[] = [];
  for (let s = 0; s < SECTIONS; s++) {
    texts.push({ text: `Part ${s + 1}: the ${word(random)} and the ${word(random)}`, heading: true });
    for (let p = 0; p < PARAGRAPHS_PER_SECTION; p++) {
      texts.push({ text: decoratedParagraph(random), heading: false });
    }
  }
  const blocks: TextSpan[] = [];
  const headings: HeadingOffset[] = [];
  let at = 0;
  for (const { text, heading } of texts) {
    blocks.push({ start: at, end: at + text.length });
    if (heading) {
      headings.push({ start: at, level: 2, title: text });
    }
    at += text.length + 1;
  }
  return { text: texts.map((t) => t.text).join('\n'), blocks, headings };
}

/** Whether a block of the article is a section heading. */
export function isHeading(block: number): boolean {
  return block % (PARAGRAPHS_PER_SECTION + 1) === 0;
}

/** The sentences of a block: spans ending after their full stop or question mark (and a closing quote). */
export function sentencesOf(text: string, block: TextSpan): TextSpan[] {
  const sentences: TextSpan[] = [];
  const pattern = /[^.?]*[.?]"?/g;
  const body = text.slice(block.start, block.end);
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    const lead = m[0].length - m[0].trimStart().length;
    if (m[0].trim()) {
      sentences.push({ start: block.start + m.index + lead, end: block.start + m.index + m[0].length });
    }
  }
  return sentences;
}

/** Words of a span: runs of letters, digits, marks and apostrophes between letters. */
export function wordsIn(text: string, span: TextSpan): TextSpan[] {
  const words: TextSpan[] = [];
  const pattern = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?/gu;
  const body = text.slice(span.start, span.end);
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    words.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return words;
}

/** A different word of the vocabulary than `old`. */
export function otherWord(random: () => number, old: string): string {
  for (;;) {
    const w = word(random);
    if (w !== old && w.length > 1) {
      return w;
    }
  }
}

/** A paragraph block index, at random. */
export function randomParagraph(random: () => number, article: Article): number {
  for (;;) {
    const block = Math.floor(random() * article.blocks.length);
    if (!isHeading(block)) {
      return block;
    }
  }
}

/** Consecutive sentences of a paragraph: `count` of them from a random one, or null when it has too few. */
export function sentenceRun(random: () => number, article: Article, block: number, count: number): TextSpan[] | null {
  const sentences = sentencesOf(article.text, article.blocks[block]!);
  if (sentences.length < count) {
    return null;
  }
  const first = Math.floor(random() * (sentences.length - count + 1));
  return sentences.slice(first, first + count);
}

/** A highlight from a word start to a word end, 30 to 200 characters, inside one paragraph. */
export function wordSpan(random: () => number, article: Article, block: number): TextSpan | null {
  const words = wordsIn(article.text, article.blocks[block]!);
  const first = Math.floor(random() * words.length);
  const length = 30 + Math.floor(random() * 170);
  let last = first;
  while (last + 1 < words.length && words[last + 1]!.end - words[first]!.start <= length) {
    last += 1;
  }
  if (last - first < 4) {
    return null;
  }
  // A reader's selection takes the punctuation after the last word more often than not.
  let end = words[last]!.end;
  while (end < article.blocks[block]!.end && /[.,?"]/.test(article.text.charAt(end)) && random() < 0.7) {
    end += 1;
  }
  return { start: words[first]!.start, end };
}

/** The span from the first to the last of a run of spans. */
export function spanOfRun(run: TextSpan[]): TextSpan {
  return { start: run[0]!.start, end: run[run.length - 1]!.end };
}

/** Straight quotes made curly: “ ” for double quotes, ’ for apostrophes, ‘ for an opening single one. */
export function curly(text: string): string {
  return text.replace(/"/g, (_, at: number) => (at === 0 || /\s/.test(text.charAt(at - 1)) ? '\u201c' : '\u201d')).replace(/'/g, (_, at: number) => (at === 0 || /\s/.test(text.charAt(at - 1)) ? '\u2018' : '\u2019'));
}

/** Curly quotes made straight. */
export function straight(text: string): string {
  return text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
}

/** Replacements turning `text` into `convert` of each of its characters (with their combining marks) in turn. */
export function perCharacter(text: string, convert: (s: string) => string): Replacement[] {
  const replacements: Replacement[] = [];
  for (let at = 0; at < text.length; ) {
    // A character with the marks that follow it converts as one.
    let end = at + (text.codePointAt(at)! > 0xffff ? 2 : 1);
    while (end < text.length && /\p{M}/u.test(text.charAt(end))) {
      end += 1;
    }
    const original = text.slice(at, end);
    const converted = convert(original);
    if (converted !== original) {
      replacements.push({ at, remove: original.length, insert: converted });
    }
    at = end;
  }
  return replacements;
}

/** Replacements turning `a` into `b`, a text of the same length: one per code unit that differs. */
export function sameLengthChanges(a: string, b: string): Replacement[] {
  const replacements: Replacement[] = [];
  for (let at = 0; at < a.length; at++) {
    if (a.charCodeAt(at) !== b.charCodeAt(at)) {
      replacements.push({ at, remove: 1, insert: b.charAt(at) });
    }
  }
  return replacements;
}

