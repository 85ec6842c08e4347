/**
 * The contract between Gloss's renderer and its main side.
 *
 * `GlossApi` is implemented once (main/service.ts) and reached through two transports: the
 * Electron preload (IPC) and the browser mode's loopback HTTP server. Every request is checked
 * against the runtime schemas below at that one boundary, so both transports get the same
 * validation. The renderer imports this file type-only: it must import neither Node nor Electron.
 */
import { z } from 'zod';
import { MAX_DOCUMENT_MEGABYTES } from './common/document-formats';
import { HIGHLIGHT_COLORS, ID_PATTERN, LIMITS, SETTING_RANGES, THEMES, TYPEFACES } from './common/limits';
import { EXPORT_FORMATS, EXPORT_SCOPES } from './common/export-formats';
import { MAX_IMPORT_MEGABYTES } from './common/import-files';
import { NOTES_SEARCH_LIMITS, type NotesSearchResults } from './common/notes-search';

export { HIGHLIGHT_COLORS, LIMITS, THEMES };

export const HighlightColorSchema = z.enum(HIGHLIGHT_COLORS);
export type HighlightColor = z.infer<typeof HighlightColorSchema>;

export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

const idSchema = z.string().min(1).max(LIMITS.maxIdLength).regex(ID_PATTERN, 'ids are letters, digits, - and _');
/** A moment as `Date.prototype.toISOString` writes it: ISO 8601 in UTC ("2025-06-01T12:00:00.000Z"). */
const isoDateSchema = z.iso.datetime();

export const SettingsSchema = z.strictObject({
  theme: ThemeSchema,
  /** Body font size in CSS pixels. */
  fontSize: z.number().int().min(SETTING_RANGES.fontSize.min).max(SETTING_RANGES.fontSize.max),
  /** Line width in `ch`. */
  lineWidth: z.number().int().min(SETTING_RANGES.lineWidth.min).max(SETTING_RANGES.lineWidth.max),
  sidebarOpen: z.boolean(),
  /** Whether Contents and FAQ are shown beside the article when the window has room for them. */
  navigationOpen: z.boolean(),
  /** The panels' widths in CSS pixels as the reader dragged them; null sizes them to the window. */
  navigationWidth: z.number().int().min(SETTING_RANGES.navigationWidth.min).max(SETTING_RANGES.navigationWidth.max).nullable(),
  sidebarWidth: z.number().int().min(SETTING_RANGES.sidebarWidth.min).max(SETTING_RANGES.sidebarWidth.max).nullable(),
  /** The article's typeface. */
  typeface: z.enum(TYPEFACES),
  /** Space between paragraphs, in tenths of the text size. */
  paragraphSpacing: z.number().int().min(SETTING_RANGES.paragraphSpacing.min).max(SETTING_RANGES.paragraphSpacing.max),
  /** Justified text, hyphenated in the document's language where the engine can. */
  justify: z.boolean(),
  /** The least space on each side of the text, in CSS pixels. */
  margin: z.number().int().min(SETTING_RANGES.margin.min).max(SETTING_RANGES.margin.max),
  /** Words a minute, for the "time left" readout. */
  readingSpeed: z.number().int().min(SETTING_RANGES.readingSpeed.min).max(SETTING_RANGES.readingSpeed.max),
  /** The color "Highlight" and the H key use: the one used last. */
  lastColor: HighlightColorSchema,
  /** A user-given meaning per color, e.g. yellow = "Important", so meaning never rests on color alone. */
  colorMeanings: z.strictObject({
    yellow: z.string().max(LIMITS.maxColorMeaningLength),
    green: z.string().max(LIMITS.maxColorMeaningLength),
    blue: z.string().max(LIMITS.maxColorMeaningLength),
    pink: z.string().max(LIMITS.maxColorMeaningLength),
    purple: z.string().max(LIMITS.maxColorMeaningLength),
  }),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  fontSize: 19,
  lineWidth: 70,
  sidebarOpen: true,
  navigationOpen: true,
  navigationWidth: null,
  sidebarWidth: null,
  typeface: 'serif',
  paragraphSpacing: 10,
  justify: false,
  margin: 32,
  // Brysbaert (2019): adults read English non-fiction silently at about 238 words a minute.
  readingSpeed: 240,
  lastColor: 'yellow',
  colorMeanings: { yellow: 'Important', green: 'Agree', blue: 'Definition', pink: 'Doubt', purple: 'Follow up' },
};

/** Where the reader was in a document: restored when it is reopened. */
export const ReadingPositionSchema = z.strictObject({
  /** Fraction of the article scrolled, 0..1. */
  fraction: z.number().min(0).max(1),
  /** Offset in the rendered text of the first visible character, when known. */
  textOffset: z.number().int().min(0).optional(),
});
export type ReadingPosition = z.infer<typeof ReadingPositionSchema>;

export type DocumentFormat = 'markdown' | 'text';

/** A document as the renderer receives it: Markdown source plus what Gloss knows of it. */
export interface OpenedDocument {
  /** Stable id derived from the file's path, so annotations follow the file when it changes. */
  id: string;
  path: string;
  /** File name shown in the title bar and recent list. */
  fileName: string;
  title: string;
  format: DocumentFormat;
  /**
   * The document's Markdown (the file itself, or the plain-text importer's output) as marked
   * renders it (markdownToUnsafeHtml), made on the main side so the reading view's first frame
   * neither loads nor runs a Markdown parser. Untrusted, as the Markdown is: raw HTML passes
   * through, and the renderer sanitizes it before any of it reaches the page. The Markdown itself
   * is not sent: the window needs only what is derived from it here, and a long document's
   * answer would carry its text twice.
   */
  unsafeHtml: string;
  /** True when the document has no text to show (isEmptyDocument): the window says so instead. */
  isEmpty: boolean;
  /** The language its front matter names (documentLanguage), or null: the article is marked up in it. */
  language: string | null;
  /** sha256 of the file's bytes; annotations remember the hash they were made on. */
  contentHash: string;
  byteLength: number;
  readingPosition: ReadingPosition | null;
  /** True for the sample article that ships with Gloss. */
  isSample: boolean;
  /**
   * True for a copy uploaded in the browser mode: it came without its folder, so the images and
   * media next to the original cannot be read.
   */
  isUpload: boolean;
  /**
   * Set when the file is new to the library but its text looks like a document the reader has
   * (moved and edited): the document is not in the library yet, and the renderer asks whether to
   * attach it (`resolveSimilar`) before showing it.
   */
  similarTo?: SimilarDocument;
  /** Set when the file was the library's document found at a new place (same content): where it was before. */
  movedFrom?: string;
  /**
   * Browser mode only: the signature that lets this launch's page load the files next to the
   * document (asset-urls.ts). The server adds it to every answer that hands over a document
   * (common/document-answers.ts); only a request carrying the session token can read one.
   */
  assetSignature?: string;
}

/** A document of the library whose text a newly opened file resembles. */
export interface SimilarDocument {
  documentId: string;
  title: string;
  /** Where the library last saw it. */
  path: string;
  annotationCount: number;
  /** The share of the text the two have in common, 0..1 (an estimate). */
  similarity: number;
}

/** A document as the library view lists it. */
export interface LibraryEntry {
  id: string;
  title: string;
  path: string;
  fileName: string;
  addedAt: string;
  lastOpenedAt: string;
  /** How far the reader got (the stored reading position's fraction), or null when never read. */
  progress: number | null;
  /** Null while not yet counted (a library from before Gloss kept counts). */
  annotationCount: number | null;
  /** The file is not where the library last saw it. */
  missing: boolean;
  isSample: boolean;
}

/** A document taken out of the library; `trashId` puts it back (Undo). */
export interface RemovedDocument {
  trashId: string;
  documentId: string;
  title: string;
  /** The annotations that went with it. */
  annotationCount: number;
}

/** What watchDocument saw: nothing new before its timeout, new bytes, or no file any more. */
export type DocumentFileChange = { status: 'unchanged' } | { status: 'changed'; contentHash: string } | { status: 'missing' };

export interface DocumentSummary {
  id: string;
  path: string;
  fileName: string;
  title: string;
  lastOpenedAt: string;
}

/** What the renderer needs to draw its first frame. */
export interface Startup {
  settings: Settings;
  /** The document to show: the last one read, or the sample on first launch. */
  document: OpenedDocument | null;
  /** Why `document` is null when a document was asked for (e.g. the last file was deleted). */
  error: GlossErrorInfo | null;
  /** The document `error` is about: the one named on the command line, or the last one read. */
  failedDocument: { path: string; fileName: string; origin: 'command-line' | 'last-document' } | null;
  recent: DocumentSummary[];
  /** Things the reader must be told, e.g. "a damaged store file was restored from its backup". */
  notices: string[];
}

export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(LIMITS.maxQuoteLength),
  prefix: z.string().max(LIMITS.maxContextLength),
  suffix: z.string().max(LIMITS.maxContextLength),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  })
  .refine((s) => s.end > s.start, { message: 'end must be after start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

/** Where a highlight sits: W3C selectors over the rendered text, never DOM ranges. */
export const AnnotationTargetSchema = z.strictObject({
  quote: TextQuoteSelectorSchema,
  position: TextPositionSelectorSchema,
  /** Titles of the headings enclosing the passage, outermost first. */
  headingPath: z.array(z.string().max(500)).max(10),
  /** The document's content hash when the selectors were last computed. */
  contentHash: z.string().max(128),
});
export type AnnotationTarget = z.infer<typeof AnnotationTargetSchema>;

const noteSchema = z.string().max(LIMITS.maxNoteLength, `a note holds at most ${LIMITS.maxNoteLength} characters`);
const tagsSchema = z
  .array(z.string().trim().min(1).max(LIMITS.maxTagLength, `a tag holds at most ${LIMITS.maxTagLength} characters`))
  .max(LIMITS.maxTags, `at most ${LIMITS.maxTags} tags`);

/**
 * Where a highlight stands after the last anchoring: found ('anchored'), found but not for
 * certain, shown for the reader to accept or re-pick ('needs-review'), or not found ('orphaned').
 */
export const AnnotationStatusSchema = z.enum(['anchored', 'needs-review', 'orphaned']);
export type AnnotationStatus = z.infer<typeof AnnotationStatusSchema>;

export const AnnotationSchema = z.strictObject({
  id: idSchema,
  documentId: idSchema,
  /** 'highlight' marks a passage; 'note' is a document-level note with no passage. */
  kind: z.enum(['highlight', 'note']),
  color: HighlightColorSchema.nullable(),
  note: noteSchema,
  tags: tagsSchema,
  target: AnnotationTargetSchema.nullable(),
  /** Whether the passage was found the last time the document was anchored. */
  status: AnnotationStatusSchema,
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type Annotation = z.infer<typeof AnnotationSchema>;

export const NewAnnotationSchema = z
  .strictObject({
    documentId: idSchema,
    kind: z.enum(['highlight', 'note']),
    color: HighlightColorSchema.nullable(),
    note: noteSchema.default(''),
    tags: tagsSchema.default([]),
    target: AnnotationTargetSchema.nullable(),
  })
  .refine((a) => (a.kind === 'highlight') === (a.target !== null), {
    message: 'a highlight needs a target; a document note has none',
  })
  .refine((a) => a.kind === 'note' || a.color !== null, { message: 'a highlight needs a color' });
export type NewAnnotation = z.input<typeof NewAnnotationSchema>;

export const AnnotationChangesSchema = z.strictObject({
  color: HighlightColorSchema.optional(),
  note: noteSchema.optional(),
  tags: tagsSchema.optional(),
  /** A new target, which makes the annotation 'anchored': "Re-attach" of an orphan, "Accept" and "Re-pick" of one needing review. */
  target: AnnotationTargetSchema.optional(),
  /**
   * With a target only: the status to store instead of 'anchored'. Undo of a Re-attach or an
   * Accept puts back the selectors and the status the highlight had before.
   */
  status: AnnotationStatusSchema.optional(),
}).refine((changes) => changes.status === undefined || changes.target !== undefined, { message: 'a status is set only with a target' });
export type AnnotationChanges = z.infer<typeof AnnotationChangesSchema>;

/**
 * One result of re-anchoring a document. `target` is the selectors to store, or null to keep the
 * stored ones; `status` defaults to 'anchored' with a target and 'orphaned' without. A passage
 * that needs review keeps its stored selectors until the reader accepts the new span.
 */
export const AnchoringUpdateSchema = z
  .strictObject({
    id: idSchema,
    target: AnnotationTargetSchema.nullable(),
    status: AnnotationStatusSchema.optional(),
  })
  .refine((u) => u.status === undefined || (u.status === 'anchored') === (u.target !== null), {
    message: 'an anchored passage needs its target; one orphaned or needing review keeps the stored one (target null)',
  });
export type AnchoringUpdate = z.infer<typeof AnchoringUpdateSchema>;

const tagNameSchema = z.string().trim().min(1).max(LIMITS.maxTagLength, `a tag holds at most ${LIMITS.maxTagLength} characters`);

/** One tag of the library and how much it is used. */
export interface TagUse {
  tag: string;
  annotations: number;
  documents: number;
}

/** What renaming (or merging) a tag changed across the library. */
export interface TagRename {
  annotations: number;
  documents: number;
}

const documentRef = z.strictObject({ documentId: idSchema });

/** What an export covers: a format, and the document named or the whole library. */
const ExportRequestSchema = z
  .strictObject({
    format: z.enum(EXPORT_FORMATS),
    scope: z.enum(EXPORT_SCOPES),
    /** The document, for the 'document' scope. */
    documentId: idSchema.optional(),
  })
  .refine((request) => request.scope === 'library' || request.documentId !== undefined, { message: 'say which document to export' });

/**
 * An import file: its bytes (base64, so the main side checks the encoding), its text, or, on the
 * desktop only, its path (picked in the system's dialog).
 */
const ImportRequestSchema = z
  .strictObject({
    fileName: z.string().min(1).max(255),
    dataBase64: z.string().max(Math.ceil((LIMITS.maxImportBytes * 4) / 3) + 8, `Gloss imports files of up to ${MAX_IMPORT_MEGABYTES} MB`).optional(),
    text: z.string().max(LIMITS.maxImportBytes, `Gloss imports files of up to ${MAX_IMPORT_MEGABYTES} MB`).optional(),
    path: z.string().min(1).max(LIMITS.maxPathLength).optional(),
    /** Every annotation of the file goes to this document; else each goes to the one it was made on. */
    documentId: idSchema.optional(),
    /** Plan and report only: nothing is stored. */
    dryRun: z.boolean().default(false),
  })
  .refine((request) => [request.dataBase64, request.text, request.path].filter((given) => given !== undefined).length === 1, {
    message: 'give the file as dataBase64, text or path (one of them)',
  });

/** A file uploaded by the browser mode. */
const uploadSchema = z.strictObject({
  fileName: z.string().min(1).max(255),
  /** The file's bytes, base64: the main side checks the encoding, not the renderer. */
  dataBase64: z.string().max(Math.ceil((LIMITS.maxDocumentBytes * 4) / 3) + 8, `files over ${MAX_DOCUMENT_MEGABYTES} MB are not opened`),
});

/** Runtime schemas of every request, one per GlossApi method. */
export const requestSchemas = {
  getStartup: z.strictObject({}),
  openDocument: z.strictObject({ path: z.string().min(1).max(LIMITS.maxPathLength) }),
  importDocument: uploadSchema,
  openSample: z.strictObject({}),
  closeDocument: z.strictObject({}),
  listRecent: z.strictObject({}),
  getSettings: z.strictObject({}),
  updateSettings: SettingsSchema.partial(),
  saveReadingPosition: z.strictObject({ documentId: idSchema, position: ReadingPositionSchema }),
  listAnnotations: documentRef,
  createAnnotation: NewAnnotationSchema,
  updateAnnotation: z.strictObject({ documentId: idSchema, id: idSchema, changes: AnnotationChangesSchema }),
  deleteAnnotation: z.strictObject({ documentId: idSchema, id: idSchema }),
  restoreAnnotation: z.strictObject({ annotation: AnnotationSchema }),
  saveAnchoring: z.strictObject({
    documentId: idSchema,
    contentHash: z.string().max(128),
    updates: z.array(AnchoringUpdateSchema).max(100_000),
  }),
  openExternal: z.strictObject({ url: z.string().min(1).max(LIMITS.maxUrlLength) }),
  takeNotices: z.strictObject({}),
  listTags: z.strictObject({}),
  renameTag: z.strictObject({ from: tagNameSchema, to: tagNameSchema }),
  exportAnnotations: ExportRequestSchema,
  saveExport: ExportRequestSchema,
  copyAsMarkdown: z.strictObject({ documentId: idSchema, annotationIds: z.array(idSchema).min(1).max(100_000) }),
  importAnnotations: ImportRequestSchema,
  openAnnotationLink: z.strictObject({ documentId: idSchema, annotationId: idSchema }),
  getNotesFolder: z.strictObject({}),
  chooseNotesFolder: z.strictObject({}),
  stopNotesFolder: z.strictObject({}),
  listLibrary: z.strictObject({}),
  openLibraryDocument: documentRef,
  removeDocument: documentRef,
  restoreDocument: z.strictObject({ trashId: idSchema }),
  /** Where a missing document is now: a path (the desktop's Open dialog), or the file's bytes (an upload). */
  locateDocument: z.union([
    z.strictObject({ documentId: idSchema, path: z.string().min(1).max(LIMITS.maxPathLength) }),
    z.strictObject({ documentId: idSchema, fileName: uploadSchema.shape.fileName, dataBase64: uploadSchema.shape.dataBase64 }),
  ]),
  /** The answer to `similarTo`: attach the file to that document, or keep it as a new one. */
  resolveSimilar: z.strictObject({ path: z.string().min(1).max(LIMITS.maxPathLength), documentId: idSchema, attach: z.boolean() }),
  /** Waits for the document's file to differ from `contentHash` (null: believed missing). */
  watchDocument: z.strictObject({ documentId: idSchema, contentHash: z.string().max(128).nullable() }),
  /** A search across all notes (main/common/notes-search.ts says what each field does). */
  searchNotes: z.strictObject({
    text: z.string().max(NOTES_SEARCH_LIMITS.maxQueryLength, `a search holds at most ${NOTES_SEARCH_LIMITS.maxQueryLength} characters`),
    tags: tagsSchema.optional(),
    colors: z.array(HighlightColorSchema).max(HIGHLIGHT_COLORS.length).optional(),
    documentId: idSchema.optional(),
    limit: z.number().int().min(1).max(NOTES_SEARCH_LIMITS.maxHits).optional(),
  }),
} as const;

/**
 * Methods that wait for something to happen before they answer (long polls): a transport must
 * not count them against its limits on requests in progress.
 */
export const WAITING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['watchDocument']);

export type ApiMethod = keyof typeof requestSchemas;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof requestSchemas)[M]>;
export type ApiRequestParsed<M extends ApiMethod> = z.output<(typeof requestSchemas)[M]>;

/** Summary of re-anchoring, shown to the reader ("3 highlights moved, 1 needs review, 1 orphaned"). */
export interface AnchoringSummary {
  moved: number;
  needsReview: number;
  orphaned: number;
}

/**
 * Everything the renderer may ask of the main side. Every method takes one plain-object
 * request (validated against `requestSchemas`) and returns a promise.
 */
export interface GlossApi {
  getStartup(req: ApiRequest<'getStartup'>): Promise<Startup>;
  openDocument(req: ApiRequest<'openDocument'>): Promise<OpenedDocument>;
  importDocument(req: ApiRequest<'importDocument'>): Promise<OpenedDocument>;
  openSample(req: ApiRequest<'openSample'>): Promise<OpenedDocument>;
  closeDocument(req: ApiRequest<'closeDocument'>): Promise<void>;
  listRecent(req: ApiRequest<'listRecent'>): Promise<DocumentSummary[]>;
  getSettings(req: ApiRequest<'getSettings'>): Promise<Settings>;
  updateSettings(req: ApiRequest<'updateSettings'>): Promise<Settings>;
  saveReadingPosition(req: ApiRequest<'saveReadingPosition'>): Promise<void>;
  listAnnotations(req: ApiRequest<'listAnnotations'>): Promise<Annotation[]>;
  /** Resolves only once the annotation is durably on disk. */
  createAnnotation(req: ApiRequest<'createAnnotation'>): Promise<Annotation>;
  updateAnnotation(req: ApiRequest<'updateAnnotation'>): Promise<Annotation>;
  /** Returns the deleted annotation, so the renderer can offer Undo. */
  deleteAnnotation(req: ApiRequest<'deleteAnnotation'>): Promise<Annotation>;
  /** Puts back an annotation deleted earlier (Undo). */
  restoreAnnotation(req: ApiRequest<'restoreAnnotation'>): Promise<Annotation>;
  /** Saves the outcome of re-anchoring a changed document. */
  saveAnchoring(req: ApiRequest<'saveAnchoring'>): Promise<AnchoringSummary>;
  /** Opens an http(s) or mailto link in the system browser (desktop app only). */
  openExternal(req: ApiRequest<'openExternal'>): Promise<void>;
  /**
   * Messages the reader must see that arose since the last call, e.g. a damaged annotation file
   * restored from its backup when a document's annotations were first read.
   */
  takeNotices(req: ApiRequest<'takeNotices'>): Promise<string[]>;
  /** Every tag used in the library, with how many annotations and documents carry it. */
  listTags(req: ApiRequest<'listTags'>): Promise<TagUse[]>;
  /**
   * Renames a tag in every document of the library, one durable write per document that holds
   * it; a name already in use merges the two. Tags are compared as main/common/tags.ts says.
   */
  renameTag(req: ApiRequest<'renameTag'>): Promise<TagRename>;
  /** Every document of the library, with its progress, annotation count and whether its file is missing. */
  listLibrary(req: ApiRequest<'listLibrary'>): Promise<LibraryEntry[]>;
  /** Opens a library document from where the library last saw it, at its reading position. */
  openLibraryDocument(req: ApiRequest<'openLibraryDocument'>): Promise<OpenedDocument>;
  /** Takes a document out of the library; its annotations go to the trash, from where `restoreDocument` brings them back. */
  removeDocument(req: ApiRequest<'removeDocument'>): Promise<RemovedDocument>;
  /** Undo of `removeDocument`: the record and its annotations exactly as they were. */
  restoreDocument(req: ApiRequest<'restoreDocument'>): Promise<LibraryEntry>;
  /** Attaches a document to its file's new place (Locate…) and opens it there. */
  locateDocument(req: ApiRequest<'locateDocument'>): Promise<OpenedDocument>;
  /** Answers an OpenedDocument's `similarTo`: opens the file as that document, or as a new one. */
  resolveSimilar(req: ApiRequest<'resolveSimilar'>): Promise<OpenedDocument>;
  /** Resolves when the document's file changed on disk or went missing, or after about 25 s with 'unchanged'. */
  watchDocument(req: ApiRequest<'watchDocument'>): Promise<DocumentFileChange>;
  /**
   * Finds annotations by their quote, note, tags and document title across the library, grouped
   * by document. Answers at once, from what is indexed so far while the index still loads at
   * start (`complete: false`).
   */
  searchNotes(req: ApiRequest<'searchNotes'>): Promise<NotesSearchResults>;
  /** Writes an export (one document or the library, in one format) and hands it back to save or download. */
  exportAnnotations(req: ApiRequest<'exportAnnotations'>): Promise<ExportResult>;
  /** Desktop: asks where to save an export in the system's Save dialog and writes it there. */
  saveExport(req: ApiRequest<'saveExport'>): Promise<SavedExport>;
  /** "Copy as Markdown": some annotations of a document as Markdown entries. */
  copyAsMarkdown(req: ApiRequest<'copyAsMarkdown'>): Promise<{ text: string }>;
  /** Imports annotations (Gloss JSON, W3C Web Annotation, Hypothesis JSON); a refused file changes nothing. */
  importAnnotations(req: ApiRequest<'importAnnotations'>): Promise<ImportResult>;
  /** Opens the document an annotation link names (its annotation is revealed by the renderer's anchoring). */
  openAnnotationLink(req: ApiRequest<'openAnnotationLink'>): Promise<OpenedDocument>;
  /** The notes folder Gloss keeps in step (Settings › Export folder). */
  getNotesFolder(req: ApiRequest<'getNotesFolder'>): Promise<NotesFolderInfo>;
  /** Desktop: picks the notes folder in the system's folder dialog and writes every annotated document into it. */
  chooseNotesFolder(req: ApiRequest<'chooseNotesFolder'>): Promise<NotesFolderInfo>;
  /** Stops keeping a notes folder; its files stay as they are. */
  stopNotesFolder(req: ApiRequest<'stopNotesFolder'>): Promise<NotesFolderInfo>;
}

/** An export, ready to save or download. */
export interface ExportResult {
  /** The name to suggest: "<title> — Gloss.md". */
  fileName: string;
  mediaType: string;
  text: string;
  /** How many annotations it holds. */
  annotations: number;
  /** What the reader should know (a document whose file could not be read, say). */
  notices: string[];
}

/** Where an export was saved; `path` is null when the reader cancelled the dialog. */
export interface SavedExport {
  path: string | null;
  annotations: number;
  notices: string[];
}

/** What an import did (or, for a dry run, would do). */
export interface ImportResult {
  /** "3 imported, 1 duplicate skipped, 0 orphaned". */
  summary: string;
  imported: number;
  duplicates: number;
  orphaned: number;
  /** Documents not in the library, entries left out, documents added. */
  messages: string[];
  dryRun: boolean;
  /** The documents that received annotations. */
  documentIds: string[];
}

/** The notes folder setting. */
export interface NotesFolderInfo {
  /** The folder kept in step, or null. */
  path: string | null;
  /** Whether this window can choose one (the desktop's folder dialog); else it is set on the command line. */
  canChoose: boolean;
  /** After choosing: how many files were written. */
  written?: number;
}

export const API_METHODS = Object.keys(requestSchemas) as ApiMethod[];

/** Error codes the renderer can act on. */
export type GlossErrorCode =
  | 'invalid-request'
  | 'not-found'
  | 'too-large'
  | 'not-text'
  | 'bad-encoding'
  | 'io'
  | 'locked'
  | 'internal';

export interface GlossErrorInfo {
  code: GlossErrorCode;
  message: string;
}

/** What a transport carries back: never a thrown error, so codes survive IPC and HTTP alike. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: GlossErrorInfo };

/** Commands the desktop shell sends to the renderer (menu items, second launches). */
export type ShellCommand =
  | { type: 'open-path'; path: string }
  | { type: 'close-document' }
  | { type: 'toggle-sidebar' }
  | { type: 'set-theme'; theme: Theme }
  | { type: 'font-size'; delta: 1 | -1 }
  | { type: 'show-shortcuts' }
  | { type: 'show-library' }
  | { type: 'export' }
  | { type: 'import-annotations'; path: string }
  | { type: 'open-annotation'; documentId: string; annotationId: string }
  | { type: 'find' }
  | { type: 'search-notes' };
