/**
 * Test helpers: annotations as the main side returns them, made on a jsdom article the way the
 * selection toolbar makes them (describeRange over the article's TextIndex).
 */
import type { Annotation, AnnotationTarget } from '../../../../main/api';
import { describeRange } from '../../../../renderer/anchoring/describe-range';
import { headingPathResolver } from '../../../../main/common/anchoring/headings-from-dom';
import type { TextIndex } from '../../../../main/common/anchoring/text-index';
import type { AnnotationEntry } from '../../../../renderer/annotations/annotation-state';
import { offsetOf } from '../anchoring/dom';

/** A stored annotation; a highlight unless `kind` says otherwise. */
export function annotation(fields: Partial<Annotation> & Pick<Annotation, 'id'>): Annotation {
  const kind = fields.kind ?? 'highlight';
  return {
    documentId: 'doc',
    kind,
    color: kind === 'note' ? null : 'yellow',
    note: '',
    tags: [],
    target: null,
    status: 'anchored',
    createdAt: '2024-06-01T10:00:00.000Z',
    updatedAt: '2024-06-01T10:00:00.000Z',
    ...fields,
  };
}

/** The target a reader makes by selecting the `occurrence`-th copy of `quote` in the article. */
export function targetOf(index: TextIndex, quote: string, contentHash: string, occurrence = 0): AnnotationTarget {
  const start = offsetOf(index.text, quote, occurrence);
  const target = describeRange(index, index.rangeFromOffsets(start, start + quote.length), contentHash, headingPathResolver(index));
  if (!target) throw new Error(`no target for "${quote}"`);
  return target;
}

/** A durable highlight of `quote`, anchored where it is in the article. */
export function highlightEntry(index: TextIndex, quote: string, fields: Partial<Annotation> & Pick<Annotation, 'id'>, occurrence = 0): AnnotationEntry {
  const target = targetOf(index, quote, 'v1', occurrence);
  const { start, end } = target.position;
  return {
    annotation: annotation({ target, ...fields }),
    span: { start, end, range: index.rangeFromOffsets(start, end) },
    durable: true,
  };
}

/** A durable orphan: a highlight whose passage `quote` was once in the article but is gone. */
export function orphanEntry(index: TextIndex, quote: string, fields: Partial<Annotation> & Pick<Annotation, 'id'>): AnnotationEntry {
  return { annotation: annotation({ target: targetOf(index, quote, 'v0'), status: 'orphaned', ...fields }), span: null, durable: true };
}

/** A durable document note. */
export function noteEntry(fields: Partial<Annotation> & Pick<Annotation, 'id'>): AnnotationEntry {
  return { annotation: annotation({ kind: 'note', ...fields }), span: null, durable: true };
}
