/**
 * Anchoring a freshly rendered document: each stored highlight is looked for in the current
 * text. Found ones get a span to paint; lost ones become orphans (kept, listed, never deleted).
 * What changed is worked out here so the layer can save it and tell the reader.
 */
import type { AnchoringSummary, AnchoringUpdate, Annotation } from '../../main/api';
import { anchorTargets } from '../anchoring/anchor';
import type { HeadingOutline } from '../../main/common/anchoring/heading-outline';
import type { TextIndex } from '../../main/common/anchoring/text-index';
import type { AnnotationEntry } from './annotation-state';

/** The entries to show, what to save, and the reader-facing summary of what changed. */
export interface AnchoringResult {
  entries: AnnotationEntry[];
  updates: AnchoringUpdate[];
  summary: AnchoringSummary;
}

/** Anchors `annotations` in the indexed article whose content hash is `contentHash`. */
export function anchorAnnotations(
  index: TextIndex,
  outline: HeadingOutline,
  annotations: readonly Annotation[],
  contentHash: string,
): AnchoringResult {
  const highlights = annotations.filter((a) => a.kind === 'highlight' && a.target !== null);
  const outcomes = anchorTargets(
    index,
    highlights.map((a) => ({ id: a.id, target: a.target! })),
    contentHash,
    outline,
  );
  const byId = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const updates: AnchoringUpdate[] = [];
  let moved = 0;
  let orphaned = 0;
  const entries = annotations.map((annotation): AnnotationEntry => {
    const outcome = byId.get(annotation.id);
    if (!outcome) return { annotation, span: null, durable: true };
    const wasOrphan = annotation.status === 'orphaned';
    if (outcome.status === 'orphaned' || outcome.start === undefined || outcome.end === undefined || !outcome.range) {
      if (!wasOrphan) {
        orphaned += 1;
        updates.push({ id: annotation.id, target: null });
      }
      return { annotation: { ...annotation, status: 'orphaned' }, span: null, durable: true };
    }
    const target = outcome.target ?? annotation.target!;
    if (outcome.target || wasOrphan) updates.push({ id: annotation.id, target });
    if (outcome.moved && !wasOrphan) moved += 1;
    return {
      annotation: { ...annotation, target, status: 'anchored' },
      span: { start: outcome.start, end: outcome.end, range: outcome.range },
      durable: true,
    };
  });
  return { entries, updates, summary: { moved, orphaned } };
}

/** "3 highlights moved, 1 orphaned", or null when nothing changed. */
export function describeSummary({ moved, orphaned }: AnchoringSummary): string | null {
  const parts: string[] = [];
  if (moved > 0) parts.push(`${moved} highlight${moved === 1 ? '' : 's'} moved`);
  if (orphaned > 0) parts.push(moved > 0 ? `${orphaned} orphaned` : `${orphaned} highlight${orphaned === 1 ? '' : 's'} orphaned`);
  return parts.length > 0 ? parts.join(', ') : null;
}
