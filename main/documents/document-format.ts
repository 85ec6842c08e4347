/**
 * Which files Gloss opens, on the main side: the facts are main/common/document-formats.ts (the
 * renderer's file picker and drop target use them too); this adds the refusal the main side
 * raises for any other file.
 */
import type { DocumentFormat } from '../api';
import { documentFormatOf, unsupportedDocumentMessage } from '../common/document-formats';
import { GlossError } from '../errors';

export { DOCUMENT_EXTENSIONS, documentFormatOf, extensionOf } from '../common/document-formats';

/** Like `documentFormatOf`, but refuses other files with a 'not-text' error naming the types Gloss opens. */
export function requireDocumentFormat(fileName: string): DocumentFormat {
  const format = documentFormatOf(fileName);
  if (format !== null) return format;
  throw new GlossError('not-text', unsupportedDocumentMessage(fileName));
}
