/**
 * Annotation counts for documents whose count the library does not know yet (a library from
 * before Gloss kept counts): read in the background after start, one file at a time, so the
 * window is never kept waiting. From then on the annotation store tells the library every count
 * as it changes, and the library view never reads an annotation file to show one.
 */
import { join } from 'node:path';
import { ANNOTATIONS_FOLDER, readAnnotationFile } from '../store/annotation-file';
import type { LibraryStore } from '../store/library-store';
import { readStoreFile } from '../store/read-store-file';

/** A running backfill; `done` resolves when every unknown count was read (or it was stopped). */
export interface CountBackfill {
  done: Promise<void>;
  stop(): void;
}

/** Starts counting the annotations of every document whose count is unknown. */
export function backfillAnnotationCounts(dataDir: string, library: LibraryStore): CountBackfill {
  let stopped = false;
  const done = (async () => {
    const unknown = library.listDocuments().filter((record) => record.annotationCount === null);
    for (const record of unknown) {
      // One file per turn of the event loop: the window's calls go first.
      await new Promise((resolve) => setImmediate(resolve));
      if (stopped) return;
      // Counted meanwhile (its annotations were read): the store's count is the true one.
      if (library.getDocument(record.id)?.annotationCount !== null) continue;
      try {
        const found = await readStoreFile(join(dataDir, ANNOTATIONS_FOLDER, `${record.id}.json`));
        const count = found.json === null ? 0 : readAnnotationFile(found.json, record.id, record.id, undefined).annotations.length;
        if (!stopped && library.getDocument(record.id)?.annotationCount === null) library.noteAnnotationCount(record.id, count);
      } catch {
        // Unreadable now (a newer Gloss's file, a permissions problem): counted when it is opened.
      }
    }
  })();
  return {
    done,
    stop: () => {
      stopped = true;
    },
  };
}
