/**
 * The document the annotation layer is working on: the rendered article and what is derived
 * from it once per render (text index, headings).
 */
import type { AnnotationTarget } from '../../main/api';
import { HeadingOutline, type HeadingOffset } from '../../main/common/anchoring/heading-outline';
import { headingsFromDom } from '../../main/common/anchoring/headings-from-dom';
import type { TextIndex } from '../../main/common/anchoring/text-index';
import type { ArticleModel } from '../article/article-view';
import type { AnchoredSpan } from './annotation-state';

/** A rendered document, indexed for anchoring. */
export interface OpenDocument {
  model: ArticleModel;
  index: TextIndex;
  /** Headings as text offsets, in document order. */
  headings: HeadingOffset[];
  outline: HeadingOutline;
  /** The heading titles enclosing an offset (a target's headingPath). */
  headingPathAt(offset: number): string[];
}

/** Indexes a freshly rendered article. */
export function indexDocument(model: ArticleModel): OpenDocument {
  const { index } = model;
  const headings = headingsFromDom(index);
  const outline = new HeadingOutline(headings, index.text.length);
  return { model, index, headings, outline, headingPathAt: (offset) => outline.pathAt(offset) };
}

/** Where a target made on this document sits, with a live range to paint. */
export function spanOf(doc: OpenDocument, target: AnnotationTarget): AnchoredSpan {
  const { start, end } = target.position;
  return { start, end, range: doc.index.rangeFromOffsets(start, end) };
}
