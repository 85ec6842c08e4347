// Two real Gloss processes on one data folder, one of them paused with SIGSTOP: the second must
// never be let in while the first lives, and a process whose lock was taken from it anyway must
// never write again, so no confirmed write of either is lost.
import assert from 'node:assert/strict';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import { ANNOTATIONS_FOLDER } from '../../../../main/store/annotation-store';
import { LOCK_NAME } from '../../../../main/store/data-dir-lock';
import { openStoreReadOnly } from '../../../../main/store/read-only-store';
import { startServiceProcess } from './fixtures/service-process';
import type { ServiceMessage, ServiceProcess } from './fixtures/service-process';
import { makeTempDir } from './fixtures/temp-dir';

const created = (messages: ServiceMessage[]) => messages.flatMap((m) => (m.created ? [m.created] : []));
const refused = (messages: ServiceMessage[]) => messages.flatMap((m) => (m.refused ? [m.refused] : []));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A data folder and an article, and a way to start Gloss processes on them that the test ends. */
async function setUp(t: TestContext): Promise<{ dataDir: string; start: () => ServiceProcess }> {
  const root = await makeTempDir(t);
  const dataDir = join(root, 'data');
  const article = join(root, 'article.md');
  await writeFile(article, '# An article\n\nSome words worth keeping.\n');
  const running: ServiceProcess[] = [];
  t.after(() => {
    for (const p of running) {
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGCONT');
      p.kill();
    }
  });
  return {
    dataDir,
    start() {
      const started = startServiceProcess(dataDir, article);
      running.push(started);
      return started;
    },
  };
}

/** The id of the document a started Gloss opened; fails the test if it did not start. */
async function readyDocument(p: ServiceProcess): Promise<string> {
  const message = await p.started;
  assert.equal(message.ready, true, `${JSON.stringify(message)} ${p.stderr()}`);
  return message.documentId as string;
}

async function storedIds(dataDir: string, documentId: string): Promise<Set<string>> {
  const store = await openStoreReadOnly(dataDir);
  return new Set((await store.annotationsOf(documentId)).map((a) => a.id));
}

test('a paused Gloss keeps its folder: a second one is refused, and every confirmed create of the first survives', { timeout: 60_000 }, async (t) => {
  const { dataDir, start } = await setUp(t);
  const first = start();
  const documentId = await readyDocument(first);
  const before = created(await first.run('create 20'));
  assert.equal(before.length, 20);

  // Longer than the 10 s after which proper-lockfile called a lock stale and let the next one in.
  first.child.kill('SIGSTOP');
  await sleep(12_000);
  const second = start();
  const outcome = await second.started;
  first.child.kill('SIGCONT');
  assert.equal(outcome.startError?.code, 'locked', `the second Gloss started while the first was paused: ${JSON.stringify(outcome)}`);
  assert.match(outcome.startError?.message ?? '', new RegExp(`is in use by Gloss \\(process ${first.child.pid}, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\)`));

  const after = created(await first.run('create 20'));
  assert.equal(after.length, 20, 'the first Gloss goes on writing once continued');
  await first.close();
  const stored = await storedIds(dataDir, documentId);
  assert.deepEqual([...before, ...after].filter((id) => !stored.has(id)), [], 'no confirmed create was lost');
});

test('a Gloss whose lock was taken while it was paused never writes again; the new owner loses nothing', { timeout: 60_000 }, async (t) => {
  const { dataDir, start } = await setUp(t);
  const first = start();
  const documentId = await readyDocument(first);
  const firstBefore = created(await first.run('create 5'));

  first.child.kill('SIGSTOP');
  // The lock is taken from under a live process: deleted by hand or by a cleaning tool (or, on a
  // network folder, judged stale from another host while this one slept).
  await rm(join(dataDir, LOCK_NAME));
  const second = start();
  assert.equal(await readyDocument(second), documentId);
  const secondConfirmed = created(await second.run('create 20'));
  assert.equal(secondConfirmed.length, 20);

  first.child.kill('SIGCONT');
  const attempts = await first.run('create 20');
  assert.deepEqual(created(attempts), [], 'the first Gloss confirmed a write after it lost the folder');
  const refusals = refused(attempts);
  assert.equal(refusals.length, 20);
  for (const refusal of refusals) {
    assert.equal(refusal.code, 'locked');
    assert.match(refusal.message, /^Another Gloss took over this data folder \(.*\); your last change was not saved\. Gloss \(process \d+, started .*\) uses it now\./);
  }
  const imported = await first.run('import 2000');
  assert.equal(refused(imported)[0]?.code, 'locked', 'an upload is refused too');

  secondConfirmed.push(...created(await second.run('create 10')));
  await second.close();
  const stored = await storedIds(dataDir, documentId);
  assert.deepEqual(secondConfirmed.filter((id) => !stored.has(id)), [], "none of the new owner's confirmed creates was lost");
  assert.deepEqual(firstBefore.filter((id) => !stored.has(id)), [], 'what the first confirmed before it lost the folder is there too');
  assert.equal(stored.size, firstBefore.length + secondConfirmed.length, 'nothing the first one tried afterwards reached the disk');
  const names = await readdir(join(dataDir, ANNOTATIONS_FOLDER));
  assert.deepEqual(names.filter((name) => name.endsWith('.tmp')), [], 'the refused writes left no temp files');
  first.kill();
});
