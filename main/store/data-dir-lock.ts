import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { GlossError } from '../errors';

/** Name of the lock proper-lockfile creates (a folder, made atomically with mkdir) in the data folder. */
export const LOCK_NAME = 'gloss.lock';

/**
 * A lock not refreshed for this long belongs to a process that died (e.g. was killed), and the
 * next Gloss may take it over. The holder refreshes it every half of this.
 */
const STALE_MS = 10_000;

/** Options of `lockDataDir`. */
export interface LockOptions {
  /**
   * Told when the lock was lost while held (the system slept past the stale time, or the lock
   * was deleted). Defaults to logging: crashing would lose the reader's unsaved work.
   */
  onCompromised?: (error: Error) => void;
}

/**
 * Takes the data folder for this process, so two Gloss windows or servers never write the same
 * files. Creates the folder when missing. Resolves with a function that releases the lock
 * (calling it more than once is harmless).
 *
 * Throws a 'locked' GlossError when another live process holds the folder.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true });
  const onCompromised =
    options.onCompromised ??
    ((error: Error) => {
      console.error(`Gloss lost its lock on the data folder ${dataDir}; another process may now use it. (${error.message})`);
    });
  let release: () => Promise<void>;
  try {
    release = await lock(dataDir, {
      lockfilePath: join(dataDir, LOCK_NAME),
      stale: STALE_MS,
      update: STALE_MS / 2,
      retries: 0,
      onCompromised,
    });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ELOCKED') {
      throw new GlossError(
        'locked',
        `The Gloss data folder ${dataDir} is in use by another Gloss window or server. Close it first, or use --data-dir to choose another folder.`,
      );
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new GlossError('io', `Gloss could not lock its data folder ${dataDir}: ${reason}`);
  }

  let released: Promise<void> | null = null;
  return () => {
    released ??= release().catch((error: unknown) => {
      // A compromised lock is already gone; there is nothing left to release.
      if ((error as { code?: unknown }).code !== 'ERELEASED') throw error;
    });
    return released;
  };
}
