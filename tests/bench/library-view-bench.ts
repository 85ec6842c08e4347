/**
 * Benchmark (f): the library view on 1,000 documents holding 100,000 annotations (100 each), and
 * what knowing documents by more than their path costs.
 *
 * - Listing the library (`listLibrary`, through `dispatch`, each document's file looked at to
 *   say whether it is missing) with the counts Gloss keeps in gloss.json, against the same
 *   listing with the counts read lazily, i.e. every annotation file read and checked as the
 *   store reads it, at list time (what a library that keeps no count must do). Both give the
 *   same counts, which are checked against what was generated.
 * - Opening a file new to the library, whose text is then fingerprinted and compared with every
 *   document's, against opening a document the library already has.
 * - Fingerprinting a 1 MB article.
 * Run alone: `npx tsx tests/bench/library-view-bench.ts`.
 */
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { LibraryEntry, OpenedDocument } from '../../main/api';
import { dispatch } from '../../main/dispatch';
import { textFingerprint } from '../../main/documents/text-fingerprint';
import { createGlossService } from '../../main/service';
import type { GlossService } from '../../main/service-types';
import { ANNOTATIONS_FOLDER, readAnnotationFile } from '../../main/store/annotation-file';
import { readStoreFile } from '../../main/store/read-store-file';
import { generateLibrary, timing, type Timing } from './library-bench';
import { generateArticle } from './open-article-bench';

const DOCUMENTS = 1_000;
const ANNOTATIONS = 100_000;
/** Timed runs of each listing; the median is reported. */
const LISTINGS = 9;
const OPENS = 30;

/** What benchmark (f) measured. */
export interface LibraryViewBenchResult {
  documents: number;
  annotations: number;
  /** listLibrary with the stored counts. */
  storedCounts: Timing;
  /** The same listing, each count read from its annotation file. */
  lazyCounts: Timing;
  /** Opening a file the library does not know (fingerprint compared with every document's). */
  openNew: Timing;
  /** Opening a document the library knows. */
  openKnown: Timing;
  /** Fingerprinting a 1 MB article. */
  fingerprintMs: number;
  /** Bytes gloss.json gives each document's record for its fingerprint and count. */
  recordBytes: number;
}

async function call<T>(service: GlossService, method: Parameters<typeof dispatch>[1], request: unknown): Promise<T> {
  const result = await dispatch(service, method, request);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

/** The listing as a library without stored counts must make it: Gloss's listing, then every count read from disk. */
async function listReadingEveryFile(service: GlossService, dataDir: string): Promise<LibraryEntry[]> {
  const entries = await call<LibraryEntry[]>(service, 'listLibrary', {});
  return Promise.all(
    entries.map(async (entry) => {
      const found = await readStoreFile(join(dataDir, ANNOTATIONS_FOLDER, `${entry.id}.json`));
      const count = found.json === null ? 0 : readAnnotationFile(found.json, entry.id, entry.id, undefined).annotations.length;
      return { ...entry, annotationCount: count };
    }),
  );
}

function check(entries: LibraryEntry[], perDocument: number, label: string): void {
  if (entries.length !== DOCUMENTS || entries.some((entry) => entry.annotationCount !== perDocument || entry.missing)) throw new Error(`${label}: the listing is not the library`);
}

/** Runs benchmark (f). */
export async function benchLibraryView(): Promise<LibraryViewBenchResult> {
  const assetsDir = resolve('assets');
  const dataDir = await realpath(await mkdtemp(join(tmpdir(), 'gloss-bench-library-view-')));
  try {
    const documents = await generateLibrary(dataDir, assetsDir, { documents: DOCUMENTS, annotations: ANNOTATIONS, samples: 0 });
    const perDocument = ANNOTATIONS / DOCUMENTS;
    // The generator wrote the annotation files behind Gloss's back: let Gloss read each once
    // (as opening the document does), so gloss.json holds the counts it would have kept.
    let service = await createGlossService({ dataDir, assetsDir, documentAccess: 'any-path' });
    for (const document of documents) await call(service, 'listAnnotations', { documentId: document.id });
    await service.close();
    service = await createGlossService({ dataDir, assetsDir, documentAccess: 'any-path' });

    const stored: number[] = [];
    const lazy: number[] = [];
    // In turn, so the machine's load falls on both alike; the first of each warms the caches.
    for (let run = 0; run <= LISTINGS; run += 1) {
      let at = performance.now();
      const fromStore = await call<LibraryEntry[]>(service, 'listLibrary', {});
      if (run > 0) stored.push(performance.now() - at);
      check(fromStore, perDocument, 'stored counts');
      at = performance.now();
      const fromFiles = await listReadingEveryFile(service, dataDir);
      if (run > 0) lazy.push(performance.now() - at);
      check(fromFiles, perDocument, 'lazy counts');
    }

    const known: number[] = [];
    const fresh: number[] = [];
    for (let i = 0; i < OPENS; i += 1) {
      const path = join(dataDir, `new-${i}.md`);
      await writeFile(path, generateArticle(4800, 10_000 + i));
      let at = performance.now();
      const opened = await call<OpenedDocument>(service, 'openDocument', { path });
      fresh.push(performance.now() - at);
      if (opened.similarTo || opened.movedFrom) throw new Error('a new article was taken for a library document');
      const document = documents[(i * 31) % documents.length] as { path: string };
      at = performance.now();
      await call(service, 'openDocument', { path: document.path });
      known.push(performance.now() - at);
    }
    await service.close();

    const article = generateArticle(1024 * 1024);
    textFingerprint(article);
    const fingerprints: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const at = performance.now();
      textFingerprint(article);
      fingerprints.push(performance.now() - at);
    }
    const fingerprint = textFingerprint(article) ?? '';
    return {
      documents: DOCUMENTS,
      annotations: ANNOTATIONS,
      storedCounts: timing(stored),
      lazyCounts: timing(lazy),
      openNew: timing(fresh),
      openKnown: timing(known),
      fingerprintMs: timing(fingerprints).medianMs,
      recordBytes: JSON.stringify({ fingerprint, annotationCount: perDocument }).length + 2,
    };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchLibraryView();
  console.log(JSON.stringify(r, null, 2));
}
