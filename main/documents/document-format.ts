/**
 * Which files Gloss opens, decided by extension: the same answer for the desktop's open dialog,
 * a path given on the command line, and a file uploaded in browser mode.
 */
import type { DocumentFormat } from '../api';
import { GlossError } from '../errors';

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

/** Like `documentFormatOf`, but refuses other files with a 'not-text' error naming the types Gloss opens. */
export function requireDocumentFormat(fileName: string): DocumentFormat {
  const format = documentFormatOf(fileName);
  if (format !== null) return format;
  const markdown = DOCUMENT_EXTENSIONS.markdown.join(', ');
  const text = DOCUMENT_EXTENSIONS.text.join(', ');
  throw new GlossError(
    'not-text',
    `Gloss can't open “${fileName}”: it opens only Markdown (${markdown}) and plain-text (${text}) files.`,
  );
}
