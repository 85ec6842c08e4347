/**
 * Benchmark (e): search across all notes, with 100,000 annotations over 1,000 documents written
 * in the store's formats (tests/fixtures/search/).
 *
 * - Queries: 250 typo-tolerant prefix queries drawn from the annotations (a typo in one word, the
 *   last word cut short), each timed through the whole search (match, rank, group, mark) and
 *   checked to find the annotation it was drawn from; median and p95.
 * - Start: each start in a fresh process (notes-search-process.ts), timed from opening the index
 *   (reading the files) to the first answer covering the whole library: twice building from the
 *   annotation files (no snapshot: the first start, or after the index's version changed), then
 *   three times loading the snapshot the builds saved; the medians. Also the longest stall of the
 *   event loop meanwhile, the heap the index holds, and the time to save the snapshot. The
 *   queries are timed in the last of those processes, as the app's main process would run them.
 * Run alone: `npx tsx tests/bench/notes-search-bench.ts`.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { SNAPSHOT_FILE } from '../../main/search/index';
import { createRandom } from '../fixtures/anchoring/prose';
import { makeNotesLibrary } from '../fixtures/search/notes-library';
import { drawTypoQueries } from '../fixtures/search/typo-queries';
import { writeLibrary } from '../fixtures/search/write-library';
import type { QueryMeasurement, StartMeasurement } from './notes-search-process';

const run = promisify(execFile);

const DOCUMENTS = 1_000;
const ANNOTATIONS = 100_000;
const QUERIES = 250;

/** Figures of the notes-search benchmark. */
export interface NotesSearchBenchResult {
  annotations: number;
  documents: number;
  queries: QueryMeasurement;
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

async function inProcess(dataDir: string, queriesFile: string, flags: string[]): Promise<StartMeasurement> {
  const script = resolve('tests/bench/notes-search-process.ts');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', 'tsx', script, dataDir, queriesFile, ...flags], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').pop() as string) as StartMeasurement;
}

/** Runs the benchmark in a temporary data folder, removed afterwards. */
export async function benchNotesSearch(): Promise<NotesSearchBenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-search-'));
  const loadBefore = loadavg()[0] ?? 0;
  try {
    const library = makeNotesLibrary(2024, DOCUMENTS, ANNOTATIONS);
    await writeLibrary(dataDir, library.documents, library.annotations);
    const queriesFile = join(dataDir, 'queries.json');
    await writeFile(queriesFile, JSON.stringify(drawTypoQueries(createRandom(99), [...library.annotations.values()].flat(), QUERIES)));
    let annotationBytes = 0;
    for (const documentId of library.annotations.keys()) annotationBytes += (await stat(join(dataDir, 'annotations', `${documentId}.json`))).size;

    const builds: StartMeasurement[] = [];
    for (let i = 0; i < 2; i++) {
      await rm(join(dataDir, SNAPSHOT_FILE), { force: true });
      builds.push(await inProcess(dataDir, queriesFile, ['--save']));
    }
    const snapshots: StartMeasurement[] = [];
    for (let i = 0; i < 3; i++) snapshots.push(await inProcess(dataDir, queriesFile, i === 2 ? ['--time-queries'] : []));
    const queries = snapshots[2]?.queries;
    if (!queries) throw new Error('the queries were not timed');
    return {
      annotations: ANNOTATIONS,
      documents: DOCUMENTS,
      queries,
      build: medianOf(builds),
      snapshot: medianOf(snapshots),
      snapshotMiB: (await stat(join(dataDir, SNAPSHOT_FILE))).size / 2 ** 20,
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
  const { build, snapshot, queries } = result;
  const ms = (value: number) => `${value.toFixed(value < 100 ? 1 : 0)} ms`;
  return [
    `(e) search across all notes: ${result.annotations.toLocaleString('en')} annotations over ${result.documents.toLocaleString('en')} documents (load average ${result.loadBefore.toFixed(1)} before, ${result.loadAfter.toFixed(1)} after; CPU time is what the process itself used)`,
    `    ${queries.count} typo-tolerant prefix queries (a typo in one word, the last word cut short), each checked to find the annotation it was drawn from:`,
    `    median ${ms(queries.medianMs)}, p95 ${ms(queries.p95Ms)} (CPU ${ms(queries.medianCpuMs)}, ${ms(queries.p95CpuMs)}; target median < 30 ms: ${verdict(queries.medianMs < 30)}); median ${queries.medianHits} hits,`,
    `    the annotation drawn from first in ${queries.firstHit}, in the first ten in ${queries.inTopTen} (many notes share a template's words)`,
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
