import { join } from 'node:path';
import { Low } from 'lowdb';
import { LIMITS, ReadingPositionSchema, SettingsSchema } from '../api';
import type { ReadingPosition, Settings } from '../api';
import { GlossError } from '../errors';
import type { WindowState } from '../service-types';
import { CommitQueue } from './commit-queue';
import type { Mutation } from './commit-queue';
import { DurableJsonFile } from './durable-json-file';
import type { WriteCheck } from './durable-write';
import { checkRecord, emptyLibrary, LIBRARY_FILE, MAX_RECENT, NotesFolderStateSchema, readLibraryFile, WindowStateSchema } from './library-file';
import type { DialogFolders, DocumentRecord, LibraryFile, NotesFolderState, OpenedDocumentInfo } from './library-file';
import { describeIssue } from './quarantine';
import { effectiveSettings } from './stored-settings';
import type { StoredSettings } from './stored-settings';

export { LIBRARY_FILE, MAX_RECENT };
export type { DocumentRecord, LibraryFile, NotesFolderState, OpenedDocumentInfo };

/** A desktop dialog that remembers the folder it last opened in. */
export type DialogKind = keyof DialogFolders;

/** Settings, the document registry, the recent list and window state, kept in gloss.json. */
export interface LibraryStore {
  /** Things the reader must be told about opening the store (a damaged file restored, bad values reset). */
  readonly notices: string[];
  /** The defaults overlaid with the reader's (valid) choices. */
  getSettings(): Settings;
  /** Resolves with the settings in effect once the change is on disk. */
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  getDocument(id: string): DocumentRecord | undefined;
  /** Every document in the library, in no particular order. */
  listDocuments(): DocumentRecord[];
  /**
   * Registers or refreshes a document and makes it the last one read and first in the recent
   * list; with `{ read: false }` (a document an import named) it is only registered.
   */
  recordOpened(doc: OpenedDocumentInfo, options?: { read?: boolean }): Promise<DocumentRecord>;
  /** Most recent first. */
  listRecent(limit?: number): DocumentRecord[];
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
  /** The notes folder Gloss keeps in step, or null. */
  getNotesFolder(): NotesFolderState | null;
  /** Sets (or, with null, stops) the notes folder; refuses a state gloss.json could not keep. */
  setNotesFolder(state: NotesFolderState | null): Promise<void>;
  /** The folder a desktop dialog last opened in, if any. */
  getDialogFolder(kind: DialogKind): string | null;
  saveDialogFolder(kind: DialogKind, folder: string): Promise<void>;
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
    listDocuments: () => Object.values(queue.state.documents).map((record) => structuredClone(record)),
    recordOpened(doc, { read = true } = {}) {
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
          lastOpenedAt: read ? at : (before?.lastOpenedAt ?? at),
          readingPosition: before?.readingPosition ?? null,
        });
        const documents = { ...state.documents, [doc.id]: record };
        if (!read) return { state: { ...state, documents }, result: structuredClone(record) };
        const recent = [doc.id, ...state.recent.filter((id) => id !== doc.id)].slice(0, MAX_RECENT);
        const next = { ...state, documents, recent, lastDocumentId: doc.id };
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
    getNotesFolder: () => copyOf(queue.state.notesFolder),
    async setNotesFolder(notesFolder) {
      const parsed = notesFolder === null ? null : NotesFolderStateSchema.safeParse(notesFolder);
      if (parsed !== null && !parsed.success) throw new GlossError('invalid-request', `That notes folder cannot be kept: ${describeIssue(parsed.error)}.`);
      await set({ notesFolder: parsed === null ? null : parsed.data });
    },
    getDialogFolder: (kind) => queue.state.dialogFolders[kind] ?? null,
    async saveDialogFolder(kind, folder) {
      if (folder === '' || folder.length > LIMITS.maxPathLength || queue.state.dialogFolders[kind] === folder) return;
      await change((state) => ({ state: { ...state, dialogFolders: { ...state.dialogFolders, [kind]: folder } }, result: undefined }));
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
