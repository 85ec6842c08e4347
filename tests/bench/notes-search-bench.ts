/**
 * Benchmark (e): search across all notes, with 100,000 annotations over 1,000 documents written
 * in the store's formats (tests/fixtures/search/).
 *
 * - Queries: 250 typo-tolerant prefix queries drawn from the annotations (a typo in one word, the
 *   last word cut short), each timed through the whole search (match, rank, group, mark) and
 *   checked to find the annotation it was drawn from; median and p95.
 * - Start: each start in a fresh process (notes-search-start.ts), timed from opening the index
 *   (reading the files) to the first answer covering the whole library: once building from the
 *   annotation files (no snapshot: the first start, or after the index's version changed), and
 *   once loading the snapshot the first start saved. Also the longest stall of the event loop
 *   meanwhile, the heap the index holds, and the time to save the snapshot.
 * Run alone: `npx tsx tests/bench/notes-search-bench.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { NOTES_SEARCH_LIMITS } from '../../main/common/notes-search';
import type { NotesSearchResults } from '../../main/common/notes-search';
import { openNotesSearch } from '../../main/search/index';
import { SNAPSHOT_FILE } from '../../main/search/index-snapshot';
import { createRandom } from '../fixtures/anchoring/prose';
import { makeNotesLibrary } from '../fixtures/search/notes-library';
import { drawTypoQueries } from '../fixtures/search/typo-queries';
import type { DrawnQuery } from '../fixtures/search/typo-queries';
import { writeLibrary } from '../fixtures/search/write-library';
import { percentile } from './create-highlight-bench';
import type { StartMeasurement } from './notes-search-start';

const run = promisify(execFile);

const DOCUMENTS = 1_000;
const ANNOTATIONS = 100_000;
const QUERIES = 250;

/** Figures of the notes-search benchmark. */
export interface NotesSearchBenchResult {
  annotations: number;
  documents: number;
  queries: number;
  medianMs: number;
  p95Ms: number;
  /** CPU time of a query (median, p95): the wall time on an idle machine, give or take. */
  medianCpuMs: number;
  p95CpuMs: number;
  /** Queries whose source annotation was the first hit, and within the first 10. */
  firstHit: number;
  inTopTen: number;
  medianHits: number;
  /** Starts building from the files (no snapshot), and loading the snapshot: medians. */
  build: StartMeasurement;
  snapshot: StartMeasurement;
  snapshotMiB: number;
  annotationFilesMiB: number;
  /** The machine's load average (1 minute) before and after: other work slows every figure. */
  loadBefore: number;
  loadAfter: number;
}

function medianOf(runs: readonly StartMeasurement[]): StartMeasurement {
  const byTime = [...runs].sort((a, b) => a.firstCompleteMs - b.firstCompleteMs);
  return byTime[Math.floor(byTime.length / 2)] as StartMeasurement;
}

async function startOnce(dataDir: string, query: string, flags: string[]): Promise<StartMeasurement> {
  const script = resolve('tests/bench/notes-search-start.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, dataDir, query, ...flags], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as StartMeasurement;
}

/** Where the query's source annotation ranks among the hits (-1: not found). */
function rankOf(query: DrawnQuery, results: NotesSearchResults): number {
  let rank = 0;
  for (const group of results.groups) {
    for (const hit of group.hits) {
      if (group.documentId === query.documentId && hit.annotationId === query.annotationId) return rank;
      rank += 1;
    }
  }
  return -1;
}

/** Runs the benchmark in a temporary data folder, removed afterwards. */
export async function benchNotesSearch(): Promise<NotesSearchBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-search-'));
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const library = makeNotesLibrary(2024, DOCUMENTS, ANNOTATIONS);
    await writeLibrary(dataDir, library.documents, library.annotations);
    const queries = drawTypoQueries(createRandom(99), [...library.annotations.values()].flat(), QUERIES);
    const probe = (queries[0] as DrawnQuery).text;

    const builds: StartMeasurement[] = [];
    for (let i = 0; i < 2; i++) {
      await rm(join(dataDir, SNAPSHOT_FILE), { force: true });
      builds.push(await startOnce(dataDir, probe, ['--save']));
    }
    const snapshots: StartMeasurement[] = [];
    for (let i = 0; i < 3; i++) snapshots.push(await startOnce(dataDir, probe, []));
    const snapshotBytes = (await stat(join(dataDir, SNAPSHOT_FILE))).size;
    let annotationBytes = 0;
    for (const documentId of library.annotations.keys()) annotationBytes += (await stat(join(dataDir, 'annotations', `${documentId}.json`))).size;

    const search = openNotesSearch(dataDir, { persist: false });
    await search.whenReady();
    for (const query of queries.slice(0, 20)) search.search({ text: query.text });
    const times: number[] = [];
    const cpuTimes: number[] = [];
    const hits: number[] = [];
    let firstHit = 0;
    let inTopTen = 0;
    for (const query of queries) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      const results = search.search({ text: query.text });
      const cpu = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      hits.push(results.totalHits);
      let rank = rankOf(query, results);
      if (rank < 0) {
        // Not on the first page (many annotations can hold the same words, as notes written from
        // one template do): it must still be among the hits in its own document.
        const inDocument = search.search({ text: query.text, documentId: query.documentId, limit: NOTES_SEARCH_LIMITS.maxHits });
        if (rankOf(query, inDocument) < 0) throw new Error(`"${query.text}" did not find the annotation it was drawn from (${results.totalHits} hits)`);
        rank = Infinity;
      }
      if (rank === 0) firstHit += 1;
      if (rank < 10) inTopTen += 1;
    }
    times.sort((a, b) => a - b);
    cpuTimes.sort((a, b) => a - b);
    hits.sort((a, b) => a - b);
    return {
      annotations: ANNOTATIONS,
      documents: DOCUMENTS,
      queries: queries.length,
      medianMs: percentile(times, 0.5),
      p95Ms: percentile(times, 0.95),
      medianCpuMs: percentile(cpuTimes, 0.5),
      p95CpuMs: percentile(cpuTimes, 0.95),
      firstHit,
      inTopTen,
      medianHits: percentile(hits, 0.5),
      build: medianOf(builds),
      snapshot: medianOf(snapshots),
      snapshotMiB: snapshotBytes / 2 ** 20,
      annotationFilesMiB: annotationBytes / 2 ** 20,
      loadBefore,
      loadAfter: loadavg()[0] ?? 0,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The figures as `npm run bench` prints them; `verdict` words a target met or missed. */
export function describeNotesSearch(result: NotesSearchBenchResult, verdict: (met: boolean) => string): string[] {
  const { build, snapshot } = result;
  const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
  return [
    `(e) search across all notes: ${result.annotations.toLocaleString('en')} annotations over ${result.documents.toLocaleString('en')} documents (load average ${result.loadBefore.toFixed(1)} before, ${result.loadAfter.toFixed(1)} after; CPU time is what the process itself used)`,
    `    ${result.queries} typo-tolerant prefix queries (a typo in one word, the last word cut short), each checked to find the annotation it was drawn from:`,
    `    median ${ms(result.medianMs)}, p95 ${ms(result.p95Ms)} (CPU ${ms(result.medianCpuMs)}, ${ms(result.p95CpuMs)}; target median < 30 ms: ${verdict(result.medianMs < 30)}); median ${result.medianHits} hits,`,
    `    the annotation drawn from first in ${result.firstHit}, in the first ten in ${result.inTopTen} (many notes share a template's words)`,
    `    first complete answer after start, each start a fresh process, reading the data folder:`,
    `      from the snapshot    ${ms(snapshot.firstCompleteMs)} (CPU ${ms(snapshot.firstCompleteCpuMs)}; target < 2 s: ${verdict(snapshot.firstCompleteMs < 2000)}), longest event-loop stall ${ms(snapshot.maxEventLoopDelayMs)}`,
    `      building from files  ${ms(build.firstCompleteMs)} (CPU ${ms(build.firstCompleteCpuMs)}; first start, or no usable snapshot), longest stall ${ms(build.maxEventLoopDelayMs)}`,
    `      meanwhile searches are answered at once (first in ${ms(snapshot.firstAnswerMs)}), flagged incomplete`,
    `    index memory (heap after GC, less the heap before): ${snapshot.heapMiB.toFixed(0)} MiB loaded from the snapshot, ${build.heapMiB.toFixed(0)} MiB built`,
    `    snapshot ${result.snapshotMiB.toFixed(0)} MiB on disk (annotation files ${result.annotationFilesMiB.toFixed(0)} MiB), written on close in ${ms(build.saveMs ?? Number.NaN)}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchNotesSearch().then(
    (result) => console.log(describeNotesSearch(result, (met) => (met ? 'target met' : 'TARGET MISSED')).join('\n')),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
