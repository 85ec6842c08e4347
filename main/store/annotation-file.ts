import { AnnotationSchema } from '../api';
import type { Annotation } from '../api';
import { GlossError } from '../errors';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations';
import type { JsonObject } from './json-object';
import { describeIssue, readQuarantine } from './quarantine';
import type { QuarantinedEntry } from './quarantine';

/** Folder, inside the data folder, holding one file per document. */
export const ANNOTATIONS_FOLDER = 'annotations';

/**
 * annotations/<documentId>.json as written. One file per document, so saving a highlight costs
 * time in proportion to that document's annotations, not the whole library's.
 */
export interface AnnotationFile {
  schemaVersion: number;
  documentId: string;
  /** The document's content hash the last re-anchoring was computed against. */
  anchoredContentHash: string | null;
  annotations: Annotation[];
  /** Entries that could not be read, kept rather than dropped. */
  quarantine: QuarantinedEntry[];
  [field: string]: unknown;
}

/** The file of a document with no annotations yet. */
export function emptyAnnotationFile(documentId: string): AnnotationFile {
  return { schemaVersion: CURRENT_SCHEMA_VERSION, documentId, anchoredContentHash: null, annotations: [], quarantine: [] };
}

/**
 * Checks a file as read: migrates it and moves each annotation that is invalid, belongs to
 * another document or repeats an id into `quarantine`, telling the reader. They reach the file's
 * quarantine list on its next write; until then they stay where they were, so nothing is lost.
 */
export function readAnnotationFile(
  json: JsonObject,
  documentId: string,
  label: string,
  onRecover: ((message: string) => void) | undefined,
): AnnotationFile {
  const data = migrate(json, label);
  const at = new Date().toISOString();
  const quarantine = readQuarantine(data.quarantine, at);
  let entries: unknown[] = [];
  let setAside = 0;
  if (Array.isArray(data.annotations)) entries = data.annotations;
  else if (data.annotations !== undefined) {
    setAside += 1;
    quarantine.push({ reason: 'the "annotations" field is not a list', quarantinedAt: at, entry: data.annotations });
  }

  const annotations: Annotation[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const checked = checkStored(entry, documentId, seen);
    if (typeof checked === 'string') {
      setAside += 1;
      quarantine.push({ reason: checked, quarantinedAt: at, entry });
    } else {
      seen.add(checked.id);
      annotations.push(checked);
    }
  }
  if (setAside > 0) {
    onRecover?.(
      `${setAside} annotation${setAside === 1 ? '' : 's'} in ${label} could not be read and ${setAside === 1 ? 'is' : 'are'} not shown. ` +
        'Nothing was deleted: they are kept in the file\'s "quarantine" list.',
    );
  }
  const hash = data.anchoredContentHash;
  return {
    ...data,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    documentId,
    anchoredContentHash: typeof hash === 'string' ? hash : null,
    annotations,
    quarantine,
  };
}

/** The annotation in `entry`, or why it cannot be used. */
function checkStored(entry: unknown, documentId: string, seen: ReadonlySet<string>): Annotation | string {
  const parsed = AnnotationSchema.safeParse(entry);
  if (!parsed.success) return describeIssue(parsed.error);
  const annotation = parsed.data;
  if (annotation.documentId !== documentId) return `it belongs to document ${annotation.documentId}`;
  if (seen.has(annotation.id)) return `its id ${annotation.id} is used twice`;
  return shapeProblem(annotation) ?? annotation;
}

/** Validates an annotation the caller formed; returns a copy the store owns. Throws 'invalid-request'. */
export function checkAnnotation(annotation: Annotation): Annotation {
  const parsed = AnnotationSchema.safeParse(annotation);
  if (!parsed.success) throw new GlossError('invalid-request', `That annotation is not valid: ${describeIssue(parsed.error)}.`);
  const problem = shapeProblem(parsed.data);
  if (problem) throw new GlossError('invalid-request', `That annotation is not valid: ${problem}.`);
  return parsed.data;
}

/** The rule NewAnnotationSchema states for new annotations, kept for stored ones too. */
function shapeProblem(annotation: Annotation): string | null {
  if (annotation.kind === 'highlight' && annotation.target === null) return 'a highlight needs a target';
  if (annotation.kind === 'note' && annotation.target !== null) return 'a document note has no target';
  if (annotation.kind === 'highlight' && annotation.color === null) return 'a highlight needs a color';
  return null;
}
