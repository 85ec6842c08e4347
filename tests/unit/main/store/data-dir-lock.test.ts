import assert from 'node:assert/strict';
import { mkdir, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { GlossError } from '../../../../main/errors';
import { LOCK_NAME, lockDataDir } from '../../../../main/store/data-dir-lock';
import { runFixture } from './fixtures/child-process';
import { makeTempDir } from './fixtures/temp-dir';

const lockedMessage = (dir: string): string =>
  `The Gloss data folder ${dir} is in use by another Gloss window or server. Close it first, or use --data-dir to choose another folder.`;

function isLockedError(dir: string) {
  return (error: unknown): boolean => error instanceof GlossError && error.code === 'locked' && error.message === lockedMessage(dir);
}

test('a second lock on the same folder is refused; once released it can be taken again', async (t) => {
  const dir = await makeTempDir(t);
  const release = await lockDataDir(dir);
  assert.ok((await stat(join(dir, LOCK_NAME))).isDirectory(), 'the lock lives in the data folder');
  await assert.rejects(lockDataDir(dir), isLockedError(dir));
  await release();
  await release(); // harmless twice
  const again = await lockDataDir(dir);
  await again();
});

test('creates a missing data folder', async (t) => {
  const dir = join(await makeTempDir(t), 'new', 'data');
  const release = await lockDataDir(dir);
  assert.ok((await stat(dir)).isDirectory());
  await release();
});

test('another process is refused with the clear message, and gets the folder once released', async (t) => {
  const dir = await makeTempDir(t);
  const release = await lockDataDir(dir);
  const refused = await runFixture('lock-child.ts', [dir]);
  assert.equal(refused.code, 0, refused.stderr);
  assert.deepEqual(JSON.parse(refused.stdout), { ok: false, code: 'locked', message: lockedMessage(dir) });

  await release();
  const allowed = await runFixture('lock-child.ts', [dir]);
  assert.deepEqual(JSON.parse(allowed.stdout), { ok: true }, allowed.stderr);
});

test("a crashed process's lock expires: a stale lock is taken over", async (t) => {
  const dir = await makeTempDir(t);
  const lockPath = join(dir, LOCK_NAME);
  await mkdir(lockPath);
  const longAgo = new Date(Date.now() - 60_000);
  await utimes(lockPath, longAgo, longAgo);
  const release = await lockDataDir(dir);
  await release();
});

test('a fresh lock left by another process is respected', async (t) => {
  const dir = await makeTempDir(t);
  await mkdir(join(dir, LOCK_NAME));
  await assert.rejects(lockDataDir(dir), isLockedError(dir));
});
