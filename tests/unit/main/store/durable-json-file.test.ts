import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { Low } from 'lowdb';
import { GlossError } from '../../../../main/errors';
import { DurableJsonFile } from '../../../../main/store/durable-json-file';
import { makeTempDir } from './fixtures/temp-dir';

interface Data {
  n: number;
  items: string[];
}

async function corruptFiles(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.includes('.corrupt-')).sort();
}

const readJson = async (file: string): Promise<unknown> => JSON.parse(await readFile(file, 'utf8'));

test('round trip through lowdb; the backup holds the newest data too, and no temp file is left', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const db = new Low<Data>(new DurableJsonFile<Data>(file), { n: 0, items: [] });
  await db.read();
  assert.deepEqual(db.data, { n: 0, items: [] }, 'a missing file reads as nothing: the defaults stay');

  db.data = { n: 1, items: ['a'] };
  await db.write();
  db.data = { n: 2, items: ['a', 'b'] };
  await db.write();
  assert.deepEqual(await readJson(file), { n: 2, items: ['a', 'b'] });
  assert.deepEqual(await readJson(`${file}.bak`), { n: 2, items: ['a', 'b'] }, 'not one write behind');
  assert.deepEqual((await readdir(dir)).sort(), ['data.json', 'data.json.bak']);

  const again = new Low<Data>(new DurableJsonFile<Data>(file), { n: 0, items: [] });
  await again.read();
  assert.deepEqual(again.data, { n: 2, items: ['a', 'b'] });
});

// Each way a confirmed file can be damaged afterwards: by a crash of the disk, a sync tool, an editor, a person.
const DAMAGE: Record<string, (file: string) => Promise<void>> = {
  truncated: async (file) => writeFile(file, (await readFile(file, 'utf8')).slice(0, 40)),
  garbage: (file) => writeFile(file, 'PK\u0003\u0004 not json at all'),
  empty: (file) => writeFile(file, ''),
  missing: (file) => rm(file),
};

for (const [how, damage] of Object.entries(DAMAGE)) {
  test(`a damaged file (${how}) loses nothing that was confirmed`, async (t) => {
    const dir = await makeTempDir(t);
    const file = join(dir, 'data.json');
    const db = new Low<Data>(new DurableJsonFile<Data>(file), { n: 0, items: [] });
    const confirmed = 12;
    for (let n = 1; n <= confirmed; n += 1) {
      db.data = { n, items: [...db.data.items, `item-${n}`] };
      await db.write();
    }
    await damage(file);

    const messages: string[] = [];
    const reopened = new Low<Data>(new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) }), { n: 0, items: [] });
    await reopened.read();
    assert.equal(reopened.data.n, confirmed);
    assert.deepEqual(reopened.data.items, Array.from({ length: confirmed }, (_, i) => `item-${i + 1}`));
    if (how === 'missing') {
      assert.deepEqual(messages, []);
    } else {
      assert.equal(messages.length, 1);
      const kept = await corruptFiles(dir);
      assert.equal(kept.length, 1, 'the damaged file is kept');
      assert.ok(messages[0]?.includes(`The damaged file was kept as ${join(dir, kept[0] ?? '')}.`), messages[0]);
    }
    // And the next write carries on from there.
    reopened.data = { n: confirmed + 1, items: [...reopened.data.items, 'next'] };
    await reopened.write();
    assert.equal(((await readJson(file)) as Data).items.length, confirmed + 1);
  });
}

test('a damaged file is moved aside intact, the backup used, and the reader told the real path it was kept at', async (t) => {
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
  assert.deepEqual(messages, [`gloss.json was damaged; Gloss restored the last good copy. The damaged file was kept as ${join(dir, kept[0] ?? '')}.`]);

  await adapter.write({ n: 8, items: [] });
  assert.equal(((await readJson(file)) as Data).n, 8);
  assert.equal(((await readJson(`${file}.bak`)) as Data).n, 8);
});

test('a file saved with a UTF-8 byte-order mark is read, not treated as damaged', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(file, `\uFEFF${JSON.stringify({ n: 3, items: ['bom'] })}`);
  const messages: string[] = [];
  assert.deepEqual(await new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) }).read(), { n: 3, items: ['bom'] });
  assert.deepEqual(messages, []);
  assert.deepEqual(await readdir(dir), ['data.json']);
});

test('JSON that is not an object counts as damaged', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  await writeFile(file, '[1, 2, 3]');
  const messages: string[] = [];
  assert.equal(await new DurableJsonFile<Data>(file, { onRecover: (m) => messages.push(m) }).read(), null);
  assert.equal(messages.length, 1);
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

test('a symbolic link planted where a temp file goes is never written through', async (t) => {
  const dir = await makeTempDir(t);
  const outside = join(await makeTempDir(t), 'precious.txt');
  await writeFile(outside, 'do not touch');
  // The names temp files had before (fixed, so an attacker could plant them).
  await symlink(outside, join(dir, '.data.json.tmp'));
  await symlink(outside, join(dir, '.data.json.bak.tmp'));
  const adapter = new DurableJsonFile<Data>(join(dir, 'data.json'));
  await adapter.write({ n: 1, items: [] });
  await adapter.write({ n: 2, items: [] });
  assert.equal(await readFile(outside, 'utf8'), 'do not touch');
  assert.equal(((await readJson(join(dir, 'data.json'))) as Data).n, 2);
});

test('a failed write rejects, leaves the files as they were and no temp file, and the next write works', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data>(file);
  await adapter.write({ n: 1, items: [] });
  // A folder where the backup goes makes the rename fail for real, even when run as root.
  await rm(`${file}.bak`);
  await mkdir(join(`${file}.bak`, 'inside'), { recursive: true });
  await assert.rejects(adapter.write({ n: 2, items: [] }), (error: unknown) => ['EISDIR', 'ENOTEMPTY', 'EEXIST'].includes((error as { code: string }).code));
  assert.equal(((await readJson(file)) as Data).n, 1, 'the file is as it was');
  assert.deepEqual((await readdir(dir)).sort(), ['data.json', 'data.json.bak']);
  await rm(`${file}.bak`, { recursive: true });
  await adapter.write({ n: 3, items: [] });
  assert.equal(((await readJson(file)) as Data).n, 3);
});

test('beforeWrite refuses a write before anything is replaced', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  let allowed = true;
  const adapter = new DurableJsonFile<Data>(file, {
    beforeWrite: () => {
      if (!allowed) throw new GlossError('locked', 'not yours');
    },
  });
  await adapter.write({ n: 1, items: [] });
  allowed = false;
  await assert.rejects(adapter.write({ n: 2, items: [] }), { code: 'locked', message: 'not yours' });
  assert.equal(((await readJson(file)) as Data).n, 1);
  assert.equal(((await readJson(`${file}.bak`)) as Data).n, 1);
  assert.deepEqual((await readdir(dir)).sort(), ['data.json', 'data.json.bak'], 'the temp files are removed');

  // Setting a damaged file aside is a change too.
  await writeFile(file, '{');
  await assert.rejects(adapter.read(), { code: 'locked' });
  assert.equal(await readFile(file, 'utf8'), '{');
});

test('one write at a time: the adapter neither queues nor coalesces (CommitQueue orders writes)', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data>(file);
  const first = adapter.write({ n: 1, items: [] });
  await assert.rejects(adapter.write({ n: 2, items: [] }), /while another was in flight/);
  await first;
  assert.equal(((await readJson(file)) as Data).n, 1);
  await adapter.write({ n: 3, items: [] });
  assert.equal(((await readJson(file)) as Data).n, 3);
});

test('data that cannot be serialized is refused and writes nothing', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'data.json');
  const adapter = new DurableJsonFile<Data | { n: bigint }>(file);
  await adapter.write({ n: 1, items: [] });
  await assert.rejects(adapter.write({ n: 2n }), TypeError);
  await adapter.write({ n: 3, items: [] });
  assert.equal(((await readJson(file)) as Data).n, 3);
  assert.deepEqual((await readdir(dir)).sort(), ['data.json', 'data.json.bak']);
});

