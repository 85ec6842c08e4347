import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isJsonObject } from './json-object';

/** Who holds a data folder: what gloss.lock records. */
export interface LockOwner {
  app: 'Gloss';
  pid: number;
  host: string;
  /** When the owning process started (ISO 8601, UTC), for people. */
  startedAt: string;
  /**
   * The system's own record of when the process started (Linux: boot id and start tick from
   * /proc; macOS and BSD: `ps -o lstart`), so a process id reused after a crash or a reboot is
   * not taken for the owner. Null where it cannot be read (Windows): the heartbeat decides there.
   */
  processStart: string | null;
  /** Random, new for every lock taken: what the holder checks before each write. */
  token: string;
}

let ownStart: Promise<string | null> | undefined;

/** The owner record of a new lock taken by this process. */
export async function ownerForThisProcess(): Promise<LockOwner> {
  ownStart ??= processState(process.pid).then((state) => state.start);
  return {
    app: 'Gloss',
    pid: process.pid,
    host: hostname(),
    startedAt: new Date(performance.timeOrigin).toISOString(),
    processStart: await ownStart,
    token: randomBytes(16).toString('hex'),
  };
}

/** The owner in a lock file's text, or null when it is not one (empty, cut short, another format). */
export function parseOwner(text: string): LockOwner | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isJsonObject(value)) return null;
  const { app, pid, host, startedAt, processStart, token } = value;
  if (app !== 'Gloss' || !Number.isSafeInteger(pid) || (pid as number) <= 0) return null;
  if (typeof host !== 'string' || typeof startedAt !== 'string' || typeof token !== 'string' || token === '') return null;
  if (processStart !== null && typeof processStart !== 'string') return null;
  return { app, pid: pid as number, host, startedAt, processStart, token };
}

/**
 * Whether the owner of a lock is certainly gone, so the lock may be taken over at once.
 *
 * On this host: its process has ended (a zombie, not yet reaped by its parent, has too), or its
 * id now belongs to a process that started at another time. A live owner, even a paused one, is
 * never gone. Where a process's start cannot
 * be read, and for an owner on another host (a network folder), only the heartbeat can tell:
 * the holder refreshes the lock every few seconds, and a lock not refreshed for `staleMs` is gone.
 *
 * @param heartbeatAgeMs how long ago the lock file was last refreshed
 */
export async function isOwnerGone(owner: LockOwner, heartbeatAgeMs: number, staleMs: number): Promise<boolean> {
  if (owner.host !== hostname()) return heartbeatAgeMs > staleMs;
  const now = await processState(owner.pid);
  if (!now.alive) return true;
  if (owner.processStart !== null && now.start !== null) return now.start !== owner.processStart;
  return heartbeatAgeMs > staleMs;
}

/** The owner in words: "Gloss (process 1234, started 2025-06-01 14:03:22)", naming the host when it is another. */
export function describeOwner(owner: LockOwner): string {
  const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
  const started = Date.parse(owner.startedAt);
  const when = Number.isNaN(started) ? '' : `, started ${localTime(new Date(started))}`;
  return `Gloss${where} (process ${owner.pid}${when})`;
}

function localTime(date: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** What the system tells of a process: whether it runs, and when it started (null where that cannot be read). */
interface ProcessState {
  alive: boolean;
  start: string | null;
}

/**
 * The state of process `pid`. A process that has ended but was not yet reaped by its parent (a
 * zombie, as a crashed Gloss is for a moment) has ended: it will never write again.
 */
async function processState(pid: number): Promise<ProcessState> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists, but belongs to another user.
    if ((error as { code?: unknown }).code !== 'EPERM') return { alive: false, start: null };
  }
  if (process.platform === 'linux') return linuxProcessState(pid);
  if (process.platform === 'win32') return { alive: true, start: null };
  return new Promise((resolve) => {
    execFile('ps', ['-o', 'stat=,lstart=', '-p', String(pid)], { env: { ...process.env, LC_ALL: 'C' }, timeout: 2_000 }, (error, stdout) => {
      const [, stat = '', start = ''] = /^\s*(\S+)\s+(.*?)\s*$/.exec(String(stdout)) ?? [];
      if (error || stat === '') resolve({ alive: true, start: null });
      else resolve({ alive: !stat.startsWith('Z'), start: start === '' ? null : start });
    });
  });
}

async function linuxProcessState(pid: number): Promise<ProcessState> {
  try {
    const [stat, bootId] = await Promise.all([readFile(`/proc/${pid}/stat`, 'utf8'), readFile('/proc/sys/kernel/random/boot_id', 'utf8')]);
    // Fields from the third on, after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0] ?? '';
    // Field 22: when the process started, in clock ticks since boot.
    const startTicks = fields[19];
    return { alive: state !== 'Z' && state !== 'X', start: startTicks ? `${bootId.trim()}:${startTicks}` : null };
  } catch (error) {
    // Gone between the signal and the read.
    if ((error as { code?: unknown }).code === 'ENOENT') return { alive: false, start: null };
    return { alive: true, start: null };
  }
}
