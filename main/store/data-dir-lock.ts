import { constants, readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { lstat, open, readFile, rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { GlossError } from '../errors';
import { ensureFolder, isCode, plainReason, removeQuietly, syncFolder, writeNewFile } from './durable-write';
import { describeOwner, isOwnerGone, ownerForThisProcess, parseOwner } from './lock-owner';
import type { LockOwner } from './lock-owner';

export type { LockOwner };

/** Name of the lock file in the data folder. */
export const LOCK_NAME = 'gloss.lock';

/**
 * How often the holder refreshes its lock (its mtime), so Gloss on another host can tell it is
 * alive; also well within the 10 s after which Gloss 0.1 (proper-lockfile) would call it stale.
 */
const HEARTBEAT_MS = 5_000;
/**
 * A lock not refreshed for this long, held from another host (or where a process's start time
 * cannot be read), belongs to a Gloss that is gone. Generous: the hosts' clocks may disagree.
 */
const STALE_MS = 30_000;
/** A lock file holding no owner yet is a starter between creating and writing it, for this long. */
const BEING_WRITTEN_MS = 2_000;
/** Gloss 0.1 locked with proper-lockfile: a folder refreshed every 5 s, stale after 10 s. */
const LEGACY_STALE_MS = 10_000;
/** Suffix of the file that lets one starter at a time remove a dead lock. */
const TAKEOVER_SUFFIX = '.takeover';
/** Rounds of create-or-take-over before giving up: only other starters racing could use them up. */
const MAX_ROUNDS = 200;

/** Options of `lockDataDir` and `findLockHolder`; the timings are for tests. */
export interface LockOptions {
  heartbeatMs?: number;
  staleMs?: number;
  /** Told, in words for the reader, when the heartbeat finds that another Gloss took the folder. */
  onLost?: (message: string) => void;
}

/** This process's hold on a data folder. */
export interface DataDirLock {
  readonly owner: LockOwner;
  /**
   * Throws a 'locked' GlossError unless this process still holds the folder. Cheap (one read of
   * a small file) and synchronous, so it can run right before a write's renames with no gap.
   * Once lost, the folder stays lost: this process's view of it may be out of date.
   */
  check(): void;
  /** Stops the heartbeat and removes the lock if it is still ours. Calling it twice is harmless. */
  release(): Promise<void>;
}

/** Who holds a data folder, as `findLockHolder` tells. */
export interface LockHolder {
  /** The holder's record; null for a lock of Gloss 0.1 or one still being written. */
  owner: LockOwner | null;
  /** For people: "Gloss (process 1234, started 2025-06-01 14:03:22)". */
  description: string;
}

type FoundLock =
  | { kind: 'missing' }
  | { kind: 'owner'; owner: LockOwner; stat: Stats }
  /** A file that holds no owner (yet): being written, or cut short by a crash. */
  | { kind: 'unreadable'; stat: Stats }
  /** A folder: the lock of Gloss 0.1 (proper-lockfile). */
  | { kind: 'legacy'; stat: Stats };

/**
 * Takes the data folder for this process, so two Gloss windows or servers never write the same
 * files. Creates the folder when missing.
 *
 * The lock is `gloss.lock`, created exclusively (O_EXCL, so of two starters exactly one gets
 * it) and holding its owner: process id, host, the process's start time and a random token. A
 * lock whose owner is gone (see `isOwnerGone`) is taken over at once, so Gloss starts right
 * after a crash; a live owner's lock is never taken, even while that process is paused.
 *
 * Throws a 'locked' GlossError naming the holder when another live Gloss holds the folder.
 */
export async function lockDataDir(dataDir: string, options: LockOptions = {}): Promise<DataDirLock> {
  const lockPath = join(dataDir, LOCK_NAME);
  const staleMs = options.staleMs ?? STALE_MS;
  try {
    await ensureFolder(dataDir);
  } catch (error) {
    throw new GlossError('io', `Gloss could not create its data folder ${dataDir}: ${plainReason(error)}`);
  }
  const owner = await ownerForThisProcess();
  const text = `${JSON.stringify(owner, null, 2)}\n`;
  const waitForWriterUntil = Date.now() + BEING_WRITTEN_MS + 500;
  for (let round = 0; ; round += 1) {
    if (round >= MAX_ROUNDS) throw new GlossError('io', `Gloss could not lock its data folder ${dataDir}: other Gloss processes keep changing its lock. Try again.`);
    if (await createLock(lockPath, text, dataDir)) break;
    const found = await inspectLock(lockPath);
    if (found.kind === 'missing') continue;
    if (await isGone(found, staleMs)) {
      await takeOver(lockPath, found, text, staleMs);
      continue;
    }
    if (found.kind === 'unreadable' && Date.now() < waitForWriterUntil) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    throw new GlossError(
      'locked',
      `The Gloss data folder ${dataDir} is in use by ${describeFound(found)}. Close it first, or use --data-dir to choose another folder.`,
    );
  }
  const held = new HeldLock(dataDir, lockPath, owner, options);
  held.check();
  return held;
}

/**
 * Who holds `dataDir`, if a live Gloss does; null when no one does (no lock, or one whose owner
 * is gone). Reads only: never takes, repairs or removes a lock. For the `gloss` command, which
 * must not import into a folder the app is using.
 */
export async function findLockHolder(dataDir: string, options: Pick<LockOptions, 'staleMs'> = {}): Promise<LockHolder | null> {
  const found = await inspectLock(join(dataDir, LOCK_NAME));
  if (found.kind === 'missing' || (await isGone(found, options.staleMs ?? STALE_MS))) return null;
  return { owner: found.kind === 'owner' ? found.owner : null, description: describeFound(found) };
}

class HeldLock implements DataDirLock {
  readonly owner: LockOwner;
  readonly #dataDir: string;
  readonly #lockPath: string;
  readonly #onLost: ((message: string) => void) | undefined;
  readonly #heartbeat: NodeJS.Timeout;
  #lost: string | null = null;
  #released: Promise<void> | null = null;

  constructor(dataDir: string, lockPath: string, owner: LockOwner, options: LockOptions) {
    this.owner = owner;
    this.#dataDir = dataDir;
    this.#lockPath = lockPath;
    this.#onLost = options.onLost;
    this.#heartbeat = setInterval(() => void this.#beat(), options.heartbeatMs ?? HEARTBEAT_MS);
    // The heartbeat alone must not keep a process alive that has nothing else to do.
    this.#heartbeat.unref();
  }

  check(): void {
    if (this.#lost !== null) throw new GlossError('locked', this.#lost);
    let text: string;
    try {
      text = readFileSync(this.#lockPath, 'utf8');
    } catch (error) {
      if (!isCode(error, 'ENOENT')) throw new GlossError('io', `Gloss could not check its lock on ${this.#dataDir}, so the change was not saved: ${plainReason(error)}`);
      text = '';
    }
    const current = parseOwner(text);
    if (current?.token === this.owner.token) return;
    const now = current === null ? '' : ` ${describeOwner(current)} uses it now.`;
    this.#lost = `Another Gloss took over this data folder (${this.#dataDir}); your last change was not saved.${now} Close this Gloss and open it again to see the folder as it is now.`;
    clearInterval(this.#heartbeat);
    this.#onLost?.(`Another Gloss took over this data folder (${this.#dataDir}), so changes made here can no longer be saved.${now} Close this Gloss and open it again.`);
    throw new GlossError('locked', this.#lost);
  }

  release(): Promise<void> {
    this.#released ??= (async () => {
      clearInterval(this.#heartbeat);
      if (this.#lost !== null) return;
      // Never remove a lock that another Gloss has taken over since.
      const text = await readFile(this.#lockPath, 'utf8').catch(() => '');
      if (parseOwner(text)?.token === this.owner.token) await removeQuietly(this.#lockPath);
    })();
    return this.#released;
  }

  async #beat(): Promise<void> {
    try {
      this.check();
      const now = new Date();
      await utimes(this.#lockPath, now, now);
    } catch {
      // Lost (check told onLost), or the folder is briefly unreachable: the next beat tries again.
    }
  }
}

/** Creates the lock file holding `text`; false when a lock is already there. */
async function createLock(lockPath: string, text: string, dataDir: string): Promise<boolean> {
  const failed = (error: unknown) => new GlossError('io', `Gloss could not lock its data folder ${dataDir}: ${plainReason(error)}`);
  try {
    await writeNewFile(lockPath, text);
  } catch (error) {
    if (isCode(error, 'EEXIST')) return false;
    throw failed(error);
  }
  try {
    await syncFolder(dataDir);
  } catch (error) {
    await removeQuietly(lockPath);
    throw failed(error);
  }
  return true;
}

/** What is at the lock's path; its content and its identity (stat) are read through one handle. */
async function inspectLock(lockPath: string): Promise<FoundLock> {
  let handle;
  try {
    handle = await open(lockPath, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch (error) {
    if (isCode(error, 'ENOENT')) return { kind: 'missing' };
    // A link planted at the lock's name is not a lock Gloss wrote.
    if (isCode(error, 'ELOOP')) return { kind: 'unreadable', stat: await lstat(lockPath) };
    // Windows cannot open a folder as a file: Gloss 0.1's lock.
    const stat = isCode(error, 'EISDIR') || isCode(error, 'EPERM') || isCode(error, 'EACCES') ? await lstat(lockPath) : null;
    if (stat?.isDirectory()) return { kind: 'legacy', stat };
    throw new GlossError('io', `Gloss could not read the lock of its data folder (${lockPath}): ${plainReason(error)}`);
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return { kind: 'legacy', stat };
    const owner = parseOwner(await handle.readFile('utf8'));
    return owner === null ? { kind: 'unreadable', stat } : { kind: 'owner', owner, stat };
  } finally {
    await handle.close();
  }
}

async function isGone(found: Exclude<FoundLock, { kind: 'missing' }>, staleMs: number): Promise<boolean> {
  const age = Date.now() - found.stat.mtimeMs;
  if (found.kind === 'owner') return isOwnerGone(found.owner, age, staleMs);
  if (found.kind === 'legacy') return age > LEGACY_STALE_MS;
  return age > BEING_WRITTEN_MS;
}

/**
 * Removes a lock judged gone, safely against other starters doing the same. Removals go one at a
 * time through a second exclusive file, `gloss.lock.takeover`: its holder looks at the lock again
 * and removes it only if it is still the very file that was judged (same inode, not refreshed
 * since). A live lock is therefore never moved or removed, not even for a moment, so its holder's
 * `check()` never sees it missing. Returns having removed it or not; the caller looks again.
 */
async function takeOver(lockPath: string, judged: Exclude<FoundLock, { kind: 'missing' }>, owner: string, staleMs: number): Promise<void> {
  const mutexPath = `${lockPath}${TAKEOVER_SUFFIX}`;
  try {
    await writeNewFile(mutexPath, owner);
  } catch (error) {
    if (!isCode(error, 'EEXIST')) throw error;
    await clearDeadTakeover(mutexPath, staleMs);
    await new Promise((resolve) => setTimeout(resolve, 20));
    return;
  }
  try {
    const now = await inspectLock(lockPath);
    if (now.kind !== 'missing' && isSameFile(now.stat, judged.stat)) await rm(lockPath, { recursive: true, force: true });
  } finally {
    await removeQuietly(mutexPath);
  }
}

/**
 * Removes a takeover file left by a starter that died within its few milliseconds of holding
 * it (judged like a lock: its owner is gone). Only then is there any race left, and it needs a
 * crash during a takeover and two more starters at that moment.
 */
async function clearDeadTakeover(mutexPath: string, staleMs: number): Promise<void> {
  const found = await inspectLock(mutexPath);
  if (found.kind === 'missing' || !(await isGone(found, staleMs))) return;
  const again = await inspectLock(mutexPath);
  if (again.kind !== 'missing' && isSameFile(again.stat, found.stat)) await rm(mutexPath, { recursive: true, force: true });
}

function isSameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino && a.mtimeMs === b.mtimeMs;
}

function describeFound(found: Exclude<FoundLock, { kind: 'missing' }>): string {
  if (found.kind === 'owner') return describeOwner(found.owner);
  if (found.kind === 'legacy') return 'an older version of Gloss';
  return 'a Gloss that is starting';
}
