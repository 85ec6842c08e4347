import { randomUUID } from 'node:crypto';
import { basename, join, resolve } from 'node:path';
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
import { documentIdentity } from './documents/document-identity';
import { loadForReading, loadFromBytes } from './documents/load-document';
import { GlossError, toErrorInfo } from './errors';
import { checkNotesFolder, createExportService } from './export/export-service';
import { externalUrl } from './common/external-url';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from './store/annotation-store';
import { lockDataDir } from './store/data-dir-lock';
import { removeStaleTempFiles, saveFailure, writeFileDurably } from './store/durable-write';
import { openLibraryStore, type DocumentRecord } from './store/library-store';
import type { GlossService, ServiceOptions, WindowState } from './service-types';

/** Folder, inside the data folder, holding documents opened by upload in the browser mode. */
const IMPORTED_FOLDER = 'imported';

export { SAMPLE_ARTICLE } from './documents/document-identity';


/** The refusal of a path the 'library' document access does not open. */
function refusedPath(): GlossError {
  return new GlossError('invalid-request', 'Here Gloss opens only documents in its library or named when it started. Use Open… to read another file.');
}

/** File names from a browser upload may carry anything; keep a safe, recognisable name. */
function safeUploadName(fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/'));
  const cleaned = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '').slice(0, 120);
  return cleaned || 'document.txt';
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
    });
    const identity = await documentIdentity(options.assetsDir);
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
    const { samplePath, isSamplePath, idFor, pathOf } = identity;
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
      const id = idFor(loaded.path);
      const record = await library.recordOpened({
        id,
        path: loaded.path,
        fileName: loaded.fileName,
        title: loaded.title,
        contentHash: loaded.contentHash,
      });
      return {
        id,
        path: loaded.path,
        fileName: loaded.fileName,
        title: loaded.title,
        format: loaded.format,
        markdown: loaded.markdown,
        contentHash: loaded.contentHash,
        byteLength: loaded.byteLength,
        readingPosition: record.readingPosition,
        isSample: isSamplePath(loaded.path),
      };
    }

    const launchPath = options.initialDocumentPath ? resolve(options.initialDocumentPath) : null;
    /** A document in the library, or the one named on the command line. */
    const isKnownPath = (path: string) => path === launchPath || library.getDocument(idFor(path)) !== undefined;

    function requireDocument(documentId: string): DocumentRecord {
      const record = library.getDocument(documentId);
      if (!record) throw new GlossError('not-found', 'That document is not in the library. Open it again.');
      return record;
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
        const { document, error } = await startupDocument();
        const shown = notices.splice(0, notices.length);
        return { settings: library.getSettings(), document, error, recent: library.listRecent().map(toSummary), notices: shown };
      },
      async openDocument({ path }) {
        const requested = resolve(path);
        if (options.documentAccess === 'any-path') return openPath(requested);
        // Judged before the disk is touched, so a refusal tells nothing about what is there; and
        // again on the real path, so a known path that became a link to elsewhere is refused too.
        if (!isKnownPath(requested)) throw refusedPath();
        return openPath(requested, (realPath) => isKnownPath(realPath) || requested === launchPath);
      },
      async importDocument({ fileName, dataBase64 }: ApiRequestParsed<'importDocument'>) {
        const bytes = Buffer.from(dataBase64, 'base64');
        const name = safeUploadName(fileName);
        const target = join(dataDir, IMPORTED_FOLDER, name);
        // Check the bytes before writing anything, so a bad upload leaves the folder as it was.
        await loadFromBytes(bytes, name, target);
        try {
          // The same file name maps to the same document, so an updated upload keeps its annotations.
          await writeFileDurably(target, bytes, beforeWrite);
        } catch (error) {
          throw saveFailure(error, `${IMPORTED_FOLDER}/${name}`, 'so the document was not opened');
        }
        return openPath(target);
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
      async readAsset(documentId: string, relativePath: string) {
        return readDocumentAsset(pathOf(requireDocument(documentId)), relativePath);
      },
      getWindowState: () => library.getWindowState(),
      saveWindowState: (state: WindowState) => library.saveWindowState(state),
      getDialogFolder: (kind) => library.getDialogFolder(kind),
      saveDialogFolder: (kind, folder) => library.saveDialogFolder(kind, folder),
      async close() {
        // Let writes already accepted reach the disk before another process may take the folder.
        try {
          await annotations.flush();
          // The notes folder's last batch, and what it remembers in gloss.json, before the library's last write.
          await exports.flush();
          await library.flush();
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
