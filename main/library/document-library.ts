/**
 * The library half of the service: which document a file is (documents keep their id and their
 * annotations when their file moves or changes), the library view's listing, removing a document
 * and putting it back, Locate…, and the question asked when a file looks like an annotated one.
 * service.ts composes it with the transports' rules on which paths may be opened.
 */
import { stat } from 'node:fs/promises';
import type { LibraryEntry, OpenedDocument, RemovedDocument, SimilarDocument } from '../api';
import { markdownToUnsafeHtml } from '../common/article/markdown-html';
import { documentLanguage } from '../common/article/document-language';
import { isEmptyDocument } from '../common/document-formats';
import { newDocumentId, pathKey } from '../documents/document-id';
import type { ReadableDocument } from '../documents/load-document';
import { fingerprintSimilarity, SIMILARITY_THRESHOLD, textFingerprint } from '../documents/text-fingerprint';
import { GlossError } from '../errors';
import type { AnnotationStore } from '../store/annotation-store';
import type { DocumentTrash } from '../store/document-trash';
import type { DocumentRecord, LibraryStore, RemovedRecord } from '../store/library-store';
import { identifyFile } from './document-identity';

/** The sample article, whose file lives wherever Gloss is installed. */
export interface SampleDocument {
  id: string;
  path: string;
  isSamplePath(path: string): boolean;
}

/** What the library half is made of. */
export interface DocumentLibraryDeps {
  library: LibraryStore;
  annotations: AnnotationStore;
  trash: DocumentTrash;
  sample: SampleDocument;
  /** Whether a path is an upload's copy in imported/: it came without its folder, so its images cannot be read. */
  isUploadPath(path: string): boolean;
  now?: () => Date;
}

/** How many files may wait for an answer to "Attach them?" at once. */
const MAX_QUESTIONS = 20;

/** Whether a regular file is at `path` now. */
export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The library half of the service (see the module comment). */
export interface DocumentLibrary {
  /** Where a record's file is: the sample's follows the install. */
  pathOf(record: DocumentRecord): string;
  /** The id of the document last opened at `path`, if there is one. */
  idForPath(path: string): string | undefined;
  /** 'not-found' for an id the library does not have. */
  requireDocument(documentId: string): DocumentRecord;
  /**
   * Records a file just read as the document it is, or returns it with `similarTo` for the reader
   * to decide. An empty file is shown but not recorded, and leaves the recent list.
   */
  open(loaded: ReadableDocument): Promise<OpenedDocument>;
  /** The reader's answer to `similarTo`; `load` reads the file again. */
  resolveSimilar(path: string, documentId: string, attach: boolean, load: (path: string) => Promise<ReadableDocument>): Promise<OpenedDocument>;
  /** Whether `loaded` may be located as the document: throws a GlossError saying why not (an unrelated file, another document's). */
  checkLocate(documentId: string, loaded: ReadableDocument): DocumentRecord;
  /** Attaches a document to the file the reader pointed at (Locate…), after `checkLocate`. */
  locate(documentId: string, loaded: ReadableDocument): Promise<OpenedDocument>;
  list(): Promise<LibraryEntry[]>;
  remove(documentId: string): Promise<RemovedDocument>;
  restore(trashId: string): Promise<LibraryEntry>;
}

/** Creates the library half over the stores (the caller holds the data folder's lock). */
export function createDocumentLibrary(deps: DocumentLibraryDeps): DocumentLibrary {
  const { library, annotations, trash, sample } = deps;
  const now = deps.now ?? (() => new Date());
  /** Files asked about ("Attach them?"), by path key: the document offered. Only these may be resolved. */
  const questions = new Map<string, string>();

  const pathOf = (record: DocumentRecord) => (record.id === sample.id ? sample.path : record.path);

  function requireDocument(documentId: string): DocumentRecord {
    const record = library.getDocument(documentId);
    if (!record) throw new GlossError('not-found', 'That document is not in the library. Open it again.');
    return record;
  }

  /** The id of a document first opened at `path`: the path's hash, unless a moved document already has it. */
  function newId(path: string): string {
    return newDocumentId(path, (id) => library.getDocument(id) !== undefined || id === sample.id);
  }

  function knownRecord(path: string): DocumentRecord | undefined {
    return sample.isSamplePath(path) ? (library.getDocument(sample.id) ?? undefined) : library.findByPath(path);
  }

  function toOpened(loaded: ReadableDocument, record: Pick<DocumentRecord, 'id' | 'readingPosition'>, extra: Partial<OpenedDocument> = {}): OpenedDocument {
    return {
      id: record.id,
      path: loaded.path,
      fileName: loaded.fileName,
      title: loaded.title,
      format: loaded.format,
      unsafeHtml: markdownToUnsafeHtml(loaded.markdown),
      isEmpty: isEmptyDocument(loaded.markdown),
      language: documentLanguage(loaded.markdown),
      contentHash: loaded.contentHash,
      byteLength: loaded.byteLength,
      readingPosition: record.readingPosition,
      isSample: sample.isSamplePath(loaded.path),
      isUpload: deps.isUploadPath(loaded.path),
      ...extra,
    };
  }

  /** Records `loaded` as document `id`; a fingerprint left undefined keeps the stored one. */
  async function record(id: string, loaded: ReadableDocument, fingerprint: string | null | undefined, extra: Partial<OpenedDocument> = {}): Promise<OpenedDocument> {
    // The sample is recorded at its path of today; pathOf maps its id there on every start.
    const saved = await library.recordOpened({ id, path: loaded.path, fileName: loaded.fileName, title: loaded.title, contentHash: loaded.contentHash, fingerprint });
    // A count not known yet (a new document, or one from before counts): reading the file now
    // costs nothing extra, since the window asks for the annotations next, and the store keeps them.
    if (saved.annotationCount === null) await annotations.list(id).catch(() => undefined);
    return toOpened(loaded, saved, extra);
  }

  /** A known document's fingerprint is taken again only when its bytes changed, or it has none yet. */
  function fingerprintFor(known: DocumentRecord, loaded: ReadableDocument): string | null | undefined {
    return known.contentHash === loaded.contentHash && known.fingerprint !== null ? undefined : textFingerprint(loaded.text);
  }

  async function countOf(record: DocumentRecord): Promise<number> {
    return record.annotationCount ?? (await annotations.list(record.id)).length;
  }

  function ask(path: string, documentId: string): void {
    questions.delete(pathKey(path));
    questions.set(pathKey(path), documentId);
    // The oldest question goes first; its file is asked about again when it is opened again.
    while (questions.size > MAX_QUESTIONS) questions.delete(questions.keys().next().value as string);
  }

  async function toEntry(record: DocumentRecord): Promise<LibraryEntry> {
    const path = pathOf(record);
    return {
      id: record.id,
      title: record.title,
      path,
      fileName: record.fileName,
      addedAt: record.addedAt,
      lastOpenedAt: record.lastOpenedAt,
      progress: record.readingPosition?.fraction ?? null,
      annotationCount: record.annotationCount,
      missing: !(await fileExists(path)),
      isSample: record.id === sample.id,
    };
  }

  /** The document to locate, if `loaded` may be its file; throws a GlossError saying why not. */
  function checkLocate(documentId: string, loaded: ReadableDocument): DocumentRecord {
    const wanted = requireDocument(documentId);
    if (wanted.id === sample.id) throw new GlossError('invalid-request', 'The sample article comes with Gloss; there is nothing to locate.');
    const known = knownRecord(loaded.path);
    if (known && known.id !== wanted.id) throw new GlossError('invalid-request', `That file is already in the library as “${known.title}”.`);
    if (wanted.contentHash === loaded.contentHash) return wanted;
    // A record from before fingerprints (or of a very short text) cannot be compared: the reader's choice stands.
    const similarity = fingerprintSimilarity(textFingerprint(loaded.text), wanted.fingerprint);
    if (similarity !== null && similarity < SIMILARITY_THRESHOLD) {
      throw new GlossError(
        'invalid-request',
        `“${loaded.fileName}” does not look like “${wanted.title}” (about ${Math.round(similarity * 100)}% of the text in common), so it was not attached. Choose its new version, or open the file as a document of its own.`,
      );
    }
    return wanted;
  }

  return {
    pathOf,
    idForPath: (path) => knownRecord(path)?.id,
    requireDocument,

    async open(loaded) {
      const known = knownRecord(loaded.path);
      if (isEmptyDocument(loaded.markdown)) {
        // Nothing to read, so nothing to come back to: it stays out of Recent.
        if (known) await library.removeFromRecent(known.id);
        return toOpened(loaded, { id: known?.id ?? newId(loaded.path), readingPosition: null });
      }
      if (known) return record(known.id, loaded, fingerprintFor(known, loaded));
      if (sample.isSamplePath(loaded.path)) return record(sample.id, loaded, textFingerprint(loaded.text));
      const fingerprint = textFingerprint(loaded.text);
      const identity = await identifyFile(
        { path: loaded.path, contentHash: loaded.contentHash, fingerprint },
        { findByPath: (path) => library.findByPath(path), candidates: () => library.listDocuments().filter((r) => r.id !== sample.id), fileExists },
      );
      switch (identity.kind) {
        case 'known':
          return record(identity.record.id, loaded, fingerprint);
        case 'moved':
          return record(identity.record.id, loaded, fingerprint, { movedFrom: identity.record.path });
        case 'similar': {
          ask(loaded.path, identity.record.id);
          const similarTo: SimilarDocument = {
            documentId: identity.record.id,
            title: identity.record.title,
            path: identity.record.path,
            annotationCount: await countOf(identity.record),
            similarity: identity.similarity,
          };
          // Not recorded until the reader answers: the id is the one it would get as a new document.
          return toOpened(loaded, { id: newId(loaded.path), readingPosition: null }, { similarTo });
        }
        case 'new':
          return record(newId(loaded.path), loaded, fingerprint);
      }
    },

    async resolveSimilar(path, documentId, attach, load) {
      const key = pathKey(path);
      if (questions.get(key) !== documentId) throw new GlossError('invalid-request', 'Gloss asked nothing about that file. Open it again.');
      questions.delete(key);
      const loaded = await load(path);
      // The file read must be the one asked about: a name that became a link elsewhere is refused.
      if (pathKey(loaded.path) !== key) throw new GlossError('invalid-request', 'That file is no longer where Gloss asked about it. Open it again.');
      const known = knownRecord(loaded.path);
      // Opened (and recorded) some other way while the question waited: it is that document now.
      if (known) return record(known.id, loaded, fingerprintFor(known, loaded));
      const fingerprint = textFingerprint(loaded.text);
      if (!attach) return record(newId(loaded.path), loaded, fingerprint);
      const offered = requireDocument(documentId);
      return record(offered.id, loaded, fingerprint, { movedFrom: offered.path });
    },

    checkLocate,

    async locate(documentId, loaded) {
      const wanted = checkLocate(documentId, loaded);
      return record(wanted.id, loaded, textFingerprint(loaded.text), wanted.path === loaded.path ? {} : { movedFrom: wanted.path });
    },

    async list() {
      const records = library.listDocuments().sort((a, b) => b.lastOpenedAt.localeCompare(a.lastOpenedAt));
      return Promise.all(records.map(toEntry));
    },

    async remove(documentId) {
      const removing = requireDocument(documentId);
      const count = (await annotations.list(documentId)).length;
      const recentIndex = library.listRecent().findIndex((entry) => entry.id === documentId);
      const snapshot: RemovedRecord = { record: removing, recentIndex: recentIndex < 0 ? null : recentIndex, wasLast: library.getLastDocumentId() === documentId };
      // The order keeps every crash recoverable (trash-recovery.ts): the record goes to the trash first,
      // then leaves gloss.json, then its annotation files follow it.
      const entry = await trash.create(snapshot, now());
      let removed: RemovedRecord;
      try {
        removed = await library.removeDocument(documentId);
      } catch (error) {
        await trash.drop(entry.trashId);
        throw error;
      }
      // A reading position saved in between: the trash keeps the record as it left.
      if (JSON.stringify(removed) !== JSON.stringify(snapshot)) await trash.update({ ...entry, removed });
      await annotations.release(documentId);
      await trash.moveAnnotationsIn(entry);
      return { trashId: entry.trashId, documentId, title: removing.title, annotationCount: count };
    },

    async restore(trashId) {
      const entry = await trash.read(trashId);
      const { id, title } = entry.removed.record;
      if (library.getDocument(id)) throw new GlossError('invalid-request', `“${title}” is in the library again (it was opened since it was removed), so it was not put back.`);
      if (trash.storeHoldsAnnotations(id)) throw new GlossError('invalid-request', `“${title}” has new annotations since it was removed, so it was not put back; the removed ones are kept in the trash.`);
      await library.restoreDocument(entry.removed);
      // Anything that read the (absent) file meanwhile holds an empty copy of it.
      await annotations.release(id);
      await trash.moveAnnotationsOut(entry);
      // Read back at once, so whoever follows the store (the notes index) sees them return.
      await annotations.list(id).catch(() => undefined);
      await trash.drop(trashId);
      return toEntry(requireDocument(id));
    },
  };
}
