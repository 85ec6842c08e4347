import { randomUUID } from 'node:crypto';
import { realpath } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type {
  Annotation,
  ApiRequestParsed,
  DocumentSummary,
  GlossErrorInfo,
  OpenedDocument,
  Startup,
} from './api';
import { normalizeTags } from './common/tags';
import { readDocumentAsset } from './documents/document-asset';
import { documentIdForPath } from './documents/document-id';
import { loadForReading } from './documents/load-document';
import { GlossError, toErrorInfo } from './errors';
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
import type { GlossService, ServiceOptions, WindowState } from './service-types';

/** How long watchDocument waits for a change before it answers 'unchanged' (and is asked again). */
const WATCH_TIMEOUT_MS = 25_000;

/** The sample article that opens on first launch. */
export const SAMPLE_ARTICLE = 'articles/000_d802b92d1a2a96bd.txt';


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
  try {
    // Temp files a crash left behind; only the lock holder may remove them.
    for (const folder of ['', ANNOTATIONS_FOLDER, IMPORTED_FOLDER]) await removeStaleTempFiles(join(dataDir, folder));
    const library = await openLibraryStore(dataDir, { beforeWrite });
    notices.push(...library.notices);
    const annotations = openAnnotationStore(dataDir, {
      onRecover: (message: string) => notices.push(message),
      // The store names files by document id; the reader knows documents by their titles.
      titleOf: (id) => library.getDocument(id)?.title,
      beforeWrite,
      // The library view shows each document's count without reading its file.
      onCount: (id, count) => library.noteAnnotationCount(id, count),
    });
    const samplePath = resolve(options.assetsDir, SAMPLE_ARTICLE);
    // The sample lives wherever Gloss is installed, and that moves (updates, an AppImage mounts
    // at a new place every launch): its id must not depend on the install path, or its
    // annotations would be left behind. The same id maps back to today's path.
    const sampleId = documentIdForPath(`gloss-sample:${SAMPLE_ARTICLE}`);
    const sampleRealPath = await realpath(samplePath).catch(() => samplePath);
    const isSamplePath = (path: string) => path === samplePath || path === sampleRealPath;
    const trash = new DocumentTrash(dataDir, beforeWrite);
    notices.push(...(await recoverTrash(trash, library)));
    const documents = createDocumentLibrary({ library, annotations, trash, sample: { id: sampleId, path: samplePath, isSamplePath } });
    const pathOf = (record: DocumentRecord) => documents.pathOf(record);
    const backfill = backfillAnnotationCounts(dataDir, library);
    const fileWatch = new FileWatch();
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

    /** What the window shows at start: a file named on the command line, the last one read, or the sample. */
    async function startupDocument(): Promise<{ document: OpenedDocument | null; error: GlossErrorInfo | null }> {
      const firstLaunch = !library.hasLaunchedBefore();
      if (firstLaunch) await library.markLaunched();
      let path: string | null = options.initialDocumentPath ?? null;
      if (!path && firstLaunch) path = samplePath;
      if (!path) {
        const lastId = library.getLastDocumentId();
        const last = lastId ? library.getDocument(lastId) : undefined;
        path = last ? pathOf(last) : null;
      }
      if (!path) return { document: null, error: null };
      try {
        return { document: await openPath(path), error: null };
      } catch (error) {
        return { document: null, error: toErrorInfo(error) };
      }
    }

    const service: GlossService = {
      async getStartup(): Promise<Startup> {
        const { document, error } = await startupDocument();
        const shown = notices.splice(0, notices.length);
        return { settings: library.getSettings(), document, error, recent: library.listRecent().map(toSummary), notices: shown };
      },
      openDocument: async ({ path }) => openAllowed(path),
      async importDocument({ fileName, dataBase64 }: ApiRequestParsed<'importDocument'>) {
        // The bytes are checked before anything is written, so a bad upload leaves the folder as it was.
        // The same file name maps to the same document, so an updated upload keeps its annotations.
        const upload = checkUpload(dataDir, fileName, dataBase64);
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
        return annotations.create(annotation);
      },
      async updateAnnotation({ documentId, id, changes }) {
        const normalized = changes.tags ? { ...changes, tags: normalizeTags(changes.tags) } : changes;
        return annotations.update(documentId, id, normalized, new Date().toISOString());
      },
      deleteAnnotation: ({ documentId, id }) => annotations.remove(documentId, id),
      async restoreAnnotation({ annotation }) {
        requireDocument(annotation.documentId);
        return annotations.restore(annotation as Annotation);
      },
      async saveAnchoring({ documentId, contentHash, updates }) {
        requireDocument(documentId);
        return annotations.applyAnchoring(documentId, contentHash, updates, new Date().toISOString());
      },
      async openExternal({ url }) {
        const address = externalUrl(url);
        if (address === null) throw new GlossError('invalid-request', 'Gloss only opens web and mail links (http, https, mailto) without credentials in them.');
        if (!options.openExternal) throw new GlossError('invalid-request', 'Links open in a new browser tab in the browser mode.');
        await options.openExternal(address);
      },
      takeNotices: async () => notices.splice(0, notices.length),
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
      async close() {
        // Let writes already accepted reach the disk before another process may take the folder.
        fileWatch.close();
        backfill.stop();
        try {
          await Promise.all([library.flush(), annotations.flush()]);
        } finally {
          await lock.release();
        }
      },
    };
    return service;
  } catch (error) {
    await lock.release();
    throw error;
  }
}
