import { join } from 'node:path';
import { Low } from 'lowdb';
import { ReadingPositionSchema, SettingsSchema } from '../api';
import type { ReadingPosition, Settings } from '../api';
import { GlossError } from '../errors';
import type { WindowState } from '../service-types';
import { CommitQueue } from './commit-queue';
import type { Mutation } from './commit-queue';
import { DurableJsonFile } from './durable-json-file';
import type { WriteCheck } from './durable-write';
import { pathKey } from '../documents/document-id';
import { checkRecord, emptyLibrary, LIBRARY_FILE, MAX_RECENT, readLibraryFile, WindowStateSchema } from './library-file';
import type { DocumentRecord, LibraryFile, OpenedDocumentInfo } from './library-file';
import { describeIssue } from './quarantine';
import { effectiveSettings } from './stored-settings';
import type { StoredSettings } from './stored-settings';

export { LIBRARY_FILE, MAX_RECENT };
export type { DocumentRecord, LibraryFile, OpenedDocumentInfo };

/** A document taken out of the library, with what is needed to put it back exactly where it was. */
export interface RemovedRecord {
  record: DocumentRecord;
  /** Its place in the recent list, or null when it was not in it. */
  recentIndex: number | null;
  /** Whether it was the document to reopen at launch. */
  wasLast: boolean;
}

/** How long a changed annotation count waits to be written, so a burst of changes costs one write. */
const COUNT_WRITE_DELAY_MS = 1000;

/** Settings, the document registry, the recent list and window state, kept in gloss.json. */
export interface LibraryStore {
  /** Things the reader must be told about opening the store (a damaged file restored, bad values reset). */
  readonly notices: string[];
  /** The defaults overlaid with the reader's (valid) choices. */
  getSettings(): Settings;
  /** Resolves with the settings in effect once the change is on disk. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  getDocument(id: string): DocumentRecord | undefined;
  /** The document whose file was last opened at `path` (compared as the file system compares names). */
  findByPath(path: string): DocumentRecord | undefined;
  /** Every document in the library, in no particular order. */
  listDocuments(): DocumentRecord[];
  /**
   * Registers or refreshes a document and makes it the last one read and first in the recent
   * list. A known id with a new path is the document's file found at a new place.
   */
  recordOpened(doc: OpenedDocumentInfo): Promise<DocumentRecord>;
  /** Takes a document out of the library and the recent list ('not-found' when it is not there). */
  removeDocument(id: string): Promise<RemovedRecord>;
  /** Puts back what `removeDocument` took out; 'invalid-request' when its id is in the library again. */
  restoreDocument(removed: RemovedRecord): Promise<DocumentRecord>;
  /**
   * Remembers how many annotations a document has. Shown at once; written within a second, in
   * one write for every count changed meanwhile, or by `flush`. A count lost in a crash is
   * corrected the next time the document's annotations are read.
   */
  noteAnnotationCount(id: string, count: number): void;
  /** Most recent first. */
  listRecent(limit?: number): DocumentRecord[];
  /** Empties the recent list (File › Open Recent › Clear Recent); the library keeps every document. */
  clearRecent(): Promise<void>;
  getLastDocumentId(): string | null;
  /** "Close": the next launch shows the empty state, not the sample. */
  clearLastDocument(): Promise<void>;
  /** False only until `markLaunched`, i.e. on the very first launch. */
  hasLaunchedBefore(): boolean;
  markLaunched(): Promise<void>;
  /** Throws 'not-found' for a document that was never opened. */
  saveReadingPosition(id: string, position: ReadingPosition): Promise<void>;
  getWindowState(): WindowState | null;
  saveWindowState(state: WindowState): Promise<void>;
  /** Resolves once every change asked for so far is on disk (or refused). */
  flush(): Promise<void>;
}

/** Options of `openLibraryStore`; the clock is for tests. */
export interface LibraryStoreOptions {
  now?: () => Date;
  /** Runs before every change to gloss.json; throws to refuse it (the service checks its lock). */
  beforeWrite?: WriteCheck;
  /** How long a changed annotation count waits to be written; tests shorten it. */
  countWriteDelayMs?: number;
}

/**
 * Opens gloss.json in `dataDir` (the caller holds the folder's lock). A damaged file is set
 * aside and its backup used; a file from a newer Gloss is refused with an 'io' GlossError.
 */
export async function openLibraryStore(dataDir: string, options: LibraryStoreOptions = {}): Promise<LibraryStore> {
  const now = (): string => (options.now?.() ?? new Date()).toISOString();
  const notices: string[] = [];
  const adapter = new DurableJsonFile<LibraryFile>(join(dataDir, LIBRARY_FILE), {
    parse: (json) => readLibraryFile(json, now(), notices),
    onRecover: (message) => notices.push(message),
    beforeWrite: options.beforeWrite,
  });
  const db = new Low<LibraryFile>(adapter, emptyLibrary());
  try {
    await db.read();
  } catch (error) {
    if (error instanceof GlossError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new GlossError('io', `Gloss could not read ${LIBRARY_FILE} in ${dataDir}: ${reason}`);
  }
  const queue = new CommitQueue(db, LIBRARY_FILE);

  const change = <R>(mutation: Mutation<LibraryFile, R>): Promise<R> => queue.run(mutation);
  const set = (fields: Partial<LibraryFile>): Promise<void> =>
    change((state) => ({ state: { ...state, ...fields }, result: undefined }));

  // Counts noted and not yet confirmed on disk; reads see them at once.
  const pendingCounts = new Map<string, number>();
  let countTimer: NodeJS.Timeout | null = null;
  const withCount = (record: DocumentRecord): DocumentRecord => {
    const pending = pendingCounts.get(record.id);
    return structuredClone(pending === undefined ? record : { ...record, annotationCount: pending });
  };

  function writeCounts(): Promise<void> {
    if (countTimer !== null) clearTimeout(countTimer);
    countTimer = null;
    if (pendingCounts.size === 0) return Promise.resolve();
    const batch = new Map(pendingCounts);
    const written = change((state) => {
      let documents = state.documents;
      for (const [id, count] of batch) {
        const record = ownRecord(documents, id);
        if (record && record.annotationCount !== count) documents = { ...documents, [id]: { ...record, annotationCount: count } };
      }
      return { state: documents === state.documents ? state : { ...state, documents }, result: undefined };
    });
    return written.then(
      () => {
        for (const [id, count] of batch) if (pendingCounts.get(id) === count) pendingCounts.delete(id);
      },
      // Kept in memory: the next count noted, or flush, tries again. A count is derived data,
      // and the reader has been told of the failed write by whichever change hit it first.
      () => undefined,
    );
  }

  // A path index, rebuilt only when gloss.json's data changed since the last look-up.
  let indexedState: LibraryFile | null = null;
  let idsByPath = new Map<string, string>();
  function pathIndex(): Map<string, string> {
    if (indexedState !== queue.state) {
      indexedState = queue.state;
      idsByPath = new Map();
      const openedAt = new Map<string, string>();
      for (const record of Object.values(queue.state.documents)) {
        const key = pathKey(record.path);
        // Of two records at one path (from before documents kept their ids), the one opened last.
        if ((openedAt.get(key) ?? '') > record.lastOpenedAt) continue;
        idsByPath.set(key, record.id);
        openedAt.set(key, record.lastOpenedAt);
      }
    }
    return idsByPath;
  }

  return {
    notices,
    getSettings: () => effectiveSettings(queue.state.settings),
    async updateSettings(patch) {
      const parsed = SettingsSchema.partial().safeParse(patch);
      if (!parsed.success) throw new GlossError('invalid-request', `That setting is not valid: ${describeIssue(parsed.error)}.`);
      // A key present but undefined means "unchanged", not "reset".
      const given = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined));
      return change((state) => {
        const settings: StoredSettings = { ...state.settings, ...given };
        return { state: { ...state, settings }, result: effectiveSettings(settings) };
      });
    },
    getDocument(id) {
      const record = ownRecord(queue.state.documents, id);
      return record && withCount(record);
    },
    findByPath(path) {
      const id = pathIndex().get(pathKey(path));
      const record = id === undefined ? undefined : ownRecord(queue.state.documents, id);
      return record && withCount(record);
    },
    listDocuments: () => Object.values(queue.state.documents).map(withCount),
    recordOpened(doc) {
      return change((state) => {
        const at = now();
        const before = ownRecord(state.documents, doc.id);
        const record: DocumentRecord = checkRecord({
          id: doc.id,
          path: doc.path,
          fileName: doc.fileName,
          title: doc.title,
          contentHash: doc.contentHash,
          fingerprint: doc.fingerprint === undefined ? (before?.fingerprint ?? null) : doc.fingerprint,
          annotationCount: before?.annotationCount ?? null,
          addedAt: before?.addedAt ?? at,
          lastOpenedAt: at,
          readingPosition: before?.readingPosition ?? null,
        });
        const recent = [doc.id, ...state.recent.filter((id) => id !== doc.id)].slice(0, MAX_RECENT);
        const next = { ...state, documents: { ...state.documents, [doc.id]: record }, recent, lastDocumentId: doc.id };
        return { state: next, result: withCount(record) };
      });
    },
    removeDocument(id) {
      return change((state) => {
        const record = ownRecord(state.documents, id);
        if (!record) throw new GlossError('not-found', 'That document is not in the library any more.');
        const documents = Object.fromEntries(Object.entries(state.documents).filter(([key]) => key !== id));
        const at = state.recent.indexOf(id);
        const wasLast = state.lastDocumentId === id;
        const next = { ...state, documents, recent: state.recent.filter((entry) => entry !== id), lastDocumentId: wasLast ? null : state.lastDocumentId };
        return { state: next, result: { record: withCount(record), recentIndex: at < 0 ? null : at, wasLast } };
      }).then((removed) => {
        pendingCounts.delete(id);
        return removed;
      });
    },
    restoreDocument(removed) {
      const record = checkRecord(structuredClone(removed.record));
      return change((state) => {
        if (ownRecord(state.documents, record.id)) {
          throw new GlossError('invalid-request', `“${record.title}” is in the library again (it was opened since it was removed), so it was not put back.`);
        }
        const recent = [...state.recent];
        if (removed.recentIndex !== null) recent.splice(Math.min(removed.recentIndex, recent.length), 0, record.id);
        const next = {
          ...state,
          documents: { ...state.documents, [record.id]: record },
          recent: recent.slice(0, MAX_RECENT),
          lastDocumentId: removed.wasLast && state.lastDocumentId === null ? record.id : state.lastDocumentId,
        };
        return { state: next, result: structuredClone(record) };
      });
    },
    noteAnnotationCount(id, count) {
      const record = ownRecord(queue.state.documents, id);
      if (!record || (pendingCounts.get(id) ?? record.annotationCount) === count) return;
      pendingCounts.set(id, count);
      if (countTimer === null) {
        countTimer = setTimeout(() => void writeCounts(), options.countWriteDelayMs ?? COUNT_WRITE_DELAY_MS);
        // Never what keeps a process alive: flush writes what is pending.
        countTimer.unref();
      }
    },
    listRecent(limit = MAX_RECENT) {
      const { documents, recent } = queue.state;
      return recent
        .map((id) => ownRecord(documents, id))
        .filter((record): record is DocumentRecord => record !== undefined)
        .slice(0, Math.max(0, limit))
        .map(withCount);
    },
    clearRecent: () => set({ recent: [] }),
    getLastDocumentId: () => queue.state.lastDocumentId,
    clearLastDocument: () => set({ lastDocumentId: null }),
    hasLaunchedBefore: () => queue.state.launchedAt !== null,
    markLaunched: () => (queue.state.launchedAt !== null ? Promise.resolve() : set({ launchedAt: now() })),
    async saveReadingPosition(id, position) {
      const parsed = ReadingPositionSchema.safeParse(position);
      if (!parsed.success) throw new GlossError('invalid-request', `That reading position is not valid: ${describeIssue(parsed.error)}.`);
      await change((state) => {
        const record = ownRecord(state.documents, id);
        if (!record) throw new GlossError('not-found', 'That document is not in the library. Open it again.');
        const documents = { ...state.documents, [id]: { ...record, readingPosition: parsed.data } };
        return { state: { ...state, documents }, result: undefined };
      });
    },
    getWindowState: () => copyOf(queue.state.windowState) ?? null,
    async saveWindowState(state) {
      const parsed = WindowStateSchema.safeParse(state);
      if (!parsed.success) throw new GlossError('invalid-request', `That window size is not valid: ${describeIssue(parsed.error)}.`);
      await set({ windowState: parsed.data });
    },
    async flush() {
      await writeCounts();
      await queue.idle();
    },
  };
}

/** Ids are data: "constructor" must not find Object.prototype's. */
function ownRecord(documents: Record<string, DocumentRecord>, id: string): DocumentRecord | undefined {
  return Object.hasOwn(documents, id) ? documents[id] : undefined;
}

function copyOf<T>(value: T): T {
  return value === undefined || value === null ? value : structuredClone(value);
}
