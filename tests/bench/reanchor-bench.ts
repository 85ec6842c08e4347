/**
 * Re-anchoring benchmark: 1,000 highlights on a ~1 MB article, 5% of whose paragraphs were then
 * edited, re-anchored with `anchorInText` and with the naive approach (an approximate search of
 * each quote over the whole text, as Hypothesis does), on the same data.
 *
 * Run alone with `npx tsx tests/bench/reanchor-bench.ts` (add `--full-naive` to time the naive
 * approach on all 1,000 quotes instead of a sample of 100, which takes about 20 s).
 */
import { pathToFileURL } from 'node:url';
import search from 'approx-string-match';
import type { AnnotationTarget } from '../../main/api';
import { anchorInText } from '../../main/common/anchoring/anchor-in-text';
import type { AnchorItem, AnchorOutcome } from '../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../main/common/anchoring/describe-text';
import { HeadingOutline } from '../../main/common/anchoring/heading-outline';
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import { MAX_WHOLE_TEXT_ERRORS, maxErrorsFor } from '../../main/common/anchoring/match-quote';
import { createRandom, paragraph, paragraphs, word } from '../fixtures/anchoring/prose';

const ARTICLE_LENGTH = 1_000_000;
const QUOTE_COUNT = 1_000;
const MIN_QUOTE_LENGTH = 40;
const MAX_QUOTE_LENGTH = 200;
const EDITED_SHARE = 0.05;
const PARAGRAPHS_PER_CHAPTER = 40;
const NAIVE_SAMPLE = 100;
const SMART_RUNS = 5;

/** What the benchmark reports. */
export interface ReanchorBenchResult {
  /** Median time to re-anchor all quotes with `anchorInText`, after one warm-up run. */
  smartMs: number;
  /** Time for the naive approach on all quotes (measured, or extrapolated from a sample). */
  naiveMs: number;
  ratio: number;
  /** How `naiveMs` was obtained, when it was extrapolated from a sample; empty otherwise. */
  naiveNote: string;
  anchored: number;
  orphaned: number;
  total: number;
}

interface Block {
  text: string;
  /** Heading level, or 0 for a paragraph. */
  level: number;
}

interface Article {
  text: string;
  blocks: Block[];
  /** Offset of each block in `text`. */
  starts: number[];
  headings: HeadingOffset[];
}

function assemble(blocks: Block[]): Article {
  const starts: number[] = [];
  const headings: HeadingOffset[] = [];
  let offset = 0;
  for (const block of blocks) {
    starts.push(offset);
    if (block.level > 0) {
      headings.push({ start: offset, level: block.level, title: block.text });
    }
    // Blocks are separated by a newline, as marked's output puts one between block elements.
    offset += block.text.length + 1;
  }
  return { text: blocks.map((b) => b.text).join('\n'), blocks, starts, headings };
}

function generateArticle(random: () => number): Article {
  const blocks: Block[] = [];
  paragraphs(random, ARTICLE_LENGTH).forEach((text, i) => {
    if (i % PARAGRAPHS_PER_CHAPTER === 0) {
      blocks.push({ text: `Chapter ${i / PARAGRAPHS_PER_CHAPTER + 1}: ${word(random)} and ${word(random)}`, level: 2 });
    }
    blocks.push({ text, level: 0 });
  });
  return assemble(blocks);
}

interface Quote {
  item: AnchorItem;
  block: number;
}

function createQuotes(random: () => number, article: Article): Quote[] {
  const outline = new HeadingOutline(article.headings, article.text.length);
  const quotes: Quote[] = [];
  while (quotes.length < QUOTE_COUNT) {
    const block = Math.floor(random() * article.blocks.length);
    const { text, level } = article.blocks[block]!;
    if (level > 0 || text.length < MAX_QUOTE_LENGTH) {
      continue;
    }
    // From the start of a word, like a reader's selection.
    const from = text.indexOf(' ', Math.floor(random() * (text.length - MIN_QUOTE_LENGTH))) + 1;
    const length = MIN_QUOTE_LENGTH + Math.floor(random() * (MAX_QUOTE_LENGTH - MIN_QUOTE_LENGTH + 1));
    const to = Math.min(text.length, from + length);
    if (from === 0 || to - from < MIN_QUOTE_LENGTH) {
      continue;
    }
    const start = article.starts[block]! + from;
    const selectors = describeText(article.text, start, article.starts[block]! + to)!;
    const target: AnnotationTarget = { ...selectors, headingPath: outline.pathAt(start), contentHash: 'v1' };
    quotes.push({ item: { id: `q${quotes.length}`, target }, block });
  }
  return quotes;
}

/** Edits words of a paragraph: inserts, replaces or deletes one to three of them. */
function editWords(random: () => number, text: string): string {
  const words = text.split(' ');
  const edits = 1 + Math.floor(random() * 3);
  const kind = random();
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * words.length);
    if (kind < 0.4) {
      words.splice(at, 0, word(random));
    } else if (kind < 0.8) {
      words[at] = word(random);
    } else if (words.length > 5) {
      words.splice(at, 1);
    }
  }
  return words.join(' ');
}

/** What happened to a block: where it is in the new article and how its text changed. */
interface Move {
  block: number;
  change: 'none' | 'words' | 'rewritten';
}

interface EditedArticle {
  article: Article;
  moves: Move[];
}

/**
 * Edits `EDITED_SHARE` of the paragraphs: 70% get words inserted, replaced or deleted, 20% get a
 * new paragraph inserted before them instead (shifting everything after), and 10% are rewritten
 * from scratch, which must orphan their quotes.
 */
function editArticle(random: () => number, article: Article): EditedArticle {
  const paragraphIndexes = article.blocks.flatMap((b, i) => (b.level === 0 ? [i] : []));
  const chosen = new Set<number>();
  while (chosen.size < Math.round(paragraphIndexes.length * EDITED_SHARE)) {
    chosen.add(paragraphIndexes[Math.floor(random() * paragraphIndexes.length)]!);
  }
  const blocks: Block[] = [];
  const moves: Move[] = [];
  article.blocks.forEach((block, i) => {
    let change: Move['change'] = 'none';
    let text = block.text;
    if (chosen.has(i)) {
      const kind = random();
      if (kind < 0.2) {
        blocks.push({ text: paragraph(random), level: 0 });
      } else if (kind < 0.3) {
        text = paragraph(random);
        change = 'rewritten';
      } else {
        text = editWords(random, text);
        change = text === block.text ? 'none' : 'words';
      }
    }
    moves.push({ block: blocks.length, change });
    blocks.push({ text, level: block.level });
  });
  return { article: assemble(blocks), moves };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The naive approach for one quote: the best approximate match over the whole text. */
function naiveAnchor(text: string, target: AnnotationTarget): boolean {
  const { exact } = target.quote;
  const matches = search(text, exact, Math.min(MAX_WHOLE_TEXT_ERRORS, maxErrorsFor(exact.length)));
  return matches.length > 0;
}

/**
 * Check the smart outcomes: every quote in a paragraph whose text did not change must be found,
 * exactly, where its paragraph moved to; a quote in a paragraph with edited words must be found
 * inside that paragraph or orphaned; a quote in a rewritten paragraph must be orphaned. Returns
 * the number of quotes of unchanged paragraphs; throws on any miss.
 */
function checkOutcomes(before: Article, after: EditedArticle, quotes: Quote[], outcomes: AnchorOutcome[]): number {
  let unchanged = 0;
  const misses: string[] = [];
  for (const [i, quote] of quotes.entries()) {
    const move = after.moves[quote.block]!;
    const outcome = outcomes[i]!;
    const { id, target } = quote.item;
    const blockStart = after.article.starts[move.block]!;
    const blockEnd = blockStart + after.article.blocks[move.block]!.text.length;
    if (outcome.status === 'anchored' && outcome.method !== 'quote-approx') {
      if (after.article.text.slice(outcome.start, outcome.end) !== target.quote.exact) {
        misses.push(`${id}: anchored text differs from the quote`);
      }
    }
    if (move.change === 'rewritten') {
      if (outcome.status !== 'orphaned') {
        misses.push(`${id}: its paragraph was rewritten, yet it anchored at ${outcome.start}`);
      }
    } else if (move.change === 'words') {
      if (outcome.status === 'anchored' && (outcome.start! < blockStart || outcome.end! > blockEnd)) {
        misses.push(`${id}: anchored at ${outcome.start}-${outcome.end}, outside its paragraph ${blockStart}-${blockEnd}`);
      }
    } else {
      unchanged += 1;
      const expected = blockStart + (target.position.start - before.starts[quote.block]!);
      if (outcome.status !== 'anchored' || outcome.start !== expected) {
        misses.push(`${id}: expected at ${expected}, got ${outcome.status} at ${outcome.start}`);
      }
    }
  }
  if (misses.length > 0) {
    throw new Error(`re-anchoring misplaced ${misses.length} quotes:\n${misses.slice(0, 10).join('\n')}`);
  }
  return unchanged;
}

/**
 * Build the data, time both approaches and check the smart one (throwing if it misplaced any
 * quote). `log` receives a detailed report; nothing is printed without it.
 */
export async function benchReanchor(options: { fullNaive?: boolean; log?: (line: string) => void } = {}): Promise<ReanchorBenchResult> {
  const log = options.log ?? (() => undefined);
  const random = createRandom(20_240_601);
  const before = generateArticle(random);
  const quotes = createQuotes(random, before);
  const after = editArticle(random, before);
  const outline = new HeadingOutline(after.article.headings, after.article.text.length);
  const items = quotes.map((q) => q.item);
  const text = after.article.text;

  let started = performance.now();
  let outcomes = anchorInText(text, items, 'v2', outline);
  const coldMs = performance.now() - started;
  const runs: number[] = [];
  for (let run = 0; run < SMART_RUNS; run++) {
    started = performance.now();
    outcomes = anchorInText(text, items, 'v2', outline);
    runs.push(performance.now() - started);
  }
  const smartMs = median(runs);
  const checked = checkOutcomes(before, after, quotes, outcomes);

  const sampleRandom = createRandom(7);
  const sample = options.fullNaive
    ? items
    : Array.from({ length: NAIVE_SAMPLE }, () => items[Math.floor(sampleRandom() * items.length)]!);
  let naiveFound = 0;
  started = performance.now();
  for (const item of sample) {
    naiveFound += naiveAnchor(text, item.target) ? 1 : 0;
  }
  const naiveSampleMs = performance.now() - started;
  const naiveMs = (naiveSampleMs / sample.length) * items.length;

  const anchored = outcomes.filter((o) => o.status === 'anchored').length;
  const byMethod = new Map<string, number>();
  for (const o of outcomes) {
    byMethod.set(o.method, (byMethod.get(o.method) ?? 0) + 1);
  }
  const changeCount = (change: Move['change']): number => quotes.filter((q) => after.moves[q.block]!.change === change).length;
  log(`article: ${(before.text.length / 1e6).toFixed(2)} MB before, ${(text.length / 1e6).toFixed(2)} MB after; ${before.blocks.length} blocks, ${Math.round(EDITED_SHARE * 100)}% of paragraphs edited`);
  log(`quotes: ${items.length} (${changeCount('words')} in paragraphs with edited words, ${changeCount('rewritten')} in rewritten ones)`);
  log(`smart: ${smartMs.toFixed(1)} ms (median of ${SMART_RUNS} after a cold run of ${coldMs.toFixed(1)} ms)`);
  log(`  methods: ${[...byMethod].map(([m, n]) => `${m} ${n}`).join(', ')}`);
  log(`  checked: all ${checked} quotes of unchanged paragraphs anchored exactly where their paragraph moved;`);
  log('           quotes of edited paragraphs found inside them, those of rewritten ones orphaned');
  const naiveNote = options.fullNaive
    ? ''
    : `(extrapolated from a random sample of ${sample.length} quotes: ${naiveSampleMs.toFixed(0)} ms, ${(naiveSampleMs / sample.length).toFixed(1)} ms per quote)`;
  log(`naive: ${naiveMs.toFixed(0)} ms ${naiveNote || `for all ${items.length} quotes`}`);
  log(`  naive found a match within the error budget for ${naiveFound} of ${sample.length}`);
  log(`ratio: ${(naiveMs / smartMs).toFixed(0)}x; anchored ${anchored}, orphaned ${items.length - anchored}`);

  return { smartMs, naiveMs, ratio: naiveMs / smartMs, naiveNote, anchored, orphaned: items.length - anchored, total: items.length };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchReanchor({ fullNaive: process.argv.includes('--full-naive'), log: (line) => console.log(line) });
}
