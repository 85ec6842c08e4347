/**
 * Search across all notes: a full-text index (MiniSearch) over the quote, note, tags and document
 * title of every annotation in the library, on the main side.
 *
 * ## What a search does
 * Every word of the query must match, ignoring case and accents (main/common/text-fold.ts; also
 * NFC vs NFD, ß/ss, ł/l, full-width forms), in words of any script (words.ts; Chinese, Japanese
 * and Thai are cut into words by Intl.Segmenter). A word of 4 to 7 letters may hold one typo, from
 * 8 letters two (a swap of two letters counts as one); the last word, from its third letter, also
 * matches the longer words it begins unless the query ends in a space. A word may match an
 * annotation's own text or its document's title (titles have an engine of their own, one entry
 * per document; a title match counts for each annotation of the document). Filters: tags (every
 * one), colors (any), one document. Results come grouped by document, each hit with its quote,
 * note and tags cut to excerpts and the matched words marked (`marks`), so the renderer neither
 * folds nor tokenizes. Order (rank.ts): hits in the reader's own text (quote, note, tags) above
 * hits by title only; then relevance (BM25, exact above typo and prefix matches); then the most
 * recently edited. The request and result types, and their limits, are in
 * main/common/notes-search.ts.
 *
 * ## Ready soon after start (why a snapshot)
 * The index is saved to `search-index.jsonl` in the data folder when Gloss closes and loaded at
 * the next start; only annotation files whose fingerprint (size, times, inode) changed since, and
 * the documents changed during the last session, are read and indexed again. Building from the
 * files instead costs some eight times the CPU at 100,000 annotations (MiniSearch indexes a word
 * at a time; `npm run bench` prints both), so the snapshot is what can meet "first answer under
 * 2 s"; the build remains the path for the first start, a new index version, or a damaged
 * snapshot (it is only a cache). Both work in slices of a few milliseconds that yield to the
 * event loop (the snapshot is loaded line by line, engine-loader.ts), so the window's requests are
 * never held up for long. A search that arrives before the index is ready is answered at once
 * from what is indexed so far, with `complete: false` and `progress`: the renderer says "Still
 * indexing…" and asks again (or waits on `whenReady`). Waiting instead would leave the search box
 * dead for seconds on the first start of a large library, for nothing a partial answer cannot say.
 *
 * ## Wiring it into the service (phase 2)
 * Open it with the service, after the store: `const notes = openNotesSearch(dataDir)` (it never
 * blocks; loading runs in the background). Report every change once the store has made it
 * durable, with the state the store now holds (every method is idempotent and cheap):
 *
 * | store event                                       | call                                              |
 * | ------------------------------------------------- | ------------------------------------------------- |
 * | createAnnotation, updateAnnotation (note, tags,   | `notes.putAnnotations([annotation])`              |
 * |   color, target/re-attach), restoreAnnotation     |                                                   |
 * | deleteAnnotation                                  | `notes.removeAnnotations(documentId, [id])`       |
 * | an import of annotations (a batch)                | `notes.putAnnotations(imported)`                  |
 * | saveAnchoring (targets moved, orphaned)           | `notes.putAnnotations(changed)`, or               |
 * |                                                   | `notes.replaceDocumentAnnotations(id, all)`       |
 * | the store opens or repairs a document's file      | `notes.replaceDocumentAnnotations(id, all)`       |
 * | recordOpened (a new document, or a new title)     | `notes.putDocument(id, title)`                    |
 * | a document removed from the library               | `notes.removeDocument(id)`                        |
 *
 * Close it in `service.close()`, after the store has flushed: `await notes.close()` writes the
 * snapshot when anything changed (a few seconds of CPU at 100,000 annotations, and MiniSearch's
 * `toJSON` copy of the index in memory meanwhile: in Electron, once the window has gone). The API method `searchNotes` takes a `NotesSearchQuery` (its zod schema follows
 * NOTES_SEARCH_LIMITS) and returns `notes.search(query)`, a `NotesSearchResults`; the renderer
 * debounces typing (a query costs milliseconds, a short common prefix can cost a hundred).
 * Choosing a hit opens `group.documentId` and scrolls to `hit.annotationId`. The README's
 * "Where your data lives" should list search-index.jsonl (a cache, safe to delete).
 *
 * The loader (library-reader.ts) reads the store's files directly and read-only; pass the store's
 * read-only API as `options.source` once it has one.
 */
export { openNotesSearch } from './notes-search';
export type { NotesSearch, NotesSearchOptions, NotesSearchStatus } from './notes-search';
export { SNAPSHOT_FILE } from './index-snapshot';
export type { LibrarySource, AnnotationFileInfo } from './library-reader';
export type {
  MarkedText,
  NotesIndexProgress,
  NotesSearchField,
  NotesSearchGroup,
  NotesSearchHit,
  NotesSearchQuery,
  NotesSearchResults,
  TextSpan,
} from '../common/notes-search';
