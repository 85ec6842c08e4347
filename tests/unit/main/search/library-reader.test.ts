import assert from 'node:assert/strict';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { listAnnotationFiles, readAnnotations, readTitles } from '../../../../main/search/library-reader';
import { makeTempDir } from '../store/fixtures/temp-dir';
import { writeAnnotationFile, writeLibraryFile } from '../../../fixtures/search/write-library';
import { highlight } from './fixtures';

describe('readTitles', () => {
  it('reads each document’s title from gloss.json', async (t) => {
    const dir = await makeTempDir(t);
    await writeLibraryFile(dir, [{ id: 'd1', title: 'First' }, { id: 'd2', title: 'Zweite Überschrift' }]);
    assert.deepEqual(await readTitles(dir), new Map([['d1', 'First'], ['d2', 'Zweite Überschrift']]));
  });

  it('knows no titles without gloss.json, and falls back to its backup when it is damaged', async (t) => {
    const dir = await makeTempDir(t);
    assert.deepEqual(await readTitles(dir), new Map());
    await writeLibraryFile(dir, [{ id: 'd1', title: 'Saved' }]);
    await rename(join(dir, 'gloss.json'), join(dir, 'gloss.json.bak'));
    await writeFile(join(dir, 'gloss.json'), '{"documents": {"d1": ');
    assert.deepEqual(await readTitles(dir), new Map([['d1', 'Saved']]));
  });

  it('skips records that are filed under another id or have no title', async (t) => {
    const dir = await makeTempDir(t);
    const documents = { d1: { id: 'd1', title: 'Good' }, d2: { id: 'other', title: 'Misfiled' }, d3: { id: 'd3' } };
    await writeFile(join(dir, 'gloss.json'), JSON.stringify({ schemaVersion: 1, documents }));
    assert.deepEqual(await readTitles(dir), new Map([['d1', 'Good']]));
  });
});

describe('listAnnotationFiles', () => {
  it('lists one file per document, ignoring what is not an annotation file', async (t) => {
    const dir = await makeTempDir(t);
    assert.deepEqual(await listAnnotationFiles(dir), []);
    await writeAnnotationFile(dir, 'd1', []);
    await writeAnnotationFile(dir, 'd2', []);
    const folder = join(dir, 'annotations');
    for (const name of ['.d1.json.tmp', 'd1.json.corrupt-2025', 'notes.txt', 'bad name.json', 'd1.json.bak']) await writeFile(join(folder, name), '{}');
    const files = await listAnnotationFiles(dir);
    assert.deepEqual(files.map((f) => [f.documentId, f.path]), [['d1', join(folder, 'd1.json')], ['d2', join(folder, 'd2.json')]]);
  });

  it('takes the backup of a document whose file is gone (a crash between two renames)', async (t) => {
    const dir = await makeTempDir(t);
    await writeAnnotationFile(dir, 'd1', [highlight('d1', 'a1')]);
    await rename(join(dir, 'annotations', 'd1.json'), join(dir, 'annotations', 'd1.json.bak'));
    const files = await listAnnotationFiles(dir);
    assert.deepEqual(files.map((f) => f.path), [join(dir, 'annotations', 'd1.json.bak')]);
    assert.deepEqual((await readAnnotations(files[0]!)).map((a) => a.id), ['a1']);
  });

  it('gives a file a new fingerprint when it is written again, and the same one otherwise', async (t) => {
    const dir = await makeTempDir(t);
    await writeAnnotationFile(dir, 'd1', [highlight('d1', 'a1')]);
    const [before] = await listAnnotationFiles(dir);
    const [again] = await listAnnotationFiles(dir);
    assert.equal(again?.fingerprint, before?.fingerprint);
    // As the store writes: a new file renamed over the old one.
    await mkdir(join(dir, 'next'));
    await writeAnnotationFile(join(dir, 'next'), 'd1', [highlight('d1', 'a1')]);
    await rename(join(dir, 'next', 'annotations', 'd1.json'), join(dir, 'annotations', 'd1.json'));
    const [after] = await listAnnotationFiles(dir);
    assert.notEqual(after?.fingerprint, before?.fingerprint);
  });
});

describe('readAnnotations', () => {
  it('keeps the annotations the store would show, and drops the rest', async (t) => {
    const dir = await makeTempDir(t);
    const good = highlight('d1', 'a1', { note: 'kept' });
    const entries = [good, { ...good, note: 'repeated id' }, highlight('d2', 'a2'), { id: 'broken' }, highlight('d1', 'a3')];
    await mkdir(join(dir, 'annotations'));
    await writeFile(join(dir, 'annotations', 'd1.json'), JSON.stringify({ schemaVersion: 1, documentId: 'd1', annotations: entries, quarantine: [] }));
    const [file] = await listAnnotationFiles(dir);
    const read = await readAnnotations(file!);
    assert.deepEqual(read.map((a) => [a.id, a.note]), [['a1', 'kept'], ['a3', '']]);
  });

  it('shows nothing of a file from a newer Gloss, as the store refuses it', async (t) => {
    const dir = await makeTempDir(t);
    await mkdir(join(dir, 'annotations'));
    await writeFile(join(dir, 'annotations', 'd1.json'), JSON.stringify({ schemaVersion: 99, documentId: 'd1', annotations: [highlight('d1', 'a1')] }));
    const [file] = await listAnnotationFiles(dir);
    assert.deepEqual(await readAnnotations(file!), []);
  });

  it('reads the backup of a damaged file, as the store restores it', async (t) => {
    const dir = await makeTempDir(t);
    await writeAnnotationFile(dir, 'd1', [highlight('d1', 'from-backup')]);
    await rename(join(dir, 'annotations', 'd1.json'), join(dir, 'annotations', 'd1.json.bak'));
    await writeFile(join(dir, 'annotations', 'd1.json'), '{"annotations": [');
    const [file] = await listAnnotationFiles(dir);
    assert.deepEqual((await readAnnotations(file!)).map((a) => a.id), ['from-backup']);
  });
});
