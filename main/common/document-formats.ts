/**
 * Which files Gloss opens, decided by extension: one answer for the desktop's Open dialog, a path
 * given on the command line, the renderer's file picker and drop target, and a file uploaded in
 * the browser mode. Runs on both sides, so it imports nothing but the contract's types.
 */
import type { DocumentFormat } from '../api';
import { LIMITS } from './limits';

/** File extensions Gloss opens, lower-case with the dot, per format. */
export const DOCUMENT_EXTENSIONS: Readonly<Record<DocumentFormat, readonly string[]>> = {
  markdown: ['.md', '.markdown', '.mdown', '.mkd'],
  text: ['.txt', '.text'],
};

/** The extension of a file name, lower-case with its dot, or '' when it has none. */
export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  // A leading dot names a hidden file (".md"), not an extension.
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file name stands for, or null when Gloss does not open that kind of file. */
export function documentFormatOf(fileName: string): DocumentFormat | null {
  const extension = extensionOf(fileName);
  if (DOCUMENT_EXTENSIONS.markdown.includes(extension)) return 'markdown';
  if (DOCUMENT_EXTENSIONS.text.includes(extension)) return 'text';
  return null;
}

/** What the reader is told about a file of another kind, naming the kinds Gloss opens. */
export function unsupportedDocumentMessage(fileName: string): string {
  const markdown = DOCUMENT_EXTENSIONS.markdown.join(', ');
  const text = DOCUMENT_EXTENSIONS.text.join(', ');
  return `Gloss can't open “${fileName}”: it opens only Markdown (${markdown}) and plain-text (${text}) files.`;
}

/** The largest document Gloss opens, in whole megabytes, as messages name it. */
export const MAX_DOCUMENT_MEGABYTES = LIMITS.maxDocumentBytes / (1024 * 1024);

/** What the reader is told about a file over the size limit. */
export function documentTooLargeMessage(fileName: string): string {
  return `“${fileName}” is over ${MAX_DOCUMENT_MEGABYTES} MB; Gloss does not open it.`;
}

/** How a document that could not be opened is named, on the page and in the terminal alike. */
export function couldNotOpen(fileOrPath: string): string {
  return `Could not open ${fileOrPath}`;
}

/**
 * True for a document with nothing to read (an empty file, or only whitespace): shown as an
 * empty state, and not kept in Recent.
 */
export function isEmptyDocument(markdown: string): boolean {
  return markdown.trim() === '';
}

/** The `accept` list of a file picker that offers exactly the files Gloss opens. */
export function documentPickerAccept(): string {
  return [...DOCUMENT_EXTENSIONS.markdown, ...DOCUMENT_EXTENSIONS.text].join(',');
}
