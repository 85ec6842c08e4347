import assert from 'node:assert/strict';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Low } from 'lowdb';
import { GlossError } from '../../../../main/errors';
import { CommitQueue } from '../../../../main/store/commit-queue';
import { DurableJsonFile } from '../../../../main/store/durable-json-file';
import { makeTempDir } from './fixtures/temp-dir';

interface Data {
  items: string[];
}

/** The real adapter, counting the writes that reach it. */
class CountingFile extends DurableJsonFile<Data> {
  writes = 0;
  override async write(data: Data): Promise<void> {
    this.writes += 1;
    await super.write(data);
  }
}

async function open(dir: string): Promise<{ queue: CommitQueue<Data>; adapter: CountingFile; file: string }> {
  const file = join(dir, 'data.json');
  const adapter = new CountingFile(file);
  const db = new Low<Data>(adapter, { items: [] });
  await db.read();
  return { queue: new CommitQueue(db, 'data.json'), adapter, file };
}

/** Makes the next writes of `file` fail for real, even as root: a folder where its backup goes. */
async function blockWrites(file: string): Promise<() => Promise<void>> {
  const backup = `${file}.bak`;
  await rm(backup, { force: true });
  await mkdir(join(backup, 'inside'), { recursive: true });
  return () => rm(backup, { recursive: true });
}

const add = (item: string) => (state: Data) => ({ state: { items: [...state.items, item] }, result: item });

test('changes made while a write is in flight share the next write', async (t) => {
  const { queue, adapter, file } = await open(await makeTempDir(t));
  const results = await Promise.all(Array.from({ length: 30 }, (_, i) => queue.run(add(`i${i}`))));
  assert.equal(results.length, 30);
  const onDisk = JSON.parse(await readFile(file, 'utf8')) as Data;
  assert.deepEqual(onDisk.items, Array.from({ length: 30 }, (_, i) => `i${i}`));
  assert.deepEqual(queue.state, onDisk);
  assert.ok(adapter.writes < 30, `got ${adapter.writes} writes`);
});

test('a refused change rejects alone; the others in its batch are kept', async (t) => {
  const { queue, file } = await open(await makeTempDir(t));
  const refuse = () => {
    throw new GlossError('not-found', 'nope');
  };
  const outcomes = await Promise.allSettled([queue.run(add('a')), queue.run(refuse), queue.run(add('b'))]);
  assert.deepEqual(
    outcomes.map((o) => o.status),
    ['fulfilled', 'rejected', 'fulfilled'],
  );
  assert.deepEqual((JSON.parse(await readFile(file, 'utf8')) as Data).items, ['a', 'b']);
});

test('a failed write rolls back every change in it; later changes start from disk', async (t) => {
  const dir = await makeTempDir(t);
  const { queue, file } = await open(dir);
  await queue.run(add('kept'));
  const unblock = await blockWrites(file);
  const failed = await Promise.allSettled([queue.run(add('lost1')), queue.run(add('lost2'))]);
  for (const outcome of failed) {
    assert.equal(outcome.status, 'rejected');
    assert.equal((outcome as PromiseRejectedResult).reason.code, 'io');
  }
  assert.deepEqual(queue.state.items, ['kept'], 'memory matches the disk');
  await unblock();
  await queue.run(add('after'));
  assert.deepEqual((JSON.parse(await readFile(file, 'utf8')) as Data).items, ['kept', 'after']);
});

test('a change that changes nothing does not write', async (t) => {
  const { queue, adapter } = await open(await makeTempDir(t));
  await queue.run(add('a'));
  const writes = adapter.writes;
  assert.equal(await queue.run((state) => ({ state, result: 'same' })), 'same');
  assert.equal(adapter.writes, writes);
});

test('idle waits for everything asked for so far', async (t) => {
  const { queue, file } = await open(await makeTempDir(t));
  void queue.run(add('x'));
  void queue.run(add('y'));
  await queue.idle();
  assert.deepEqual((JSON.parse(await readFile(file, 'utf8')) as Data).items, ['x', 'y']);
  await queue.idle();
});

test("a refusal by the folder's lock reaches the caller as it is, and rolls back", async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  let held = true;
  const refusal = new GlossError('locked', 'Another Gloss took over this data folder; your last change was not saved.');
  const adapter = new DurableJsonFile<Data>(file, {
    beforeWrite: () => {
      if (!held) throw refusal;
    },
  });
  const db = new Low<Data>(adapter, { items: [] });
  await db.read();
  const queue = new CommitQueue(db, 'data.json');
  await queue.run(add('kept'));
  held = false;
  await assert.rejects(queue.run(add('refused')), (error: unknown) => error === refusal);
  assert.deepEqual(queue.state.items, ['kept']);
  assert.deepEqual((JSON.parse(await readFile(file, 'utf8')) as Data).items, ['kept']);
});
