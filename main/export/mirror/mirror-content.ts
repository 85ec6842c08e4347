/**
 * What the notes-folder mirror wants one document's file to hold: the same front matter and
 * blocks as that document's Markdown export (markdown-blocks.ts), ready for the merge.
 */
import type { ColorMeanings, ExportDocumentInput } from '../export-set';
import { prepareExport } from '../export-set';
import { DOCUMENT_FRONT_MATTER_KEYS, documentBlocks, documentFrontMatter, frontMatterLines } from '../markdown/markdown-blocks';
import type { MirrorContent } from './mirror-merge';

/** Every front matter key the mirror writes, so that one it stops writing is removed. */
const OWNED_KEYS: ReadonlySet<string> = new Set(DOCUMENT_FRONT_MATTER_KEYS);

/** The mirror's content for one document and its annotations. */
export function mirrorContent(document: ExportDocumentInput, colorMeanings: ColorMeanings): MirrorContent {
  const prepared = prepareExport({ scope: 'document', documents: [document], colorMeanings }).documents[0]!;
  const frontMatter = frontMatterLines(documentFrontMatter(prepared));
  return { frontMatter, ownedKeys: OWNED_KEYS, blocks: documentBlocks(prepared, colorMeanings, { identity: false }) };
}
