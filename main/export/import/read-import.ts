/**
 * Reading an import file: its size checked before a byte is read, its text decoded, its JSON
 * parsed without letting `__proto__`, `constructor` or `prototype` keys through anywhere, and its
 * format recognised. Every refusal is a GlossError with a message for the reader; nothing is
 * written anywhere.
 */
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { LIMITS } from '../../api';
import { formatMegabytes } from '../../documents/decode-document';
import { fileSystemError } from '../../documents/read-document';
import { decodeTextBytes } from '../../documents/text-decoding';
import { GlossError } from '../../errors';
import { importError, type ParsedImport } from './import-model';
import { isGlossJson, parseGlossJson } from './parse-gloss-json';
import { isHypothesis, parseHypothesis } from './parse-hypothesis';
import { isW3c, parseW3c } from './parse-w3c';

/** Keys that could reach an object's prototype if a consumer ever merged the data carelessly. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Reads and parses the import file at `path` (see parseImport). */
export async function readImportFile(path: string): Promise<ParsedImport> {
  const name = basename(path) || path;
  let bytes: Uint8Array;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (!info.isFile()) throw new GlossError('invalid-request', `“${name}” is not a file, so it cannot be imported.`);
      checkImportSize(info.size, name);
      bytes = await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    throw fileSystemError(error, path);
  }
  // The file may have grown between stat and read.
  checkImportSize(bytes.byteLength, name);
  return parseImport(bytes, name);
}

/** Refuses a file over the import limit ('too-large'). */
export function checkImportSize(byteLength: number, fileName: string): void {
  if (byteLength > LIMITS.maxImportBytes) {
    throw new GlossError('too-large', `“${fileName}” is ${formatMegabytes(byteLength)}; Gloss imports files of up to ${LIMITS.maxImportBytes / (1024 * 1024)} MB.`);
  }
}

/** Parses an import file's bytes: Gloss JSON, W3C Web Annotation or Hypothesis JSON. */
export function parseImport(bytes: Uint8Array, fileName = 'the file'): ParsedImport {
  checkImportSize(bytes.byteLength, fileName);
  const json = parseJsonSafely(decodeTextBytes(bytes, fileName));
  if (isGlossJson(json)) return parseGlossJson(json);
  if (isW3c(json)) return parseW3c(json);
  if (isHypothesis(json)) return parseHypothesis(json);
  throw importError(
    'it is JSON, but not a format Gloss imports (Gloss JSON, a W3C Web Annotation collection, page, list or annotation, or Hypothesis JSON).',
  );
}

/** JSON.parse, refusing forbidden keys at any depth and explaining malformed or too deeply nested JSON. */
export function parseJsonSafely(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw importError(`it holds a "${key}" key, which Gloss refuses wherever it appears.`);
      return value;
    });
  } catch (error) {
    if (error instanceof GlossError) throw error;
    if (error instanceof RangeError) throw importError('its JSON is nested too deeply to read.');
    const detail = error instanceof Error ? error.message : String(error);
    throw importError(`it is not valid JSON (${detail}).`);
  }
}
