/**
 * The cases of the anchoring accuracy benchmark: a short article (accuracy-article.ts), a
 * highlight a reader made on it, one edit of a given kind, and the ground truth of where the
 * highlighted passage is afterwards (see ground-truth.ts), or that it is gone.
 */
import { createRandom, word } from '../fixtures/anchoring/prose';
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import type { TextSpan } from '../../main/common/anchoring/text-index';
import { curly, generateArticle, isHeading, otherWord, perCharacter, randomParagraph, sameLengthChanges, sentenceRun, sentencesOf, spanOfRun, straight, wordSpan, wordsIn } from './accuracy-article';
import type { Article } from './accuracy-article';
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
  'near-twin sentence deleted',
  'text inserted above near-twins',
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

/**
 * Text that repeats itself but for a number, as logs, lists and generated reports do: `count`
 * sentences alike in all but their number. A passage
 * whose neighbours differ from it by one character is where anchoring goes wrong if it trusts a
 * close match without asking whether another one is as close.
 */
function nearTwins(random: () => number, count: number): string[] {
  const thing = word(random);
  const place = word(random);
  const first = 1 + Math.floor(random() * 20);
  return Array.from({ length: count }, (_, i) => `Observation number ${first + i} of the ${thing} was logged at the ${place} before dawn.`);
}

/** `text` with `addition` appended as a block of its own (after every heading, so none moves). */
function withBlock(text: string, addition: string): { before: string; toBefore: Replacement[]; at: number } {
  return { before: `${text}\n${addition}`, toBefore: [{ at: text.length, remove: 0, insert: `\n${addition}` }], at: text.length + 1 };
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
      const crosses = random() < 0.5 && !isHeading(block + 1) && block + 1 < article.blocks.length;
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
    case 'near-twin sentence deleted': {
      // A paragraph of near-twin sentences; the highlighted one is deleted, its twins stay.
      const sentences = nearTwins(random, 6);
      const { before, toBefore, at } = withBlock(text, sentences.join(' '));
      const which = 1 + Math.floor(random() * (sentences.length - 2));
      const start = at + sentences.slice(0, which).join(' ').length + 1;
      const end = start + sentences[which]!.length;
      return { before, toBefore, replacements: [{ at: start, remove: end - start + 1, insert: '' }], highlight: { start, end } };
    }
    case 'text inserted above near-twins': {
      // Near-twin paragraphs; a long paragraph is added above them, so every one moves down
      // further than the place the highlight was expected at.
      const paragraphs = nearTwins(random, 8);
      const { before, toBefore, at } = withBlock(text, paragraphs.join('\n'));
      const which = 2 + Math.floor(random() * (paragraphs.length - 4));
      const start = at + paragraphs.slice(0, which).join('\n').length + 1;
      const added = Array.from({ length: 3 }, () => randomSentenceOf(random)).join(' ');
      return { before, toBefore, replacements: [{ at, remove: 0, insert: `${added}\n` }], highlight: { start, end: start + paragraphs[which]!.length } };
    }
  }
}

function randomSentenceOf(random: () => number): string {
  return `The ${word(random)} ${word(random)} and ${word(random)} ${word(random)} were noted by the ${word(random)} in the ${word(random)} ${word(random)}.`;
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
