import { access, rename } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Adapter } from 'lowdb';
import { isCode, removeQuietly, replaceWithTemps, syncFolder, writeTemp } from './durable-write';
import type { WriteCheck } from './durable-write';
import type { JsonObject } from './json-object';
import { backupPathOf, readStoreFile } from './read-store-file';

/** Options of a `DurableJsonFile`. */
export interface DurableJsonFileOptions<T> {
  /**
   * Turns the parsed JSON object into the data the store works with (checks, migrations).
   * Whatever it throws reaches the caller of `read()` and the file is left as it is: a file
   * that parses is never treated as damaged.
   */
  parse?: (json: JsonObject) => T;
  /** Told, in words for the reader, when a damaged file was set aside. */
  onRecover?: (message: string) => void;
  /** How messages name the file, e.g. "annotations/abc.json". Defaults to its file name. */
  label?: string;
  /** Turns the data into the file's text. Defaults to JSON with two-space indentation. */
  stringify?: (data: T) => string;
  /** Runs before every change to the files (a write, setting a damaged file aside); throws to refuse it. */
  beforeWrite?: WriteCheck;
}

/**
 * A lowdb adapter, in the spirit of steno's temp-and-rename, that never loses a confirmed write:
 * fsync before every rename, the folder fsync'd after, and the newest data kept twice.
 *
 * `write(data)` writes the new text to two fresh temp files and fsyncs them, renames one over
 * `<file>.bak`, then the other over `<file>`, fsyncs the folder, and only then resolves. So the
 * backup is not one write behind: it holds the same confirmed data as the file, and a file
 * damaged later (truncated, emptied, overwritten, deleted) loses nothing that was confirmed. A
 * crash between the two renames leaves a backup one write ahead, with a change that was never
 * confirmed; the file, which is read first, still holds everything that was.
 *
 * One write at a time: the caller orders them (CommitQueue does), so this adapter neither
 * queues nor coalesces, and a write while another is in flight is refused as a bug.
 *
 * `read()` uses the backup when the file is missing, and moves a damaged file aside as
 * `<file>.corrupt-<timestamp>` (never overwriting it) before using the backup, telling `onRecover`.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #backup: string;
  readonly #label: string;
  readonly #options: DurableJsonFileOptions<T>;
  #writing = false;

  /** @param file absolute path of the JSON file */
  constructor(file: string, options: DurableJsonFileOptions<T> = {}) {
    this.#file = file;
    this.#backup = backupPathOf(file);
    this.#label = options.label ?? basename(file);
    this.#options = options;
  }

  /** Reads the file, recovering from a missing or damaged one; null when there is nothing to read. */
  async read(): Promise<T | null> {
    const found = await readStoreFile(this.#file);
    const notes: string[] = [];
    if (found.fileDamaged) notes.push(`The damaged file was kept as ${await this.#moveAside(this.#file)}.`);
    // A damaged backup would be replaced by the next write; it may still hold something.
    if (found.backupDamaged) notes.push(`The damaged backup was kept as ${await this.#moveAside(this.#backup)}.`);
    if (found.fileDamaged && found.source === 'backup') {
      this.#report(`${this.#label} was damaged; Gloss restored the last good copy. ${notes.join(' ')}`);
    } else if (found.fileDamaged) {
      this.#report(`${this.#label} was damaged and no good backup was found, so Gloss started it afresh. ${notes.join(' ')}`);
    } else if (found.backupDamaged) {
      this.#report(`${this.#label} was missing and its backup was damaged, so Gloss started it afresh. ${notes.join(' ')}`);
    }
    // A missing file with a good backup is the state a crash between the renames of a file's
    // very first write leaves: nothing confirmed was lost, so there is nothing to tell.
    if (found.json === null) return null;
    return this.#options.parse ? this.#options.parse(found.json) : (found.json as T);
  }

  /** Durably replaces the file and its backup with `data`; resolves once both are on disk. */
  async write(data: T): Promise<void> {
    if (this.#writing) throw new Error(`${this.#label}: a write was started while another was in flight; writes must be serialised (CommitQueue).`);
    this.#writing = true;
    try {
      // Serialised before the first await, so the bytes are the data as it was when asked.
      const text = this.#options.stringify ? this.#options.stringify(data) : `${JSON.stringify(data, null, 2)}\n`;
      const temps = await Promise.allSettled([writeTemp(this.#backup, text), writeTemp(this.#file, text)]);
      const failed = temps.find((outcome) => outcome.status === 'rejected');
      if (failed) {
        await Promise.all(temps.map((outcome) => (outcome.status === 'fulfilled' ? removeQuietly(outcome.value) : undefined)));
        throw failed.reason;
      }
      const [backupTemp, fileTemp] = temps.map((outcome) => (outcome as PromiseFulfilledResult<string>).value) as [string, string];
      // The backup first: until the file is renamed too, the file still holds every confirmed change.
      await replaceWithTemps(
        [
          [backupTemp, this.#backup],
          [fileTemp, this.#file],
        ],
        this.#options.beforeWrite,
      );
    } finally {
      this.#writing = false;
    }
  }

  /** Renames `file` to an unused `<file>.corrupt-<timestamp>` name and returns that path. */
  async #moveAside(file: string): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    for (let n = 0; ; n += 1) {
      const candidate = `${file}.corrupt-${stamp}${n === 0 ? '' : `-${n}`}`;
      // rename() silently replaces its target, and an earlier damaged copy must never be lost.
      if (await exists(candidate)) continue;
      this.#options.beforeWrite?.();
      await rename(file, candidate);
      await syncFolder(dirname(file));
      return candidate;
    }
  }

  #report(message: string): void {
    this.#options.onRecover?.(message);
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
