/**
 * The reader's place across a reload of an edited file: the words at the top of the view, kept
 * as a quote with its context, and found again in the new text by the same anchoring that finds
 * highlights. A paragraph added above the place moves it down; the reader keeps reading the
 * same words.
 */
import type { AnnotationTarget } from '../../main/api';
import { anchorInText } from '../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../main/common/anchoring/describe-text';

/** How much text, from the top of the view, identifies the place. */
const PLACE_LENGTH = 80;

/** The place at `offset` of `text`, or null when there is no text there. */
export function capturePlace(text: string, offset: number): AnnotationTarget | null {
  const selectors = describeText(text, offset, Math.min(text.length, offset + PLACE_LENGTH));
  return selectors && { ...selectors, headingPath: [], contentHash: '' };
}

/** Where `place` is in `text` now (whose content hash is `contentHash`), or null when it is gone. */
export function findPlace(text: string, place: AnnotationTarget, contentHash: string): number | null {
  const [outcome] = anchorInText(text, [{ id: 'reading-place', target: place }], contentHash);
  return outcome?.status === 'anchored' && outcome.start !== undefined ? outcome.start : null;
}
