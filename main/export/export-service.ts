/**
 * The export, import and notes-folder part of the service (main/service.ts spreads it in): the
 * GlossApi methods over the library and annotation stores, and `changed`, which the service calls
 * after every change to a document's annotations so the notes folder follows.
 *
 * - Export reads what is confirmed (pending writes are flushed first) and writes nothing in the
 *   data folder; the desktop saves through the system's Save dialog, remembering its folder.
 * - Import: the file is read (its size checked first), parsed and planned before anything is
 *   written, so a refused file changes nothing on disk. Then the documents it adds are registered
 *   and each document's additions stored in one durable write, and the notes folder follows.
 * - The notes folder is chosen only in the desktop's own dialog or on the command line: the page
 *   never names a folder, so no web page, and nothing that gets a request through, can make
 *   Gloss write where the reader did not choose.
 */
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import type { ApiRequestParsed, ExportResult, GlossApi, ImportResult, NotesFolderInfo } from '../api';
import { FORMAT_INFO } from '../common/export-formats';
import type { DocumentIdentity } from '../documents/document-identity';
import { GlossError } from '../errors';
import type { DocumentAccess, ShellDialogs } from '../service-types';
import type { AnnotationStore } from '../store/annotation-store';
import { ensureFolder, plainReason, saveFailure, writeFileDurably } from '../store/durable-write';
import { MAX_TOLD_BLOCKS } from '../store/library-file';
import type { LibraryStore } from '../store/library-store';
import { planLibraryImport, type ImportLibrary, type ImportTarget } from './import/library-import';
import { parseImport, readImportFile } from './import/read-import';
import type { ParsedImport } from './import/import-model';
import { exportFromLibrary, markdownOfAnnotations, type ExportLibrary } from './library-export';
import type { LibraryReader } from './library-reader';
import { NotesFolderKeeper } from './mirror/notes-folder-keeper';

/** What the export service works over. */
export interface ExportServiceDeps {
  dataDir: string;
  library: LibraryStore;
  annotations: AnnotationStore;
  identity: DocumentIdentity;
  documentAccess: DocumentAccess;
  dialogs?: ShellDialogs;
  /** Where messages for the reader go (GlossApi.takeNotices). */
  notices: string[];
  /** How long notes-folder changes are gathered before they are written (tests shorten it). */
  mirrorDelayMs?: number;
}

/** The export service's API methods. */
export type ExportMethods = Pick<
  GlossApi,
  'exportAnnotations' | 'saveExport' | 'copyAsMarkdown' | 'importAnnotations' | 'getNotesFolder' | 'chooseNotesFolder' | 'stopNotesFolder'
>;

/** The export service: its API methods, and what the service and the CLI call besides. */
export interface ExportService extends ExportMethods {
  /** `gloss import`: a file read and parsed, into the document at `documentPath` when given. */
  importParsed(parsed: ParsedImport, options: { documentPath?: string | null; dryRun: boolean }): Promise<ImportResult>;
  /** A document's annotations changed: its notes-folder file follows. */
  changed(documentId: string): void;
  /**
   * Keeps `folder` (named on the command line) from now on; resolves once it is kept, with the
   * writing of every annotated document into it, which resolves with how many files were written.
   */
  useNotesFolder(folder: string): Promise<{ written: Promise<number> }>;
  /** Writes what the notes folder still waits for. */
  flush(): Promise<void>;
}

/** Creates the export service (see the module comment). */
export function createExportService(deps: ExportServiceDeps): ExportService {
  const { library, annotations, identity, dialogs, notices } = deps;
  const dataDir = resolve(deps.dataDir);
  const records = () => library.listDocuments().map((record) => ({ ...record, path: identity.pathOf(record) }));

  const reader = (): LibraryReader => ({ documents: records(), annotationsOf: (id) => annotations.peek(id), annotatedIds: () => annotations.documentIds() });
  const exportLibrary = (): ExportLibrary => ({ ...reader(), colorMeanings: library.getSettings().colorMeanings });
  const importLibrary = (): ImportLibrary => ({
    ...reader(),
    defaultColor: library.getSettings().lastColor,
    identity,
    mayReadPaths: deps.documentAccess === 'any-path',
  });

  const keeper = new NotesFolderKeeper({
    load: async (documentId) => {
      const record = library.getDocument(documentId);
      if (record === undefined) return null;
      const document = { id: record.id, title: record.title, path: identity.pathOf(record), fileName: record.fileName, contentHash: record.contentHash, annotations: await annotations.peek(documentId) };
      return { document, colorMeanings: library.getSettings().colorMeanings };
    },
    state: { get: () => library.getNotesFolder(), set: (state) => library.setNotesFolder(state) },
    tell: (message) => notices.push(message),
    maxTold: MAX_TOLD_BLOCKS,
    delayMs: deps.mirrorDelayMs,
  });

  const folderInfo = (written?: number): NotesFolderInfo => ({ path: keeper.folder, canChoose: dialogs !== undefined, ...(written === undefined ? {} : { written }) });

  /** Every document of the library with annotations stored. */
  async function annotatedDocuments(): Promise<string[]> {
    return (await annotations.documentIds()).filter((id) => library.getDocument(id) !== undefined);
  }

  async function useNotesFolder(folder: string): Promise<{ written: Promise<number> }> {
    const path = checkNotesFolder(folder, dataDir);
    try {
      await ensureFolder(path);
    } catch (error) {
      throw new GlossError('io', `Gloss cannot use ${path} as its notes folder: ${plainReason(error)}`);
    }
    await keeper.use(path);
    const written = annotatedDocuments().then(async (ids) => (await keeper.writeAll(ids)).filter((write) => write.written).length);
    return { written };
  }

  async function runImport(parsed: ParsedImport, target: ImportTarget, dryRun: boolean): Promise<ImportResult> {
    const { plan, newDocuments, messages } = await planLibraryImport(parsed, importLibrary(), target, new Date().toISOString());
    const result: ImportResult = {
      summary: plan.summary,
      imported: plan.imported,
      duplicates: plan.duplicates,
      orphaned: plan.orphaned,
      messages,
      dryRun,
      documentIds: plan.additions.map((addition) => addition.documentId),
    };
    if (dryRun) return result;
    for (const document of newDocuments) {
      await library.recordOpened({ id: document.id, path: document.path, fileName: document.fileName, title: document.title, contentHash: document.contentHash, fingerprint: document.fingerprint ?? null }, { read: false });
    }
    for (const addition of plan.additions) {
      await annotations.insertMany(addition.documentId, addition.annotations);
      keeper.notify(addition.documentId);
    }
    return result;
  }

  return {
    async exportAnnotations(request): Promise<ExportResult> {
      await annotations.flush();
      return exportFromLibrary(exportLibrary(), request);
    },

    async saveExport(request) {
      if (dialogs === undefined) throw new GlossError('invalid-request', 'In the browser mode an export downloads: use Export… and Download.');
      await annotations.flush();
      const file = await exportFromLibrary(exportLibrary(), request);
      const info = FORMAT_INFO[request.format];
      const lastFolder = library.getDialogFolder('export');
      const path = await dialogs.saveFile({
        title: 'Export annotations',
        defaultPath: lastFolder === null ? file.fileName : join(lastFolder, file.fileName),
        filters: [{ name: info.label, extensions: [info.extension.slice(1)] }],
      });
      if (path === null) return { path: null, annotations: file.annotations, notices: file.notices };
      try {
        await writeFileDurably(path, file.text);
      } catch (error) {
        throw saveFailure(error, path, 'so the export was not saved');
      }
      await library.saveDialogFolder('export', dirname(path)).catch(() => undefined);
      return { path, annotations: file.annotations, notices: file.notices };
    },

    async copyAsMarkdown({ documentId, annotationIds }) {
      await annotations.flush();
      return { text: await markdownOfAnnotations(exportLibrary(), documentId, annotationIds) };
    },

    async importAnnotations(request: ApiRequestParsed<'importAnnotations'>) {
      const target: ImportTarget = request.documentId === undefined ? null : { documentId: request.documentId };
      let parsed: ParsedImport;
      if (request.path !== undefined) {
        if (deps.documentAccess !== 'any-path') throw new GlossError('invalid-request', 'Here Gloss imports only files you upload: use Import… and pick the file.');
        parsed = await readImportFile(request.path);
      } else {
        const bytes = request.text !== undefined ? Buffer.from(request.text, 'utf8') : Buffer.from(request.dataBase64 ?? '', 'base64');
        parsed = parseImport(bytes, request.fileName);
      }
      return runImport(parsed, target, request.dryRun);
    },

    importParsed: (parsed, { documentPath, dryRun }) => runImport(parsed, documentPath ? { path: documentPath } : null, dryRun),

    getNotesFolder: async () => folderInfo(),

    async chooseNotesFolder() {
      if (dialogs === undefined) {
        throw new GlossError('invalid-request', 'The browser mode cannot choose a notes folder: start it with `npm run serve -- --notes-folder DIR`, or choose one in the desktop app.');
      }
      const chosen = await dialogs.chooseFolder({ title: 'Choose the notes folder', defaultPath: keeper.folder ?? library.getDialogFolder('notes-folder') ?? undefined });
      if (chosen === null) return folderInfo();
      const written = await (await useNotesFolder(chosen)).written;
      await library.saveDialogFolder('notes-folder', dirname(resolve(chosen))).catch(() => undefined);
      return folderInfo(written);
    },

    async stopNotesFolder() {
      await keeper.stop();
      return folderInfo();
    },

    changed: (documentId) => keeper.notify(documentId),
    useNotesFolder,
    flush: () => keeper.flush(),
  };
}

/** The notes folder as kept: an absolute path outside the data folder (Gloss's own files are not notes). */
export function checkNotesFolder(folder: string, dataDir: string): string {
  if (!isAbsolute(folder)) throw new GlossError('invalid-request', `The notes folder must be an absolute path, not “${folder}”.`);
  const path = resolve(folder);
  const inside = relative(resolve(dataDir), path);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside))) {
    throw new GlossError('invalid-request', `The notes folder cannot be inside Gloss's data folder (${dataDir}); choose another folder.`);
  }
  return path;
}
