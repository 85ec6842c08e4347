import type { Annotation, HighlightColor } from '../../../../main/api';
import type { NotesSearchResults } from '../../../../main/common/notes-search';
import { AnnotationIndex } from '../../../../main/search/annotation-index';
import { makeAnnotation } from '../store/fixtures/make-annotation';

/** What a test says about an annotation; the rest is filled in. */
export interface AnnotationSpec {
  quote?: string;
  note?: string;
  tags?: string[];
  color?: HighlightColor;
  updatedAt?: string;
}

/** A highlight of `documentId` with the given quote, note, tags, color and date. */
export function highlight(documentId: string, id: string, spec: AnnotationSpec = {}): Annotation {
  const base = makeAnnotation(documentId, id);
  const exact = spec.quote ?? 'a passage';
  return {
    ...base,
    note: spec.note ?? '',
    tags: spec.tags ?? [],
    color: spec.color ?? 'yellow',
    target: base.target && { ...base.target, quote: { ...base.target.quote, exact } },
    updatedAt: spec.updatedAt ?? base.updatedAt,
  };
}

/** A document note (no passage, no color). */
export function documentNote(documentId: string, id: string, note: string, tags: string[] = []): Annotation {
  return { ...makeAnnotation(documentId, id), kind: 'note', color: null, target: null, note, tags };
}

/** An index of the given titles and annotations. */
export function indexOf(titles: Record<string, string>, annotations: readonly Annotation[]): AnnotationIndex {
  const index = new AnnotationIndex();
  for (const [id, title] of Object.entries(titles)) index.putDocument(id, title);
  index.putAnnotations(annotations);
  return index;
}

/** The hits of `results` as "documentId/annotationId", in order. */
export function hitKeys(results: NotesSearchResults): string[] {
  return results.groups.flatMap((group) => group.hits.map((hit) => `${group.documentId}/${hit.annotationId}`));
}

/** The annotation ids of `results`' hits, in order. */
export function hitIds(results: NotesSearchResults): string[] {
  return results.groups.flatMap((group) => group.hits.map((hit) => hit.annotationId));
}

/** The marked words of a marked text. */
export function markedWords(text: { text: string; marks: { start: number; end: number }[] } | null): string[] {
  return text ? text.marks.map((mark) => text.text.slice(mark.start, mark.end)) : [];
}
