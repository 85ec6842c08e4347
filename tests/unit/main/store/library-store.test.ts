import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../main/api';
import { GlossError } from '../../../../main/errors';
import { LIBRARY_FILE, MAX_RECENT, openLibraryStore } from '../../../../main/store/library-store';
import type { OpenedDocumentInfo } from '../../../../main/store/library-store';
import { LIBRARY_SCHEMA_VERSION } from '../../../../main/store/migrations';
import { makeTempDir } from './fixtures/temp-dir';

function doc(n: number): OpenedDocumentInfo {
  return { id: `doc-${n}`, path: `/books/${n}.md`, fileName: `${n}.md`, title: `Book ${n}`, contentHash: `hash-${n}` };
}

/** A clock that moves one second per call, so every timestamp differs. */
function steppingClock(): () => Date {
  let t = Date.parse('2025-03-01T10:00:00.000Z');
  return () => new Date((t += 1000));
}

async function readLibrary(dir: string): Promise<Record<string, unknown>> {
  return JSON.parse(await readFile(join(dir, LIBRARY_FILE), 'utf8')) as Record<string, unknown>;
}

test('a new folder: default settings, nothing recent, first launch', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  assert.deepEqual(store.getSettings(), DEFAULT_SETTINGS);
  assert.deepEqual(store.listRecent(), []);
  assert.equal(store.getLastDocumentId(), null);
  assert.equal(store.hasLaunchedBefore(), false);
  assert.equal(store.getWindowState(), null);
  assert.deepEqual(store.notices, []);
  assert.deepEqual(await readdir(dir), [], 'opening writes nothing');
});

test('everything round-trips through gloss.json, which carries schemaVersion 2', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir, { now: steppingClock() });
  await store.markLaunched();
  await store.updateSettings({ theme: 'dark', fontSize: 22 });
  await store.recordOpened(doc(1));
  await store.saveReadingPosition('doc-1', { fraction: 0.4, textOffset: 1200 });
  await store.saveWindowState({ x: 10, y: 20, width: 1000, height: 700, maximized: false });

  const file = await readLibrary(dir);
  assert.equal(file.schemaVersion, LIBRARY_SCHEMA_VERSION);
  assert.deepEqual(file.settings, { theme: 'dark', fontSize: 22 }, 'only what the reader changed is stored');

  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.hasLaunchedBefore(), true);
  assert.equal(reopened.getSettings().theme, 'dark');
  assert.equal(reopened.getSettings().fontSize, 22);
  assert.equal(reopened.getSettings().lineWidth, DEFAULT_SETTINGS.lineWidth);
  assert.deepEqual(reopened.getDocument('doc-1')?.readingPosition, { fraction: 0.4, textOffset: 1200 });
  assert.equal(reopened.getLastDocumentId(), 'doc-1');
  assert.deepEqual(reopened.getWindowState(), { x: 10, y: 20, width: 1000, height: 700, maximized: false });
});

test('updateSettings merges, returns the settings in effect, and refuses invalid values', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t));
  const first = await store.updateSettings({ lastColor: 'blue' });
  assert.equal(first.lastColor, 'blue');
  const second = await store.updateSettings({ sidebarOpen: false, theme: undefined });
  assert.equal(second.lastColor, 'blue', 'earlier changes stay');
  assert.equal(second.theme, 'system', 'an undefined key leaves the setting alone');
  await assert.rejects(store.updateSettings({ fontSize: 300 }), { code: 'invalid-request' });
  assert.equal(store.getSettings().fontSize, DEFAULT_SETTINGS.fontSize);
  const meanings = { ...DEFAULT_SETTINGS.colorMeanings, pink: 'Question' };
  assert.deepEqual((await store.updateSettings({ colorMeanings: meanings })).colorMeanings, meanings);
});

test('invalid stored settings are repaired one by one and the reader told', async (t) => {
  const dir = await makeTempDir(t);
  await writeFile(
    join(dir, LIBRARY_FILE),
    JSON.stringify({ schemaVersion: 1, settings: { theme: 'neon', fontSize: 25, colorMeanings: { green: 7, blue: 'Term' } } }),
  );
  const store = await openLibraryStore(dir);
  const settings = store.getSettings();
  assert.equal(settings.theme, DEFAULT_SETTINGS.theme);
  assert.equal(settings.fontSize, 25);
  assert.equal(settings.colorMeanings.green, DEFAULT_SETTINGS.colorMeanings.green);
  assert.equal(settings.colorMeanings.blue, 'Term');
  assert.equal(store.notices.length, 1);
  assert.match(store.notices[0] ?? '', /theme, colorMeanings\.green/);
});

test('a gloss.json written before the reading controls existed loads as it was, with their defaults', async (t) => {
  const dir = await makeTempDir(t);
  // What an earlier Gloss wrote: only the settings the reader had changed, none of the later ones.
  const older = { schemaVersion: 1, settings: { theme: 'sepia', fontSize: 22, lineWidth: 64, sidebarOpen: false, lastColor: 'green' } };
  await writeFile(join(dir, LIBRARY_FILE), JSON.stringify(older));
  const store = await openLibraryStore(dir);
  assert.deepEqual(store.notices, [], 'nothing to repair');
  assert.deepEqual(store.getSettings(), { ...DEFAULT_SETTINGS, ...older.settings });

  // The new settings are stored like the others: only once changed, each validated.
  await store.updateSettings({ typeface: 'dyslexic', sidebarWidth: 420, justify: true, paragraphSpacing: 15, margin: 48, readingSpeed: 300 });
  await assert.rejects(store.updateSettings({ sidebarWidth: 10 }), { code: 'invalid-request' });
  await assert.rejects(store.updateSettings({ typeface: 'comic' as never }), { code: 'invalid-request' });
  const file = await readLibrary(dir);
  assert.deepEqual(file.settings, { ...older.settings, typeface: 'dyslexic', sidebarWidth: 420, justify: true, paragraphSpacing: 15, margin: 48, readingSpeed: 300 });
  // Back to "sized to the window".
  assert.equal((await store.updateSettings({ sidebarWidth: null })).sidebarWidth, null);
  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getSettings().typeface, 'dyslexic');
  assert.equal(reopened.getSettings().navigationWidth, null);
  assert.equal(reopened.getSettings().sidebarWidth, null);
});

test('recent list: most recent first, no duplicates, at most 20, limit honoured', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t), { now: steppingClock() });
  for (let n = 1; n <= 25; n += 1) await store.recordOpened(doc(n));
  const recent = store.listRecent();
  assert.equal(recent.length, MAX_RECENT);
  assert.deepEqual(
    recent.slice(0, 3).map((r) => r.id),
    ['doc-25', 'doc-24', 'doc-23'],
  );
  assert.equal(recent.at(-1)?.id, 'doc-6');

  await store.recordOpened(doc(10));
  assert.deepEqual(
    store.listRecent(3).map((r) => r.id),
    ['doc-10', 'doc-25', 'doc-24'],
  );
  assert.equal(store.listRecent().filter((r) => r.id === 'doc-10').length, 1);
  assert.equal(store.getLastDocumentId(), 'doc-10');
  assert.ok(store.getDocument('doc-1'), 'documents that fell off the recent list are still known');
  assert.deepEqual(store.listRecent(0), []);
});

test('recordOpened keeps addedAt and the reading position, refreshes the rest', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t), { now: steppingClock() });
  const first = await store.recordOpened(doc(1));
  await store.saveReadingPosition('doc-1', { fraction: 0.5 });
  const again = await store.recordOpened({ ...doc(1), title: 'Renamed', contentHash: 'new-hash' });
  assert.equal(again.addedAt, first.addedAt);
  assert.notEqual(again.lastOpenedAt, first.lastOpenedAt);
  assert.equal(again.title, 'Renamed');
  assert.equal(again.contentHash, 'new-hash');
  assert.deepEqual(again.readingPosition, { fraction: 0.5 });
});

test('Close clears the last document; launch is remembered once', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  await store.markLaunched();
  await store.recordOpened(doc(1));
  await store.clearLastDocument();
  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getLastDocumentId(), null, 'the next launch shows the empty state');
  assert.equal(reopened.hasLaunchedBefore(), true, 'and not the sample');
  assert.equal(reopened.listRecent().length, 1);
});

test('reading position of an unknown document, bad positions and window states are refused', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t));
  await assert.rejects(store.saveReadingPosition('nope', { fraction: 0.1 }), { code: 'not-found' });
  await store.recordOpened(doc(1));
  await assert.rejects(store.saveReadingPosition('doc-1', { fraction: 2 }), { code: 'invalid-request' });
  await assert.rejects(store.saveWindowState({ width: -5, height: 10, maximized: false }), { code: 'invalid-request' });
  assert.equal(store.getDocument('constructor'), undefined, 'ids never reach Object.prototype');
});

test('returned records are copies: changing them does not change the store', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t));
  const record = await store.recordOpened(doc(1));
  record.title = 'mutated';
  const settings = store.getSettings();
  settings.colorMeanings.yellow = 'mutated';
  assert.equal(store.getDocument('doc-1')?.title, 'Book 1');
  assert.equal(store.getSettings().colorMeanings.yellow, DEFAULT_SETTINGS.colorMeanings.yellow);
});

test('a failed write is reported and leaves memory equal to the disk', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  await store.updateSettings({ theme: 'light' });
  // A folder where the backup goes makes the write fail for real, even as root.
  const blocker = join(dir, `${LIBRARY_FILE}.bak`);
  await rm(blocker);
  await mkdir(join(blocker, 'inside'), { recursive: true });
  await assert.rejects(
    store.updateSettings({ theme: 'sepia' }),
    (error: unknown) => error instanceof GlossError && error.code === 'io' && /could not save gloss\.json/.test(error.message),
  );
  assert.equal(store.getSettings().theme, 'light');
  await rm(blocker, { recursive: true });
  await store.recordOpened(doc(1));
  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getSettings().theme, 'light', 'the refused change never reaches the disk later');
});

test('a damaged gloss.json is restored from its backup, with a notice', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir);
  await store.updateSettings({ theme: 'dark' });
  await store.updateSettings({ fontSize: 20 });
  const damaged = (await readFile(join(dir, LIBRARY_FILE), 'utf8')).slice(0, 30);
  await writeFile(join(dir, LIBRARY_FILE), damaged);

  const reopened = await openLibraryStore(dir);
  assert.equal(reopened.getSettings().theme, 'dark');
  assert.equal(reopened.getSettings().fontSize, 20, 'the last confirmed change is not lost');
  assert.equal(reopened.notices.length, 1);
  assert.match(reopened.notices[0] ?? '', /^gloss\.json was damaged; Gloss restored the last good copy/);
  const kept = (await readdir(dir)).filter((name) => name.startsWith('gloss.json.corrupt-'));
  assert.equal(kept.length, 1);
  assert.equal(await readFile(join(dir, kept[0] ?? ''), 'utf8'), damaged);
});

test('a gloss.json from a newer Gloss is refused and left untouched', async (t) => {
  const dir = await makeTempDir(t);
  const text = JSON.stringify({ schemaVersion: LIBRARY_SCHEMA_VERSION + 1, settings: { theme: 'dark' }, futureField: [1] });
  await writeFile(join(dir, LIBRARY_FILE), text);
  await assert.rejects(openLibraryStore(dir), (error: unknown) => error instanceof GlossError && error.code === 'io' && /newer version/.test(error.message));
  assert.equal(await readFile(join(dir, LIBRARY_FILE), 'utf8'), text);
  assert.deepEqual(await readdir(dir), [LIBRARY_FILE]);
});

test('unreadable document records are quarantined, not dropped; unknown fields survive', async (t) => {
  const dir = await makeTempDir(t);
  const good = { ...doc(1), addedAt: 'a', lastOpenedAt: 'b', readingPosition: null };
  const bad = { id: 'doc-2', path: 42 };
  await writeFile(
    join(dir, LIBRARY_FILE),
    JSON.stringify({ schemaVersion: 1, documents: { 'doc-1': good, 'doc-2': bad }, recent: ['doc-2', 'doc-1'], lastDocumentId: 'doc-2', later: 'kept' }),
  );
  const store = await openLibraryStore(dir);
  assert.equal(store.getDocument('doc-2'), undefined);
  assert.deepEqual(
    store.listRecent().map((r) => r.id),
    ['doc-1'],
  );
  assert.equal(store.getLastDocumentId(), null);
  assert.match(store.notices.join('\n'), /1 document record in gloss\.json could not be read/);

  await store.markLaunched();
  const file = await readLibrary(dir);
  assert.equal(file.later, 'kept');
  assert.deepEqual((file.quarantine as { entry: unknown }[])[0]?.entry, bad);
});

test('a document with an unusable id is refused, not recorded', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t));
  await assert.rejects(store.recordOpened({ ...doc(1), id: '../x' }), { code: 'invalid-request' });
  await assert.rejects(store.recordOpened({ ...doc(1), path: '' }), { code: 'invalid-request' });
  assert.deepEqual(store.listRecent(), []);
});

test('findByPath finds the record last opened at a path, and follows a record to its new path', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t), { now: steppingClock() });
  await store.recordOpened(doc(1));
  assert.equal(store.findByPath('/books/1.md')?.id, 'doc-1');
  assert.equal(store.findByPath('/books/./1.md')?.id, 'doc-1', 'compared as resolved paths');
  await store.recordOpened({ ...doc(1), path: '/moved/1.md' });
  assert.equal(store.findByPath('/books/1.md'), undefined);
  assert.equal(store.findByPath('/moved/1.md')?.id, 'doc-1');
  assert.equal(store.listDocuments().length, 1);
});

test('a removed record leaves the documents, the recent list and the launch; restoring puts it back where it was', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir, { now: steppingClock() });
  for (const n of [1, 2, 3]) await store.recordOpened(doc(n));
  await store.saveReadingPosition('doc-2', { fraction: 0.25 });
  await store.recordOpened(doc(2));
  const removed = await store.removeDocument('doc-2');
  assert.equal(removed.recentIndex, 0);
  assert.equal(removed.wasLast, true);
  assert.deepEqual(removed.record.readingPosition, { fraction: 0.25 });
  assert.equal(store.getDocument('doc-2'), undefined);
  assert.deepEqual(store.listRecent().map((r) => r.id), ['doc-3', 'doc-1']);
  assert.equal(store.getLastDocumentId(), null);
  await assert.rejects(store.removeDocument('doc-2'), { code: 'not-found' });

  const reopened = await openLibraryStore(dir);
  await reopened.restoreDocument(removed);
  assert.deepEqual(reopened.getDocument('doc-2'), removed.record);
  assert.deepEqual(reopened.listRecent().map((r) => r.id), ['doc-2', 'doc-3', 'doc-1']);
  assert.equal(reopened.getLastDocumentId(), 'doc-2');
  await assert.rejects(reopened.restoreDocument(removed), { code: 'invalid-request' });
});

test('annotation counts show at once and reach gloss.json in one write after a quiet moment, or at flush', async (t) => {
  const dir = await makeTempDir(t);
  const store = await openLibraryStore(dir, { countWriteDelayMs: 50 });
  await store.recordOpened(doc(1));
  await store.recordOpened(doc(2));
  assert.equal(store.getDocument('doc-1')?.annotationCount, null);
  store.noteAnnotationCount('doc-1', 3);
  store.noteAnnotationCount('doc-2', 5);
  store.noteAnnotationCount('doc-1', 4);
  store.noteAnnotationCount('ghost', 1);
  assert.equal(store.getDocument('doc-1')?.annotationCount, 4);
  assert.equal(store.listRecent().find((r) => r.id === 'doc-2')?.annotationCount, 5);
  const stored = () => readLibrary(dir).then((file) => (file.documents as Record<string, { annotationCount: number | null }>));
  assert.equal((await stored())['doc-1']?.annotationCount, null, 'not written yet');
  await new Promise((resolve) => setTimeout(resolve, 150));
  assert.equal((await stored())['doc-1']?.annotationCount, 4);
  assert.equal((await stored())['doc-2']?.annotationCount, 5);

  store.noteAnnotationCount('doc-2', 6);
  await store.flush();
  assert.equal((await stored())['doc-2']?.annotationCount, 6, 'flush writes what is pending');
  assert.equal((await openLibraryStore(dir)).getDocument('doc-2')?.annotationCount, 6);
});

test('Clear Recent empties the recent list and keeps every document', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t));
  await store.recordOpened(doc(1));
  await store.recordOpened(doc(2));
  await store.clearRecent();
  assert.deepEqual(store.listRecent(), []);
  assert.equal(store.listDocuments().length, 2);
});

test('of two records at one path (kept from before documents kept their ids), findByPath gives the one opened last', async (t) => {
  const store = await openLibraryStore(await makeTempDir(t), { now: steppingClock() });
  await store.recordOpened({ ...doc(2), path: '/shared.md' });
  await store.recordOpened({ ...doc(1), path: '/shared.md' });
  assert.equal(store.findByPath('/shared.md')?.id, 'doc-1');
  await store.recordOpened({ ...doc(2), path: '/shared.md' });
  assert.equal(store.findByPath('/shared.md')?.id, 'doc-2');
});
