import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { renameSync } from 'node:fs';
import { lstat, mkdir, open, readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GlossError } from '../errors';

/**
 * Called right before a durable write (or a recovery) changes the data folder; throws to refuse
 * it. The service passes its lock's check, so a process that lost the folder never writes over
 * the new owner's files. Synchronous on purpose: see `replaceWithTemps`.
 */
export type WriteCheck = () => void;

/**
 * Exclusive creation that never follows a symbolic link: O_EXCL fails on any existing name,
 * a planted link included, and O_NOFOLLOW says so twice where the platform has it.
 */
const CREATE_EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** `.<name>.<16 hex>.tmp`: what `writeTemp` creates, and what `removeStaleTempFiles` may remove. */
const TEMP_NAME = /^\..+\.[0-9a-f]{16}\.tmp$/;
/** The fixed temp name earlier versions used; a crash may have left one. */
const LEGACY_TEMP_NAME = /^\..+\.tmp$/;

/** The usual reasons a save fails, in words a reader can act on. */
const PLAIN_REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full. Free some space and try again.',
  EDQUOT: 'the disk quota is used up. Free some space and try again.',
  EROFS: 'the disk is read-only.',
  EACCES: 'Gloss is not allowed to write to its data folder.',
  EPERM: 'Gloss is not allowed to write to its data folder.',
};

/**
 * The error a reader sees when saving `label` failed. A GlossError (e.g. 'locked': another Gloss
 * took the folder) passes through unchanged; a system error becomes an 'io' error in plain words.
 *
 * @param consequence what did not happen, e.g. "so the last change was not kept"
 */
export function saveFailure(error: unknown, label: string, consequence: string): GlossError {
  if (error instanceof GlossError) return error;
  return new GlossError('io', `Gloss could not save ${label}, ${consequence}: ${plainReason(error)}`);
}

/** Why a file operation failed, in plain words where the reason is a common one ("the disk is full."). */
export function plainReason(error: unknown): string {
  const code = errorCode(error);
  return (code !== undefined && PLAIN_REASONS[code]) || (error instanceof Error ? error.message : String(error));
}

/**
 * Creates a new temporary file beside `file` (random name, exclusive, never through a link),
 * writes `data` and fsyncs it. On any failure (a full disk) the partial file is removed before
 * the error is rethrown. Creates the folder when missing (see `ensureFolder`).
 * Returns the temp file's path.
 */
export async function writeTemp(file: string, data: string | Uint8Array): Promise<string> {
  const folder = dirname(file);
  const temp = join(folder, `.${basename(file)}.${randomBytes(8).toString('hex')}.tmp`);
  try {
    await writeNewFile(temp, data);
  } catch (error) {
    if (!isCode(error, 'ENOENT')) throw error;
    await ensureFolder(folder);
    await writeNewFile(temp, data);
  }
  return temp;
}

/**
 * Creates `path`, which must not exist (EEXIST otherwise: O_EXCL, so of two creators exactly one
 * succeeds, and a planted link is never followed), writes `data` and fsyncs it. A failed write
 * (a full disk) removes the partial file before the error is rethrown.
 */
export async function writeNewFile(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, CREATE_EXCLUSIVE, 0o644);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await removeQuietly(path);
    throw error;
  }
}

/**
 * Renames each temp file over its target, in order, then fsyncs the folder. `check` runs first;
 * if it or a rename throws, the temp files not yet renamed are removed.
 *
 * The check and the renames run synchronously, with no await between them: a process paused
 * (SIGSTOP, a debugger) is then paused either before the check, and checks again when it
 * resumes, or after its renames. Only a pause between two system calls a few microseconds
 * apart could let a write land after the lock was lost.
 */
export async function replaceWithTemps(replacements: readonly (readonly [temp: string, target: string])[], check?: WriteCheck): Promise<void> {
  let done = 0;
  try {
    for (let attempt = 1; ; attempt += 1) {
      try {
        check?.();
        for (; done < replacements.length; done += 1) {
          const [temp, target] = replacements[done] as readonly [string, string];
          renameSync(temp, target);
        }
        break;
      } catch (error) {
        // A virus scanner or indexer may hold a file for a moment on Windows, as steno knows.
        const busy = isCode(error, 'EPERM') || isCode(error, 'EBUSY') || isCode(error, 'EACCES');
        if (!busy || process.platform !== 'win32' || attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } catch (error) {
    await Promise.all(replacements.slice(done).map(([temp]) => removeQuietly(temp)));
    throw error;
  }
  const folders = new Set(replacements.map(([, target]) => dirname(target)));
  for (const folder of folders) await syncFolder(folder);
}

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old or the new
 * content, never a mix: a new temp file is written and fsync'd, `check` runs, the temp file is
 * renamed into place and the folder fsync'd. Concurrent writes of one file are safe (each has
 * its own temp file; the last rename wins), but callers that need an order must keep it.
 */
export async function writeFileDurably(file: string, data: string | Uint8Array, check?: WriteCheck): Promise<void> {
  const temp = await writeTemp(file, data);
  await replaceWithTemps([[temp, file]], check);
}

/**
 * Creates `folder` (and its missing parents) durably: each new folder's entry lives in its
 * parent, so the parent is fsync'd too, or a power cut could forget the folder and every file
 * already confirmed inside it.
 */
export async function ensureFolder(folder: string): Promise<void> {
  // One level at a time (not mkdir's recursive mode, which reports a read-only disk as ENOENT),
  // so each failure keeps its real reason and each new folder's parent is synced.
  try {
    await mkdir(folder);
  } catch (error) {
    if (isCode(error, 'EEXIST')) return;
    if (!isCode(error, 'ENOENT') || dirname(folder) === folder) throw error;
    await ensureFolder(dirname(folder));
    try {
      await mkdir(folder);
    } catch (again) {
      if (isCode(again, 'EEXIST')) return;
      throw again;
    }
  }
  await syncFolder(dirname(folder));
}

/** Makes the renames in `folder` durable. Windows cannot open a folder for fsync, and does not need to. */
export async function syncFolder(folder: string): Promise<void> {
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

/**
 * Removes the temp files a crash left in `folder` (the lock holder alone may: another process's
 * temp file would be one it is writing). A missing folder is fine. Returns how many were removed.
 */
export async function removeStaleTempFiles(folder: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if (isCode(error, 'ENOENT')) return 0;
    throw error;
  }
  let removed = 0;
  for (const name of names) {
    if (!TEMP_NAME.test(name) && !LEGACY_TEMP_NAME.test(name)) continue;
    const path = join(folder, name);
    // unlink removes a link itself, never what it points to; a folder of that name is not ours.
    if ((await lstat(path)).isDirectory()) continue;
    await unlink(path);
    removed += 1;
  }
  return removed;
}

/** Removes `file`, ignoring every error: used to clean up after a failure that is reported anyway. */
export async function removeQuietly(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

/** The `code` of a Node system error, if `error` is one. */
export function errorCode(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/** True when `error` is a Node system error with that code. */
export function isCode(error: unknown, code: string): boolean {
  return errorCode(error) === code;
}
