/**
 * Benchmark (b): 1,000 highlights on a ~1 MB article, 5% of whose paragraphs were then edited,
 * re-anchored by Gloss (`anchorInText`) and by Hypothesis's algorithm (hypothesis-match-quote.ts:
 * the stored position, then exact search, then approx-string-match over the whole text), both on
 * all 1,000 quotes, both checked against the ground truth of where each passage now is. Beside
 * them, the floor: an exact `indexOf` of each quote whose paragraph did not change, which is the
 * least any quote-based re-anchoring must do.
 *
 * Run alone with `npx tsx tests/bench/reanchor-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { AnnotationTarget } from '../../main/api';
import { anchorInText } from '../../main/common/anchoring/anchor-in-text';
import type { AnchorItem } from '../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../main/common/anchoring/describe-text';
import { foldString } from '../../main/common/anchoring/folded-text';
import { HeadingOutline } from '../../main/common/anchoring/heading-outline';
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import { createRandom, paragraph, paragraphs, word } from '../fixtures/anchoring/prose';
import { applyReplacements, emptyTally, judgeClaim, mapSpan } from './ground-truth';
import type { Replacement, Tally, Truth } from './ground-truth';
import { hypothesisAnchor } from './hypothesis-match-quote';

const ARTICLE_LENGTH = 1_000_000;
const QUOTE_COUNT = 1_000;
const MIN_QUOTE_LENGTH = 40;
const MAX_QUOTE_LENGTH = 200;
const EDITED_SHARE = 0.05;
const PARAGRAPHS_PER_CHAPTER = 40;
const WARM_UP = 15;
const RUNS = 11;

/** What the benchmark reports. */
export interface ReanchorBenchResult {
  total: number;
  /** Median time to re-anchor all quotes with `anchorInText`, once compiled (see `timed`). */
  glossMs: number;
  /** The first run's time, with the JIT still cold: what the first document opened costs. */
  glossColdMs: number;
  /** The CPU time of the same runs (median). */
  glossCpuMs: number;
  /** Time of Hypothesis's algorithm on all quotes, one run. */
  hypothesisMs: number;
  hypothesisCpuMs: number;
  /** Median time of an exact `indexOf` of each quote of an unchanged paragraph, timed the same way. */
  floorMs: number;
  floorCpuMs: number;
  unchangedQuotes: number;
  gloss: Tally;
  hypothesis: Tally;
  /** Quotes an edit cut into (no single span is their truth): not scored. */
  ambiguous: number;
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
  /** The quote's span within its block's text. */
  inBlock: { start: number; end: number };
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
    // From the start of a word, like a reader's selection, to wherever its length ends.
    const from = text.indexOf(' ', Math.floor(random() * (text.length - MIN_QUOTE_LENGTH))) + 1;
    const length = MIN_QUOTE_LENGTH + Math.floor(random() * (MAX_QUOTE_LENGTH - MIN_QUOTE_LENGTH + 1));
    const to = Math.min(text.length, from + length);
    if (from === 0 || to - from < MIN_QUOTE_LENGTH) {
      continue;
    }
    const start = article.starts[block]! + from;
    const selectors = describeText(article.text, start, article.starts[block]! + to)!;
    // Through JSON, as the app reads targets from the store (and not as slices of the old text).
    const target = JSON.parse(JSON.stringify({ ...selectors, headingPath: outline.pathAt(start), contentHash: 'v1' })) as AnnotationTarget;
    const inBlock = { start: selectors.position.start - article.starts[block]!, end: selectors.position.end - article.starts[block]! };
    quotes.push({ item: { id: `q${quotes.length}`, target }, block, inBlock });
  }
  return quotes;
}

/** Inserts, replaces or deletes one to three words of a paragraph, recorded as replacements. */
function editWords(random: () => number, text: string): Replacement[] {
  const words = text.split(' ');
  const starts: number[] = [];
  words.reduce((at, w) => (starts.push(at), at + w.length + 1), 0);
  const edits = 1 + Math.floor(random() * 3);
  const kind = random();
  const chosen = new Set<number>();
  while (chosen.size < Math.min(edits, words.length - 1)) {
    chosen.add(Math.floor(random() * (words.length - 1)));
  }
  return [...chosen].map((i) => {
    const at = starts[i]!;
    if (kind < 0.4) {
      return { at, remove: 0, insert: `${word(random)} ` };
    }
    if (kind < 0.8) {
      return { at, remove: words[i]!.length, insert: word(random) };
    }
    // The word and the space after it (never the last word, which has none).
    return { at, remove: words[i]!.length + 1, insert: '' };
  });
}

/** What happened to a block: where it is in the new article and how its text changed. */
interface Move {
  block: number;
  change: 'none' | 'words' | 'rewritten';
  /** For 'words': the edits, in the block's original text. */
  replacements: Replacement[];
}

interface EditedArticle {
  article: Article;
  moves: Move[];
}

/**
 * Edits `EDITED_SHARE` of the paragraphs: 70% get words inserted, replaced or deleted, 20% get a
 * new paragraph inserted before them instead (shifting everything after), and 10% are rewritten
 * from scratch, which takes their quotes away.
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
    let move: Omit<Move, 'block'> = { change: 'none', replacements: [] };
    let text = block.text;
    if (chosen.has(i)) {
      const kind = random();
      if (kind < 0.2) {
        blocks.push({ text: paragraph(random), level: 0 });
      } else if (kind < 0.3) {
        text = paragraph(random);
        move = { change: 'rewritten', replacements: [] };
      } else {
        const replacements = editWords(random, text);
        text = applyReplacements(text, replacements);
        move = { change: 'words', replacements };
      }
    }
    moves.push({ block: blocks.length, ...move });
    blocks.push({ text, level: block.level });
  });
  return { article: assemble(blocks), moves };
}

/** Where each quote's passage is in the edited article. */
function truthOf(quote: Quote, after: EditedArticle): Truth {
  const move = after.moves[quote.block]!;
  if (move.change === 'rewritten') {
    return 'gone';
  }
  const mapped = mapSpan(quote.inBlock, move.replacements);
  if (typeof mapped === 'string') {
    return mapped;
  }
  const blockStart = after.article.starts[move.block]!;
  return { start: blockStart + mapped.start, end: blockStart + mapped.end };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall-clock and CPU time of one call of `run`, and its result. */
function once<T>(run: () => T): { ms: number; cpuMs: number; result: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { ms, cpuMs: (user + system) / 1000, result };
}

/**
 * Median wall-clock time of `run` over RUNS runs once the JIT has compiled it (after WARM_UP
 * runs: the first dozen run several times slower, in V8's interpreter and baseline tiers), the
 * median CPU time this process spent meanwhile (other processes on a shared machine move it less,
 * though V8's own background threads count in it), the first, cold run's time, and the result.
 */
function timed<T>(run: () => T): { ms: number; cpuMs: number; coldMs: number; result: T } {
  const cold = once(run);
  for (let i = 1; i < WARM_UP; i++) {
    run();
  }
  const runs = Array.from({ length: RUNS }, () => once(run));
  return { ms: median(runs.map((r) => r.ms)), cpuMs: median(runs.map((r) => r.cpuMs)), coldMs: cold.ms, result: runs[runs.length - 1]!.result };
}

const sameFolded = (a: string, b: string): boolean => foldString(a) === foldString(b);

/** The benchmark's articles and quotes: the same on every run. */
export function reanchorData(): { before: Article; after: EditedArticle; quotes: Quote[]; items: AnchorItem[]; text: string; outline: HeadingOutline } {
  const random = createRandom(20_240_601);
  const before = generateArticle(random);
  const quotes = createQuotes(random, before);
  const after = editArticle(random, before);
  const outline = new HeadingOutline(after.article.headings, after.article.text.length);
  return { before, after, quotes, items: quotes.map((q) => q.item), text: after.article.text, outline };
}

/**
 * Build the data, time Gloss, the floor and Hypothesis, and score both against the ground
 * truth. `log` receives a detailed report; nothing is printed without it.
 */
export async function benchReanchor(options: { log?: (line: string) => void } = {}): Promise<ReanchorBenchResult> {
  const log = options.log ?? (() => undefined);
  const { before, after, quotes, items, text, outline } = reanchorData();
  const truths = quotes.map((q) => truthOf(q, after));

  const gloss = timed(() => anchorInText(text, items, 'v2', outline));
  const unchanged = quotes.filter((q) => after.moves[q.block]!.change === 'none').map((q) => q.item.target.quote.exact);
  const floor = timed(() => unchanged.reduce((found, exact) => found + (text.indexOf(exact) >= 0 ? 1 : 0), 0));
  if (floor.result !== unchanged.length) {
    throw new Error('an unchanged quote is missing from the edited text: the benchmark data is wrong');
  }
  const hypothesis = once(() => items.map((item) => hypothesisAnchor(text, item.target)));
  const hypothesisOutcomes = hypothesis.result;

  const glossTally = emptyTally();
  const hypothesisTally = emptyTally();
  let ambiguous = 0;
  const glossWrong: string[] = [];
  for (const [i, truth] of truths.entries()) {
    if (truth === 'ambiguous') {
      ambiguous += 1;
      continue;
    }
    const { exact } = items[i]!.target.quote;
    const g = gloss.result[i]!;
    const glossVerdict = judgeClaim(g, truth, text, exact, sameFolded);
    glossTally[glossVerdict] += 1;
    if (glossVerdict === 'wrong') {
      glossWrong.push(`${items[i]!.id}: truth ${typeof truth === 'string' ? truth : `${truth.start}-${truth.end}`}, anchored at ${g.start}-${g.end}`);
    }
    const h = hypothesisOutcomes[i];
    hypothesisTally[judgeClaim(h ? { status: 'anchored', ...h } : { status: 'orphaned' }, truth, text, exact, sameFolded)] += 1;
  }

  const changeCount = (change: Move['change']): number => quotes.filter((q) => after.moves[q.block]!.change === change).length;
  const byMethod = new Map<string, number>();
  for (const o of gloss.result) {
    byMethod.set(o.method, (byMethod.get(o.method) ?? 0) + 1);
  }
  log(`article: ${(before.text.length / 1e6).toFixed(2)} MB before, ${(text.length / 1e6).toFixed(2)} MB after; ${before.blocks.length} blocks, ${Math.round(EDITED_SHARE * 100)}% of paragraphs edited`);
  log(`quotes: ${items.length} (${unchanged.length} in unchanged paragraphs, ${changeCount('words')} in paragraphs with edited words, ${changeCount('rewritten')} in rewritten ones; ${ambiguous} cut by an edit, not scored)`);
  log(`Gloss: ${gloss.ms.toFixed(1)} ms, CPU ${gloss.cpuMs.toFixed(1)} ms (medians of ${RUNS} runs after ${WARM_UP} to warm up; the first, cold run: ${gloss.coldMs.toFixed(1)} ms); methods: ${[...byMethod].map(([m, n]) => `${m} ${n}`).join(', ')}`);
  log(`floor: ${floor.ms.toFixed(1)} ms, CPU ${floor.cpuMs.toFixed(1)} ms (indexOf of the ${unchanged.length} unchanged quotes, timed the same way)`);
  log(`Hypothesis: ${hypothesis.ms.toFixed(0)} ms, CPU ${hypothesis.cpuMs.toFixed(0)} ms for all ${items.length} quotes (one run)`);
  for (const [name, tally] of [
    ['Gloss', glossTally],
    ['Hypothesis', hypothesisTally],
  ] as const) {
    log(`  ${name.padEnd(10)} exact ${tally.exact}, moved correctly ${tally.moved}, needs review ${tally.review}, orphaned ${tally.orphaned}, WRONG ${tally.wrong}`);
  }
  for (const line of glossWrong.slice(0, 10)) {
    log(`  Gloss wrong: ${line}`);
  }
  return {
    total: items.length,
    glossMs: gloss.ms,
    glossCpuMs: gloss.cpuMs,
    glossColdMs: gloss.coldMs,
    hypothesisMs: hypothesis.ms,
    hypothesisCpuMs: hypothesis.cpuMs,
    floorMs: floor.ms,
    floorCpuMs: floor.cpuMs,
    unchangedQuotes: unchanged.length,
    gloss: glossTally,
    hypothesis: hypothesisTally,
    ambiguous,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await benchReanchor({ log: (line) => console.log(line) });
}
