import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { createGlossService } from '../../../../main/service';
import { ANNOTATIONS_FOLDER } from '../../../../main/store/annotation-store';
import { findLockHolder } from '../../../../main/store/data-dir-lock';
import { openStoreReadOnly } from '../../../../main/store/read-only-store';
import { makeAnnotation } from './fixtures/make-annotation';
import { makeTempDir } from './fixtures/temp-dir';

/** Every file in the folder with its bytes and mtime, to show that nothing changed. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).map(String).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    result[name] = info.isDirectory() ? 'folder' : `${info.mtimeMs} ${await readFile(path, 'utf8')}`;
  }
  return result;
}

test('reads what a running Gloss stored, without its lock and without changing a thing; tells who holds the folder', async (t) => {
  const root = await makeTempDir(t);
  const dataDir = join(root, 'data');
  const article = join(root, 'essay.md');
  await writeFile(article, '# An essay\n\nWords.\n');
  const service = await createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: 'any-path' });
  t.after(() => service.close());
  const doc = await service.openDocument({ path: article });
  const created = await service.createAnnotation({ documentId: doc.id, kind: 'note', color: null, note: 'About the essay.', target: null });

  const holder = await findLockHolder(dataDir);
  assert.equal(holder?.owner?.pid, process.pid, 'a live Gloss holds it');
  assert.match(holder?.description ?? '', /^Gloss \(process \d+, started /);

  const before = await snapshot(dataDir);
  const store = await openStoreReadOnly(dataDir);
  assert.deepEqual(store.listDocuments().map((d) => [d.id, d.title, d.path]), [[doc.id, 'An essay', article]]);
  assert.deepEqual(await store.listAnnotatedDocumentIds(), [doc.id]);
  assert.deepEqual(await store.annotationsOf(doc.id), [created]);
  assert.deepEqual(await store.annotationsOf('no-such-document'), []);
  assert.deepEqual(store.notices, []);
  assert.deepEqual(await snapshot(dataDir), before, 'nothing was written, moved or locked');

  // The app goes on writing meanwhile; a later read sees the whole new version.
  const second = await service.createAnnotation({ documentId: doc.id, kind: 'note', color: null, note: 'And again.', target: null });
  assert.deepEqual(await store.annotationsOf(doc.id), [created, second]);
});

test('a damaged file is read from its backup and left where it is; a folder no Gloss holds says so', async (t) => {
  const dataDir = await makeTempDir(t);
  await mkdir(join(dataDir, ANNOTATIONS_FOLDER));
  const file = join(dataDir, ANNOTATIONS_FOLDER, 'doc-1.json');
  await writeFile(`${file}.bak`, JSON.stringify({ schemaVersion: 1, documentId: 'doc-1', annotations: [makeAnnotation('doc-1', 'a1')], quarantine: [] }));
  await writeFile(file, '{"schemaVersion": 1, "annot');
  const store = await openStoreReadOnly(dataDir);
  assert.deepEqual(store.listDocuments(), [], 'no gloss.json: an empty library');
  assert.deepEqual((await store.annotationsOf('doc-1')).map((a) => a.id), ['a1']);
  assert.deepEqual(store.notices, [`annotations/doc-1.json is damaged; its backup copy (${file}.bak) was read instead.`]);
  assert.deepEqual((await readdir(join(dataDir, ANNOTATIONS_FOLDER))).sort(), ['doc-1.json', 'doc-1.json.bak'], 'no repair, no move');
  assert.equal(await findLockHolder(dataDir), null);
});

test('refuses a document id that is not one, and a file from a newer Gloss', async (t) => {
  const dataDir = await makeTempDir(t);
  const store = await openStoreReadOnly(dataDir);
  await assert.rejects(store.annotationsOf('../gloss'), { code: 'invalid-request' });
  await writeFile(join(dataDir, 'gloss.json'), JSON.stringify({ schemaVersion: 99 }));
  await assert.rejects(openStoreReadOnly(dataDir), (error: unknown) => (error as { code?: string }).code === 'io' && /newer version of Gloss/.test(String(error)));
});
