/**
 * A library document's file rendered as the reading view renders it (headless-render.ts): what
 * the W3C export counts positions in, what Anki takes the FAQ from, and what an import anchors in.
 */
import type { HeadingOutline } from '../common/anchoring/heading-outline';
import { loadHeadlessRenderer, type HeadlessFaqEntry } from '../documents/headless-render';
import { loadForReading } from '../documents/load-document';

/** A document's file, rendered. */
export interface RenderedDocument {
  /** The rendered text, as selectors count it. */
  text: string;
  /** The content hash of the file that was rendered. */
  contentHash: string;
  outline: HeadingOutline;
  faq: HeadlessFaqEntry[];
}

/** Reads and renders the document at `path`; throws a GlossError when its file cannot be read. */
export async function renderDocumentFile(path: string): Promise<RenderedDocument> {
  const [loaded, renderer] = await Promise.all([loadForReading(path), loadHeadlessRenderer()]);
  const article = renderer.renderArticle(loaded.markdown);
  return { text: article.text, contentHash: loaded.contentHash, outline: article.outline, faq: article.faq };
}
