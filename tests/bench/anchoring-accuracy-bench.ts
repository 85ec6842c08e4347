/**
 * Anchoring accuracy with ground truth: for each kind of edit (accuracy-cases.ts), many short
 * articles with a highlight and one edit, anchored by Gloss (`anchorInText`, with the article's
 * headings) and by Hypothesis's algorithm (hypothesis-match-quote.ts), each outcome scored
 * against where the highlighted passage now is (ground-truth.ts):
 * - exact: anchored on the truth, and the text there is the quote (up to Unicode composition,
 *   quote style and whitespace, which the reader does not see);
 * - moved correctly: anchored on the truth, whose words were edited;
 * - needs review: kept for the reader to accept or re-pick (Gloss only; never wrong);
 * - orphaned: not found (never wrong, though not found either);
 * - WRONG: anchored, without asking, anywhere but the truth, or at all when the passage is gone.
 *
 * Run alone with `npx tsx tests/bench/anchoring-accuracy-bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import type { AnnotationTarget } from '../../main/api';
import { anchorInText } from '../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../main/common/anchoring/describe-text';
import { foldString } from '../../main/common/anchoring/folded-text';
import { HeadingOutline } from '../../main/common/anchoring/heading-outline';
import { accuracyCases, EDIT_KINDS } from './accuracy-cases';
import type { EditKind } from './accuracy-cases';
import { emptyTally, judgeClaim } from './ground-truth';
import type { Tally } from './ground-truth';
import { hypothesisAnchor } from './hypothesis-match-quote';

const CASES_PER_KIND = 100;

/** The tallies of one kind of edit. */
export interface AccuracyRow {
  kind: EditKind;
  gloss: Tally;
  hypothesis: Tally;
}

/** What the benchmark reports: one row per kind of edit, and the totals. */
export interface AccuracyBenchResult {
  casesPerKind: number;
  rows: AccuracyRow[];
  gloss: Tally;
  hypothesis: Tally;
}

const sameFolded = (a: string, b: string): boolean => foldString(a) === foldString(b);

function add(into: Tally, from: Tally): void {
  for (const key of Object.keys(into) as (keyof Tally)[]) {
    into[key] += from[key];
  }
}

/** Runs every case through both algorithms and tallies the verdicts. */
export function benchAnchoringAccuracy(options: { casesPerKind?: number; log?: (line: string) => void } = {}): AccuracyBenchResult {
  const casesPerKind = options.casesPerKind ?? CASES_PER_KIND;
  const log = options.log ?? (() => undefined);
  const rows = new Map<EditKind, AccuracyRow>(EDIT_KINDS.map((kind) => [kind, { kind, gloss: emptyTally(), hypothesis: emptyTally() }]));
  const wrong: string[] = [];
  for (const c of accuracyCases(casesPerKind)) {
    const selectors = describeText(c.before, c.highlight.start, c.highlight.end)!;
    const outline = new HeadingOutline(c.headings, c.after.length);
    // Through JSON, as the app reads targets from the store.
    const target = JSON.parse(JSON.stringify({ ...selectors, headingPath: new HeadingOutline(c.headings, c.before.length).pathAt(selectors.position.start), contentHash: 'v1' })) as AnnotationTarget;
    const quote = target.quote.exact;
    const row = rows.get(c.kind)!;
    const [gloss] = anchorInText(c.after, [{ id: 'case', target }], 'v2', outline);
    const glossVerdict = judgeClaim(gloss!, c.truth, c.after, quote, sameFolded);
    row.gloss[glossVerdict] += 1;
    if (glossVerdict === 'wrong') {
      const truth = c.truth === 'gone' ? 'gone' : JSON.stringify(c.after.slice(c.truth.start, c.truth.end));
      wrong.push(`${c.kind}: ${JSON.stringify(quote)} anchored on ${JSON.stringify(c.after.slice(gloss!.start, gloss!.end))}, truth ${truth}`);
    }
    const h = hypothesisAnchor(c.after, target);
    row.hypothesis[judgeClaim(h ? { status: 'anchored', ...h } : { status: 'orphaned' }, c.truth, c.after, quote, sameFolded)] += 1;
  }
  const gloss = emptyTally();
  const hypothesis = emptyTally();
  for (const row of rows.values()) {
    add(gloss, row.gloss);
    add(hypothesis, row.hypothesis);
  }
  for (const line of formatAccuracyTable({ casesPerKind, rows: [...rows.values()], gloss, hypothesis })) {
    log(line);
  }
  for (const line of wrong.slice(0, 10)) {
    log(`Gloss wrong: ${line}`);
  }
  return { casesPerKind, rows: [...rows.values()], gloss, hypothesis };
}

/** The result as a table: one line per kind of edit, Gloss's columns then Hypothesis's. */
export function formatAccuracyTable(result: AccuracyBenchResult): string[] {
  const cells = (t: Tally, review: boolean) =>
    [t.exact, t.moved, ...(review ? [t.review] : []), t.orphaned, t.wrong].map((n) => String(n).padStart(6)).join('');
  const width = Math.max(...EDIT_KINDS.map((k) => k.length), 'all'.length) + 2;
  const lines = [
    `${''.padEnd(width)}${'Gloss'.padEnd(30)}  Hypothesis`,
    `${'edit'.padEnd(width)} exact moved review orph. WRONG   exact moved orph. WRONG`,
  ];
  for (const row of [...result.rows, { kind: 'all', gloss: result.gloss, hypothesis: result.hypothesis }]) {
    lines.push(`${row.kind.padEnd(width)}${cells(row.gloss, true)}  ${cells(row.hypothesis, false)}`);
  }
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  benchAnchoringAccuracy({ log: (line) => console.log(line) });
  console.log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`);
}
