import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { isJsonObject } from './json-object';

/** Options of a `DurableJsonFile`. */
export interface DurableJsonFileOptions<T> {
  /**
   * Turns the parsed JSON object into the data the store works with (checks, migrations).
   * Whatever it throws reaches the caller of `read()` and the file is left as it is: a file
   * that parses is never treated as damaged.
   */
  parse?: (json: Record<string, unknown>) => T;
  /** Told, in words for the reader, when a damaged file was set aside. */
  onRecover?: (message: string) => void;
  /** How messages name the file, e.g. "annotations/abc.json". Defaults to its file name. */
  label?: string;
  /** Turns the data into the file's text. Defaults to JSON with two-space indentation. */
  stringify?: (data: T) => string;
}

/**
 * A lowdb adapter that never loses a confirmed write (steno's temp-and-rename, plus fsync and
 * a backup).
 *
 * `write(data)` writes `.<file>.tmp`, fsyncs it, renames the current file to `<file>.bak` (the
 * last good copy), renames the temp file into place and fsyncs the folder, and only then
 * resolves. Concurrent writes are coalesced: while one is in flight, later calls wait and the
 * newest data is written once for all of them.
 *
 * `read()` falls back to `<file>.bak` when the file is missing (a crash between the two
 * renames), and moves a damaged file aside as `<file>.corrupt-<timestamp>` before restoring
 * the backup, telling `onRecover`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #backup: string;
  readonly #label: string;
  readonly #options: DurableJsonFileOptions<T>;
  #inFlight: Promise<void> | null = null;
  #queued: QueuedWrite<T> | null = null;
  #physicalWrites = 0;

  /** @param file absolute path of the JSON file */
  constructor(file: string, options: DurableJsonFileOptions<T> = {}) {
    this.#file = file;
    this.#backup = `${file}.bak`;
    this.#label = options.label ?? basename(file);
    this.#options = options;
  }

  /** How many times the file was actually replaced: fewer than `write` calls when they coalesce. */
  get physicalWrites(): number {
    return this.#physicalWrites;
  }

  /** Reads the file, recovering from a missing or damaged one; null when there is nothing to read. */
  async read(): Promise<T | null> {
    const text = await readTextOrNull(this.#file);
    if (text === null) {
      // A crash between the two renames leaves only the backup, which is the last confirmed data.
      const backup = await readTextOrNull(this.#backup);
      if (backup === null) return null;
      const parsed = parseObject(backup);
      if (parsed !== undefined) return this.#parse(parsed);
      const keptAs = await moveAside(this.#backup);
      this.#report(`${this.#label} was missing and its backup was damaged, so Gloss started it afresh. The damaged backup was kept as ${keptAs}.`);
      return null;
    }

    const parsed = parseObject(text);
    if (parsed !== undefined) return this.#parse(parsed);

    const keptAs = await moveAside(this.#file);
    const backup = await readTextOrNull(this.#backup);
    const backupParsed = backup === null ? undefined : parseObject(backup);
    if (backupParsed !== undefined) {
      this.#report(`${this.#label} was damaged; Gloss restored the last good copy. The damaged file was kept as ${keptAs}.`);
      return this.#parse(backupParsed);
    }
    // A damaged backup would be overwritten by the next write; it may still hold something.
    if (backup !== null) await moveAside(this.#backup);
    this.#report(`${this.#label} was damaged and no good backup was found, so Gloss started it afresh. The damaged file was kept as ${keptAs}.`);
    return null;
  }

  /** Durably replaces the file with `data`; resolves once a write containing it is on disk. */
  write(data: T): Promise<void> {
    if (this.#inFlight === null) return this.#start(data);
    if (this.#queued === null) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      this.#queued = { data, promise, resolve, reject };
    } else {
      this.#queued.data = data;
    }
    return this.#queued.promise;
  }

  #start(data: T): Promise<void> {
    let text: string;
    try {
      // Serialized now, so the bytes are the data as it was when this write began.
      text = this.#options.stringify ? this.#options.stringify(data) : `${JSON.stringify(data, null, 2)}\n`;
    } catch (error) {
      // Data that cannot be serialized fails its own callers only, as a rejection, never a throw.
      return Promise.reject(error);
    }
    const done = this.#replace(text).finally(() => {
      this.#inFlight = null;
      const next = this.#queued;
      this.#queued = null;
      if (next !== null) this.#start(next.data).then(next.resolve, next.reject);
    });
    this.#inFlight = done;
    return done;
  }

  async #replace(text: string): Promise<void> {
    await writeFileDurably(this.#file, text, { backupPath: this.#backup });
    this.#physicalWrites += 1;
  }

  #parse(json: Record<string, unknown>): T {
    return this.#options.parse ? this.#options.parse(json) : (json as T);
  }

  #report(message: string): void {
    this.#options.onRecover?.(message);
  }
}

/** Options of `writeFileDurably`. */
export interface WriteDurablyOptions {
  /** Where the file being replaced is kept (the last good copy); omitted, it is simply replaced. */
  backupPath?: string;
  /**
   * Give the temp file a random name and create it exclusively (never opening a file someone
   * else made), removing it if the write fails: for folders Gloss does not own, such as the
   * notes folder, where another program or a second Gloss may write too.
   */
  exclusiveTemp?: boolean;
}

/** Writes in progress per file, so two writes of one file never share its temp file. */
const writesInProgress = new Map<string, Promise<unknown>>();

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old or the new
 * content, never a mix: writes `.<name>.tmp` beside it, fsyncs it, optionally renames the old
 * file to `backupPath`, renames the temp file into place and fsyncs the folder. Creates the
 * folder when missing. Writes of the same file from this process run one after another.
 */
export function writeFileDurably(file: string, data: string | Uint8Array, options: WriteDurablyOptions = {}): Promise<void> {
  const previous = writesInProgress.get(file) ?? Promise.resolve();
  const current = previous.catch(() => undefined).then(() => replaceFile(file, data, options));
  writesInProgress.set(file, current);
  const forget = (): void => {
    if (writesInProgress.get(file) === current) writesInProgress.delete(file);
  };
  current.then(forget, forget);
  return current;
}

async function replaceFile(file: string, data: string | Uint8Array, { backupPath, exclusiveTemp = false }: WriteDurablyOptions): Promise<void> {
  const folder = dirname(file);
  const temp = join(folder, exclusiveTemp ? `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp` : `.${basename(file)}.tmp`);
  const flags = exclusiveTemp ? 'wx' : 'w';
  let handle;
  try {
    handle = await open(temp, flags);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    await mkdir(folder, { recursive: true });
    handle = await open(temp, flags);
  }
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (backupPath !== undefined) {
      try {
        await retryBusy(() => rename(file, backupPath));
      } catch (error) {
        // No current file (first write, or recovered from the backup): the backup stays as it is.
        if (!isCode(error, 'ENOENT')) throw error;
      }
    }
    await retryBusy(() => rename(temp, file));
  } catch (error) {
    // A randomly named temp file would otherwise stay behind for good.
    if (exclusiveTemp) await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(folder);
}

interface QueuedWrite<T> {
  data: T;
  promise: Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** The object in `text`, or undefined when it is not a JSON object (truncated, empty, garbage). */
function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
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

/** Renames `file` to an unused `<file>.corrupt-<timestamp>` name and returns that path. */
async function moveAside(file: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (let n = 0; ; n += 1) {
    const candidate = `${file}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
    // rename() silently replaces its target, and an earlier damaged copy must never be lost.
    if (await exists(candidate)) continue;
    await rename(file, candidate);
    await syncFolder(dirname(file));
    return candidate;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Makes the renames in `folder` durable. Windows cannot open a folder for fsync, and does not need to. */
async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (network mounts) refuse fsync on a folder; their renames are as durable as they get.
    if (!isCode(error, 'EINVAL') && !isCode(error, 'ENOTSUP')) throw error;
  } finally {
    await handle.close();
  }
}

/** Retries an operation a virus scanner or indexer may briefly block on Windows, as steno does. */
async function retryBusy(operation: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await operation();
      return;
    } catch (error) {
      const busy = isCode(error, 'EPERM') || isCode(error, 'EBUSY') || isCode(error, 'EACCES');
      if (!busy || process.platform !== 'win32' || attempt >= 10) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** True when `error` is a Node system error with that code. */
function isCode(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
