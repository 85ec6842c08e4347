import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Low } from 'lowdb';
import { DurableJsonFile, writeFileDurably } from '../../../../main/store/durable-json-file';
import { makeTempDir } from './fixtures/temp-dir';

interface Data {
  n: number;
  items: string[];
}

async function corruptFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes('.corrupt-')).sort();
}

test('round trip through lowdb, with the previous version kept as .bak', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const db = new Low<Data>(new DurableJsonFile<Data>(file), { n: 0, items: [] });
  await db.read();
  assert.deepEqual(db.data, { n: 0, items: [] }, 'a missing file reads as nothing: the defaults stay');

  db.data = { n: 1, items: ['a'] };
  await db.write();
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { n: 1, items: ['a'] });
  assert.deepEqual(await readdir(dir), ['data.json'], 'the first write leaves no backup and no temp file');

  db.data = { n: 2, items: ['a', 'b'] };
  await db.write();
  assert.deepEqual(JSON.parse(await readFile(`${file}.bak`, 'utf8')), { n: 1, items: ['a'] }, '.bak is the last good copy');

  const again = new Low<Data>(new DurableJsonFile<Data>(file), { n: 0, items: [] });
  await again.read();
  assert.deepEqual(again.data, { n: 2, items: ['a', 'b'] });
});

test('writes the folder when it is missing', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'deeper', 'data.json');
  await new DurableJsonFile<Data>(file).write({ n: 5, items: [] });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 5);
});

test('concurrent writes coalesce: all resolve, each after its data is on disk, newest data wins', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data>(file);
  const calls = 50;
  const seenOnDisk: number[] = [];
  await Promise.all(
    Array.from({ length: calls }, (_, i) =>
      adapter.write({ n: i, items: [String(i)] }).then(async () => {
        const onDisk = JSON.parse(await readFile(file, 'utf8')) as Data;
        seenOnDisk[i] = onDisk.n;
      }),
    ),
  );
  assert.deepEqual(JSON.parse(await readFile(file, 'utf8')), { n: calls - 1, items: [String(calls - 1)] });
  for (let i = 0; i < calls; i += 1) {
    assert.ok((seenOnDisk[i] ?? -1) >= i, `write ${i} resolved before a write containing it was on disk`);
  }
  assert.ok(adapter.physicalWrites < calls, `expected fewer than ${calls} physical writes, got ${adapter.physicalWrites}`);
  assert.equal(adapter.physicalWrites, 2, 'the first write, then one for all the callers that waited');
});

test('a failed write rejects its callers and the next write still works', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data>(file);
  await adapter.write({ n: 1, items: [] });
  // A folder where the temp file goes makes the write fail for real, even when run as root.
  const blocker = join(dir, '.data.json.tmp');
  await mkdir(blocker);
  await assert.rejects(adapter.write({ n: 2, items: [] }), { code: 'EISDIR' });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 1, 'the file is as it was');
  await rm(blocker, { recursive: true });
  await adapter.write({ n: 3, items: [] });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 3);
});

test('a corrupt file is moved aside intact, the backup restored, and the reader told', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'gloss.json');
  const damaged = '{"n": 7, "items": ["a", "b"';
  await writeFile(`${file}.bak`, JSON.stringify({ n: 6, items: ['a'] }));
  await writeFile(file, damaged);
  const messages: string[] = [];
  const adapter = new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) });

  assert.deepEqual(await adapter.read(), { n: 6, items: ['a'] });
  const kept = await corruptFiles(dir);
  assert.equal(kept.length, 1);
  assert.match(kept[0] ?? '', /^gloss\.json\.corrupt-\d{4}-\d\d-\d\dT/);
  assert.equal(await readFile(join(dir, kept[0] ?? ''), 'utf8'), damaged, 'the damaged bytes are kept as they were');
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', /^gloss\.json was damaged; Gloss restored the last good copy\. The damaged file was kept as .*gloss\.json\.corrupt-/);

  // The next write must not replace the good backup with nothing: the damaged file is gone.
  await adapter.write({ n: 8, items: [] });
  assert.deepEqual(JSON.parse(await readFile(`${file}.bak`, 'utf8')), { n: 6, items: ['a'] });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 8);
});

test('a truncated or empty file counts as damaged', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const full = JSON.stringify({ n: 1, items: ['x'.repeat(100)] });
  await writeFile(`${file}.bak`, JSON.stringify({ n: 0, items: [] }));
  await writeFile(file, full.slice(0, full.length / 2));
  const messages: string[] = [];
  const adapter = new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) });
  assert.deepEqual(await adapter.read(), { n: 0, items: [] });

  await writeFile(file, '');
  assert.deepEqual(await adapter.read(), { n: 0, items: [] });
  assert.equal((await corruptFiles(dir)).length, 2, 'each damaged file is kept under its own name');
  assert.equal(messages.length, 2);
});

test('JSON that is not an object counts as damaged', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(file, '[1, 2, 3]');
  const messages: string[] = [];
  assert.equal(await new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) }).read(), null);
  assert.equal(messages.length, 1);
});

test('a missing file with a .bak (a crash between the renames) reads the backup', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(`${file}.bak`, JSON.stringify({ n: 4, items: [] }));
  const messages: string[] = [];
  const adapter = new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) });
  assert.deepEqual(await adapter.read(), { n: 4, items: [] });
  assert.deepEqual(messages, [], 'nothing confirmed was lost, so there is nothing to tell');
  await adapter.write({ n: 5, items: [] });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 5);
  assert.equal(JSON.parse(await readFile(`${file}.bak`, 'utf8')).n, 4);
});

test('no good backup: starts empty, still keeps the damaged file (and the damaged backup)', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(file, 'not json at all');
  await writeFile(`${file}.bak`, '{"broken":');
  const messages: string[] = [];
  const adapter = new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) });
  assert.equal(await adapter.read(), null);
  const kept = await corruptFiles(dir);
  assert.equal(kept.length, 2);
  const keptMain = kept.find((name) => name.startsWith('data.json.corrupt-')) ?? '';
  const keptBackup = kept.find((name) => name.startsWith('data.json.bak.corrupt-')) ?? '';
  assert.equal(await readFile(join(dir, keptMain), 'utf8'), 'not json at all');
  assert.equal(await readFile(join(dir, keptBackup), 'utf8'), '{"broken":');
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', /no good backup was found, so Gloss started it afresh/);

  const noBackup = join(dir, 'other.json');
  await writeFile(noBackup, '{');
  assert.equal(await new DurableJsonFile<Data>(noBackup).read(), null);
  assert.equal((await readdir(dir)).filter((n) => n.startsWith('other.json.corrupt-')).length, 1);
});

test('parse errors reach the caller and leave the file untouched', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(file, '{"schemaVersion": 99}');
  const adapter = new DurableJsonFile<Data>(file, {
    parse: () => {
      throw new Error('too new');
    },
  });
  await assert.rejects(adapter.read(), /too new/);
  assert.deepEqual(await readdir(dir), ['data.json']);
  assert.equal(await readFile(file, 'utf8'), '{"schemaVersion": 99}');
});

test('a custom stringify decides the bytes', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await new DurableJsonFile<Data>(file, { stringify: (d) => JSON.stringify(d) }).write({ n: 1, items: [] });
  assert.equal(await readFile(file, 'utf8'), '{"n":1,"items":[]}');
});

test('writeFileDurably writes bytes, creating the folder, one write at a time per file', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'imported', 'a.txt');
  await Promise.all([writeFileDurably(file, 'first'), writeFileDurably(file, new TextEncoder().encode('second'))]);
  assert.equal(await readFile(file, 'utf8'), 'second');
  assert.deepEqual(await readdir(join(dir, 'imported')), ['a.txt'], 'no backup unless asked for, no temp left');
});

test('data that cannot be serialized rejects its callers only', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data | { n: bigint }>(file);
  const first = adapter.write({ n: 1, items: [] });
  const bad = adapter.write({ n: 2n });
  await first;
  await assert.rejects(bad, TypeError);
  await adapter.write({ n: 3, items: [] });
  assert.equal(JSON.parse(await readFile(file, 'utf8')).n, 3);
});

test('writeFileDurably with exclusiveTemp never opens a temp file someone else made, and leaves none behind', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'Notes.md');
  // What a crashed writer (or another program) left where the plain temp name would be.
  await writeFile(join(dir, '.Notes.md.tmp'), 'someone else’s');
  await Promise.all([writeFileDurably(file, 'one', { exclusiveTemp: true }), writeFileDurably(file, 'two', { exclusiveTemp: true })]);
  assert.equal(await readFile(file, 'utf8'), 'two');
  assert.equal(await readFile(join(dir, '.Notes.md.tmp'), 'utf8'), 'someone else’s');
  assert.deepEqual((await readdir(dir)).sort(), ['.Notes.md.tmp', 'Notes.md']);

  // A failed rename (the target is a folder) takes its randomly named temp file with it.
  const folder = join(dir, 'taken.md');
  await mkdir(folder);
  await assert.rejects(writeFileDurably(folder, 'x', { exclusiveTemp: true }));
  assert.deepEqual((await readdir(dir)).sort(), ['.Notes.md.tmp', 'Notes.md', 'taken.md']);
});
