/**
 * Documents ready to read: the file's text, the Markdown the renderer shows, and a title.
 * Markdown files are shown as they are; plain text goes through the importer.
 */
import type { DecodedDocument, LoadedDocument } from './read-document';
import { decodeDocumentBytes, readDocumentFile } from './read-document';
import { titleFromFileName, titleFromMarkdown } from './markdown-title';
import { importPlainText } from './plain-text-import';

/** A document with the Markdown to render and its title. */
export interface ReadableDocument extends LoadedDocument {
  /** The file itself for Markdown; the importer's output for plain text. */
  markdown: string;
  title: string;
}

function toReadable(document: DecodedDocument, documentPath: string): ReadableDocument {
  if (document.format === 'markdown') {
    return { ...document, path: documentPath, markdown: document.text, title: titleFromMarkdown(document.text, document.fileName) };
  }
  const imported = importPlainText(document.text);
  return {
    ...document,
    path: documentPath,
    markdown: imported.markdown,
    title: imported.title === '' ? titleFromFileName(document.fileName) : imported.title,
  };
}

/** Reads the file at `filePath` and prepares it for reading. Throws GlossError as `readDocumentFile` does. */
export async function loadForReading(filePath: string): Promise<ReadableDocument> {
  const document = await readDocumentFile(filePath);
  return toReadable(document, document.path);
}

/**
 * Prepares uploaded bytes (browser mode) for reading. `fileName` is the name the browser gave,
 * stripped of any folder; `pathForRecord` is the path Gloss files the document under (and derives
 * its id from). Throws GlossError as `decodeDocumentBytes` does.
 */
export function loadFromBytes(bytes: Uint8Array, fileName: string, pathForRecord: string): ReadableDocument {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return toReadable(decodeDocumentBytes(bytes, name), pathForRecord);
}
