/**
 * How long saving one highlight takes, end to end to the durable write, as the library grows.
 * Run alone: `npx tsx tests/bench/create-highlight-bench.ts`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from '../../main/store/annotation-store';
import type { AnnotationFile } from '../../main/store/annotation-store';
import { CURRENT_SCHEMA_VERSION } from '../../main/store/migrations';
import { makeAnnotation } from '../unit/main/store/fixtures/make-annotation';

/** Timed `create` calls per run. */
const SAMPLES = 250;
/** Untimed calls first, so file-system caches and the JIT settle. */
const WARM_UP = 20;

/** Timings of one benchmark run, in milliseconds. */
export interface BenchResult {
  medianMs: number;
  p95Ms: number;
  samples: number;
}

/**
 * Seeds a temporary data folder with `totalAnnotations` spread evenly over `documents`
 * documents (written directly in the store's format, for speed), opens the store and times
 * single `create` calls on one of those documents, each awaited until durable. A create rewrites
 * its document's file, so the figure follows `totalAnnotations / documents`, not the total.
 */
export async function benchCreateHighlight(totalAnnotations: number, documents: number): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-'));
  try {
    await seed(dataDir, totalAnnotations, documents);
    const store = openAnnotationStore(dataDir);
    const documentId = documentIdOf(0);
    await store.list(documentId);
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
      const annotation = makeAnnotation(documentId, `bench-${i}`, i);
      const started = performance.now();
      await store.create(annotation);
      if (i >= WARM_UP) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function seed(dataDir: string, totalAnnotations: number, documents: number): Promise<void> {
  const folder = join(dataDir, ANNOTATIONS_FOLDER);
  await mkdir(folder, { recursive: true });
  const perDocument = Math.floor(totalAnnotations / documents);
  for (let d = 0; d < documents; d += 1) {
    const documentId = documentIdOf(d);
    // The remainder goes to the first documents, so the total is exact.
    const count = perDocument + (d < totalAnnotations % documents ? 1 : 0);
    const file: AnnotationFile = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      documentId,
      anchoredContentHash: null,
      annotations: Array.from({ length: count }, (_, i) => makeAnnotation(documentId, `seed-${d}-${i}`, i)),
      quarantine: [],
    };
    await writeFile(join(folder, `${documentId}.json`), JSON.stringify(file));
  }
}

function documentIdOf(index: number): string {
  return `doc-${String(index).padStart(4, '0')}`;
}

function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // The last case keeps 100 annotations per document, as 10,000/100 does, with ten times the
  // library: it shows what the library's size alone costs, apart from the document's size.
  for (const [total, documents] of [
    [10_000, 100],
    [100_000, 100],
    [100_000, 1000],
  ] as const) {
    const result = await benchCreateHighlight(total, documents);
    console.log(
      `create highlight, ${total.toLocaleString('en')} annotations over ${documents} documents: ` +
        `median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms (${result.samples} samples)`,
    );
  }
}
