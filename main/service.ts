import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type {
  Annotation,
  ApiRequestParsed,
  DocumentSummary,
  OpenedDocument,
  Startup,
  TagUse,
} from './api';
import { couldNotOpen, isEmptyDocument } from './common/document-formats';
import { cleanTag, normalizeTags, tagKey } from './common/tags';
import { readDocumentAsset } from './documents/document-asset';
import { documentIdentity, SAMPLE_DOCUMENT_ID } from './documents/document-identity';
import { loadForReading, type ReadableDocument } from './documents/load-document';
import { GlossError, toErrorInfo } from './errors';
import { checkNotesFolder, createExportService } from './export/export-service';
import { externalUrl } from './common/external-url';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from './store/annotation-store';
import { lockDataDir } from './store/data-dir-lock';
import { removeStaleTempFiles } from './store/durable-write';
import { DocumentTrash } from './store/document-trash';
import { openLibraryStore, type DocumentRecord } from './store/library-store';
import { backfillAnnotationCounts } from './library/count-backfill';
import { createDocumentLibrary } from './library/document-library';
import { FileWatch } from './library/file-watch';
import { recoverTrash } from './library/trash-recovery';
import { checkUpload, IMPORTED_FOLDER, keepUpload } from './library/uploads';
import { openNotesSearch, type NotesSearch } from './search';
import type { GlossService, ServiceOptions, WindowState } from './service-types';

/** How long watchDocument waits for a change before it answers 'unchanged' (and is asked again). */
const WATCH_TIMEOUT_MS = 25_000;

export { SAMPLE_ARTICLE } from './documents/document-identity';


/** The refusal of a path the 'library' document access does not open. */
function refusedPath(): GlossError {
  return new GlossError('invalid-request', 'Here Gloss opens only documents in its library or named when it started. Use Open… to read another file.');
}

/**
 * Creates the service behind GlossApi: opens the data folder (taking its lock, so a second
 * process is refused instead of silently overwriting this one's writes), the library and the
 * annotation store. Both the Electron shell and the browser mode call this once.
 */
export async function createGlossService(options: ServiceOptions): Promise<GlossService> {
  const dataDir = resolve(options.dataDir);
  const notices: string[] = [];
  const lock = await lockDataDir(dataDir, { onLost: (message) => notices.push(message) });
  // Every write first checks that this process still holds the folder.
  const beforeWrite = () => lock.check();
  let notes: NotesSearch | null = null;
  try {
    // Temp files a crash left behind; only the lock holder may remove them.
    for (const folder of ['', ANNOTATIONS_FOLDER, IMPORTED_FOLDER]) await removeStaleTempFiles(join(dataDir, folder));
    // The notes index loads its snapshot in the background (main/search/index.ts) and follows
    // every change the two stores make, through their one hook each.
    const search = openNotesSearch(dataDir);
    notes = search;
    const library = await openLibraryStore(dataDir, {
      beforeWrite,
      onDocument: (id, record) => (record ? search.putDocument(id, record.title) : search.removeDocument(id)),
    });
    notices.push(...library.notices);
    const annotations = openAnnotationStore(dataDir, {
      onRecover: (message: string) => notices.push(message),
      // The store names files by document id; the reader knows documents by their titles.
      titleOf: (id) => library.getDocument(id)?.title,
      beforeWrite,
      // The library view shows each document's count without reading its file.
      onCount: (id, count) => library.noteAnnotationCount(id, count),
      onAnnotations: (id, list) => search.replaceDocumentAnnotations(id, list),
    });
    const identity = await documentIdentity(options.assetsDir);
    const { samplePath, isSamplePath } = identity;
    const trash = new DocumentTrash(dataDir, beforeWrite);
    notices.push(...(await recoverTrash(trash, library)));
    // Uploads are filed under imported/; their real paths are compared with the folder's real path.
    const importedDirs = new Set([join(dataDir, IMPORTED_FOLDER), join(await realpath(dataDir).catch(() => dataDir), IMPORTED_FOLDER)]);
    const isUploadPath = (path: string) => importedDirs.has(dirname(path));
    const documents = createDocumentLibrary({ library, annotations, trash, sample: { id: SAMPLE_DOCUMENT_ID, path: samplePath, isSamplePath }, isUploadPath });
    const pathOf = (record: DocumentRecord) => documents.pathOf(record);
    const backfill = backfillAnnotationCounts(dataDir, library);
    const fileWatch = new FileWatch();
    const exports = createExportService({
      dataDir,
      library,
      annotations,
      identity,
      documentAccess: options.documentAccess,
      dialogs: options.dialogs,
      notices,
    });
    // Checked before the service is handed out: a folder Gloss may not use is a failed start.
    const commandLineFolder = options.notesFolder ? checkNotesFolder(resolve(options.notesFolder), dataDir) : null;
    const toSummary = (record: DocumentRecord): DocumentSummary => ({
      id: record.id,
      path: pathOf(record),
      fileName: record.fileName,
      title: record.title,
      lastOpenedAt: record.lastOpenedAt,
    });

    async function openPath(path: string, mayOpen: (realPath: string) => boolean = () => true): Promise<OpenedDocument> {
      const loaded = await loadForReading(path);
      if (!mayOpen(loaded.path)) throw refusedPath();
      return documents.open(loaded);
    }

    /**
     * The library's document that an upload is a copy of: one read from disk (not itself an
     * upload) whose file still holds exactly the uploaded bytes, the same file name first. The
     * content hash finds it; reading the file again confirms it.
     */
    async function documentUploaded(upload: ReadableDocument): Promise<OpenedDocument | null> {
      const candidates = library.listDocuments().filter((record) => record.contentHash === upload.contentHash && !isUploadPath(record.path));
      candidates.sort((a, b) => Number(b.fileName === upload.fileName) - Number(a.fileName === upload.fileName));
      for (const record of candidates) {
        const loaded = await loadForReading(pathOf(record)).catch(() => null);
        if (loaded?.contentHash === upload.contentHash) return documents.open(loaded);
      }
      return null;
    }

    const launchPath = options.initialDocumentPath ? resolve(options.initialDocumentPath) : null;
    /** A document in the library, or the one named on the command line. */
    const isKnownPath = (path: string) => path === launchPath || documents.idForPath(path) !== undefined;
    const requireDocument = (documentId: string): DocumentRecord => documents.requireDocument(documentId);

    /** Opens a path as openDocument does, with the transport's rule on which paths it may open. */
    function openAllowed(path: string): Promise<OpenedDocument> {
      const requested = resolve(path);
      if (options.documentAccess === 'any-path') return openPath(requested);
      // Judged before the disk is touched, so a refusal tells nothing about what is there; and
      // again on the real path, so a known path that became a link to elsewhere is refused too.
      if (!isKnownPath(requested)) throw refusedPath();
      return openPath(requested, (realPath) => isKnownPath(realPath) || requested === launchPath);
    }

    /** The command line names the document of the process's first window only: a reload shows what was open since. */
    let launchPending = launchPath !== null;

    /** What the window shows at start: a file named on the command line, the last one read, or the sample. */
    async function startupDocument(): Promise<Pick<Startup, 'document' | 'error' | 'failedDocument'>> {
      const firstLaunch = !library.hasLaunchedBefore();
      if (firstLaunch) await library.markLaunched();
      let path: string | null = launchPending ? launchPath : null;
      const origin = path === null ? 'last-document' : 'command-line';
      launchPending = false;
      if (!path && firstLaunch) path = samplePath;
      if (!path) {
        const lastId = library.getLastDocumentId();
        const last = lastId ? library.getDocument(lastId) : undefined;
        path = last ? pathOf(last) : null;
      }
      if (!path) return { document: null, error: null, failedDocument: null };
      try {
        return { document: await openPath(path), error: null, failedDocument: null };
      } catch (error) {
        return { document: null, error: toErrorInfo(error), failedDocument: { path, fileName: basename(path), origin } };
      }
    }

    /** After a change to a document's annotations: its notes-folder file follows. */
    const changed = <T>(documentId: string, result: T): T => {
      exports.changed(documentId);
      return result;
    };
    if (commandLineFolder !== null) {
      // Kept before the service is handed out; filled in the background, so a large library does not delay the start.
      const { written } = await exports.useNotesFolder(commandLineFolder);
      written.catch((error: unknown) => notices.push(toErrorInfo(error).message));
    }

    const service: GlossService = {
      async getStartup(): Promise<Startup> {
        const opened = await startupDocument();
        const shown = notices.splice(0, notices.length);
        return { settings: library.getSettings(), ...opened, recent: library.listRecent().map(toSummary), notices: shown };
      },
      openDocument: async ({ path }) => openAllowed(path),
      async importDocument({ fileName, dataBase64 }: ApiRequestParsed<'importDocument'>) {
        // The bytes are checked before anything is written, so a bad upload leaves the folder as it was.
        const upload = checkUpload(dataDir, fileName, dataBase64);
        // Nothing to read: shown as empty, neither filed nor kept in Recent.
        if (isEmptyDocument(upload.document.markdown)) return documents.open(upload.document);
        // The same file picked again (the one named on the command line, say) is that document, not a copy beside it.
        const original = await documentUploaded(upload.document);
        if (original) return original;
        // The same file name maps to the same document, so an updated upload keeps its annotations.
        await keepUpload(upload, beforeWrite);
        return openPath(upload.path);
      },
      openSample: () => openPath(samplePath),
      closeDocument: () => library.clearLastDocument(),
      listRecent: async () => library.listRecent().map(toSummary),
      getSettings: async () => library.getSettings(),
      updateSettings: (patch) => library.updateSettings(patch),
      async saveReadingPosition({ documentId, position }) {
        requireDocument(documentId);
        await library.saveReadingPosition(documentId, position);
      },
      async listAnnotations({ documentId }) {
        return annotations.list(documentId);
      },
      async createAnnotation(request) {
        const parsed = request as ApiRequestParsed<'createAnnotation'>;
        requireDocument(parsed.documentId);
        const now = new Date().toISOString();
        const annotation: Annotation = {
          id: randomUUID(),
          documentId: parsed.documentId,
          kind: parsed.kind,
          color: parsed.color,
          note: parsed.note ?? '',
          tags: normalizeTags(parsed.tags ?? []),
          target: parsed.target,
          status: 'anchored',
          createdAt: now,
          updatedAt: now,
        };
        return changed(annotation.documentId, await annotations.create(annotation));
      },
      async updateAnnotation({ documentId, id, changes }) {
        const normalized = changes.tags ? { ...changes, tags: normalizeTags(changes.tags) } : changes;
        return changed(documentId, await annotations.update(documentId, id, normalized, new Date().toISOString()));
      },
      deleteAnnotation: async ({ documentId, id }) => changed(documentId, await annotations.remove(documentId, id)),
      async restoreAnnotation({ annotation }) {
        requireDocument(annotation.documentId);
        return changed(annotation.documentId, await annotations.restore(annotation as Annotation));
      },
      async saveAnchoring({ documentId, contentHash, updates }) {
        requireDocument(documentId);
        return changed(documentId, await annotations.applyAnchoring(documentId, contentHash, updates, new Date().toISOString()));
      },
      async openExternal({ url }) {
        const address = externalUrl(url);
        if (address === null) throw new GlossError('invalid-request', 'Gloss only opens web and mail links (http, https, mailto) without credentials in them.');
        if (!options.openExternal) throw new GlossError('invalid-request', 'Links open in a new browser tab in the browser mode.');
        await options.openExternal(address);
      },
      takeNotices: async () => notices.splice(0, notices.length),
      async listTags() {
        const uses = new Map<string, TagUse>();
        for (const documentId of await annotations.documentIds()) {
          const inDocument = new Set<string>();
          // peek: read without keeping every file of the library open in the store.
          for (const annotation of await annotations.peek(documentId)) {
            for (const tag of annotation.tags) {
              const key = tagKey(tag);
              const use = uses.get(key) ?? { tag: cleanTag(tag), annotations: 0, documents: 0 };
              use.annotations += 1;
              if (!inDocument.has(key)) use.documents += 1;
              inDocument.add(key);
              uses.set(key, use);
            }
          }
        }
        return [...uses.values()].sort((a, b) => a.tag.localeCompare(b.tag));
      },
      async renameTag({ from, to }) {
        const name = cleanTag(to);
        if (!name) throw new GlossError('invalid-request', 'A tag needs a name.');
        const now = new Date().toISOString();
        let changed = 0;
        let documents = 0;
        const ids = await annotations.documentIds();
        for (const documentId of ids) {
          try {
            const renamed = await annotations.renameTag(documentId, from, name, now);
            changed += renamed;
            if (renamed > 0) {
              documents += 1;
              // The notes folder's file shows the new name too.
              exports.changed(documentId);
            }
          } catch (error) {
            // Each document is written on its own: say how far it got, so nothing is left unexplained.
            const info = toErrorInfo(error);
            throw new GlossError(info.code, `The tag was renamed in ${documents} document${documents === 1 ? '' : 's'} of ${ids.length} before this failed: ${info.message} Renaming it again finishes the rest.`);
          }
        }
        return { annotations: changed, documents };
      },
      async launchProblem() {
        if (launchPath === null) return null;
        try {
          await loadForReading(launchPath);
          return null;
        } catch (error) {
          return `${couldNotOpen(launchPath)}: ${toErrorInfo(error).message}`;
        }
      },
      exportAnnotations: (request) => exports.exportAnnotations(request),
      saveExport: (request) => exports.saveExport(request),
      copyAsMarkdown: (request) => exports.copyAsMarkdown(request),
      importAnnotations: (request) => exports.importAnnotations(request),
      importParsed: (parsed, importOptions) => exports.importParsed(parsed, importOptions),
      async openAnnotationLink({ documentId }) {
        const record = library.getDocument(documentId);
        if (!record) throw new GlossError('not-found', 'This link points to a document that is not in your Gloss library. Open the document in Gloss once, and its links work from then on.');
        return openPath(pathOf(record));
      },
      getNotesFolder: (request) => exports.getNotesFolder(request),
      chooseNotesFolder: (request) => exports.chooseNotesFolder(request),
      stopNotesFolder: (request) => exports.stopNotesFolder(request),
      listLibrary: () => documents.list(),
      openLibraryDocument: async ({ documentId }) => openAllowed(pathOf(requireDocument(documentId))),
      removeDocument: ({ documentId }) => documents.remove(documentId),
      restoreDocument: ({ trashId }) => documents.restore(trashId),
      async locateDocument(request: ApiRequestParsed<'locateDocument'>) {
        if ('path' in request) {
          // A path from the page itself would let it read any file: in the browser mode Locate… uploads.
          if (options.documentAccess !== 'any-path') throw new GlossError('invalid-request', 'Here Gloss locates a document by the file you choose to upload.');
          return documents.locate(request.documentId, await loadForReading(resolve(request.path)));
        }
        // Kept beside the other uploads, under a name no other document's file has.
        const upload = checkUpload(dataDir, request.fileName, request.dataBase64, (path) => {
          const owner = documents.idForPath(path);
          return owner !== undefined && owner !== request.documentId;
        });
        // Judged on the bytes first, so a refused file is never written.
        documents.checkLocate(request.documentId, upload.document);
        await keepUpload(upload, beforeWrite);
        return documents.locate(request.documentId, upload.document);
      },
      resolveSimilar: ({ path, documentId, attach }) => documents.resolveSimilar(resolve(path), documentId, attach, loadForReading),
      async watchDocument({ documentId, contentHash }) {
        const change = await fileWatch.wait(pathOf(requireDocument(documentId)), contentHash, WATCH_TIMEOUT_MS);
        if (change === null) return { status: 'unchanged' as const };
        return change.status === 'missing' ? { status: 'missing' as const } : { status: 'changed' as const, contentHash: change.contentHash };
      },
      async readAsset(documentId: string, relativePath: string) {
        return readDocumentAsset(pathOf(requireDocument(documentId)), relativePath);
      },
      getWindowState: () => library.getWindowState(),
      clearRecent: () => library.clearRecent(),
      saveWindowState: (state: WindowState) => library.saveWindowState(state),
      getDialogFolder: (kind) => library.getDialogFolder(kind),
      saveDialogFolder: (kind, folder) => library.saveDialogFolder(kind, folder),
      async flush() {
        await annotations.flush();
        // The notes folder's last batch, and what it remembers in gloss.json, before the library's last write.
        await exports.flush();
        await library.flush();
      },
      searchNotes: async (query) => search.search(query),
      async close() {
        // Let writes already accepted reach the disk before another process may take the folder.
        fileWatch.close();
        backfill.stop();
        try {
          await service.flush();
          await search.close();
        } finally {
          await lock.release();
        }
      },
    };
    return service;
  } catch (error) {
    await notes?.close();
    await lock.release();
    throw error;
  }
}
