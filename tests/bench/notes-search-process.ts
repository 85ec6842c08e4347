/**
 * The notes index in a process of its own, as the app's main process would hold it, so that
 * nothing is warm and no other data shares its heap. Opens the index of a data folder, answers
 * the first query of the query file as soon as it can answer completely, and prints one line of
 * JSON: the timings, the longest the event loop was held up meanwhile, and the heap the index
 * holds. With `--save` it then closes the index, so its snapshot is written, and times that; with
 * `--time-queries` it times every query of the file and checks each finds the annotation it was
 * drawn from.
 * Run by notes-search-bench.ts as
 * `node --expose-gc --import tsx notes-search-process.ts DIR QUERIES.json [--no-persist] [--save] [--time-queries]`.
 */
import { readFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { NOTES_SEARCH_LIMITS } from '../../main/common/notes-search';
import type { NotesSearchResults } from '../../main/common/notes-search';
import { openNotesSearch } from '../../main/search/index';
import type { NotesSearch } from '../../main/search/index';
import type { DrawnQuery } from '../fixtures/search/typo-queries';
import { percentile } from './stats';

/** What one start measured. */
export interface StartMeasurement {
  /** From opening the index to the first answer that covers the whole library. */
  firstCompleteMs: number;
  /** CPU time this process used meanwhile: what the wall time would be on an idle machine, give or take. */
  firstCompleteCpuMs: number;
  /** From opening to the first answer of any kind (possibly partial). */
  firstAnswerMs: number;
  firstAnswerComplete: boolean;
  /** Longest stall of the event loop while the index loaded. */
  maxEventLoopDelayMs: number;
  /** Heap the loaded index holds, after garbage collection. */
  heapMiB: number;
  /** Time to write the snapshot, with --save. */
  saveMs?: number;
  /** With --time-queries. */
  queries?: QueryMeasurement;
}

/** The query set, timed through the whole search (match, rank, group, mark). */
export interface QueryMeasurement {
  count: number;
  medianMs: number;
  p95Ms: number;
  /** CPU time of a query: the wall time on an idle machine, give or take. */
  medianCpuMs: number;
  p95CpuMs: number;
  medianHits: number;
  /** Queries whose source annotation was the first hit, and within the first 10. */
  firstHit: number;
  inTopTen: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
const WARM_UP = 20;

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

function timeQueries(search: NotesSearch, queries: readonly DrawnQuery[]): QueryMeasurement {
  for (const query of queries.slice(0, WARM_UP)) search.search({ text: query.text });
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
    const rank = rankOf(query, results);
    if (rank < 0) {
      // Not on the first page (many annotations can hold the same words, as notes written from
      // one template do): it must still be among the hits in its own document.
      const inDocument = search.search({ text: query.text, documentId: query.documentId, limit: NOTES_SEARCH_LIMITS.maxHits });
      if (rankOf(query, inDocument) < 0) throw new Error(`"${query.text}" did not find the annotation it was drawn from (${results.totalHits} hits)`);
    }
    if (rank === 0) firstHit += 1;
    if (rank >= 0 && rank < 10) inTopTen += 1;
  }
  for (const list of [times, cpuTimes, hits]) list.sort((a, b) => a - b);
  return {
    count: queries.length,
    medianMs: percentile(times, 0.5),
    p95Ms: percentile(times, 0.95),
    medianCpuMs: percentile(cpuTimes, 0.5),
    p95CpuMs: percentile(cpuTimes, 0.95),
    medianHits: percentile(hits, 0.5),
    firstHit,
    inTopTen,
  };
}

async function main(): Promise<void> {
  const [dataDir, queriesFile, ...flags] = process.argv.slice(2);
  if (!dataDir || !queriesFile) throw new Error('usage: notes-search-process.ts DATA_DIR QUERIES.json [--no-persist] [--save] [--time-queries]');
  const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as DrawnQuery[];
  const probe = queries[0]?.text ?? '';
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const search = openNotesSearch(dataDir, { persist: !flags.includes('--no-persist') });
  const first = search.search({ text: probe });
  const firstAnswerMs = performance.now() - started;
  await search.whenReady();
  const results = search.search({ text: probe });
  const firstCompleteMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStarted);
  // The delay histogram records a stall when its timer next fires: let it.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  if (!results.complete) throw new Error(`the index did not load: ${JSON.stringify(search.status())}`);
  gc?.();
  const measurement: StartMeasurement = {
    firstCompleteMs,
    firstCompleteCpuMs: (cpu.user + cpu.system) / 1000,
    firstAnswerMs,
    firstAnswerComplete: first.complete,
    maxEventLoopDelayMs: delay.max / 1e6,
    heapMiB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
  if (flags.includes('--time-queries')) measurement.queries = timeQueries(search, queries);
  if (flags.includes('--save')) {
    const saving = performance.now();
    await search.close();
    measurement.saveMs = performance.now() - saving;
  }
  console.log(JSON.stringify(measurement));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
