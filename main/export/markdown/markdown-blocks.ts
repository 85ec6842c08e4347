/**
 * A document's annotations as Markdown blocks, each with a key: the Markdown export joins them,
 * the notes-folder mirror fences each one between marker comments (mirror-markers.ts). One block
 * per annotation (keyed by its id), plus the headings around them (keys starting with ':').
 *
 * A highlight:
 *
 *     > The quoted passage, as it reads,\
 *     > line by line.
 *
 *     ^gloss-<id>
 *
 *     Yellow · Important · [Open in Gloss](gloss://annotation/<documentId>/<id>)
 *
 *     The note, in its own Markdown.
 *
 *     #tag #another-tag
 *
 * The block id sits on its own line after the quote, as Obsidian wants for a blockquote, so
 * `[[File#^gloss-<id>]]` links to the passage. A document note starts with its
 * "Document note · [Open in Gloss](…)" line instead of a quote.
 */
import { createHash } from 'node:crypto';
import type { Annotation } from '../../api';
import { annotationLink } from '../../common/annotation-link';
import { escapeMarkdownHeading, escapeMarkdownInline } from '../../documents/markdown-escape';
import { isMarkerLike } from '../mirror/mirror-markers';
import type { ColorMeanings, ExportDocument } from '../export-set';
import { colorMeaning, colorName, firstNewHeading, ORPHANED, sectionPath, statusFlag } from '../export-set';
import { blockId, blockquote, containNoteMarkdown, obsidianTag, yamlString } from './markdown-text';

/** A piece of the Markdown export with the key the mirror files it under. */
export interface MarkdownBlock {
  key: string;
  /** The block's Markdown, without a trailing line break. */
  markdown: string;
}

/** Deepest heading level Markdown has. */
const MAX_HEADING_LEVEL = 6;

/** Level of the document's title; its sections start one below. */
const TITLE_LEVEL = 1;

/** The blocks of one document, in export order (see export-set.ts). */
export function documentBlocks(document: ExportDocument, meanings: ColorMeanings, options: { identity: boolean }): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [{ key: ':title', markdown: heading(TITLE_LEVEL, document.title.trim() || 'Untitled') }];
  if (options.identity) blocks.push({ key: ':document', markdown: identityList(document) });
  blocks.push(...sectionedHighlights(document, meanings));
  if (document.documentNotes.length > 0) {
    blocks.push({ key: ':document-notes', markdown: heading(TITLE_LEVEL + 1, 'Document notes') });
    for (const note of document.documentNotes) blocks.push({ key: note.id, markdown: entry(document, note, meanings) });
  }
  if (document.orphaned.length > 0) {
    blocks.push({
      key: ':orphaned',
      markdown: `${heading(TITLE_LEVEL + 1, 'Orphaned highlights')}\n\nThese passages are no longer in the document. Gloss keeps them, with their notes, until you re-attach or delete them.`,
    });
    for (const orphan of document.orphaned) blocks.push({ key: orphan.id, markdown: entry(document, orphan, meanings) });
  }
  return blocks;
}

/** The key of the front matter field that names the document a file belongs to. */
export const DOCUMENT_ID_KEY = 'gloss-document-id';

/** The front matter keys of a document, in the order they are written. */
export const DOCUMENT_FRONT_MATTER_KEYS = ['title', 'source', DOCUMENT_ID_KEY, 'content-hash', 'highlights', 'notes', 'orphaned', 'updated'] as const;

/**
 * The front matter's fields for one document: what Obsidian shows as its properties, and how
 * the mirror knows which document a file belongs to (DOCUMENT_ID_KEY). `updated` is left out
 * while the document has no annotations.
 */
export function documentFrontMatter(document: ExportDocument): [string, string | number][] {
  const values: Record<(typeof DOCUMENT_FRONT_MATTER_KEYS)[number], string | number | null> = {
    title: document.title,
    source: document.path,
    [DOCUMENT_ID_KEY]: document.id,
    'content-hash': document.contentHash,
    highlights: document.counts.highlights,
    notes: document.counts.notes,
    orphaned: document.counts.orphaned,
    updated: document.updatedAt,
  };
  return DOCUMENT_FRONT_MATTER_KEYS.flatMap((key): [string, string | number][] => {
    const value = values[key];
    return value === null ? [] : [[key, value]];
  });
}

/** Front matter lines (between the `---` fences) for some fields. */
export function frontMatterLines(fields: readonly [string, string | number][]): string[] {
  return fields.map(([key, value]) => `${key}: ${typeof value === 'number' ? String(value) : yamlString(value)}`);
}

function heading(level: number, text: string): string {
  return `${'#'.repeat(Math.min(level, MAX_HEADING_LEVEL))} ${escapeMarkdownHeading(text)}`;
}

function identityList(document: ExportDocument): string {
  const { counts } = document;
  return [
    `- Source: ${escapeMarkdownInline(document.path)}`,
    `- Gloss document id: ${document.id}`,
    `- Content hash: ${document.contentHash}`,
    `- Highlights: ${counts.highlights} · Notes: ${counts.notes} · Orphaned: ${counts.orphaned}`,
  ].join('\n');
}

/**
 * The highlights in reading order, with a heading block wherever their section changes: the
 * headings of the path below the part shared with the previous highlight's path.
 */
function sectionedHighlights(document: ExportDocument, meanings: ColorMeanings): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  const keysUsed = new Map<string, number>();
  let previous: string[] = [];
  for (const highlight of document.highlights) {
    const path = sectionPath(highlight, document.title);
    for (let depth = firstNewHeading(previous, path); depth < path.length; depth += 1) {
      const key = sectionKey(path.slice(0, depth + 1), keysUsed);
      blocks.push({ key, markdown: heading(TITLE_LEVEL + 1 + depth, path[depth]!) });
    }
    blocks.push({ key: highlight.id, markdown: entry(document, highlight, meanings) });
    previous = path;
  }
  return blocks;
}

/** `:section:<hash of the path>`, with `:2`, `:3`… when a path comes back later in the document. */
function sectionKey(path: readonly string[], keysUsed: Map<string, number>): string {
  const base = `:section:${createHash('sha256').update(path.join('\u0000')).digest('hex').slice(0, 12)}`;
  const seen = (keysUsed.get(base) ?? 0) + 1;
  keysUsed.set(base, seen);
  return seen === 1 ? base : `${base}:${seen}`;
}

function entry(document: ExportDocument, annotation: Annotation, meanings: ColorMeanings): string {
  const link = `[Open in Gloss](${annotationLink({ documentId: document.id, annotationId: annotation.id })})`;
  const parts: string[] = [];
  const meta: string[] = [];
  if (annotation.target === null) {
    parts.push(`Document note · ${link}`, `^${blockId(annotation.id)}`);
  } else {
    parts.push(blockquote(annotation.target.quote.exact), `^${blockId(annotation.id)}`);
    if (annotation.color !== null) meta.push(colorName(annotation.color));
    const meaning = colorMeaning(annotation, meanings);
    if (meaning !== '') meta.push(escapeMarkdownInline(meaning));
    const flag = statusFlag(annotation.status);
    if (flag !== null) meta.push(flag);
    const path = sectionPath(annotation, document.title);
    if (annotation.status === ORPHANED && path.length > 0) meta.push(`Was in: ${escapeMarkdownInline(path.join(' › '))}`);
    parts.push([...meta, link].join(' · '));
  }
  // Only blank lines go: leading spaces may make the note's first block a code block.
  const note = containNoteMarkdown(annotation.note, isMarkerLike).replace(/^(?:[ \t]*\n)+/, '').trimEnd();
  if (note !== '') parts.push(note);
  const tags = annotation.tags.map(obsidianTag).filter((tag): tag is string => tag !== null);
  if (tags.length > 0) parts.push(tags.map((tag) => `#${tag}`).join(' '));
  return parts.join('\n\n');
}
