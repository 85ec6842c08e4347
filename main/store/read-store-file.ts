import { readFile } from 'node:fs/promises';
import { isCode } from './durable-write';
import { isJsonObject } from './json-object';
import type { JsonObject } from './json-object';

/** Where the newest confirmed copy of a store file is kept besides the file itself. */
export function backupPathOf(file: string): string {
  return `${file}.bak`;
}

/** What reading a store file and its backup found. Reading never changes anything on disk. */
export interface StoreFileRead {
  /** The data, or null when neither the file nor its backup holds any. */
  json: JsonObject | null;
  /** 'file', 'backup' (the file was missing or damaged), or null (nothing to read). */
  source: 'file' | 'backup' | null;
  /** The file exists but is not a JSON object (truncated, empty, garbage). */
  fileDamaged: boolean;
  /** The backup was needed, exists, and is not a JSON object either. */
  backupDamaged: boolean;
}

/**
 * Reads a store file, falling back to its backup when the file is missing or damaged. Each is
 * replaced only by rename, so each read sees one whole version. A UTF-8 byte-order mark (some
 * editors save one) is skipped.
 */
export async function readStoreFile(file: string): Promise<StoreFileRead> {
  const text = await readTextOrNull(file);
  const parsed = text === null ? undefined : parseObject(text);
  if (parsed !== undefined) return { json: parsed, source: 'file', fileDamaged: false, backupDamaged: false };
  const fileDamaged = text !== null;
  const backup = await readTextOrNull(backupPathOf(file));
  const backupParsed = backup === null ? undefined : parseObject(backup);
  if (backupParsed !== undefined) return { json: backupParsed, source: 'backup', fileDamaged, backupDamaged: false };
  return { json: null, source: null, fileDamaged, backupDamaged: backup !== null };
}

/** The object in `text`, or undefined when it is not a JSON object. */
function parseObject(text: string): JsonObject | undefined {
  try {
    const value: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function readTextOrNull(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isCode(error, 'ENOENT')) return null;
    throw error;
  }
}
