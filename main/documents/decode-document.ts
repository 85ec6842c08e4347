/**
 * The byte-level half of opening a document, shared by files read from disk and files uploaded in
 * browser mode: format by extension, size limit, encoding, line endings, content hash.
 */
import type { DocumentFormat } from '../api';
import { LIMITS } from '../api';
import { MAX_DOCUMENT_MEGABYTES } from '../common/document-formats';
import { GlossError } from '../errors';
import { requireDocumentFormat } from './document-format';
import { hashBytes } from './document-id';
import { decodeTextBytes } from './text-decoding';

/** A document's text and what Gloss records about its bytes. */
export interface DecodedDocument {
  fileName: string;
  format: DocumentFormat;
  /** The decoded text: no byte-order mark, LF line endings; '' when the file holds only whitespace. */
  text: string;
  byteLength: number;
  /** sha256 hex of the raw bytes, before any decoding. */
  contentHash: string;
}

/** Formats a byte count the way the size limit is stated: "25.3 MB". */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Refuses a document larger than Gloss opens, with a 'too-large' error that names it. */
export function checkDocumentSize(byteLength: number, fileName: string): void {
  if (byteLength <= LIMITS.maxDocumentBytes) return;
  throw new GlossError(
    'too-large',
    `“${fileName}” is ${formatMegabytes(byteLength)}; Gloss opens documents up to ${MAX_DOCUMENT_MEGABYTES} MB.`,
  );
}

/** Turns CRLF (Windows) and lone CR (classic Mac) line endings into LF. */
export function normalizeNewlines(text: string): string {
  // Most files have LF endings already: they are not copied.
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/**
 * Checks and decodes a document's bytes. `fileName` decides the format and names the file in errors.
 * Throws GlossError 'not-text', 'too-large' or 'bad-encoding'. An empty or blank file is not an
 * error: it decodes to ''.
 */
export function decodeDocumentBytes(bytes: Uint8Array, fileName: string): DecodedDocument {
  const format = requireDocumentFormat(fileName);
  checkDocumentSize(bytes.byteLength, fileName);
  const decoded = normalizeNewlines(decodeTextBytes(bytes, fileName));
  return {
    fileName,
    format,
    text: decoded.trim() === '' ? '' : decoded,
    byteLength: bytes.byteLength,
    contentHash: hashBytes(bytes),
  };
}
