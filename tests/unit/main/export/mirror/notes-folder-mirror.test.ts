import assert from 'node:assert/strict';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import type { Annotation } from '../../../../../main/api';
import type { ExportDocumentInput } from '../../../../../main/export/export-set';
import type { LeftBlock } from '../../../../../main/export/mirror/mirror-merge';
import { NotesFolderMirror, type MirrorSource } from '../../../../../main/export/mirror/notes-folder-mirror';
import { makeTempDir } from '../../store/fixtures/temp-dir';
import { COLOR_MEANINGS, exportInput, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

/** A mirror over a real folder, loading documents from a map the test changes as the store would. */
function setUp(t: TestContext, folder: string, documents: Map<string, ExportDocumentInput>, delayMs = 10_000) {
  const loads: string[] = [];
  const left: { documentId: string; file: string; left: LeftBlock[] }[] = [];
  const errors: unknown[] = [];
  const mirror = new NotesFolderMirror({
    folder,
    delayMs,
    load: async (documentId): Promise<MirrorSource | null> => {
      loads.push(documentId);
      const document = documents.get(documentId);
      return document ? { document, colorMeanings: COLOR_MEANINGS } : null;
    },
    onLeftBlocks: (report) => left.push(report),
    onError: (error) => errors.push(error),
  });
  t.after(() => mirror.flush());
  return { mirror, loads, left, errors };
}

/** The inode of a file: a durable write replaces the file, so it changes with every write. */
async function inode(path: string): Promise<number> {
  return (await stat(path)).ino;
}

describe('notes-folder mirror', () => {
  let library: Library;
  let essay: ExportDocumentInput;
  let notes: ExportDocumentInput;
  before(async () => {
    library = await testLibrary();
    [essay, notes] = exportInput('library', [library.essay, library.notes], library.annotations).documents as [ExportDocumentInput, ExportDocumentInput];
  });

  const withNote = (document: ExportDocumentInput, note: string): ExportDocumentInput => ({
    ...document,
    annotations: document.annotations.map((a, i): Annotation => (i === 0 ? { ...a, note, updatedAt: '2025-05-01T00:00:00.000Z' } : a)),
  });

  it('writes one file per annotated document, named from its title, and leaves no temp file', async (t) => {
    const folder = await makeTempDir(t);
    const { mirror } = setUp(t, folder, new Map([[essay.id, essay], [notes.id, notes]]));
    mirror.notify(essay.id);
    mirror.notify(notes.id);
    const results = await mirror.flush();
    assert.deepEqual(results.map((r) => [r.file, r.written]), [['Reading 🎉 closely.md', true], ['Field notes.md', true]]);
    assert.deepEqual((await readdir(folder)).sort(), ['Field notes.md', 'Reading 🎉 closely.md']);
    assert.match(await readFile(join(folder, 'Field notes.md'), 'utf8'), /gloss-document-id: "notes0000000002"/);
  });

  it('batches: changes within the interval make one write of the newest state', async (t) => {
    const folder = await makeTempDir(t);
    const documents = new Map([[essay.id, essay]]);
    const { mirror, loads } = setUp(t, folder, documents, 50);
    mirror.notify(essay.id);
    documents.set(essay.id, withNote(essay, 'Second thought.'));
    mirror.notify(essay.id);
    documents.set(essay.id, withNote(essay, 'Third thought.'));
    mirror.notify(essay.id);
    const file = join(folder, 'Reading 🎉 closely.md');
    await assert.rejects(stat(file), 'nothing is written before the interval ends');
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !(await stat(file).catch(() => null))) await new Promise((resolve) => setTimeout(resolve, 20));
    await mirror.flush();
    assert.deepEqual(loads, [essay.id], 'one batch, one load');
    const text = await readFile(file, 'utf8');
    assert.ok(text.includes('Third thought.'));
    assert.ok(!text.includes('Second thought.'));
  });

  it('does not write again when nothing changed', async (t) => {
    const folder = await makeTempDir(t);
    const { mirror } = setUp(t, folder, new Map([[essay.id, essay]]));
    mirror.notify(essay.id);
    await mirror.flush();
    const file = join(folder, 'Reading 🎉 closely.md');
    const before = await inode(file);
    mirror.notify(essay.id);
    const [result] = await mirror.flush();
    assert.equal(result!.written, false);
    assert.equal(await inode(file), before, 'the file was not replaced');
  });

  it('keeps the reader’s text, carries edits and deletions, and leaves edited blocks, telling about them', async (t) => {
    const folder = await makeTempDir(t);
    const documents = new Map([[essay.id, essay]]);
    const { mirror, left } = setUp(t, folder, documents);
    mirror.notify(essay.id);
    await mirror.flush();
    const file = join(folder, 'Reading 🎉 closely.md');
    const written = await readFile(file, 'utf8');
    await writeFile(file, `${written.replace('An orphan keeps its note.', 'An orphan keeps its note, I insist.')}\nMy closing thoughts.\n`);

    documents.set(essay.id, { ...withNote(essay, 'Rewritten.'), annotations: withNote(essay, 'Rewritten.').annotations.filter((a) => !a.id.endsWith('0003')) });
    mirror.notify(essay.id);
    await mirror.flush();
    const text = await readFile(file, 'utf8');
    assert.ok(text.includes('My closing thoughts.'));
    assert.ok(text.includes('Rewritten.'));
    assert.ok(!text.includes('00000000-0000-4000-8000-000000000003'));
    assert.ok(text.includes('An orphan keeps its note, I insist.'));
    assert.deepEqual(left, [{ documentId: essay.id, file: 'Reading 🎉 closely.md', left: [{ key: 'Hypothesis-Id_22chars', reason: 'edited' }] }]);
  });

  it('never overwrites a file it does not own: a clash gets a suffix', async (t) => {
    const folder = await makeTempDir(t);
    await writeFile(join(folder, 'reading 🎉 CLOSELY.md'), 'The reader’s own note.\n');
    const { mirror } = setUp(t, folder, new Map([[essay.id, essay]]));
    mirror.notify(essay.id);
    const [result] = await mirror.flush();
    assert.equal(result!.file, 'Reading 🎉 closely 2.md');
    assert.equal(await readFile(join(folder, 'reading 🎉 CLOSELY.md'), 'utf8'), 'The reader’s own note.\n');
  });

  it('follows a file the reader renamed, and keeps its name when the title changes', async (t) => {
    const folder = await makeTempDir(t);
    const documents = new Map([[essay.id, essay]]);
    const { mirror } = setUp(t, folder, documents);
    mirror.notify(essay.id);
    await mirror.flush();
    await rename(join(folder, 'Reading 🎉 closely.md'), join(folder, 'Essay — my copy.md'));
    documents.set(essay.id, { ...withNote(essay, 'After the rename.'), title: 'A new title' });
    mirror.notify(essay.id);
    const [result] = await mirror.flush();
    assert.equal(result!.file, 'Essay — my copy.md');
    assert.deepEqual(await readdir(folder), ['Essay — my copy.md']);
    const text = await readFile(join(folder, 'Essay — my copy.md'), 'utf8');
    assert.ok(text.includes('After the rename.'));
    assert.ok(text.includes('title: "A new title"'));
  });

  it('writes a file the reader deleted afresh at the next change', async (t) => {
    const folder = await makeTempDir(t);
    const documents = new Map([[essay.id, essay]]);
    const { mirror } = setUp(t, folder, documents);
    mirror.notify(essay.id);
    await mirror.flush();
    await rm(join(folder, 'Reading 🎉 closely.md'));
    documents.set(essay.id, withNote(essay, 'After the deletion.'));
    mirror.notify(essay.id);
    const [result] = await mirror.flush();
    assert.deepEqual([result!.file, result!.written], ['Reading 🎉 closely.md', true]);
    assert.ok((await readFile(join(folder, 'Reading 🎉 closely.md'), 'utf8')).includes('After the deletion.'));
  });

  it('makes no file for a document without annotations, and keeps an existing one when they are all deleted', async (t) => {
    const folder = await makeTempDir(t);
    const documents = new Map<string, ExportDocumentInput>([[essay.id, { ...essay, annotations: [] }]]);
    const { mirror } = setUp(t, folder, documents);
    mirror.notify(essay.id);
    assert.deepEqual((await mirror.flush()).map((r) => r.file), [null]);
    assert.deepEqual(await readdir(folder), []);

    documents.set(essay.id, essay);
    mirror.notify(essay.id);
    await mirror.flush();
    const file = join(folder, 'Reading 🎉 closely.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nMine.\n`);
    documents.set(essay.id, { ...essay, annotations: [] });
    mirror.notify(essay.id);
    await mirror.flush();
    const text = await readFile(file, 'utf8');
    assert.ok(text.includes('Mine.'));
    assert.ok(!text.includes('gloss:begin 0000'), 'every annotation block is gone');
    assert.ok(text.includes('highlights: 0'));
  });

  it('reports a write that failed and tries again at the next change', async (t) => {
    const folder = await makeTempDir(t);
    const blocked = join(folder, 'not-a-folder');
    await writeFile(blocked, 'a file where the folder should be');
    const { mirror, errors } = setUp(t, blocked, new Map([[essay.id, essay]]));
    mirror.notify(essay.id);
    assert.deepEqual((await mirror.flush()).map((r) => r.written), [false]);
    assert.equal(errors.length, 1);
  });
});
