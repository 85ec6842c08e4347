/**
 * The notes index of a data folder, ready soon after start without blocking: it loads its
 * snapshot (index-snapshot.ts), reads again only the annotation files whose fingerprint changed
 * since (all of them when there is no usable snapshot), indexing in slices that yield to the
 * event loop, and saves a new snapshot when it is closed.
 *
 * Changes reported while it loads are applied at once and also kept in a log; each document's
 * log is replayed after that document is read from disk, and the whole log once more at the end,
 * so a change can never be overwritten by an older copy of the file. This holds because every
 * change method sets a state (this annotation is now X, that one is gone) rather than describing
 * a step, and because each change is reported after the store has written it.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Annotation } from '../api';
import type { NotesIndexProgress, NotesSearchQuery, NotesSearchResults } from '../common/notes-search';
import { AnnotationIndex } from './annotation-index';
import { readSnapshot, writeSnapshot } from './index-snapshot';
import { libraryReader } from './library-reader';
import type { AnnotationFileInfo, LibrarySource } from './library-reader';

/** Options of `openNotesSearch`. */
export interface NotesSearchOptions {
  /** Load and save a snapshot of the index in the data folder (default true). */
  persist?: boolean;
  /** Longest stretch of indexing, in milliseconds, before yielding to the event loop (default 8). */
  sliceMs?: number;
  /** Where titles and annotations are read from (default: the data folder's files, `libraryReader`). */
  source?: LibrarySource;
}

/** Where loading stands. */
export interface NotesSearchStatus {
  /** 'failed': the library could not be listed; the index holds only what was reported to it. */
  state: 'loading' | 'ready' | 'failed';
  progress: NotesIndexProgress;
  /** Why loading failed. */
  error?: string;
}

/** The notes index of one data folder; see main/search/index.ts for how the service drives it. */
export interface NotesSearch {
  /**
   * Answers at once. Until the library is indexed the answer covers what is indexed so far and
   * says so (`complete: false`, with `progress`). Throws an 'invalid-request' GlossError for a
   * query that breaks NOTES_SEARCH_LIMITS.
   */
  search(query: NotesSearchQuery): NotesSearchResults;
  status(): NotesSearchStatus;
  /** Resolves once loading has finished (or failed: see `status`); never rejects. */
  whenReady(): Promise<void>;
  /** Annotations created, edited, restored, imported or re-anchored, as the store now holds them. */
  putAnnotations(annotations: readonly Annotation[]): void;
  /** Annotations deleted. */
  removeAnnotations(documentId: string, ids: readonly string[]): void;
  /** A document's annotations as the store now holds them, all of them (e.g. after it reopened the file). */
  replaceDocumentAnnotations(documentId: string, annotations: readonly Annotation[]): void;
  /** A document added to the library, or its title changed. */
  putDocument(documentId: string, title: string): void;
  /** A document removed from the library, with its annotations. */
  removeDocument(documentId: string): void;
  /**
   * Stops loading and saves the snapshot when the index changed. Call after the store has
   * flushed. Never rejects: a snapshot that cannot be written only makes the next start slower.
   */
  close(): Promise<void>;
}

interface LoggedChange {
  documentId: string;
  apply(index: AnnotationIndex): void;
}

/**
 * Opens the notes index of `dataDir` and starts loading it in the background. Reads the data
 * folder, never writes it except for the snapshot (search-index.jsonl) on `close`.
 */
export function openNotesSearch(dataDir: string, options: NotesSearchOptions = {}): NotesSearch {
  const persist = options.persist ?? true;
  const sliceMs = options.sliceMs ?? 8;
  const source = options.source ?? libraryReader(dataDir);
  let index = new AnnotationIndex();
  let state: NotesSearchStatus['state'] = 'loading';
  let error: string | undefined;
  const progress: NotesIndexProgress = { indexedDocuments: 0, totalDocuments: 0 };
  /** Changes reported while loading; null once loaded. */
  let log: LoggedChange[] | null = [];
  /** Fingerprints of files the index reflects as read; a document changed since is left out. */
  const fingerprints = new Map<string, string>();
  let changed = false;
  let closing = false;

  let sliceStart = performance.now();
  /** True when the current slice of work has run its time: the caller should `yieldNow`. */
  const due = (): boolean => performance.now() - sliceStart >= sliceMs;
  async function yieldNow(): Promise<void> {
    await yieldToEventLoop();
    if (closing) throw new Closed();
    sliceStart = performance.now();
  }
  const pause = async (): Promise<void> => {
    if (due()) await yieldNow();
  };

  function replay(documentId?: string): void {
    for (const change of log ?? []) if (documentId === undefined || change.documentId === documentId) change.apply(index);
  }

  function change(documentId: string, apply: (index: AnnotationIndex) => void): void {
    const before = index.version;
    apply(index);
    log?.push({ documentId, apply });
    fingerprints.delete(documentId);
    // While loading, the change is replayed onto the loaded index, and judged there.
    if (log === null && index.version !== before) changed = true;
  }

  /** Replays the changes logged while loading; whether they changed what the index holds. */
  function replayChanged(): boolean {
    const before = index.version;
    replay();
    return index.version !== before;
  }

  async function ingest(file: AnnotationFileInfo): Promise<void> {
    const annotations = await source.readAnnotations(file);
    const kept = new Set(annotations.map((a) => a.id));
    index.removeAnnotations(file.documentId, index.recordsOf(file.documentId).filter((r) => !kept.has(r.id)).map((r) => r.id));
    for (const annotation of annotations) {
      index.putAnnotations([annotation]);
      if (due()) await yieldNow();
    }
    replay(file.documentId);
    fingerprints.set(file.documentId, file.fingerprint);
  }

  async function load(): Promise<void> {
    const [titles, files] = await Promise.all([source.readTitles(), source.listAnnotationFiles()]);
    progress.totalDocuments = files.length;
    const snapshot = persist ? await readSnapshot(dataDir, pause) : null;
    if (closing) throw new Closed();
    const known = snapshot?.files ?? new Map<string, string>();
    if (snapshot) index = snapshot.index;
    else changed = true;
    const present = new Set(files.map((file) => file.documentId));
    for (const documentId of index.documentIds()) {
      // Indexed from a file that is gone since, or a document no longer in the library.
      if (!present.has(documentId) && index.recordsOf(documentId).length > 0) {
        index.replaceDocumentAnnotations(documentId, []);
        changed = true;
      }
      if (!titles.has(documentId) && index.titleOf(documentId) !== '') {
        index.putDocument(documentId, '');
        changed = true;
      }
    }
    for (const [documentId, title] of titles) {
      if (index.titleOf(documentId) === title) continue;
      index.putDocument(documentId, title);
      changed = true;
    }
    if (replayChanged()) changed = true;
    const unchanged = files.filter((file) => known.get(file.documentId) === file.fingerprint);
    for (const file of unchanged) fingerprints.set(file.documentId, file.fingerprint);
    progress.indexedDocuments = unchanged.length;
    for (const file of files) {
      if (known.get(file.documentId) === file.fingerprint) continue;
      // A file rewritten with the same annotations (its fingerprint moved, not what is indexed)
      // does not make a new snapshot: the data folder stays as it was, and it is read again.
      const before = index.version;
      await ingest(file);
      if (index.version !== before) changed = true;
      progress.indexedDocuments += 1;
      if (due()) await yieldNow();
    }
    if (replayChanged()) changed = true;
    // A document changed while loading is read again next time, as one changed later is.
    for (const entry of log ?? []) fingerprints.delete(entry.documentId);
  }

  const ready = load().then(
    () => {
      state = 'ready';
      log = null;
    },
    (reason: unknown) => {
      if (reason instanceof Closed) return;
      state = 'failed';
      error = reason instanceof Error ? reason.message : String(reason);
      log = null;
    },
  );

  return {
    search(query) {
      if (state === 'ready') return index.search(query);
      return index.search(query, { complete: false, progress: { ...progress } });
    },
    status: () => ({ state, progress: { ...progress }, ...(error === undefined ? {} : { error }) }),
    whenReady: () => ready,
    putAnnotations(annotations) {
      const byDocument = new Map<string, Annotation[]>();
      for (const annotation of annotations) {
        const list = byDocument.get(annotation.documentId);
        if (list) list.push(annotation);
        else byDocument.set(annotation.documentId, [annotation]);
      }
      for (const [documentId, list] of byDocument) change(documentId, (i) => i.putAnnotations(list));
    },
    removeAnnotations(documentId, ids) {
      const list = [...ids];
      change(documentId, (i) => i.removeAnnotations(documentId, list));
    },
    replaceDocumentAnnotations(documentId, annotations) {
      const list = [...annotations];
      change(documentId, (i) => i.replaceDocumentAnnotations(documentId, list));
    },
    putDocument(documentId, title) {
      change(documentId, (i) => i.putDocument(documentId, title));
    },
    removeDocument(documentId) {
      change(documentId, (i) => i.removeDocument(documentId));
    },
    async close() {
      closing = true;
      await ready;
      if (!persist || state !== 'ready' || !changed) return;
      try {
        await writeSnapshot(dataDir, { files: fingerprints, content: index.content() });
        changed = false;
      } catch {
        // No snapshot (a full disk, a read-only folder): the next start reads the files instead.
      }
    },
  };
}

/** Thrown inside loading when `close` stops it. */
class Closed extends Error {}
