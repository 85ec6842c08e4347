/**
 * Planning an import: which parsed annotations go to which document of the library, which are
 * duplicates, and how each anchors in the document's current text (with the app's own
 * anchoring, over the headless render, so the orphan count is the one the app would show). Pure
 * apart from asking the caller for rendered texts: nothing is written; the caller stores
 * `additions` (or, for a dry run, only shows `summary`).
 *
 * - Each imported document goes to the document the caller names (`targetDocumentId`, every
 *   annotation of the file goes there), else to the library document with the same content hash
 *   (the same text: preferring, among copies, the one at the same path), else the one at the same
 *   path, else the one with the same Gloss id. Documents matched by none are reported in
 *   `unknownDocuments`, and their annotations are not imported.
 * - Duplicates are skipped: an id already in the library (in any document), or the same quote,
 *   note and tags as an annotation already in that document (or earlier in the same file).
 * - Positions counted in code points (W3C) are converted to UTF-16 with the document's text; a
 *   passage without a position is searched for by its quote alone.
 * - Dates are the file's; only an annotation that has none gets the file's date, else `importedAt`.
 * - Status is what anchoring finds ('anchored' or 'orphaned'), but a found passage keeps a flag
 *   status the file gives it ('needs-review').
 */
import type { Annotation, AnnotationStatus, AnnotationTarget, HighlightColor } from '../../api';
import { anchorInText, type AnchorItem } from '../../common/anchoring/anchor-in-text';
import type { HeadingOutline } from '../../common/anchoring/heading-outline';
import { tagKey } from '../../common/tags';
import { GlossError } from '../../errors';
import { describeIssue } from '../../store/quarantine';
import { pathOfSource } from '../document-source';
import { GlossJsonAnnotationSchema } from '../json/gloss-json-schema';
import { CodePointOffsets } from '../w3c/code-points';
import { describeEntry, importError, type ImportedAnnotation, type ImportedDocument, type ParsedImport, type SkippedEntries } from './import-model';

/** A document of the library, as the plan needs it (a DocumentRecord will do). */
export interface LibraryDocument {
  id: string;
  path: string;
  title: string;
  contentHash: string;
}

/** A library document's current rendered text (headless-render's `text` and `outline`). */
export interface RenderedText {
  text: string;
  /** The content hash of the file the text was rendered from. */
  contentHash: string;
  outline?: HeadingOutline;
}

/** What the plan is made from. */
export interface ImportPlanInput {
  parsed: ParsedImport;
  documents: readonly LibraryDocument[];
  /** The library's annotations, by document id. */
  existing: ReadonlyMap<string, readonly Annotation[]>;
  /** The current text of a library document; null when its file cannot be read (its highlights are then orphaned). */
  render: (document: LibraryDocument) => RenderedText | null | Promise<RenderedText | null>;
  /** The document the caller names (`gloss import --doc FILE`): every annotation goes there. */
  targetDocumentId?: string | null;
  /** The color of imported highlights that have none (Hypothesis's): the reader's last color. */
  defaultColor: HighlightColor;
  /** The time of the import, used only for annotations without any date of their own. */
  importedAt: string;
  /** The anchoring to use: the app's own unless a test says otherwise. */
  anchor?: typeof anchorInText;
}

/** A document of the file that matches none in the library. */
export interface UnknownDocument {
  source: string | null;
  title: string | null;
  annotations: number;
}

/** The outcome of planning. */
export interface ImportPlan {
  /** Annotations to store, complete and valid, per document, in the file's order. */
  additions: { documentId: string; annotations: Annotation[] }[];
  imported: number;
  duplicates: number;
  orphaned: number;
  unknownDocuments: UnknownDocument[];
  /** Entries of the file the parser left out, and why. */
  skipped: SkippedEntries[];
  /** "3 imported, 1 duplicate skipped, 0 orphaned". */
  summary: string;
  /** What else the reader must be told: documents not in the library, entries left out. */
  messages: string[];
}

/** Plans an import (see the module comment). Throws 'not-found' when `targetDocumentId` is not in the library. */
export async function planImport(input: ImportPlanInput): Promise<ImportPlan> {
  const { parsed, documents } = input;
  const target = input.targetDocumentId ? documents.find((document) => document.id === input.targetDocumentId) : undefined;
  if (input.targetDocumentId && target === undefined) throw new GlossError('not-found', 'The document to import into is not in your library: open it in Gloss first.');

  const matches = new Map<string, LibraryDocument | null>(parsed.documents.map((document) => [document.key, target ?? matchDocument(document, documents)]));
  const refs = new Map(parsed.documents.map((document) => [document.key, document]));
  const grouped = new Map<LibraryDocument, ImportedAnnotation[]>();
  const unknown = new Map<string, UnknownDocument>();
  for (const annotation of parsed.annotations) {
    const document = matches.get(annotation.documentKey) ?? null;
    if (document === null) {
      const ref = refs.get(annotation.documentKey);
      const entry = unknown.get(annotation.documentKey) ?? { source: ref?.source ?? null, title: ref?.title ?? null, annotations: 0 };
      entry.annotations += 1;
      unknown.set(annotation.documentKey, entry);
    } else {
      const list = grouped.get(document);
      if (list) list.push(annotation);
      else grouped.set(document, [annotation]);
    }
  }

  const knownIds = new Set([...input.existing.values()].flatMap((annotations) => annotations.map((a) => a.id)));
  const additions: ImportPlan['additions'] = [];
  let duplicates = 0;
  let orphaned = 0;
  for (const [document, annotations] of grouped) {
    const contentKeys = new Set((input.existing.get(document.id) ?? []).map(contentKey));
    const fresh = annotations.filter((annotation) => {
      const key = contentKey(annotation);
      if (knownIds.has(annotation.id) || contentKeys.has(key)) {
        duplicates += 1;
        return false;
      }
      knownIds.add(annotation.id);
      contentKeys.add(key);
      return true;
    });
    if (fresh.length === 0) continue;
    const built = await anchorAll(document, fresh, input);
    orphaned += built.filter((annotation) => annotation.status === 'orphaned').length;
    additions.push({ documentId: document.id, annotations: built });
  }
  const imported = additions.reduce((sum, addition) => sum + addition.annotations.length, 0);
  return {
    additions,
    imported,
    duplicates,
    orphaned,
    unknownDocuments: [...unknown.values()],
    skipped: parsed.skipped,
    summary: `${imported} imported, ${duplicates} duplicate${duplicates === 1 ? '' : 's'} skipped, ${orphaned} orphaned`,
    messages: [...[...unknown.values()].map(describeUnknown), ...parsed.skipped.map(({ count, reason }) => `${plural(count, 'entry', 'entries')} of the file left out: ${reason}.`)],
  };
}

/** "2 annotations are for a document not in your library: “Field notes” (https://…). …" */
function describeUnknown({ source, title, annotations }: UnknownDocument): string {
  const name = [title === null ? null : `“${title}”`, source === null ? null : `(${source})`].filter((part) => part !== null).join(' ') || 'an unnamed document';
  return `${plural(annotations, 'annotation is', 'annotations are')} for a document not in your library: ${name}. Open it in Gloss first, or name the document to import into.`;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The library document an imported one is: same text, else same path, else same Gloss id. */
export function matchDocument(document: ImportedDocument, library: readonly LibraryDocument[]): LibraryDocument | null {
  const path = document.source === null ? null : pathOfSource(document.source);
  if (document.contentHash) {
    const sameText = library.filter((candidate) => candidate.contentHash === document.contentHash);
    const best = sameText.find((candidate) => candidate.path === path) ?? sameText.find((candidate) => candidate.id === document.glossId) ?? sameText[0];
    if (best) return best;
  }
  if (path !== null) {
    const samePath = library.find((candidate) => candidate.path === path);
    if (samePath) return samePath;
  }
  return library.find((candidate) => candidate.id === document.glossId) ?? null;
}

/** Anchors a document's new annotations in its current text and builds what the store keeps. */
async function anchorAll(document: LibraryDocument, annotations: readonly ImportedAnnotation[], input: ImportPlanInput): Promise<Annotation[]> {
  const rendered = await input.render(document);
  const offsets = rendered === null ? null : new CodePointOffsets(rendered.text);
  const items: AnchorItem[] = [];
  for (const annotation of annotations) {
    if (annotation.quote !== null) items.push({ id: annotation.id, target: targetOf(annotation, offsets) });
  }
  const anchor = input.anchor ?? anchorInText;
  const outcomes = new Map((rendered === null ? [] : anchor(rendered.text, items, rendered.contentHash, rendered.outline)).map((outcome) => [outcome.id, outcome]));
  const targets = new Map(items.map((item) => [item.id, item.target]));
  return annotations.map((annotation, index) => {
    const createdAt = annotation.createdAt ?? annotation.updatedAt ?? storedMoment(input.parsed.fileDate) ?? input.importedAt;
    const stored = targets.get(annotation.id) ?? null;
    const outcome = outcomes.get(annotation.id);
    const status = stored === null ? 'anchored' : statusAfterAnchoring(annotation.status, outcome?.status ?? 'orphaned');
    const built: Annotation = {
      id: annotation.id,
      documentId: document.id,
      kind: stored === null ? 'note' : 'highlight',
      color: stored === null ? null : (annotation.color ?? input.defaultColor),
      note: annotation.note,
      tags: annotation.tags,
      target: stored === null ? null : status === 'orphaned' ? stored : (outcome?.target ?? stored),
      status,
      createdAt,
      updatedAt: annotation.updatedAt ?? createdAt,
    };
    // The store's own schema, but for the status, which is carried whatever it is (a newer Gloss's too).
    const checked = GlossJsonAnnotationSchema.safeParse(built);
    if (!checked.success) throw importError(`${describeEntry(index, annotation.id)} cannot be stored: ${describeIssue(checked.error)}.`);
    return built;
  });
}

/**
 * A date the file as a whole gives (Hypothesis's `export_date`, "+00:00" with microseconds) as
 * Gloss stores every moment (toISOString), or null when it is not a date.
 */
function storedMoment(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * An imported highlight's status: what anchoring found, except that a passage found again keeps a
 * flag the file gives it ('needs-review', or any status beyond anchored and orphaned): anchoring
 * finding the words does not settle what the flag asks of the reader.
 */
function statusAfterAnchoring(fileStatus: string | null, anchored: AnnotationStatus): AnnotationStatus {
  const flagged = fileStatus !== null && fileStatus !== 'anchored' && fileStatus !== 'orphaned';
  // Carried as the file has it; the store checks statuses against its own list when it stores them.
  return anchored !== 'orphaned' && flagged ? (fileStatus as AnnotationStatus) : anchored;
}

/** The stored-form target of an imported passage, its position in UTF-16 units of the current text. */
function targetOf(annotation: ImportedAnnotation, offsets: CodePointOffsets | null): AnnotationTarget {
  const quote = annotation.quote!;
  let { start, end } = annotation.position ?? { start: 0, end: quote.exact.length };
  if (annotation.position?.unit === 'code-points' && offsets !== null) {
    start = offsets.toUtf16(start);
    end = offsets.toUtf16(end);
  }
  return {
    quote,
    // Without a usable position the passage is found by its quote, searched from the top.
    position: { type: 'TextPositionSelector', start, end: end > start ? end : start + quote.exact.length },
    headingPath: annotation.headingPath ?? [],
    contentHash: annotation.contentHash ?? '',
  };
}

/** What makes two annotations of one document the same one: the quote, the note and the tags. */
function contentKey(annotation: Pick<Annotation, 'note' | 'tags'> & ({ quote: { exact: string } | null } | { target: { quote: { exact: string } } | null })): string {
  const quote = 'quote' in annotation ? annotation.quote : annotation.target?.quote ?? null;
  return JSON.stringify([quote?.exact ?? null, annotation.note, annotation.tags.map(tagKey).sort()]);
}
