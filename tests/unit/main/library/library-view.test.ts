/**
 * The library the library view lists: every document with title, location, last opened,
 * progress and annotation count; files gone missing; Locate…; removing a document with its
 * annotations and putting both back exactly.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { LIBRARY_FILE } from '../../../../main/store/library-store';
import { TRASH_FOLDER } from '../../../../main/store/document-trash';
import { ARTICLE, ARTICLE_EDITED, highlight, libraryWorld, OTHER_ARTICLE } from './library-fixtures';

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let tries = 0; ; tries += 1) {
    const value = await read();
    if (done(value) || tries > 200) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('the library listing', () => {
  test('lists every opened document with its title, location, last opened, progress and count', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const b = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    await highlight(world, a, 3);
    await world.call('createAnnotation', { documentId: a.id, kind: 'note', color: null, note: 'about it all', target: null });
    await world.call('saveReadingPosition', { documentId: a.id, position: { fraction: 0.42 } });

    const entries = await world.call('listLibrary', {});
    assert.deepEqual(entries.map((entry) => entry.id), [b.id, a.id], 'last opened first');
    const entryA = entries.find((entry) => entry.id === a.id);
    assert.equal(entryA?.title, 'Bookshops are back');
    assert.equal(entryA?.path, a.path);
    assert.equal(entryA?.fileName, 'a.md');
    assert.equal(entryA?.progress, 0.42);
    assert.equal(entryA?.annotationCount, 4, 'highlights and document notes');
    assert.equal(entryA?.missing, false);
    assert.equal(entries.find((entry) => entry.id === b.id)?.annotationCount, 0);
    assert.equal(entries.find((entry) => entry.id === b.id)?.progress, null);
    assert.ok(Date.parse(entryA?.lastOpenedAt ?? '') > 0);
  });

  test('counts are kept in gloss.json, so after a restart the listing reads no annotation file', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 5);
    const deleted = (await world.call('listAnnotations', { documentId: a.id }))[0];
    await world.call('deleteAnnotation', { documentId: a.id, id: deleted?.id ?? '' });
    await world.restart();
    // With the file gone the store could not count: the listing must come from gloss.json.
    await rename(join(world.dataDir, 'annotations', `${a.id}.json`), join(world.dataDir, 'elsewhere.json'));
    await rm(join(world.dataDir, 'annotations', `${a.id}.json.bak`));
    const stored = JSON.parse(await readFile(join(world.dataDir, LIBRARY_FILE), 'utf8')) as { documents: Record<string, { annotationCount: number }> };
    assert.equal(stored.documents[a.id]?.annotationCount, 4);
    assert.equal((await world.call('listLibrary', {}))[0]?.annotationCount, 4);
  });

  test('a stale count (a crash before it was written) is corrected when the annotations are read', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 2);
    await world.restart();
    const file = join(world.dataDir, LIBRARY_FILE);
    const stored = JSON.parse(await readFile(file, 'utf8')) as { documents: Record<string, { annotationCount: number }> };
    (stored.documents[a.id] as { annotationCount: number }).annotationCount = 9;
    await world.service.close();
    await writeFile(file, JSON.stringify(stored));
    await rm(`${file}.bak`);
    await world.restart();
    assert.equal((await world.call('listLibrary', {}))[0]?.annotationCount, 9);
    await world.call('listAnnotations', { documentId: a.id });
    assert.equal((await world.call('listLibrary', {}))[0]?.annotationCount, 2);
  });

  test('a file that is gone shows as missing, and its annotations stay', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 2);
    await rm(a.path);
    const [entry] = await world.call('listLibrary', {});
    assert.equal(entry?.missing, true);
    assert.equal(entry?.annotationCount, 2);
    await assert.rejects(world.call('openLibraryDocument', { documentId: a.id }), { code: 'not-found' });
    assert.equal((await world.call('listAnnotations', { documentId: a.id })).length, 2);
    assert.equal((await world.call('listLibrary', {})).length, 1, 'still in the library');
  });

  test('opening a library document goes to where it is, at its reading position', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    await world.call('saveReadingPosition', { documentId: a.id, position: { fraction: 0.7, textOffset: 300 } });
    const opened = await world.call('openLibraryDocument', { documentId: a.id });
    assert.equal(opened.id, a.id);
    assert.deepEqual(opened.readingPosition, { fraction: 0.7, textOffset: 300 });
    assert.equal((await world.call('listRecent', {}))[0]?.id, a.id);
  });
});

describe('Locate…', () => {
  test('on the desktop, a path: the document moves there with its annotations', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 2);
    await rm(a.path);
    const edited = await world.write('found/again.md', ARTICLE_EDITED);
    const located = await world.call('locateDocument', { documentId: a.id, path: edited });
    assert.equal(located.id, a.id);
    assert.equal(located.movedFrom, a.path);
    const [entry] = await world.call('listLibrary', {});
    assert.deepEqual([entry?.path, entry?.missing, entry?.annotationCount], [edited, false, 2]);
  });

  test('an unrelated file, or another document’s, is refused and nothing changes', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const b = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    await rm(a.path);
    const unrelated = await world.write('c.md', OTHER_ARTICLE.replace('heatwave', 'cold spell'));
    await assert.rejects(world.call('locateDocument', { documentId: a.id, path: unrelated }), (error: { code: string; message: string }) => {
      assert.equal(error.code, 'invalid-request');
      assert.match(error.message, /does not look like “Bookshops are back”/);
      return true;
    });
    await assert.rejects(world.call('locateDocument', { documentId: a.id, path: b.path }), /already in the library as “A heatwave grips the north”/);
    assert.equal((await world.call('listLibrary', {})).find((entry) => entry.id === a.id)?.path, a.path);
  });

  test('in the browser mode a path is refused; an upload is checked by content, then kept and attached', async (t) => {
    const world = await libraryWorld(t, 'library');
    const a = await world.call('importDocument', { fileName: 'bookshops.md', dataBase64: Buffer.from(ARTICLE).toString('base64') });
    await highlight(world, a, 3);
    await rm(a.path);
    await assert.rejects(world.call('locateDocument', { documentId: a.id, path: '/etc/hostname' }), { code: 'invalid-request' });
    const before = await readdir(join(world.dataDir, 'imported'));
    await assert.rejects(world.call('locateDocument', { documentId: a.id, fileName: 'weather.md', dataBase64: Buffer.from(OTHER_ARTICLE).toString('base64') }), /does not look like/);
    assert.deepEqual(await readdir(join(world.dataDir, 'imported')), before, 'a refused upload is not written');

    const located = await world.call('locateDocument', { documentId: a.id, fileName: 'bookshops-v2.md', dataBase64: Buffer.from(ARTICLE_EDITED).toString('base64') });
    assert.equal(located.id, a.id);
    assert.equal(located.path, join(world.dataDir, 'imported', 'bookshops-v2.md'));
    assert.equal((await world.call('listAnnotations', { documentId: a.id })).length, 3);
    assert.equal((await world.call('listLibrary', {}))[0]?.missing, false);
  });

  test('an upload named like another document’s file is kept beside it, never over it', async (t) => {
    const world = await libraryWorld(t, 'library');
    const a = await world.call('importDocument', { fileName: 'notes.md', dataBase64: Buffer.from(ARTICLE).toString('base64') });
    const b = await world.call('importDocument', { fileName: 'weather.md', dataBase64: Buffer.from(OTHER_ARTICLE).toString('base64') });
    await rm(b.path);
    const located = await world.call('locateDocument', { documentId: b.id, fileName: 'notes.md', dataBase64: Buffer.from(OTHER_ARTICLE).toString('base64') });
    assert.equal(located.path, join(world.dataDir, 'imported', 'notes (2).md'));
    assert.equal(await readFile(a.path, 'utf8'), ARTICLE);
  });
});

describe('removing a document, and Undo', () => {
  test('its record leaves the library and the recent list; its annotations go to the trash; Undo puts back both exactly', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const b = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    await highlight(world, a, 14);
    await world.call('saveReadingPosition', { documentId: a.id, position: { fraction: 0.3 } });
    const annotationFile = join(world.dataDir, 'annotations', `${a.id}.json`);
    const bytesBefore = await readFile(annotationFile);
    const recordBefore = (await world.call('listLibrary', {})).find((entry) => entry.id === a.id);

    const removed = await world.call('removeDocument', { documentId: a.id });
    assert.deepEqual({ ...removed, trashId: undefined }, { trashId: undefined, documentId: a.id, title: 'Bookshops are back', annotationCount: 14 });
    assert.deepEqual((await world.call('listLibrary', {})).map((entry) => entry.id), [b.id]);
    assert.deepEqual((await world.call('listRecent', {})).map((entry) => entry.id), [b.id]);
    assert.deepEqual(await readdir(join(world.dataDir, 'annotations')).then((names) => names.filter((name) => name.startsWith(a.id))), []);
    const trashed = await readdir(join(world.dataDir, TRASH_FOLDER, removed.trashId));
    assert.deepEqual(trashed.sort(), ['annotations.json', 'annotations.json.bak', 'record.json']);
    await assert.rejects(world.call('createAnnotation', { documentId: a.id, kind: 'note', color: null, target: null }), { code: 'not-found' });

    // The trash survives a restart: Undo works from disk, not memory.
    await world.restart();
    const restored = await world.call('restoreDocument', { trashId: removed.trashId });
    assert.deepEqual(restored, recordBefore);
    assert.deepEqual(await readFile(annotationFile), bytesBefore, 'the annotation file byte for byte');
    assert.equal((await world.call('listAnnotations', { documentId: a.id })).length, 14);
    assert.deepEqual((await world.call('listRecent', {})).map((entry) => entry.id), [b.id, a.id], 'back in its place in the recent list');
    assert.deepEqual(await readdir(join(world.dataDir, TRASH_FOLDER)), []);
    await assert.rejects(world.call('restoreDocument', { trashId: removed.trashId }), { code: 'not-found' });
  });

  test('Undo after the file was opened again is refused, and the removed annotations stay in the trash', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 2);
    const removed = await world.call('removeDocument', { documentId: a.id });
    const reopened = await world.call('openDocument', { path: a.path });
    assert.equal((await world.call('listAnnotations', { documentId: reopened.id })).length, 0);
    await assert.rejects(world.call('restoreDocument', { trashId: removed.trashId }), /in the library again/);
    assert.ok((await readdir(join(world.dataDir, TRASH_FOLDER, removed.trashId))).includes('annotations.json'));
  });

  test('the document open at launch, once removed, is not reopened; Undo makes it so again', async (t) => {
    const world = await libraryWorld(t);
    await world.call('getStartup', {});
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const removed = await world.call('removeDocument', { documentId: a.id });
    await world.restart();
    assert.equal((await world.call('getStartup', {})).document, null);
    await world.call('restoreDocument', { trashId: removed.trashId });
    await world.restart();
    assert.equal((await world.call('getStartup', {})).document?.id, a.id);
  });

  test('a removal or an Undo cut short by a crash is finished at the next start, and old entries are purged', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    const b = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    await highlight(world, a, 2);
    await highlight(world, b, 1);
    const removedA = await world.call('removeDocument', { documentId: a.id });
    const removedB = await world.call('removeDocument', { documentId: b.id });
    await world.service.close();
    // A: the removal stopped before its files moved: put them back in annotations/.
    const entryA = join(world.dataDir, TRASH_FOLDER, removedA.trashId);
    await rename(join(entryA, 'annotations.json'), join(world.dataDir, 'annotations', `${a.id}.json`));
    await rename(join(entryA, 'annotations.json.bak'), join(world.dataDir, 'annotations', `${a.id}.json.bak`));
    // B: an Undo stopped after its record was back in gloss.json.
    const record = JSON.parse(await readFile(join(entryA, '..', removedB.trashId, 'record.json'), 'utf8')) as { removed: { record: { id: string } } };
    const file = join(world.dataDir, LIBRARY_FILE);
    const library = JSON.parse(await readFile(file, 'utf8')) as { documents: Record<string, unknown> };
    library.documents[b.id] = record.removed.record;
    await writeFile(file, JSON.stringify(library));
    await rm(`${file}.bak`);
    await world.restart();

    assert.deepEqual((await world.call('listLibrary', {})).map((entry) => entry.id), [b.id]);
    assert.equal((await world.call('listAnnotations', { documentId: b.id })).length, 1, 'the Undo was finished');
    assert.deepEqual(await readdir(join(world.dataDir, TRASH_FOLDER)), [removedA.trashId]);
    assert.ok((await readdir(entryA)).includes('annotations.json'), 'the removal was finished');
    assert.equal((await world.call('restoreDocument', { trashId: removedA.trashId })).annotationCount, 2);

    // Entries older than the trash keeps them are purged at start.
    const again = await world.call('removeDocument', { documentId: a.id });
    await world.service.close();
    const recordFile = join(world.dataDir, TRASH_FOLDER, again.trashId, 'record.json');
    const old = JSON.parse(await readFile(recordFile, 'utf8')) as { removedAt: string };
    old.removedAt = new Date(Date.now() - 31 * 24 * 3600 * 1000).toISOString();
    await writeFile(recordFile, JSON.stringify(old));
    await world.restart();
    assert.deepEqual(await readdir(join(world.dataDir, TRASH_FOLDER)), []);
  });
});

describe('counts of a library from before Gloss kept them', () => {
  test('gloss.json version 1 is migrated, and the unknown counts are read in the background', async (t) => {
    const world = await libraryWorld(t);
    const a = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, a, 3);
    await world.service.close();
    const file = join(world.dataDir, LIBRARY_FILE);
    const current = JSON.parse(await readFile(file, 'utf8')) as { documents: Record<string, Record<string, unknown>> };
    // As version 1 wrote it: no fingerprint, no count.
    const { fingerprint: _f, annotationCount: _c, ...legacy } = current.documents[a.id] as Record<string, unknown>;
    await writeFile(file, JSON.stringify({ ...current, schemaVersion: 1, documents: { [a.id]: legacy } }));
    await rm(`${file}.bak`);
    await world.restart();
    const entries = await waitFor(() => world.call('listLibrary', {}), (list) => list[0]?.annotationCount !== null);
    assert.equal(entries[0]?.annotationCount, 3);
    assert.equal(entries[0]?.id, a.id, 'the id is kept');
  });
});
