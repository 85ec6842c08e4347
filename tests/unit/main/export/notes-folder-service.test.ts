/**
 * The notes folder kept by a running service, on real folders: chosen in the desktop's dialog (a
 * fake of the system's) or named on the command line, refused from anywhere else; every change
 * (create, update, delete, restore, re-anchoring, import) reaches the file; a block the reader
 * edited is left alone and the reader told once, across launches too.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Annotation, ExportResult, NotesFolderInfo, OpenedDocument } from '../../../../main/api';
import type { GlossService, ShellDialogs } from '../../../../main/service-types';
import { call, ESSAY, eventually, highlightIn, openService, tempFolder, writeDocument } from './fixtures/data-folder';

function folderDialog(answer: string | null): ShellDialogs {
  return {
    saveFile: async () => null,
    chooseFolder: async () => answer,
  };
}

async function notesFile(folder: string): Promise<string> {
  const names = (await readdir(folder)).filter((name) => name.endsWith('.md'));
  assert.deepEqual(names, ['Reading closely.md']);
  return readFile(join(folder, names[0]!), 'utf8');
}

/** Waits until the notes file passes `check`. */
function fileBecomes(folder: string, check: (text: string) => boolean, what: string): Promise<string> {
  return eventually(async () => {
    const text = await notesFile(folder);
    assert.ok(check(text), `the notes file ${what}:\n${text}`);
    return text;
  });
}

async function takeNotices(service: GlossService): Promise<string[]> {
  return (await call(service, 'takeNotices', {})) as string[];
}

describe('the notes folder', () => {
  test('chosen in the desktop dialog, it gets every annotated document at once, then every change', async (t) => {
    const dir = await tempFolder(t);
    const vault = join(dir, 'vault');
    const service = await openService(t, join(dir, 'data'), { dialogs: folderDialog(vault) });
    const essay = (await call(service, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'essay.md', ESSAY) })) as OpenedDocument;
    const first = await highlightIn(service, essay, 'the reader talks back', { note: 'First note.' });
    assert.deepEqual(await call(service, 'getNotesFolder', {}), { path: null, canChoose: true });

    const chosen = (await call(service, 'chooseNotesFolder', {})) as NotesFolderInfo;
    assert.deepEqual(chosen, { path: vault, canChoose: true, written: 1 });
    assert.ok((await notesFile(vault)).includes('First note.'));

    // The reader's own text around Gloss's blocks survives every update.
    await writeFile(join(vault, 'Reading closely.md'), `${await notesFile(vault)}\nMy own closing thoughts.\n`);

    const second = await highlightIn(service, essay, 'A first paragraph', { note: 'Second note.' });
    await fileBecomes(vault, (text) => text.includes('Second note.') && text.indexOf('Second note.') < text.indexOf('First note.'), 'has the new note, in reading order');
    await call(service, 'updateAnnotation', { documentId: essay.id, id: first.id, changes: { note: 'First note, edited.' } });
    await fileBecomes(vault, (text) => text.includes('First note, edited.'), 'has the edit');
    const removed = (await call(service, 'deleteAnnotation', { documentId: essay.id, id: second.id })) as Annotation;
    await fileBecomes(vault, (text) => !text.includes('Second note.'), 'lost the deleted note');
    await call(service, 'restoreAnnotation', { annotation: removed });
    await fileBecomes(vault, (text) => text.includes('Second note.'), 'has the restored note');
    await call(service, 'saveAnchoring', { documentId: essay.id, contentHash: essay.contentHash, updates: [{ id: second.id, target: null }] });
    await fileBecomes(vault, (text) => text.includes('Orphaned highlights') && text.indexOf('Orphaned highlights') < text.indexOf('Second note.'), 'shows the orphan');
    const exported = ((await call(service, 'exportAnnotations', { format: 'w3c', scope: 'document', documentId: essay.id })) as ExportResult).text;
    await call(service, 'deleteAnnotation', { documentId: essay.id, id: first.id });
    await fileBecomes(vault, (text) => !text.includes('First note, edited.'), 'lost the deleted note');
    await call(service, 'importAnnotations', { fileName: 'back.jsonld', text: exported, documentId: essay.id });
    const final = await fileBecomes(vault, (text) => text.includes('First note, edited.'), 'has the imported note');
    assert.equal(final.split('My own closing thoughts.').length, 2, 'the reader\'s text is there, once');

    const stopped = (await call(service, 'stopNotesFolder', {})) as NotesFolderInfo;
    assert.deepEqual(stopped, { path: null, canChoose: true });
    await highlightIn(service, essay, 'A second paragraph', { note: 'After stopping.' });
    await service.close();
    assert.ok(!(await notesFile(vault)).includes('After stopping.'));
  });

  test('a block the reader edited is left as it is, and the reader told once, even after a restart', async (t) => {
    const dir = await tempFolder(t);
    const vault = join(dir, 'vault');
    const data = join(dir, 'data');
    const service = await openService(t, data, { dialogs: folderDialog(vault) });
    const essay = (await call(service, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'essay.md', ESSAY) })) as OpenedDocument;
    const kept = await highlightIn(service, essay, 'the reader talks back', { note: 'Gloss wrote this.' });
    await call(service, 'chooseNotesFolder', {});
    await takeNotices(service);
    const file = join(vault, 'Reading closely.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('Gloss wrote this.', 'I rewrote this myself.'));

    await call(service, 'updateAnnotation', { documentId: essay.id, id: kept.id, changes: { note: 'Gloss would write this.' } });
    const notices = await eventually(async () => {
      const got = await takeNotices(service);
      assert.equal(got.length, 1);
      return got;
    });
    assert.match(notices[0]!, /^In your notes folder \(.*vault\), “Reading closely\.md” has 1 block you edited\. Gloss leaves it exactly as it is/);
    assert.ok((await readFile(file, 'utf8')).includes('I rewrote this myself.'));

    await highlightIn(service, essay, 'A first paragraph', { note: 'Another change.' });
    await fileBecomes(vault, (text) => text.includes('Another change.'), 'has the other change');
    assert.deepEqual(await takeNotices(service), [], 'told once');
    await service.close();

    const again = await openService(t, data, { dialogs: folderDialog(vault) });
    await highlightIn(again, essay, 'A second paragraph', { note: 'After a restart.' });
    await fileBecomes(vault, (text) => text.includes('After a restart.'), 'has the change after the restart');
    assert.deepEqual(await takeNotices(again), [], 'still told once');
    assert.ok((await readFile(file, 'utf8')).includes('I rewrote this myself.'));
  });

  test('the browser mode cannot choose a folder; one named on its command line is kept', async (t) => {
    const dir = await tempFolder(t);
    const data = join(dir, 'data');
    const browser = await openService(t, data, { documentAccess: 'library' });
    await assert.rejects(call(browser, 'chooseNotesFolder', {}), /The browser mode cannot choose a notes folder: start it with `npm run serve -- --notes-folder DIR`/);
    await assert.rejects(call(browser, 'chooseNotesFolder', { path: join(dir, 'anywhere') }), /Unrecognized key: "path"/);
    await browser.close();

    const vault = join(dir, 'vault');
    const desktop = await openService(t, data);
    const essay = (await call(desktop, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'essay.md', ESSAY) })) as OpenedDocument;
    await highlightIn(desktop, essay, 'the reader talks back', { note: 'Made before.' });
    await desktop.close();

    const named = await openService(t, data, { documentAccess: 'library', notesFolder: vault });
    assert.deepEqual(await call(named, 'getNotesFolder', {}), { path: vault, canChoose: false });
    await fileBecomes(vault, (text) => text.includes('Made before.'), 'has what was made before');
  });

  test('a folder inside the data folder, or a relative one, is refused', async (t) => {
    const dir = await tempFolder(t);
    const data = join(dir, 'data');
    await assert.rejects(openService(t, data, { notesFolder: join(data, 'notes') }), /The notes folder cannot be inside Gloss's data folder/);
    const service = await openService(t, data, { dialogs: folderDialog(data) });
    await assert.rejects(call(service, 'chooseNotesFolder', {}), /The notes folder cannot be inside Gloss's data folder/);
    const relative = await openService(t, join(dir, 'other'), { dialogs: folderDialog('notes') });
    await assert.rejects(call(relative, 'chooseNotesFolder', {}), /The notes folder must be an absolute path/);
  });
});
