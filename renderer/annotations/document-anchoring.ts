/**
 * Anchoring a freshly rendered document: each stored highlight is looked for in the current
 * text. Found ones get a span to paint; doubtful ones get one too, and wait for the reader's
 * review; lost ones become orphans (kept, listed, never deleted). What changed is worked out here
 * so the layer can save it and tell the reader.
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

/**
 * Anchors `annotations` in the indexed article whose content hash is `contentHash`. A passage
 * found for certain is painted and saved where it is now; one found but not for certain is
 * painted where it probably is and saved as needing review, keeping its stored selectors until
 * the reader accepts the new span; one not found is saved as orphaned, never dropped.
 */
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
  const summary: AnchoringSummary = { moved: 0, needsReview: 0, orphaned: 0 };
  const entries = annotations.map((annotation): AnnotationEntry => {
    const outcome = byId.get(annotation.id);
    if (!outcome) return { annotation, span: null, durable: true };
    const was = annotation.status;
    if (outcome.status === 'orphaned' || outcome.start === undefined || outcome.end === undefined || !outcome.range) {
      // Told once: a passage still missing since the last time is not announced again.
      if (was !== 'orphaned') {
        summary.orphaned += 1;
        updates.push({ id: annotation.id, target: null });
      }
      return { annotation: { ...annotation, status: 'orphaned' }, span: null, durable: true };
    }
    const span = { start: outcome.start, end: outcome.end, range: outcome.range };
    if (outcome.status === 'needs-review') {
      if (was !== 'needs-review') {
        summary.needsReview += 1;
        updates.push({ id: annotation.id, target: null, status: 'needs-review' });
      }
      return { annotation: { ...annotation, status: 'needs-review' }, span, durable: true };
    }
    const target = outcome.target ?? annotation.target!;
    if (outcome.target || was !== 'anchored') updates.push({ id: annotation.id, target });
    if (outcome.moved && was === 'anchored') summary.moved += 1;
    return { annotation: { ...annotation, target, status: 'anchored' }, span, durable: true };
  });
  return { entries, updates, summary };
}

/** A piece of the anchoring summary; the counts that need the reader name the sidebar group they are in. */
export interface SummaryPart {
  text: string;
  group?: 'review' | 'orphaned';
}

/** "3 highlights moved", ", ", "1 needs review" (group: review), ", ", "1 orphaned" (group: orphaned); empty when nothing changed. */
export function summaryParts({ moved, needsReview, orphaned }: AnchoringSummary): SummaryPart[] {
  const parts: SummaryPart[] = [];
  // The first count names what is counted; the others lean on it.
  const what = (n: number) => (parts.length > 0 ? '' : n === 1 ? ' highlight' : ' highlights');
  const add = (part: SummaryPart) => {
    if (parts.length > 0) parts.push({ text: ', ' });
    parts.push(part);
  };
  if (moved > 0) add({ text: `${moved}${what(moved)} moved` });
  if (needsReview > 0) add({ text: `${needsReview}${what(needsReview)} ${needsReview === 1 ? 'needs' : 'need'} review`, group: 'review' });
  if (orphaned > 0) add({ text: `${orphaned}${what(orphaned)} orphaned`, group: 'orphaned' });
  return parts;
}

/** "3 highlights moved, 1 needs review, 1 orphaned", or null when nothing changed. */
export function describeSummary(summary: AnchoringSummary): string | null {
  const parts = summaryParts(summary);
  return parts.length > 0 ? parts.map((part) => part.text).join('') : null;
}
