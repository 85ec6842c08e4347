import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { FSWatcher } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { hashBytes } from '../../../../main/documents/document-id';
import { FileWatch, type FileWatchOptions } from '../../../../main/library/file-watch';
import { makeTempDir } from '../store/fixtures/temp-dir';

const FAST: FileWatchOptions = { debounceMs: 30, pollMs: 5000, lingerMs: 200 };

async function setUp(t: TestContext, options: FileWatchOptions = FAST) {
  const dir = await makeTempDir(t);
  const file = join(dir, 'article.md');
  await writeFile(file, '# One\n');
  const watch = new FileWatch(options);
  t.after(() => watch.close());
  return { dir, file, watch, hash: hashBytes('# One\n') };
}

/** Waits on `file`, does `act` once the wait has begun, and resolves with what the wait saw. */
async function waitThrough(watch: FileWatch, file: string, believed: string | null, act: () => Promise<unknown>, timeoutMs = 5000) {
  const waiting = watch.wait(file, believed, timeoutMs);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await act();
  return waiting;
}

test('a wait on an unchanged file ends after its timeout with null', async (t) => {
  const { file, watch, hash } = await setUp(t);
  const started = Date.now();
  assert.equal(await watch.wait(file, hash, 150), null);
  assert.ok(Date.now() - started >= 140);
});

test('a file written in place is reported with its new hash', async (t) => {
  const { file, watch, hash } = await setUp(t);
  const seen = await waitThrough(watch, file, hash, () => writeFile(file, '# Two\n'));
  assert.deepEqual(seen, { status: 'present', contentHash: hashBytes('# Two\n') });
});

test('a save by rename (as editors save) is seen, though the old file is gone', async (t) => {
  const { dir, file, watch, hash } = await setUp(t);
  const saved = await waitThrough(watch, file, hash, async () => {
    await writeFile(join(dir, '.article.md.swp'), '# Saved by rename\n');
    await rename(join(dir, '.article.md.swp'), file);
  });
  assert.deepEqual(saved, { status: 'present', contentHash: hashBytes('# Saved by rename\n') });
  // Still watched after the rename: a second save is seen too.
  const again = await waitThrough(watch, file, hashBytes('# Saved by rename\n'), () => writeFile(file, '# Three\n'));
  assert.deepEqual(again, { status: 'present', contentHash: hashBytes('# Three\n') });
});

test('a deleted file is reported missing, and its return is reported too', async (t) => {
  const { file, watch, hash } = await setUp(t);
  assert.deepEqual(await waitThrough(watch, file, hash, () => rm(file)), { status: 'missing' });
  const back = await waitThrough(watch, file, null, () => writeFile(file, '# Back\n'));
  assert.deepEqual(back, { status: 'present', contentHash: hashBytes('# Back\n') });
});

test('a state that already differs from what the waiter believes is answered at once', async (t) => {
  const { file, watch } = await setUp(t);
  assert.deepEqual(await watch.wait(file, 'an old hash', 5000), { status: 'present', contentHash: hashBytes('# One\n') });
  assert.deepEqual(await watch.wait(join(file, '..', 'nothing.md'), hashBytes('x'), 5000), { status: 'missing' });
});

test('events for other files of the folder wake nobody', async (t) => {
  const { dir, file, watch, hash } = await setUp(t);
  const waiting = watch.wait(file, hash, 400);
  await writeFile(join(dir, 'other.md'), 'other');
  await mkdir(join(dir, 'sub'));
  assert.equal(await waiting, null);
});

test('where fs.watch fails to start or reports nothing, the stat poll still sees the change', async (t) => {
  for (const watchFolder of [
    () => {
      throw Object.assign(new Error('watch not supported'), { code: 'ENOSYS' });
    },
    // A network file system: a watch that starts and never says a word.
    () => Object.assign(new EventEmitter(), { close: () => undefined }) as unknown as FSWatcher,
  ]) {
    const { file, watch, hash } = await setUp(t, { ...FAST, pollMs: 100, watchFolder: watchFolder as never });
    const polled = await waitThrough(watch, file, hash, () => writeFile(file, '# Polled\n'));
    assert.deepEqual(polled, { status: 'present', contentHash: hashBytes('# Polled\n') });
  }
});

test('one watch serves every waiter of a file, and closes a while after the last one left', async (t) => {
  const { file, watch, hash } = await setUp(t);
  const first = watch.wait(file, hash, 5000);
  const second = watch.wait(file, hash, 5000);
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(watch.size, 1);
  await writeFile(file, '# Both\n');
  assert.deepEqual(await first, await second);
  assert.equal(watch.size, 1, 'kept for the next poll');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(watch.size, 0);
});

test('closing answers the waiters with null', async (t) => {
  const { file, watch, hash } = await setUp(t);
  const waiting = watch.wait(file, hash, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 20));
  watch.close();
  assert.equal(await waiting, null);
  assert.equal(await watch.wait(file, hash, 60_000), null);
});
