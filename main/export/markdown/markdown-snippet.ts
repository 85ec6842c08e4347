/**
 * "Copy as Markdown": some annotations of one document as the Markdown export writes them, without
 * the file around them (no front matter, no title), ready to paste into a note. One annotation is
 * its entry alone; several keep the section headings between them, so they read in context.
 */
import type { ExportSet } from '../export-set';
import { documentBlocks } from './markdown-blocks';

/** Keys of the blocks that belong to the file rather than to the annotations. */
const FILE_BLOCKS: ReadonlySet<string> = new Set([':title', ':document']);

/** The Markdown of the annotations in `set`, blocks separated by a blank line, ending with a line break ('' when none). */
export function writeMarkdownSnippet(set: ExportSet): string {
  const annotations = set.documents.reduce((sum, document) => sum + document.annotations.length, 0);
  if (annotations === 0) return '';
  const blocks = set.documents.flatMap((document) => documentBlocks(document, set.colorMeanings, { identity: false }));
  const ids = new Set(set.documents.flatMap((document) => document.annotations.map((annotation) => annotation.id)));
  const kept = annotations === 1 ? blocks.filter((block) => ids.has(block.key)) : blocks.filter((block) => !FILE_BLOCKS.has(block.key));
  return `${kept.map((block) => block.markdown).join('\n\n')}\n`;
}
