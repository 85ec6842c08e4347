/**
 * What export, import and the notes folder keep in gloss.json: every document, documents an
 * import registers without making them the last read, the notes folder with the blocks the
 * reader was told of, and the folders the desktop's dialogs last opened in.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { LIBRARY_FILE, openLibraryStore } from '../../../../main/store/library-store';
import type { OpenedDocumentInfo } from '../../../../main/store/library-store';
import { makeTempDir } from './fixtures/temp-dir';

function doc(n: number): OpenedDocumentInfo {
  return { id: `doc-${n}`, path: `/books/${n}.md`, fileName: `${n}.md`, title: `Book ${n}`, contentHash: `hash-${n}` };
}

test('listDocuments lists every document; recordOpened with read: false registers one without touching the recent list', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  await store.recordOpened(doc(1));
  await store.recordOpened(doc(2), { read: false });
  assert.deepEqual(store.listDocuments().map((record) => record.id).sort(), ['doc-1', 'doc-2']);
  assert.deepEqual(store.listRecent().map((record) => record.id), ['doc-1']);
  assert.equal(store.getLastDocumentId(), 'doc-1');
  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getDocument('doc-2')?.title, 'Book 2');
});

test('the notes folder and the dialogs\' folders round-trip through gloss.json', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  assert.equal(store.getNotesFolder(), null);
  assert.equal(store.getDialogFolder('export'), null);
  await store.setNotesFolder({ path: '/vault', told: ['doc-1 block-a'] });
  await store.saveDialogFolder('export', '/exports');
  const reopened = await openLibraryStore(dir);
  assert.deepEqual(reopened.getNotesFolder(), { path: '/vault', told: ['doc-1 block-a'] });
  assert.equal(reopened.getDialogFolder('export'), '/exports');
  assert.equal(reopened.getDialogFolder('import'), null);
  await reopened.setNotesFolder(null);
  assert.equal((await openLibraryStore(dir)).getNotesFolder(), null);
  await assert.rejects(reopened.setNotesFolder({ path: '', told: [] }), /That notes folder cannot be kept/);
});

test('a notes folder setting gloss.json cannot use is dropped with a notice, and nothing else is lost', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  await store.recordOpened(doc(1));
  await store.flush();
  const json = JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')) as Record<string, unknown>;
  await writeFile(join(dir, LIBRARY_FILE), JSON.stringify({ ...json, notesFolder: { path: 42 }, dialogFolders: 'nonsense' }));
  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getNotesFolder(), null);
  assert.equal(reopened.getDialogFolder('export'), null);
  assert.match(reopened.notices.join('\n'), /The notes folder setting in gloss\.json was not valid/);
  assert.equal(reopened.getDocument('doc-1')?.title, 'Book 1');
});
