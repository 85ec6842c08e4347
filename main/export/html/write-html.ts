/**
 * The HTML export: one standalone page to read or print. Nothing in it runs or loads: no script,
 * no remote resource (its own Content-Security-Policy forbids both, should anything slip in),
 * styles inline, images only as data: URLs. Quotes, titles and tags are escaped text; notes are
 * Markdown rendered and sanitized exactly as the sidebar shows them (the `renderNote` the caller
 * passes: the headless renderer's), so hostile text in a note stays inert.
 */
import type { Annotation } from '../../api';
import { annotationLink } from '../../common/annotation-link';
import { escapeHtml } from '../../documents/markdown-escape';
import type { ExportDocument, ExportSet, NoteRenderer } from '../export-set';
import { colorMeaning, colorName, firstNewHeading, ORPHANED, sectionPath, statusFlag } from '../export-set';
import { colorClass } from '../palette';
import { EXPORT_CSP, exportStyles } from './html-styles';

/** Deepest heading level HTML has. */
const MAX_HEADING_LEVEL = 6;

/** The HTML export of `set`, LF line endings, ending with a line break. */
export function writeHtml(set: ExportSet, renderNote: NoteRenderer): string {
  const single = set.scope === 'document' ? set.documents[0] : undefined;
  const pageTitle = single ? single.title.trim() || 'Untitled' : 'Gloss library';
  const body = single
    ? documentSection(single, set, renderNote, 1)
    : [`<h1>${escapeHtml(pageTitle)}</h1>`, `<p class="summary">${countsText(set.counts)}</p>`, ...set.documents.map((document) => documentSection(document, set, renderNote, 2))].join('\n');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Gloss">',
    `<title>${escapeHtml(`${pageTitle} — Gloss notes`)}</title>`,
    `<style>\n${exportStyles()}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function documentSection(document: ExportDocument, set: ExportSet, renderNote: NoteRenderer, level: number): string {
  const parts: string[] = [
    `<section class="document" id="document-${document.id}">`,
    heading(level, document.title.trim() || 'Untitled'),
    '<dl class="identity">',
    `<dt>Source</dt><dd>${escapeHtml(document.path)}</dd>`,
    `<dt>Gloss document id</dt><dd><code>${escapeHtml(document.id)}</code></dd>`,
    `<dt>Content hash</dt><dd><code>${escapeHtml(document.contentHash)}</code></dd>`,
    `<dt>Annotations</dt><dd>${countsText(document.counts)}</dd>`,
    ...(document.updatedAt === null ? [] : [`<dt>Updated</dt><dd>${time(document.updatedAt)}</dd>`]),
    '</dl>',
  ];
  let previous: string[] = [];
  for (const highlight of document.highlights) {
    const path = sectionPath(highlight, document.title);
    for (let depth = firstNewHeading(previous, path); depth < path.length; depth += 1) parts.push(heading(level + 1 + depth, path[depth]!));
    parts.push(entry(document, highlight, set, renderNote));
    previous = path;
  }
  if (document.documentNotes.length > 0) {
    parts.push(heading(level + 1, 'Document notes'), ...document.documentNotes.map((note) => entry(document, note, set, renderNote)));
  }
  if (document.orphaned.length > 0) {
    parts.push(
      heading(level + 1, 'Orphaned highlights'),
      '<p class="explain">These passages are no longer in the document. Gloss keeps them, with their notes, until you re-attach or delete them.</p>',
      ...document.orphaned.map((orphan) => entry(document, orphan, set, renderNote)),
    );
  }
  parts.push('</section>');
  return parts.join('\n');
}

function entry(document: ExportDocument, annotation: Annotation, set: ExportSet, renderNote: NoteRenderer): string {
  const link = annotationLink({ documentId: document.id, annotationId: annotation.id });
  const classes = ['annotation', ...(annotation.color === null ? ['document-note'] : [colorClass(annotation.color)])];
  const meta: string[] = [];
  if (annotation.target === null) meta.push('Document note');
  if (annotation.color !== null) meta.push(`<span class="swatch" aria-hidden="true"></span>${colorName(annotation.color)}`);
  const meaning = colorMeaning(annotation, set.colorMeanings);
  if (meaning !== '') meta.push(escapeHtml(meaning));
  const flag = statusFlag(annotation.status);
  if (flag !== null) meta.push(`<strong class="flag">${escapeHtml(flag)}</strong>`);
  const path = sectionPath(annotation, document.title);
  if (annotation.status === ORPHANED && path.length > 0) meta.push(`Was in: ${escapeHtml(path.join(' › '))}`);
  meta.push(time(annotation.createdAt), `<a href="${escapeHtml(link)}">Open in Gloss</a>`);

  const parts = [`<article class="${classes.join(' ')}" id="annotation-${annotation.id}">`];
  if (annotation.target !== null) parts.push(`<blockquote dir="auto">${quoteHtml(annotation.target.quote.exact)}</blockquote>`);
  parts.push(`<p class="meta">${meta.join(' · ')}</p>`);
  if (annotation.note.trim() !== '') parts.push(`<div class="note" dir="auto">${renderNote(annotation.note)}</div>`);
  if (annotation.tags.length > 0) {
    parts.push(`<ul class="tags" aria-label="Tags">${annotation.tags.map((tag) => `<li dir="auto">${escapeHtml(tag)}</li>`).join('')}</ul>`);
  }
  parts.push('</article>');
  return parts.join('\n');
}

function heading(level: number, text: string): string {
  const n = Math.min(level, MAX_HEADING_LEVEL);
  return `<h${n}>${escapeHtml(text)}</h${n}>`;
}

/** A quote's paragraphs (blank-line separated) and lines, as escaped text. */
function quoteHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.split('\n').map((line) => escapeHtml(line.trim())).filter((line) => line !== '').join('<br>'))
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph}</p>`)
    .join('');
}

/** A stored timestamp as its UTC date, machine-readable in `datetime`. */
function time(value: string): string {
  return `<time datetime="${escapeHtml(value)}">${escapeHtml(value.slice(0, 10))}</time>`;
}

function countsText(counts: ExportSet['counts']): string {
  return `${counts.highlights} highlight${counts.highlights === 1 ? '' : 's'}, ${counts.notes} note${counts.notes === 1 ? '' : 's'}, ${counts.orphaned} orphaned`;
}
