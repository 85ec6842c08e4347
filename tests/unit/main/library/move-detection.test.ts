/**
 * Documents that move or change: a file opened from a new place finds its annotations (at once
 * when its bytes are the same, after a question when it was also edited), the library updates
 * the location, and nothing is duplicated.
 */
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { documentIdForPath } from '../../../../main/documents/document-id';
import { ARTICLE, ARTICLE_EDITED, highlight, libraryWorld, OTHER_ARTICLE } from './library-fixtures';

describe('a file found at a new place', () => {
  test('moved to another folder: the same document, its annotations, the new location, one entry', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('bookshops.md', ARTICLE) });
    await highlight(world, first, 3);
    await world.call('saveReadingPosition', { documentId: first.id, position: { fraction: 0.5, textOffset: 120 } });
    const moved = join(world.docs, 'archive', 'bookshops.md');
    await mkdir(join(world.docs, 'archive'));
    await rename(first.path, moved);

    const again = await world.call('openDocument', { path: moved });
    assert.equal(again.id, first.id);
    assert.equal(again.path, moved);
    assert.equal(again.movedFrom, first.path);
    assert.equal(again.similarTo, undefined);
    assert.deepEqual(again.readingPosition, { fraction: 0.5, textOffset: 120 }, 'the reading position comes along');
    assert.equal((await world.call('listAnnotations', { documentId: again.id })).length, 3);
    const library = await world.call('listLibrary', {});
    assert.deepEqual(library.map((entry) => [entry.id, entry.path, entry.missing]), [[first.id, moved, false]]);
    assert.deepEqual(await readdir(join(world.dataDir, 'annotations')).then((names) => names.filter((name) => name.endsWith('.json'))), [`${first.id}.json`]);
  });

  test('renamed in its folder: the same; and the id stays the one it was first given', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('draft.md', ARTICLE) });
    await highlight(world, first, 1);
    const renamed = join(world.docs, 'Bookshops (final).md');
    await rename(first.path, renamed);
    const again = await world.call('openDocument', { path: renamed });
    assert.equal(again.id, first.id);
    assert.equal(again.id, documentIdForPath(first.path), 'the id of where it was first opened');
    assert.equal(again.fileName, 'Bookshops (final).md');
    await world.restart();
    // After a restart the library knows it by its new path.
    const reopened = await world.call('openDocument', { path: renamed });
    assert.equal(reopened.id, first.id);
    assert.equal(reopened.movedFrom, undefined);
    assert.equal((await world.call('listLibrary', {})).length, 1);
  });

  test('a new file at a moved document’s old path is a new document, not the moved one', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('notes.md', ARTICLE) });
    await highlight(world, first, 2);
    await rename(first.path, join(world.docs, 'kept.md'));
    await world.call('openDocument', { path: join(world.docs, 'kept.md') });
    const newcomer = await world.call('openDocument', { path: await world.write('notes.md', OTHER_ARTICLE) });
    assert.notEqual(newcomer.id, first.id, 'the old path’s hash is the moved document’s id');
    assert.equal((await world.call('listAnnotations', { documentId: newcomer.id })).length, 0);
    assert.equal((await world.call('listAnnotations', { documentId: first.id })).length, 2);
    assert.equal((await world.call('listLibrary', {})).length, 2);
  });

  test('moved and edited: Gloss asks before attaching, and attaching keeps the id and the annotations', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('bookshops.md', ARTICLE) });
    await highlight(world, first, 14);
    await rm(first.path);
    const edited = await world.write('elsewhere/bookshops-updated.md', ARTICLE_EDITED);

    const asked = await world.call('openDocument', { path: edited });
    assert.deepEqual(
      { ...asked.similarTo, similarity: undefined },
      { documentId: first.id, title: 'Bookshops are back', path: first.path, annotationCount: 14, similarity: undefined },
    );
    assert.ok((asked.similarTo?.similarity ?? 0) > 0.5);
    assert.notEqual(asked.id, first.id);
    assert.equal((await world.call('listLibrary', {})).length, 1, 'nothing is recorded before the answer');

    const attached = await world.call('resolveSimilar', { path: edited, documentId: first.id, attach: true });
    assert.equal(attached.id, first.id);
    assert.equal(attached.path, edited);
    assert.equal(attached.contentHash, asked.contentHash);
    assert.equal((await world.call('listAnnotations', { documentId: first.id })).length, 14);
    assert.deepEqual((await world.call('listLibrary', {})).map((entry) => [entry.id, entry.path, entry.missing, entry.annotationCount]), [[first.id, edited, false, 14]]);
    // Asked once: the question cannot be answered again.
    await assert.rejects(world.call('resolveSimilar', { path: edited, documentId: first.id, attach: true }), { code: 'invalid-request' });
  });

  test('moved and edited, and the reader says no: a new document, and the question is not asked again', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, first, 2);
    const edited = await world.write('b.md', ARTICLE_EDITED);
    assert.ok((await world.call('openDocument', { path: edited })).similarTo);
    const separate = await world.call('resolveSimilar', { path: edited, documentId: first.id, attach: false });
    assert.notEqual(separate.id, first.id);
    assert.equal((await world.call('listAnnotations', { documentId: separate.id })).length, 0);
    const again = await world.call('openDocument', { path: edited });
    assert.equal(again.similarTo, undefined);
    assert.equal(again.id, separate.id);
    assert.equal((await world.call('listLibrary', {})).length, 2);
  });

  test('an unrelated file is a new document, with no question', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('a.md', ARTICLE) });
    await highlight(world, first, 2);
    const other = await world.call('openDocument', { path: await world.write('b.md', OTHER_ARTICLE) });
    assert.equal(other.similarTo, undefined);
    assert.notEqual(other.id, first.id);
  });

  test('only the file asked about can be resolved, only to the document offered, and only while it is that file', async (t) => {
    const world = await libraryWorld(t, 'library');
    await assert.rejects(world.call('resolveSimilar', { path: '/etc/passwd', documentId: 'abcdef0123456789', attach: true }), { code: 'invalid-request' });
    const first = await world.call('importDocument', { fileName: 'a.md', dataBase64: Buffer.from(ARTICLE).toString('base64') });
    await highlight(world, first, 1);
    const asked = await world.call('importDocument', { fileName: 'b.md', dataBase64: Buffer.from(ARTICLE_EDITED).toString('base64') });
    assert.equal(asked.similarTo?.documentId, first.id);
    await assert.rejects(world.call('resolveSimilar', { path: asked.path, documentId: 'abcdef0123456789', attach: true }), { code: 'invalid-request' });
    // The file asked about replaced by a link to a file the page never had: refused, not read.
    const secret = await world.write('secret.md', OTHER_ARTICLE);
    await rm(asked.path);
    await symlink(secret, asked.path);
    await assert.rejects(world.call('resolveSimilar', { path: asked.path, documentId: first.id, attach: true }), /no longer where Gloss asked/);
  });

  test('two copies of one file both present are one document, which follows the copy opened last', async (t) => {
    const world = await libraryWorld(t);
    const original = await world.call('openDocument', { path: await world.write('original.md', ARTICLE) });
    await highlight(world, original, 4);
    const copyPath = join(world.docs, 'usb', 'copy.md');
    await mkdir(join(world.docs, 'usb'));
    await copyFile(original.path, copyPath);

    const copy = await world.call('openDocument', { path: copyPath });
    assert.equal(copy.id, original.id, 'the same bytes are the same document');
    assert.equal(copy.movedFrom, original.path);
    let library = await world.call('listLibrary', {});
    assert.deepEqual(library.map((entry) => entry.path), [copyPath], 'one entry, at the copy opened last');
    // Opening the first one again goes back to it: still one document, never two.
    const back = await world.call('openDocument', { path: original.path });
    assert.equal(back.id, original.id);
    library = await world.call('listLibrary', {});
    assert.deepEqual(library.map((entry) => [entry.path, entry.annotationCount]), [[original.path, 4]]);
  });

  test('of two copies, one edited since: the edited one is offered, not attached, and kept apart on no', async (t) => {
    const world = await libraryWorld(t);
    const original = await world.call('openDocument', { path: await world.write('original.md', ARTICLE) });
    await highlight(world, original, 1);
    const editedCopy = await world.write('copy.md', ARTICLE_EDITED);
    const asked = await world.call('openDocument', { path: editedCopy });
    assert.equal(asked.similarTo?.documentId, original.id);
    const apart = await world.call('resolveSimilar', { path: editedCopy, documentId: original.id, attach: false });
    assert.equal((await world.call('openDocument', { path: original.path })).id, original.id);
    assert.equal((await world.call('openDocument', { path: editedCopy })).id, apart.id);
  });

  test('of several records with the same bytes, the one whose file is gone is the one that moved', async (t) => {
    const world = await libraryWorld(t);
    const first = await world.call('openDocument', { path: await world.write('one/a.md', ARTICLE) });
    await highlight(world, first, 1);
    // Another document whose file was later overwritten with the same text: two records, one hash.
    const second = await world.call('openDocument', { path: await world.write('two/a.md', OTHER_ARTICLE) });
    await world.write('two/a.md', ARTICLE);
    assert.equal((await world.call('openDocument', { path: join(world.docs, 'two/a.md') })).id, second.id);
    await rm(join(world.docs, 'one/a.md'));
    const found = await world.call('openDocument', { path: await world.write('three/a.md', ARTICLE) });
    assert.equal(found.id, first.id, 'the record whose file is gone');
    assert.equal(found.movedFrom, join(world.docs, 'one/a.md'));
  });
});
