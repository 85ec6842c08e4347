import MiniSearch from 'minisearch';
import type { Annotation } from '../api';
import type { NotesSearchQuery, NotesSearchResults } from '../common/notes-search';
import { annotationOptions, indexKey, titleOptions } from './engine-options';
import type { DocumentTitle } from './engine-options';
import { EngineLoader, packEngine } from './engine-loader';
import type { PackedEngine, PackedTerm } from './engine-loader';
import { sameRecord, sameText, toIndexed } from './indexed-annotation';
import type { IndexedAnnotation } from './indexed-annotation';
import { runSearch } from './run-search';
import type { SearchStatus } from './run-search';

/** A document as the index knows it: its title and its annotations' records, by annotation id. */
export interface IndexedDocument {
  title: string;
  records: Map<string, IndexedAnnotation>;
}

/** Everything an index holds, as plain data: what a snapshot saves. */
export interface IndexContent {
  engine: PackedEngine;
  documents: { id: string; title: string }[];
  records: IndexedAnnotation[];
}

/** Filling an index from a snapshot's parts: see `AnnotationIndex.load`. */
export interface IndexLoad {
  documents(list: IndexContent['documents']): void;
  records(chunk: readonly IndexedAnnotation[]): void;
  engine(meta: PackedEngine['meta']): void;
  terms(chunk: readonly PackedTerm[]): void;
  /** The filled index. Throws when the parts do not hold together. */
  finish(): Promise<AnnotationIndex>;
}

/**
 * The full-text index over every annotation of the library, with the records that results are
 * made from: one MiniSearch engine over the annotations (quote, note, tags), one over the
 * documents' titles. Synchronous and in memory; `notes-search.ts` fills it at start and
 * keeps it in step with the store.
 *
 * Every change method is idempotent (applying a change twice leaves the index as applying it
 * once) and costs time in proportion to what it changes; after any sequence of changes the index
 * answers exactly as one built afresh from the same annotations and titles would.
 */
export class AnnotationIndex {
  readonly #documents = new Map<string, IndexedDocument>();
  /** Every record by its index key, as MiniSearch names them in results. */
  readonly #byKey = new Map<string, IndexedAnnotation>();
  #engine = new MiniSearch(annotationOptions());
  /** Documents with a title; rebuilt from `#documents` when loaded, as it is small. */
  readonly #titles = new MiniSearch<DocumentTitle>(titleOptions());

  /**
   * Fills a new index from a snapshot's parts as they are read, in the order a snapshot holds
   * them (index-snapshot.ts): documents, records, the engine's metadata, then its terms.
   */
  static load(): IndexLoad {
    const index = new AnnotationIndex();
    let engine: EngineLoader<IndexedAnnotation> | null = null;
    return {
      documents(list) {
        for (const { id, title } of list) index.putDocument(id, title);
      },
      records(chunk) {
        for (const record of chunk) index.#keep(record);
      },
      engine(meta) {
        engine = new EngineLoader(meta, annotationOptions());
      },
      terms(chunk) {
        if (!engine) throw new Error('the index terms come before its engine');
        engine.add(chunk);
      },
      async finish() {
        if (!engine) throw new Error('the index has no engine');
        index.#engine = await engine.finish();
        if (index.#engine.documentCount !== index.#byKey.size) {
          throw new Error(`the index holds ${index.#engine.documentCount} annotations but ${index.#byKey.size} records`);
        }
        return index;
      },
    };
  }

  /** An index holding `content` (what `content()` returned). */
  static async fromContent(content: IndexContent): Promise<AnnotationIndex> {
    const load = AnnotationIndex.load();
    load.documents(content.documents);
    load.records(content.records);
    load.engine(content.engine.meta);
    load.terms([...content.engine.terms]);
    return load.finish();
  }

  /** Annotations in the index. */
  get size(): number {
    return this.#engine.documentCount;
  }

  /** The documents the index knows (with a title, annotations, or both). */
  documentIds(): string[] {
    return [...this.#documents.keys()];
  }

  /** The records of a document's annotations, in no particular order. */
  recordsOf(documentId: string): IndexedAnnotation[] {
    return [...(this.#documents.get(documentId)?.records.values() ?? [])];
  }

  /** A document's title as indexed ('' when unknown). */
  titleOf(documentId: string): string {
    return this.#documents.get(documentId)?.title ?? '';
  }

  /** Adds or replaces annotations (created, edited, restored, imported, re-anchored). */
  putAnnotations(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) this.#put(toIndexed(annotation));
  }

  /** Takes annotations out; ids the index does not hold are ignored. */
  removeAnnotations(documentId: string, ids: readonly string[]): void {
    const document = this.#documents.get(documentId);
    if (!document) return;
    for (const id of ids) {
      const record = document.records.get(id);
      if (!record) continue;
      this.#version += 1;
      this.#engine.remove(record);
      document.records.delete(id);
      this.#byKey.delete(indexKey(documentId, id));
    }
    this.#forgetIfEmpty(documentId);
  }

  /** Makes `annotations` exactly the document's annotations: what is not in the list goes. */
  replaceDocumentAnnotations(documentId: string, annotations: readonly Annotation[]): void {
    const kept = new Set(annotations.map((a) => a.id));
    const gone = this.recordsOf(documentId).filter((record) => !kept.has(record.id));
    this.removeAnnotations(documentId, gone.map((record) => record.id));
    this.putAnnotations(annotations.filter((a) => a.documentId === documentId));
  }

  /** Records a document's title (a new document, or its title changed). */
  putDocument(documentId: string, title: string): void {
    const document = this.#document(documentId);
    if (document.title !== title) {
      this.#version += 1;
      if (document.title !== '') this.#titles.remove({ id: documentId, title: document.title });
      if (title !== '') this.#titles.add({ id: documentId, title });
      document.title = title;
    }
    this.#forgetIfEmpty(documentId);
  }

  /** Forgets a document removed from the library, with all its annotations. */
  removeDocument(documentId: string): void {
    const document = this.#documents.get(documentId);
    if (!document) return;
    this.#version += 1;
    for (const record of document.records.values()) {
      this.#engine.remove(record);
      this.#byKey.delete(indexKey(documentId, record.id));
    }
    if (document.title !== '') this.#titles.remove({ id: documentId, title: document.title });
    this.#documents.delete(documentId);
  }

  /**
   * Answers a query (see NotesSearchQuery and rank.ts). `status` says whether the index holds
   * the whole library yet (notes-search.ts passes it while loading); by default it does.
   */
  search(query: NotesSearchQuery, status?: SearchStatus): NotesSearchResults {
    const source = {
      annotations: this.#engine,
      titles: this.#titles,
      keysOf: (documentId: string) => [...(this.#documents.get(documentId)?.records.keys() ?? [])].map((id) => indexKey(documentId, id)),
      record: (key: string) => this.#byKey.get(key),
      records: () => this.#byKey.entries(),
      title: (documentId: string) => this.titleOf(documentId),
    };
    const known = this.#documents.size;
    return runSearch(source, query, status ?? { complete: true, progress: { indexedDocuments: known, totalDocuments: known } });
  }

  /** Everything the index holds, as plain data (for a snapshot). */
  content(): IndexContent {
    const documents = [...this.#documents].map(([id, { title }]) => ({ id, title }));
    const records = [...this.#documents.values()].flatMap((document) => [...document.records.values()]);
    return { engine: packEngine(this.#engine as MiniSearch<unknown>), documents, records };
  }

  /**
   * Counts the changes to what the index holds: a change reported that leaves it as it was (a
   * document's file read again, the same annotations in it) does not move it, so closing Gloss
   * after it rewrites no snapshot and the data folder stays as it was.
   */
  get version(): number {
    return this.#version;
  }

  #version = 0;

  #put(record: IndexedAnnotation): void {
    const document = this.#document(record.documentId);
    const before = document.records.get(record.id);
    if (before && sameRecord(before, record)) return;
    this.#version += 1;
    if (before && sameText(before, record)) {
      // Color, status or date changed: the terms are the same, only the record is new. MiniSearch
      // stores no fields, so the record it was given stays valid for `remove`.
      this.#keep(record);
      return;
    }
    if (before) this.#engine.remove(before);
    this.#engine.add(record);
    this.#keep(record);
  }

  #keep(record: IndexedAnnotation): void {
    this.#document(record.documentId).records.set(record.id, record);
    this.#byKey.set(indexKey(record.documentId, record.id), record);
  }

  #document(documentId: string): IndexedDocument {
    let document = this.#documents.get(documentId);
    if (!document) {
      document = { title: '', records: new Map() };
      this.#documents.set(documentId, document);
    }
    return document;
  }

  /** A document with neither title nor annotations is not kept: a fresh index would not have it. */
  #forgetIfEmpty(documentId: string): void {
    const document = this.#documents.get(documentId);
    if (document && document.title === '' && document.records.size === 0) this.#documents.delete(documentId);
  }
}
