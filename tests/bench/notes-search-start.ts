/**
 * One start of the notes index, in a process of its own so that nothing is warm: opens the index
 * of the data folder given as the first argument, answers one query (the second argument) as
 * soon as it can answer completely, and prints one line of JSON with the timings, the longest
 * the event loop was held up meanwhile, and the heap the index holds. With `--save` it also
 * closes the index, so its snapshot is written, and times that.
 * Run by notes-search-bench.ts as `node --expose-gc --import tsx notes-search-start.ts DIR QUERY [--no-persist] [--save]`.
 */
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { openNotesSearch } from '../../main/search/index';

/** What one start measured. */
export interface StartMeasurement {
  /** From opening the index to the first answer that covers the whole library. */
  firstCompleteMs: number;
  /** CPU time this process used meanwhile: what the wall time would be on an idle machine, give or take. */
  firstCompleteCpuMs: number;
  /** From opening to the first answer of any kind (possibly partial). */
  firstAnswerMs: number;
  firstAnswerComplete: boolean;
  hits: number;
  /** Longest stall of the event loop while the index loaded. */
  maxEventLoopDelayMs: number;
  /** Heap the loaded index holds, after garbage collection. */
  heapMiB: number;
  /** Time to write the snapshot, with --save. */
  saveMs?: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

async function main(): Promise<void> {
  const [dataDir, query, ...flags] = process.argv.slice(2);
  if (!dataDir || query === undefined) throw new Error('usage: notes-search-start.ts DATA_DIR QUERY [--no-persist] [--save]');
  gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const search = openNotesSearch(dataDir, { persist: !flags.includes('--no-persist') });
  const first = search.search({ text: query });
  const firstAnswerMs = performance.now() - started;
  await search.whenReady();
  const results = search.search({ text: query });
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
    hits: results.totalHits,
    maxEventLoopDelayMs: delay.max / 1e6,
    heapMiB: (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20,
  };
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
