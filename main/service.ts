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
import { documentIdForPath } from './documents/document-id';
import { loadForReading, loadFromBytes, type ReadableDocument } from './documents/load-document';
import { GlossError, toErrorInfo } from './errors';
import { externalUrl } from './common/external-url';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from './store/annotation-store';
import { lockDataDir } from './store/data-dir-lock';
import { removeStaleTempFiles, saveFailure, writeFileDurably } from './store/durable-write';
import { openLibraryStore, type DocumentRecord } from './store/library-store';
import type { GlossService, ServiceOptions, WindowState } from './service-types';

/** Folder, inside the data folder, holding documents opened by upload in the browser mode. */
const IMPORTED_FOLDER = 'imported';

/** The sample article that opens on first launch. */
export const SAMPLE_ARTICLE = 'articles/000_d802b92d1a2a96bd.txt';


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
    const samplePath = resolve(options.assetsDir, SAMPLE_ARTICLE);
    // The sample lives wherever Gloss is installed, and that moves (updates, an AppImage mounts
    // at a new place every launch): its id must not depend on the install path, or its
    // annotations would be left behind. The same id maps back to today's path.
    const sampleId = documentIdForPath(`gloss-sample:${SAMPLE_ARTICLE}`);
    const sampleRealPath = await realpath(samplePath).catch(() => samplePath);
    const isSamplePath = (path: string) => path === samplePath || path === sampleRealPath;
    const idFor = (path: string) => (isSamplePath(path) ? sampleId : documentIdForPath(path));
    const pathOf = (record: DocumentRecord) => (record.id === sampleId ? samplePath : record.path);
    // Uploads are filed under imported/; their real paths are compared with the folder's real path.
    const importedDir = join(await realpath(dataDir).catch(() => dataDir), IMPORTED_FOLDER);
    const isUploadPath = (path: string) => dirname(path) === importedDir;
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
      return openLoaded(loaded);
    }

    /** Records a document read from disk as opened (an empty one is taken off Recent instead), and hands it over. */
    async function openLoaded(loaded: ReadableDocument): Promise<OpenedDocument> {
      const id = idFor(loaded.path);
      if (isEmptyDocument(loaded.markdown)) {
        // Nothing to read, so nothing to come back to: it stays out of Recent.
        await library.removeFromRecent(id);
        return toOpened(loaded, id, null);
      }
      if (!isUploadPath(loaded.path)) await adoptUploadsOf(id, loaded.contentHash);
      const record = await library.recordOpened({
        id,
        path: loaded.path,
        fileName: loaded.fileName,
        title: loaded.title,
        contentHash: loaded.contentHash,
      });
      return toOpened(loaded, id, record.readingPosition);
    }

    function toOpened(loaded: ReadableDocument, id: string, readingPosition: OpenedDocument['readingPosition']): OpenedDocument {
      return {
        id,
        path: loaded.path,
        fileName: loaded.fileName,
        title: loaded.title,
        format: loaded.format,
        markdown: loaded.markdown,
        contentHash: loaded.contentHash,
        byteLength: loaded.byteLength,
        readingPosition,
        isSample: isSamplePath(loaded.path),
        isUpload: isUploadPath(loaded.path),
      };
    }

    /**
     * Uploads in Recent with this file's very content are this document, uploaded before it was
     * opened from the disk: their annotations move to it and they leave Recent, so the reader
     * finds one entry with everything on it.
     */
    async function adoptUploadsOf(id: string, contentHash: string): Promise<void> {
      const recent = new Set(library.listRecent().map((record) => record.id));
      for (const record of library.findByContentHash(contentHash)) {
        if (record.id === id || !isUploadPath(record.path) || !recent.has(record.id)) continue;
        await annotations.moveAll(record.id, id);
        await library.removeFromRecent(record.id);
      }
    }

    /**
     * The library's document that an upload is a copy of: one read from disk (not itself an
     * upload) whose file still holds exactly the uploaded bytes, the same file name first. The
     * content hash finds it; reading the file again confirms it.
     */
    async function documentUploaded(upload: ReadableDocument): Promise<OpenedDocument | null> {
      const candidates = library.findByContentHash(upload.contentHash).filter((record) => !isUploadPath(record.path));
      candidates.sort((a, b) => Number(b.fileName === upload.fileName) - Number(a.fileName === upload.fileName));
      for (const record of candidates) {
        const loaded = await loadForReading(pathOf(record)).catch(() => null);
        if (loaded?.contentHash === upload.contentHash) return openLoaded(loaded);
      }
      return null;
    }

    const launchPath = options.initialDocumentPath ? resolve(options.initialDocumentPath) : null;
    /** A document in the library, or the one named on the command line. */
    const isKnownPath = (path: string) => path === launchPath || library.getDocument(idFor(path)) !== undefined;

    function requireDocument(documentId: string): DocumentRecord {
      const record = library.getDocument(documentId);
      if (!record) throw new GlossError('not-found', 'That document is not in the library. Open it again.');
      return record;
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

    const service: GlossService = {
      async getStartup(): Promise<Startup> {
        const opened = await startupDocument();
        const shown = notices.splice(0, notices.length);
        return { settings: library.getSettings(), ...opened, recent: library.listRecent().map(toSummary), notices: shown };
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
        const uploaded = loadFromBytes(bytes, name, target);
        // Nothing to read: shown as empty, neither filed nor kept in Recent.
        if (isEmptyDocument(uploaded.markdown)) return toOpened(uploaded, idFor(target), null);
        // The same file picked again (the one named on the command line, say) is that document, not a copy beside it.
        const original = await documentUploaded(uploaded);
        if (original) return original;
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
      async listTags() {
        const uses = new Map<string, TagUse>();
        for (const documentId of await annotations.documentIds()) {
          const inDocument = new Set<string>();
          for (const annotation of await annotations.list(documentId)) {
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
            if (renamed > 0) documents += 1;
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
      async readAsset(documentId: string, relativePath: string) {
        return readDocumentAsset(pathOf(requireDocument(documentId)), relativePath);
      },
      getWindowState: () => library.getWindowState(),
      saveWindowState: (state: WindowState) => library.saveWindowState(state),
      async close() {
        // Let writes already accepted reach the disk before another process may take the folder.
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
