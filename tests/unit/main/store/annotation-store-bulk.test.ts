/**
 * What import and export ask of the annotation store: many annotations of a document in one
 * durable write (all or none), reading a document without keeping it open, and the documents
 * that have a file.
 */
import assert from 'node:assert/strict';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Annotation } from '../../../../main/api';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from '../../../../main/store/annotation-store';
import type { AnnotationFile } from '../../../../main/store/annotation-store';
import { makeAnnotation, makeNote } from './fixtures/make-annotation';
import { makeTempDir } from './fixtures/temp-dir';

const DOC = 'doc-1';

async function stored(dir: string, documentId = DOC): Promise<AnnotationFile> {
  return JSON.parse(await readFile(join(dir, ANNOTATIONS_FOLDER, `${documentId}.json`), 'utf8')) as AnnotationFile;
}

test('insertMany stores every annotation in one write, in the order given, with any status the store knows', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'existing', 0));
  const file = join(dir, ANNOTATIONS_FOLDER, `${DOC}.json`);
  const before = (await stat(file)).ino;
  const batch: Annotation[] = [makeAnnotation(DOC, 'b', 2), makeNote(DOC, 'n'), makeAnnotation(DOC, 'a', 1, { status: 'orphaned' })];
  const result = await store.insertMany(DOC, batch);
  assert.deepEqual(result.map((a) => a.id), ['b', 'n', 'a']);
  const onDisk = await stored(dir);
  assert.deepEqual(onDisk.annotations.map((a) => [a.id, a.status]), [['existing', 'anchored'], ['b', 'anchored'], ['n', 'anchored'], ['a', 'orphaned']]);
  // One durable write replaced the file once: a new inode, and no temp file left.
  assert.notEqual((await stat(file)).ino, before);
  assert.deepEqual((await readdir(join(dir, ANNOTATIONS_FOLDER))).sort(), [`${DOC}.json`, `${DOC}.json.bak`]);
  assert.deepEqual(await store.insertMany(DOC, []), []);
});

test('insertMany refuses the whole batch for one bad annotation, and writes nothing', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'existing', 0));
  const text = await readFile(join(dir, ANNOTATIONS_FOLDER, `${DOC}.json`), 'utf8');
  const refusals: [Annotation[], RegExp][] = [
    [[makeAnnotation(DOC, 'fine', 1), makeAnnotation(DOC, 'existing', 2)], /An annotation with the id existing already exists; nothing was stored/],
    [[makeAnnotation(DOC, 'twice', 1), makeAnnotation(DOC, 'twice', 2)], /An annotation with the id twice already exists/],
    [[makeAnnotation(DOC, 'fine', 1), makeAnnotation('doc-2', 'stranger', 2)], /belongs to another document/],
    [[makeAnnotation(DOC, 'fine', 1), makeAnnotation(DOC, 'long', 2, { note: 'x'.repeat(100_001) })], /That annotation is not valid: a note holds at most 100000 characters/],
    [[makeAnnotation(DOC, 'fine', 1), makeAnnotation(DOC, 'odd', 2, { status: 'unheard-of' as Annotation['status'] })], /That annotation is not valid/],
    [[makeAnnotation(DOC, 'fine', 1), { ...makeAnnotation(DOC, 'bare', 2), target: null }], /a highlight needs a target/],
  ];
  for (const [batch, message] of refusals) {
    await assert.rejects(store.insertMany(DOC, batch), message);
    assert.equal(await readFile(join(dir, ANNOTATIONS_FOLDER, `${DOC}.json`), 'utf8'), text);
    assert.deepEqual((await store.list(DOC)).map((a) => a.id), ['existing']);
  }
});

test('peek reads a document without opening it, and sees what an open one holds', async (t) => {
  const dir = await makeTempDir(t);
  const writer = openAnnotationStore(dir);
  await writer.create(makeAnnotation(DOC, 'a1', 1));
  await writer.create(makeAnnotation('doc-2', 'b1', 1));

  const reader = openAnnotationStore(dir);
  assert.deepEqual((await reader.peek(DOC)).map((a) => a.id), ['a1']);
  // Not kept open: a change written by another store since is seen at the next peek.
  await writer.create(makeAnnotation(DOC, 'a2', 2));
  assert.deepEqual((await reader.peek(DOC)).map((a) => a.id), ['a1', 'a2']);
  assert.deepEqual(await reader.peek('never-annotated'), []);
  await assert.rejects(reader.peek('../escape'), /That document id is not valid/);
  assert.deepEqual(await reader.documentIds(), [DOC, 'doc-2']);
  assert.deepEqual(await openAnnotationStore(join(dir, 'nothing-here')).documentIds(), []);
});
