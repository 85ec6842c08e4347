/**
 * Benchmarks (c) and (d): what a reader does with a large library. A data folder is generated in
 * Gloss's real format (documents opened through the service, so gloss.json is the service's own;
 * one annotation file per document written by the store's own adapter), then Gloss's service is
 * started on it and documents are opened in turn, each as the app opens one (the document file,
 * then its annotations), and a highlight is created in each, every call through `dispatch` (the
 * entry both transports use) and awaited until durable.
 * Run alone: `npx tsx tests/bench/library-bench.ts`.
 */
import { percentile } from './stats';
import { mkdir, mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Annotation, OpenedDocument } from '../../main/api';
import { dispatch } from '../../main/dispatch';
import { createGlossService } from '../../main/service';
import type { GlossService } from '../../main/service-types';
import type { AnnotationFile } from '../../main/store/annotation-file';
import { stringifyAnnotationFile } from '../../main/store/annotation-file-text';
import { ANNOTATIONS_FOLDER } from '../../main/store/annotation-store';
import { DurableJsonFile } from '../../main/store/durable-json-file';
import { CURRENT_SCHEMA_VERSION } from '../../main/store/migrations';
import { openStoreReadOnly } from '../../main/store/read-only-store';
import { makeAnnotation } from '../unit/main/store/fixtures/make-annotation';
import { generateArticle } from './open-article-bench';

/** Documents opened first and not timed, so file-system caches and the JIT settle. */
const WARM_UP = 10;
/** Starts timed per library; the median is reported. */
export const STARTS = 9;

/** Median and 95th percentile of some timings, in milliseconds. */
export interface Timing {
  medianMs: number;
  p95Ms: number;
}

/** What one library's run measured. */
export interface LibraryBenchResult {
  annotations: number;
  documents: number;
  /** Documents opened (and highlighted) in the timed part. */
  samples: number;
  /** From creating the service on the folder until the startup (with its last document) is ready; median of `STARTS`. */
  startMs: number;
  /** Opening a document as the app does: `openDocument`, then `listAnnotations`. */
  open: Timing;
  /** Creating one highlight in the open document, until it is on disk. */
  create: Timing;
}

/** What to generate and how much of it to time. */
export interface LibraryBenchOptions {
  annotations: number;
  documents: number;
  /** Documents opened in turn, spread evenly over the library. */
  samples: number;
}

/** A generated library and what was measured on it so far. */
interface Run {
  options: LibraryBenchOptions;
  dataDir: string;
  documents: { id: string; path: string }[];
  starts: number[];
  opens: number[];
  creates: number[];
  /** New highlights per document, so each open can check it lists exactly what is stored. */
  added: Map<string, number>;
}

/**
 * Generates each library, starts Gloss on each and times what a reader does. The libraries are
 * measured in turn, one start or one document of each before the next, so a change in the
 * machine's load falls on all of them alike and their ratios stay honest.
 */
export async function benchLibraries(libraries: LibraryBenchOptions[]): Promise<LibraryBenchResult[]> {
  const assetsDir = resolve('assets');
  const runs: Run[] = [];
  try {
    for (const options of libraries) {
      const dataDir = await realpath(await mkdtemp(join(tmpdir(), 'gloss-bench-library-')));
      runs.push({ options, dataDir, documents: [], starts: [], opens: [], creates: [], added: new Map() });
      (runs.at(-1) as Run).documents = await generateLibrary(dataDir, assetsDir, options);
    }
    for (let i = 0; i < STARTS; i += 1) {
      for (const run of runs) run.starts.push(await timeStart(run.dataDir, assetsDir));
    }
    const services = await Promise.all(runs.map((run) => createGlossService({ dataDir: run.dataDir, assetsDir, documentAccess: 'any-path' })));
    const rounds = Math.max(...libraries.map((options) => options.samples)) + WARM_UP;
    for (let i = 0; i < rounds; i += 1) {
      for (const [r, run] of runs.entries()) {
        if (i < run.options.samples + WARM_UP) await openAndHighlight(services[r] as GlossService, run, i);
      }
    }
    await Promise.all(services.map((service) => service.close()));

    for (const run of runs) await checkStored(run);
    return runs.map(({ options, starts, opens, creates }) => ({ ...options, startMs: timing(starts).medianMs, open: timing(opens), create: timing(creates) }));
  } finally {
    await Promise.all(runs.map((run) => rm(run.dataDir, { recursive: true, force: true })));
  }
}

/** The i-th document of the run's library, spread evenly over it: opened, then highlighted. */
async function openAndHighlight(service: GlossService, run: Run, i: number): Promise<void> {
  const { documents, options, added } = run;
  const step = Math.max(1, Math.floor(options.documents / (options.samples + WARM_UP)));
  const document = documents[(i * step) % documents.length] as { id: string; path: string };
  const before = added.get(document.id) ?? 0;
  const { openMs, createMs } = await readAndHighlight(service, document.path, perDocument(options) + before, i);
  added.set(document.id, before + 1);
  if (i >= WARM_UP) {
    run.opens.push(openMs);
    run.creates.push(createMs);
  }
}

/** Each highlight is on disk, beside the annotations its document already had. */
async function checkStored(run: Run): Promise<void> {
  const stored = await openStoreReadOnly(run.dataDir);
  for (const [id, count] of run.added) {
    if ((await stored.annotationsOf(id)).length !== perDocument(run.options) + count) throw new Error(`document ${id} does not hold its new highlights`);
  }
}

function perDocument(options: LibraryBenchOptions): number {
  const count = options.annotations / options.documents;
  if (!Number.isInteger(count)) throw new Error('annotations must divide evenly over the documents');
  return count;
}

/** Starts Gloss on the folder as the app does (the service, then the startup with the last document read) and closes it. */
async function timeStart(dataDir: string, assetsDir: string): Promise<number> {
  const startedAt = performance.now();
  const service = await createGlossService({ dataDir, assetsDir, documentAccess: 'any-path' });
  const startup = await dispatch(service, 'getStartup', {});
  const elapsed = performance.now() - startedAt;
  await service.close();
  if (!startup.ok || (startup.value as { document: unknown }).document === null) throw new Error('Gloss did not start on the library');
  return elapsed;
}

async function readAndHighlight(service: GlossService, path: string, expected: number, n: number): Promise<{ openMs: number; createMs: number }> {
  const openedAt = performance.now();
  const opened = await dispatch(service, 'openDocument', { path });
  if (!opened.ok) throw new Error(opened.error.message);
  const document = opened.value as OpenedDocument;
  const listed = await dispatch(service, 'listAnnotations', { documentId: document.id });
  const openMs = performance.now() - openedAt;
  if (!listed.ok || (listed.value as Annotation[]).length !== expected) throw new Error(`the annotations of ${path} did not load`);

  const { target } = makeAnnotation(document.id, 'unused', expected + n);
  const createdAt = performance.now();
  const created = await dispatch(service, 'createAnnotation', { documentId: document.id, kind: 'highlight', color: 'yellow', note: '', tags: [], target });
  const createMs = performance.now() - createdAt;
  if (!created.ok) throw new Error(created.error.message);
  return { openMs, createMs };
}

/**
 * Writes the documents (short Markdown articles), registers each through the service (so
 * gloss.json is exactly what Gloss writes), and gives each its share of the annotations.
 */
export async function generateLibrary(dataDir: string, assetsDir: string, options: LibraryBenchOptions): Promise<{ id: string; path: string }[]> {
  const folder = join(dataDir, 'docs');
  await mkdir(folder, { recursive: true });
  const service = await createGlossService({ dataDir, assetsDir, documentAccess: 'any-path' });
  const documents: { id: string; path: string; contentHash: string }[] = [];
  for (let d = 0; d < options.documents; d += 1) {
    const path = join(folder, `article-${d}.md`);
    // Each its own text (the same words would make every file look like an edit of the first).
    await writeFile(path, generateArticle(4800, d + 1).replace(/^# .*/, `# Article ${d}`));
    const opened = await service.openDocument({ path });
    if (opened.similarTo) throw new Error(`article ${d} was taken for an edit of another`);
    documents.push({ id: opened.id, path: opened.path, contentHash: opened.contentHash });
  }
  await service.close();

  const count = perDocument(options);
  for (const [d, document] of documents.entries()) {
    const file: AnnotationFile = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      documentId: document.id,
      anchoredContentHash: document.contentHash,
      annotations: Array.from({ length: count }, (_, i) => makeAnnotation(document.id, `seed-${d}-${i}`, i)),
      quarantine: [],
    };
    await new DurableJsonFile<AnnotationFile>(join(dataDir, ANNOTATIONS_FOLDER, `${document.id}.json`), { stringify: stringifyAnnotationFile }).write(file);
  }
  return documents;
}

export function timing(samples: number[]): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (fraction: number) => percentile(sorted, fraction);
  return { medianMs: at(0.5), p95Ms: at(0.95) };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await benchLibraries([10_000, 100_000].map((annotations) => ({ annotations, documents: 1_000, samples: 200 })));
  for (const r of results) {
    console.log(
      `${r.annotations} annotations over ${r.documents} documents: start ${r.startMs.toFixed(0)} ms; open median ${r.open.medianMs.toFixed(2)} ms, p95 ${r.open.p95Ms.toFixed(2)} ms; ` +
        `create median ${r.create.medianMs.toFixed(2)} ms, p95 ${r.create.p95Ms.toFixed(2)} ms`,
    );
  }
}
