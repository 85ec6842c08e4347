/**
 * What both sides say about import files: the largest one Gloss reads, and what a file picker
 * offers. The main side checks again; the window asks first, to spare sending what it would refuse.
 */
import { LIMITS } from './limits';

/** The largest import file, in whole megabytes, as messages name it. */
export const MAX_IMPORT_MEGABYTES = LIMITS.maxImportBytes / (1024 * 1024);

/** What the reader is told about an import file over the size limit. */
export function importTooLargeMessage(fileName: string): string {
  return `“${fileName}” is over ${MAX_IMPORT_MEGABYTES} MB; Gloss imports files of up to ${MAX_IMPORT_MEGABYTES} MB.`;
}

/** The `accept` list of a file picker for import files: Gloss JSON, W3C (JSON-LD), Hypothesis JSON. */
export const IMPORT_PICKER_ACCEPT = '.json,.jsonld,application/json,application/ld+json';

/** The largest request body that carries an import file: the file in base64 (4/3), plus JSON framing. */
export const MAX_IMPORT_BODY_BYTES = Math.ceil((LIMITS.maxImportBytes * 4) / 3) + 64 * 1024;
