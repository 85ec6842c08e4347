import type { Annotation, AnnotationStatus, HighlightColor } from '../api';

/**
 * What the notes index keeps of an annotation: the text it searches, and what a result shows
 * and is filtered or ranked by. Selectors, context and dates other than `updatedAt` stay in
 * the store. Records are never changed in place (a change makes a new one), because MiniSearch
 * must be handed exactly what it indexed to take it out again.
 */
export interface IndexedAnnotation {
  id: string;
  documentId: string;
  kind: Annotation['kind'];
  color: HighlightColor | null;
  status: AnnotationStatus;
  /** The highlighted passage; '' for a document note. */
  quote: string;
  note: string;
  tags: readonly string[];
  updatedAt: string;
}

/** The record of `annotation`. */
export function toIndexed(annotation: Annotation): IndexedAnnotation {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    kind: annotation.kind,
    color: annotation.color,
    status: annotation.status,
    quote: annotation.target?.quote.exact ?? '',
    note: annotation.note,
    tags: [...annotation.tags],
    updatedAt: annotation.updatedAt,
  };
}

/** True when both records hold the same searchable text, so the index's terms need not change. */
export function sameText(a: IndexedAnnotation, b: IndexedAnnotation): boolean {
  return a.quote === b.quote && a.note === b.note && a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i]);
}

/** True when the records are the same in every field. */
export function sameRecord(a: IndexedAnnotation, b: IndexedAnnotation): boolean {
  return sameText(a, b) && a.kind === b.kind && a.color === b.color && a.status === b.status && a.updatedAt === b.updatedAt;
}
