/**
 * The Markdown export (Obsidian, Logseq, any Markdown editor): YAML front matter, then each
 * document's title, its document notes, its highlights grouped by section in reading order, and
 * its orphaned highlights (see markdown-blocks.ts for one entry's shape). A library export has one
 * front matter for the library and each document's identity under its title.
 */
import type { ExportSet } from '../export-set';
import { documentBlocks, documentFrontMatter, frontMatterLines } from './markdown-blocks';

/** The Markdown export of `set`, LF line endings, ending with a line break. */
export function writeMarkdown(set: ExportSet): string {
  const single = set.scope === 'document' ? set.documents[0] : undefined;
  const fields: [string, string | number][] = single
    ? documentFrontMatter(single)
    : [
        ['title', 'Gloss library'],
        ['documents', set.documents.length],
        ['highlights', set.counts.highlights],
        ['notes', set.counts.notes],
        ['orphaned', set.counts.orphaned],
        ...(set.updatedAt === null ? [] : [['updated', set.updatedAt] as [string, string]]),
      ];
  const blocks = set.documents.flatMap((document) => documentBlocks(document, set.colorMeanings, { identity: single === undefined }));
  return `---\n${frontMatterLines(fields).join('\n')}\n---\n\n${blocks.map((block) => block.markdown).join('\n\n')}\n`;
}
