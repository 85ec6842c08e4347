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
import { checkRecord, emptyLibrary, LIBRARY_FILE, MAX_RECENT, readLibraryFile, WindowStateSchema } from './library-file';
import type { DocumentRecord, LibraryFile, OpenedDocumentInfo } from './library-file';
import { describeIssue } from './quarantine';
import { effectiveSettings } from './stored-settings';
import type { StoredSettings } from './stored-settings';

export { LIBRARY_FILE, MAX_RECENT };
export type { DocumentRecord, LibraryFile, OpenedDocumentInfo };

/** Settings, the document registry, the recent list and window state, kept in gloss.json. */
export interface LibraryStore {
  /** Things the reader must be told about opening the store (a damaged file restored, bad values reset). */
  readonly notices: string[];
  /** The defaults overlaid with the reader's (valid) choices. */
  getSettings(): Settings;
  /** Resolves with the settings in effect once the change is on disk. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  getDocument(id: string): DocumentRecord | undefined;
  /** Registers or refreshes a document and makes it the last one read and first in the recent list. */
  recordOpened(doc: OpenedDocumentInfo): Promise<DocumentRecord>;
  /** Most recent first. */
  listRecent(limit?: number): DocumentRecord[];
  /** Every document last opened with this content hash, most recently opened first. */
  findByContentHash(contentHash: string): DocumentRecord[];
  /** Takes a document off the recent list (it is still known, with its reading position). */
  removeFromRecent(id: string): Promise<void>;
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
    getDocument: (id) => copyOf(ownRecord(queue.state.documents, id)),
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
          addedAt: before?.addedAt ?? at,
          lastOpenedAt: at,
          readingPosition: before?.readingPosition ?? null,
        });
        const recent = [doc.id, ...state.recent.filter((id) => id !== doc.id)].slice(0, MAX_RECENT);
        const next = { ...state, documents: { ...state.documents, [doc.id]: record }, recent, lastDocumentId: doc.id };
        return { state: next, result: structuredClone(record) };
      });
    },
    listRecent(limit = MAX_RECENT) {
      const { documents, recent } = queue.state;
      return recent
        .map((id) => ownRecord(documents, id))
        .filter((record): record is DocumentRecord => record !== undefined)
        .slice(0, Math.max(0, limit))
        .map((record) => structuredClone(record));
    },
    findByContentHash(contentHash) {
      return Object.values(queue.state.documents)
        .filter((record) => record.contentHash === contentHash)
        .sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt))
        .map((record) => structuredClone(record));
    },
    async removeFromRecent(id) {
      if (!queue.state.recent.includes(id) && queue.state.lastDocumentId !== id) return;
      await change((state) => {
        const lastDocumentId = state.lastDocumentId === id ? null : state.lastDocumentId;
        return { state: { ...state, recent: state.recent.filter((entry) => entry !== id), lastDocumentId }, result: undefined };
      });
    },
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
    flush: () => queue.idle(),
  };
}

/** Ids are data: "constructor" must not find Object.prototype's. */
function ownRecord(documents: Record<string, DocumentRecord>, id: string): DocumentRecord | undefined {
  return Object.hasOwn(documents, id) ? documents[id] : undefined;
}

function copyOf<T>(value: T): T {
  return value === undefined || value === null ? value : structuredClone(value);
}
