import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { GlossError } from '../../../../main/errors';
import { findLockHolder, LOCK_NAME, lockDataDir } from '../../../../main/store/data-dir-lock';
import type { LockOwner } from '../../../../main/store/data-dir-lock';
import { runFixture, startFixture } from './fixtures/child-process';
import { makeTempDir } from './fixtures/temp-dir';

const inUse = (dir: string, by: string): RegExp =>
  new RegExp(`^The Gloss data folder ${escape(dir)} is in use by ${by}\\. Close it first, or use --data-dir to choose another folder\\.$`);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function isLocked(dir: string, by: string) {
  return (error: unknown): boolean => error instanceof GlossError && error.code === 'locked' && inUse(dir, by).test(error.message);
}

const STARTED = '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d';

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid as number;
}

async function writeLock(dir: string, owner: Partial<LockOwner>, ageMs = 0): Promise<string> {
  const path = join(dir, LOCK_NAME);
  const record = { app: 'Gloss', pid: 1, host: hostname(), startedAt: '2025-06-01T12:00:00.000Z', processStart: null, token: 'theirs', ...owner };
  await writeFile(path, JSON.stringify(record));
  const at = new Date(Date.now() - ageMs);
  await utimes(path, at, at);
  return path;
}

test('the lock file names its owner; a second lock is refused naming it; once released it can be taken again', async (t) => {
  const dir = await makeTempDir(t);
  const lock = await lockDataDir(dir);
  const recorded = JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8')) as LockOwner;
  assert.equal(recorded.pid, process.pid);
  assert.equal(recorded.host, hostname());
  assert.ok(Math.abs(Date.parse(recorded.startedAt) - (Date.now() - process.uptime() * 1000)) < 2_000, 'when this process started');
  if (process.platform === 'linux') assert.match(recorded.processStart ?? '', /^[0-9a-f-]{36}:\d+$/, 'boot id and start tick');
  assert.match(recorded.token, /^[0-9a-f]{32}$/);
  assert.deepEqual(recorded, lock.owner);

  await assert.rejects(lockDataDir(dir), isLocked(dir, `Gloss \\(process ${process.pid}, started ${STARTED}\\)`));
  lock.check();
  await lock.release();
  await lock.release(); // harmless twice
  assert.deepEqual(await readdir(dir), [], 'released: the lock file is gone');
  const again = await lockDataDir(dir);
  await again.release();
});

test('creates a missing data folder', async (t) => {
  const dir = join(await makeTempDir(t), 'new', 'data');
  const lock = await lockDataDir(dir);
  assert.ok((await stat(dir)).isDirectory());
  await lock.release();
});

test('another process is refused with a message naming this one, and gets the folder once released', async (t) => {
  const dir = await makeTempDir(t);
  const lock = await lockDataDir(dir);
  const refused = await runFixture('lock-child.ts', [dir]);
  assert.equal(refused.code, 0, refused.stderr);
  const outcome = JSON.parse(refused.stdout) as { ok: boolean; code: string; message: string };
  assert.equal(outcome.code, 'locked');
  assert.match(outcome.message, inUse(dir, `Gloss \\(process ${process.pid}, started ${STARTED}\\)`));

  await lock.release();
  const allowed = await runFixture('lock-child.ts', [dir]);
  assert.equal(JSON.parse(allowed.stdout).ok, true, allowed.stderr);
});

test('after a crash the next Gloss gets the folder at once', async (t) => {
  const dir = await makeTempDir(t);
  const child = startFixture('lock-child.ts', [dir, '60000']);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stdin.write('go\n');
  while (!stdout.includes('"ok":true')) await new Promise((resolve) => setTimeout(resolve, 20));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
  assert.equal(JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8')).pid, child.pid, 'the killed process left its lock behind');

  const started = Date.now();
  const lock = await lockDataDir(dir);
  assert.ok(Date.now() - started < 1_000, `took ${Date.now() - started} ms`);
  assert.equal(JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8')).token, lock.owner.token);
  await lock.release();
});

test('an owner that died but was not yet reaped by its parent (a zombie) is gone', { skip: process.platform !== 'linux' && 'reads /proc' }, async (t) => {
  const dir = await makeTempDir(t);
  const hold = `import(${JSON.stringify(resolve('main/store/data-dir-lock.ts'))}).then(async (m) => { await m.lockDataDir(${JSON.stringify(dir)}); setInterval(() => {}, 1000); })`;
  // sh starts the holder in the background, then becomes `sleep`, which never reaps it.
  const parent = spawn('sh', ['-c', `"${process.execPath}" --import tsx -e '${hold}' & exec sleep 30`], { stdio: 'ignore' });
  t.after(() => parent.kill('SIGKILL'));
  let holder: number | undefined;
  while (holder === undefined) {
    await new Promise((done) => setTimeout(done, 50));
    holder = (JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8').catch(() => '{}')) as { pid?: number }).pid;
  }
  process.kill(holder, 'SIGKILL');
  let state = '';
  while (state !== 'Z') {
    await new Promise((done) => setTimeout(done, 20));
    state = (await readFile(`/proc/${holder}/stat`, 'utf8')).split(') ')[1]?.[0] ?? '';
  }
  const lock = await lockDataDir(dir);
  await lock.release();
});

test('a process id now used by another process is not the owner; the same process is', async (t) => {
  const dir = await makeTempDir(t);
  const mine = await lockDataDir(dir);
  const { processStart } = mine.owner;
  await mine.release();
  if (processStart === null) return t.skip('this platform does not tell when a process started');

  await writeLock(dir, { pid: process.pid, processStart: `${processStart}0` });
  const lock = await lockDataDir(dir);
  await lock.release();

  await writeLock(dir, { pid: process.pid, processStart });
  await assert.rejects(lockDataDir(dir), isLocked(dir, `Gloss \\(process ${process.pid}, started ${STARTED}\\)`));
});

test('a lock whose process has ended is taken over, even a fresh one', async (t) => {
  const dir = await makeTempDir(t);
  await writeLock(dir, { pid: await deadPid() });
  const lock = await lockDataDir(dir);
  assert.deepEqual((await readdir(dir)).sort(), [LOCK_NAME], 'the old lock is removed, nothing is left aside');
  await lock.release();
});

test('a lock held from another host is judged by its heartbeat', async (t) => {
  const dir = await makeTempDir(t);
  await writeLock(dir, { host: 'reading-room', pid: 4321 }, 1_000);
  await assert.rejects(lockDataDir(dir, { staleMs: 5_000 }), isLocked(dir, `Gloss on reading-room \\(process 4321, started ${STARTED}\\)`));
  assert.equal((await findLockHolder(dir, { staleMs: 5_000 }))?.owner?.host, 'reading-room');

  await writeLock(dir, { host: 'reading-room', pid: 4321 }, 10_000);
  assert.equal(await findLockHolder(dir, { staleMs: 5_000 }), null, 'not refreshed for longer than the stale time: gone');
  const lock = await lockDataDir(dir, { staleMs: 5_000 });
  await lock.release();
});

test('the holder refreshes its heartbeat', async (t) => {
  const dir = await makeTempDir(t);
  const lock = await lockDataDir(dir, { heartbeatMs: 30 });
  const path = join(dir, LOCK_NAME);
  const long = new Date(Date.now() - 60_000);
  await utimes(path, long, long);
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.ok(Date.now() - (await stat(path)).mtimeMs < 1_000, 'refreshed');
  await lock.release();
});

test('a lock left by Gloss 0.1 (a proper-lockfile folder) is respected while fresh and taken over once stale', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, LOCK_NAME);
  await mkdir(path);
  await assert.rejects(lockDataDir(dir), isLocked(dir, 'an older version of Gloss'));
  const longAgo = new Date(Date.now() - 60_000);
  await utimes(path, longAgo, longAgo);
  const lock = await lockDataDir(dir);
  assert.ok((await stat(path)).isFile());
  await lock.release();
});

test('a lock file still being written is waited for; an empty one left by a crash is taken over', async (t) => {
  const dir = await makeTempDir(t);
  const path = join(dir, LOCK_NAME);
  const mine = await lockDataDir(dir);
  const owner = await readFile(path, 'utf8');
  await mine.release();
  // Another starter has created the file and writes its owner a moment later.
  await writeFile(path, '');
  const written = new Promise((resolve) => setTimeout(resolve, 300)).then(() => writeFile(path, owner));
  await assert.rejects(lockDataDir(dir), isLocked(dir, `Gloss \\(process ${process.pid}, started ${STARTED}\\)`));
  await written;

  await writeFile(path, '');
  const longAgo = new Date(Date.now() - 60_000);
  await utimes(path, longAgo, longAgo);
  const started = Date.now();
  const lock = await lockDataDir(dir);
  assert.ok(Date.now() - started < 1_000, 'at once');
  await lock.release();
});

test('of several processes starting at once over a dead lock, exactly one gets the folder', { timeout: 60_000 }, async (t) => {
  const dir = await makeTempDir(t);
  await writeLock(dir, { pid: await deadPid() });
  const starters = Array.from({ length: 4 }, () => startFixture('lock-child.ts', [dir, '1500']));
  t.after(() => starters.forEach((child) => child.kill('SIGKILL')));
  // Each waits for its line on stdin: let them all go together once all have loaded.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const outcomes = await Promise.all(
    starters.map((child) => {
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.stdin.write('go\n');
      return new Promise<{ ok: boolean; code?: string }>((resolve) => child.once('close', () => resolve(JSON.parse(out))));
    }),
  );
  assert.equal(outcomes.filter((o) => o.ok).length, 1, JSON.stringify(outcomes));
  assert.ok(outcomes.every((o) => o.ok || o.code === 'locked'), JSON.stringify(outcomes));
});

test('check() refuses once the lock is gone or someone else holds it, for good, and the heartbeat says so', async (t) => {
  const dir = await makeTempDir(t);
  const told: string[] = [];
  const lock = await lockDataDir(dir, { heartbeatMs: 20, onLost: (message) => told.push(message) });
  lock.check();
  await rm(join(dir, LOCK_NAME));
  const other = await lockDataDir(dir);
  while (told.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  assert.match(told[0] ?? '', /^Another Gloss took over this data folder .*, so changes made here can no longer be saved\. Gloss \(process \d+, started .*\) uses it now\./);
  assert.throws(
    () => lock.check(),
    (error: unknown) => error instanceof GlossError && error.code === 'locked' && /^Another Gloss took over this data folder \(.*\); your last change was not saved\./.test(error.message),
  );
  await lock.release();
  assert.equal(JSON.parse(await readFile(join(dir, LOCK_NAME), 'utf8')).token, other.owner.token, "release never removes another owner's lock");
  await other.release();
  assert.throws(() => lock.check(), { code: 'locked' }, 'a lost folder stays lost even once it is free');
});

test('findLockHolder reads who holds the folder and changes nothing', async (t) => {
  const dir = await makeTempDir(t);
  assert.equal(await findLockHolder(dir), null);
  const lock = await lockDataDir(dir);
  const holder = await findLockHolder(dir);
  assert.equal(holder?.owner?.pid, process.pid);
  assert.match(holder?.description ?? '', new RegExp(`^Gloss \\(process ${process.pid}, started ${STARTED}\\)$`));
  await lock.release();

  const stale = await writeLock(dir, { pid: await deadPid() });
  const before = await readFile(stale, 'utf8');
  assert.equal(await findLockHolder(dir), null, 'a dead owner holds nothing');
  assert.equal(await readFile(stale, 'utf8'), before, 'and its lock is left as it was');
});
