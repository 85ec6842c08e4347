/**
 * Benchmarks (c) and (d): creating one highlight end to end — the API call through `dispatch`
 * (the entry both transports use: schema validation, service, store) until the durable write is
 * done — with a library of 10,000 or 100,000 annotations over 100 documents already stored.
 * Run alone: `npx tsx tests/bench/create-highlight-bench.ts`.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Annotation } from '../../main/api';
import { dispatch } from '../../main/dispatch';
import { createGlossService } from '../../main/service';
import type { AnnotationFile } from '../../main/store/annotation-file';
import { ANNOTATIONS_FOLDER } from '../../main/store/annotation-store';
import { CURRENT_SCHEMA_VERSION } from '../../main/store/migrations';
import { makeAnnotation } from '../unit/main/store/fixtures/make-annotation';

/** Timed creates per run. */
const SAMPLES = 250;
/** Untimed creates first, so file-system caches and the JIT settle. */
const WARM_UP = 20;

/** Timings of one benchmark run, in milliseconds. */
export interface BenchResult {
  medianMs: number;
  p95Ms: number;
  samples: number;
}

export interface CreateBenchOptions {
  /** Annotations already in the library. */
  totalAnnotations: number;
  documents: number;
  /**
   * Annotations already in the document being read, where the new highlights go. The rest of
   * the library is spread over the other documents.
   */
  inOpenDocument: number;
}

/**
 * Seeds a temporary data folder (documents opened through the service; annotation files
 * written directly in the store's format, for speed), reopens it as the app would, and times
 * single `createAnnotation` calls through `dispatch`, each awaited until durable.
 */
export async function benchCreateHighlight(options: CreateBenchOptions): Promise<BenchResult> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-bench-create-'));
  const assetsDir = resolve('assets');
  try {
    let service = await createGlossService({ dataDir, assetsDir });
    const documentIds: string[] = [];
    await mkdir(join(dataDir, 'docs'), { recursive: true });
    for (let d = 0; d < options.documents; d++) {
      const path = join(dataDir, 'docs', `article-${d}.md`);
      await writeFile(path, `# Article ${d}\n\nSome text.\n`);
      documentIds.push((await service.openDocument({ path })).id);
    }
    await service.close();

    const others = options.totalAnnotations - options.inOpenDocument;
    const perOther = Math.floor(others / (options.documents - 1));
    await mkdir(join(dataDir, ANNOTATIONS_FOLDER), { recursive: true });
    for (const [d, documentId] of documentIds.entries()) {
      const count = d === 0 ? options.inOpenDocument : perOther + (d - 1 < others % (options.documents - 1) ? 1 : 0);
      const file: AnnotationFile = {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        documentId,
        anchoredContentHash: null,
        annotations: Array.from({ length: count }, (_, i) => makeAnnotation(documentId, `seed-${d}-${i}`, i)),
        quarantine: [],
      };
      await writeFile(join(dataDir, ANNOTATIONS_FOLDER, `${documentId}.json`), JSON.stringify(file));
    }

    service = await createGlossService({ dataDir, assetsDir });
    const openId = documentIds[0] as string;
    const listed = await dispatch(service, 'listAnnotations', { documentId: openId });
    if (!listed.ok || (listed.value as Annotation[]).length !== options.inOpenDocument) throw new Error('the seeded library did not load');
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + SAMPLES; i++) {
      const { target } = makeAnnotation(openId, `new-${i}`, i);
      const request = { documentId: openId, kind: 'highlight', color: 'yellow', note: '', tags: [], target };
      const started = performance.now();
      const result = await dispatch(service, 'createAnnotation', request);
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(result.error.message);
      if (i >= WARM_UP) times.push(elapsed);
    }
    await service.close();
    times.sort((a, b) => a - b);
    return { medianMs: percentile(times, 0.5), p95Ms: percentile(times, 0.95), samples: times.length };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The value below which `fraction` of the sorted samples fall (nearest rank). */
export function percentile(sorted: number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const totalAnnotations of [10_000, 100_000]) {
    const result = await benchCreateHighlight({ totalAnnotations, documents: 100, inOpenDocument: 100 });
    console.log(`${totalAnnotations} annotations over 100 documents: median ${result.medianMs.toFixed(2)} ms, p95 ${result.p95Ms.toFixed(2)} ms`);
  }
}
