/**
 * The cases of the anchoring accuracy benchmark: a short article in sections (prose from the
 * fixtures' generator, with quoted phrases, apostrophes and accented names), a highlight a reader
 * made on it, one edit of a given kind, and the ground truth of where the highlighted passage is
 * afterwards (see ground-truth.ts), or that it is gone.
 */
import { createRandom, paragraph, word } from '../fixtures/anchoring/prose';
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import type { TextSpan } from '../../main/common/anchoring/text-index';
import { applyReplacements, mapSpan } from './ground-truth';
import type { Replacement, Truth } from './ground-truth';

/** Every kind of edit the benchmark makes, in the order it reports them. */
export const EDIT_KINDS = [
  'word replaced at the start',
  'word replaced in the middle',
  'word replaced at the end',
  'words inserted',
  'sentence deleted inside',
  'sentence deleted at the edge',
  'paragraph moved',
  'whitespace changed',
  'quote style changed',
  'NFC to NFD',
  'NFD to NFC',
  'passage deleted',
  'passage duplicated elsewhere',
] as const;

/** A kind of edit. */
export type EditKind = (typeof EDIT_KINDS)[number];

/** One case: the article before and after, the highlight, and where its passage is now. */
export interface AccuracyCase {
  kind: EditKind;
  before: string;
  after: string;
  /** The highlighted span of `before`. */
  highlight: TextSpan;
  /** Headings of `after`, for the outline Gloss anchors with. */
  headings: HeadingOffset[];
  truth: Exclude<Truth, 'ambiguous'>;
}

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

interface Article {
  text: string;
  /** Span of each block's text; headings are every (PARAGRAPHS_PER_SECTION + 1)th block. */
  blocks: TextSpan[];
  headings: HeadingOffset[];
}

function generateArticle(random: () => number): Article {
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

function isHeading(article: Article, block: number): boolean {
  return block % (PARAGRAPHS_PER_SECTION + 1) === 0;
}

/** The sentences of a block: spans ending after their full stop or question mark (and a closing quote). */
function sentencesOf(text: string, block: TextSpan): TextSpan[] {
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
function wordsIn(text: string, span: TextSpan): TextSpan[] {
  const words: TextSpan[] = [];
  const pattern = /[\p{L}\p{N}\p{M}]+(?:'[\p{L}]+)?/gu;
  const body = text.slice(span.start, span.end);
  for (let m = pattern.exec(body); m; m = pattern.exec(body)) {
    words.push({ start: span.start + m.index, end: span.start + m.index + m[0].length });
  }
  return words;
}

/** A different word of the vocabulary than `old`. */
function otherWord(random: () => number, old: string): string {
  for (;;) {
    const w = word(random);
    if (w !== old && w.length > 1) {
      return w;
    }
  }
}

/** A paragraph block index, at random. */
function randomParagraph(random: () => number, article: Article): number {
  for (;;) {
    const block = Math.floor(random() * article.blocks.length);
    if (!isHeading(article, block)) {
      return block;
    }
  }
}

/** Consecutive sentences of a paragraph: `count` of them from a random one, or null when it has too few. */
function sentenceRun(random: () => number, article: Article, block: number, count: number): TextSpan[] | null {
  const sentences = sentencesOf(article.text, article.blocks[block]!);
  if (sentences.length < count) {
    return null;
  }
  const first = Math.floor(random() * (sentences.length - count + 1));
  return sentences.slice(first, first + count);
}

/** A highlight from a word start to a word end, 30 to 200 characters, inside one paragraph. */
function wordSpan(random: () => number, article: Article, block: number): TextSpan | null {
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

function spanOfRun(run: TextSpan[]): TextSpan {
  return { start: run[0]!.start, end: run[run.length - 1]!.end };
}

/** Straight quotes made curly: “ ” for double quotes, ’ for apostrophes, ‘ for an opening single one. */
function curly(text: string): string {
  return text.replace(/"/g, (_, at: number) => (at === 0 || /\s/.test(text.charAt(at - 1)) ? '\u201c' : '\u201d')).replace(/'/g, (_, at: number) => (at === 0 || /\s/.test(text.charAt(at - 1)) ? '\u2018' : '\u2019'));
}

function straight(text: string): string {
  return text.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'");
}

/** Replacements turning `text` into `convert` of each of its characters (with their combining marks) in turn. */
function perCharacter(text: string, convert: (s: string) => string): Replacement[] {
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
function sameLengthChanges(a: string, b: string): Replacement[] {
  const replacements: Replacement[] = [];
  for (let at = 0; at < a.length; at++) {
    if (a.charCodeAt(at) !== b.charCodeAt(at)) {
      replacements.push({ at, remove: 1, insert: b.charAt(at) });
    }
  }
  return replacements;
}

interface Edit {
  /** The article the highlight was made on (usually the generated one). */
  before: string;
  /** How `before` differs from the generated article, when it does (quote style, NFD). */
  toBefore?: Replacement[];
  replacements: Replacement[];
  highlight: TextSpan;
  /** Set when the truth cannot come from `mapSpan` (a moved paragraph). */
  truth?: Exclude<Truth, 'ambiguous'>;
}

/** One edit of `kind` on `article`, or null when this article offers no place for it. */
function makeEdit(random: () => number, kind: EditKind, article: Article): Edit | null {
  const { text } = article;
  const block = randomParagraph(random, article);
  const simple = (highlight: TextSpan | null, replacements: (h: TextSpan) => Replacement[] | null): Edit | null => {
    const r = highlight && replacements(highlight);
    return highlight && r ? { before: text, replacements: r, highlight } : null;
  };
  const replaceWord = (which: 'first' | 'middle' | 'last') =>
    simple(wordSpan(random, article, block), (h) => {
      const words = wordsIn(text, h);
      const w = which === 'first' ? words[0]! : which === 'last' ? words[words.length - 1]! : words[1 + Math.floor(random() * (words.length - 2))]!;
      return [{ at: w.start, remove: w.end - w.start, insert: otherWord(random, text.slice(w.start, w.end)) }];
    });
  switch (kind) {
    case 'word replaced at the start':
      return replaceWord('first');
    case 'word replaced in the middle':
      return replaceWord('middle');
    case 'word replaced at the end':
      return replaceWord('last');
    case 'words inserted':
      return simple(wordSpan(random, article, block), (h) => {
        const words = wordsIn(text, h);
        const before = words[1 + Math.floor(random() * (words.length - 1))]!;
        const inserted = Array.from({ length: 1 + Math.floor(random() * 3) }, () => word(random)).join(' ');
        return [{ at: before.start, remove: 0, insert: `${inserted} ` }];
      });
    case 'sentence deleted inside': {
      const run = sentenceRun(random, article, block, 3 + Math.floor(random() * 2));
      return simple(run && spanOfRun(run), () => {
        const inner = run![1 + Math.floor(random() * (run!.length - 2))]!;
        return [{ at: inner.start, remove: inner.end - inner.start + 1, insert: '' }];
      });
    }
    case 'sentence deleted at the edge': {
      // Half of them cross into the next paragraph, the way a reader's highlight often does.
      const crosses = random() < 0.5 && !isHeading(article, block + 1) && block + 1 < article.blocks.length;
      const run = sentenceRun(random, article, block, 2 + Math.floor(random() * 2));
      if (!run) return null;
      if (crosses) {
        const next = sentencesOf(text, article.blocks[block + 1]!);
        const tail = sentencesOf(text, article.blocks[block]!).filter((s) => s.start >= run[0]!.start);
        if (next.length < 3) return null;
        const taken = [...tail, next[0]!, next[1]!];
        const last = taken[taken.length - 1]!;
        return { before: text, replacements: [{ at: last.start - 1, remove: last.end - last.start + 1, insert: '' }], highlight: spanOfRun(taken) };
      }
      const atEnd = random() < 0.5;
      const edge = atEnd ? run[run.length - 1]! : run[0]!;
      return simple(spanOfRun(run), () => [atEnd ? { at: edge.start - 1, remove: edge.end - edge.start + 1, insert: '' } : { at: edge.start, remove: edge.end - edge.start + 1, insert: '' }]);
    }
    case 'paragraph moved': {
      const highlight = wordSpan(random, article, block);
      // Moved into another section: before a paragraph at least two blocks away.
      let to = randomParagraph(random, article);
      while (Math.abs(to - block) < 3) to = randomParagraph(random, article);
      if (!highlight) return null;
      const from = article.blocks[block]!;
      const moved = text.slice(from.start, from.end);
      const target = article.blocks[to]!.start;
      const replacements = [
        { at: from.start, remove: moved.length + 1, insert: '' },
        { at: target, remove: 0, insert: `${moved}\n` },
      ];
      const newStart = target < from.start ? target : target - moved.length - 1;
      return { before: text, replacements, highlight, truth: { start: newStart + highlight.start - from.start, end: newStart + highlight.end - from.start } };
    }
    case 'whitespace changed':
      return simple(wordSpan(random, article, block), () => {
        // The paragraph re-wrapped: spaces become line breaks and a few become two spaces.
        const replacements: Replacement[] = [];
        const { start, end } = article.blocks[block]!;
        for (let at = text.indexOf(' ', start); at !== -1 && at < end; at = text.indexOf(' ', at + 1)) {
          const roll = random();
          if (roll < 0.12) replacements.push({ at, remove: 1, insert: '\n' });
          else if (roll < 0.18) replacements.push({ at, remove: 1, insert: '  ' });
        }
        return replacements;
      });
    case 'quote style changed': {
      const highlight = wordSpan(random, article, block);
      if (!highlight || !/["']/.test(text.slice(highlight.start, highlight.end))) return null;
      // Half the time the reader's copy had curly quotes and the file went back to straight ones.
      const toCurly = random() < 0.5;
      const before = toCurly ? text : curly(text);
      return { before, toBefore: sameLengthChanges(text, before), replacements: sameLengthChanges(before, toCurly ? curly(before) : straight(before)), highlight };
    }
    case 'NFC to NFD':
    case 'NFD to NFC': {
      const highlight = wordSpan(random, article, block);
      if (!highlight || !/[\u0080-\uffff]/.test(text.slice(highlight.start, highlight.end))) return null;
      const toNfd = kind === 'NFC to NFD';
      // Decomposing keeps offsets up to each accent: the highlight is the same characters.
      const before = toNfd ? text : text.normalize('NFD');
      const toBefore = toNfd ? [] : perCharacter(text, (s) => s.normalize('NFD'));
      const decomposed = mapSpan(highlight, toBefore);
      if (typeof decomposed === 'string') return null;
      return { before, toBefore, replacements: perCharacter(before, (s) => s.normalize(toNfd ? 'NFD' : 'NFC')), highlight: decomposed };
    }
    case 'passage deleted': {
      const run = sentenceRun(random, article, block, 1 + Math.floor(random() * 2));
      if (!run) return null;
      const span = spanOfRun(run);
      const sentences = sentencesOf(text, article.blocks[block]!);
      // With the space that separated it from the next sentence, or the previous one.
      const last = sentences[sentences.length - 1]!.end === span.end;
      const removal = last ? { at: span.start - 1, remove: span.end - span.start + 1, insert: '' } : { at: span.start, remove: span.end - span.start + 1, insert: '' };
      return sentences.length > run.length ? { before: text, replacements: [removal], highlight: span } : null;
    }
    case 'passage duplicated elsewhere': {
      const highlight = wordSpan(random, article, block);
      let to = randomParagraph(random, article);
      while (Math.abs(to - block) < 3) to = randomParagraph(random, article);
      if (!highlight) return null;
      // The same words copied to the end of a paragraph in another section, as a sentence of their own.
      const copy = text.slice(highlight.start, highlight.end);
      return { before: text, replacements: [{ at: article.blocks[to]!.end, remove: 0, insert: ` ${copy}` }], highlight };
    }
  }
}

/** Headings of the edited text: the original ones moved by the edits. */
function headingsAfter(headings: readonly HeadingOffset[], replacements: readonly Replacement[]): HeadingOffset[] {
  return headings.map((h) => {
    const moved = mapSpan({ start: h.start, end: h.start + h.title.length }, replacements);
    if (typeof moved === 'string') throw new Error('an edit touched a heading');
    return { ...h, start: moved.start };
  });
}

/** `count` cases of each kind of edit, the same on every run. */
export function accuracyCases(count: number, seed = 20_241_101): AccuracyCase[] {
  const random = createRandom(seed);
  const cases: AccuracyCase[] = [];
  for (const kind of EDIT_KINDS) {
    let made = 0;
    while (made < count) {
      const article = generateArticle(random);
      const edit = makeEdit(random, kind, article);
      if (!edit) continue;
      const truth = edit.truth ?? mapSpan(edit.highlight, edit.replacements);
      if (truth === 'ambiguous') throw new Error(`a ${kind} edit has no single truth: the generator is wrong`);
      const headings = headingsAfter(article.headings, edit.toBefore ?? []);
      cases.push({
        kind,
        before: edit.before,
        after: applyReplacements(edit.before, edit.replacements),
        highlight: edit.highlight,
        headings: headingsAfter(headings, edit.replacements),
        truth,
      });
      made += 1;
    }
  }
  return cases;
}
