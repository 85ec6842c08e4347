import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { AnnotationIndex } from '../../../../main/search/annotation-index';
import { readSnapshot, SNAPSHOT_FILE, writeSnapshot } from '../../../../main/search/index-snapshot';
import { makeTempDir } from '../store/fixtures/temp-dir';
import { makeNotesLibrary } from '../../../fixtures/search/notes-library';

function libraryIndex(): AnnotationIndex {
  const library = makeNotesLibrary(3, 5, 1000);
  const index = new AnnotationIndex();
  for (const document of library.documents) index.putDocument(document.id, document.title);
  for (const list of library.annotations.values()) index.putAnnotations(list);
  return index;
}

const files = new Map([['d1', '1:2:3:4']]);

async function rewriteLines(dir: string, change: (lines: string[]) => string[]): Promise<void> {
  const path = join(dir, SNAPSHOT_FILE);
  const lines = (await readFile(path, 'utf8')).trimEnd().split('\n');
  await writeFile(path, `${change(lines).join('\n')}\n`);
}

describe('index snapshot', () => {
  it('reads back what was written, and the index it holds answers as the original', async (t) => {
    const dir = await makeTempDir(t);
    const index = libraryIndex();
    await writeSnapshot(dir, { files, content: index.content() });
    assert.deepEqual(await readdir(dir), [SNAPSHOT_FILE], 'no temporary file left');
    const snapshot = await readSnapshot(dir);
    assert.ok(snapshot);
    assert.deepEqual(snapshot.files, files);
    assert.equal(snapshot.index.size, index.size);
    for (const text of ['harbour', 'evidnce meth', 'cafe', 'the lant']) assert.deepEqual(snapshot.index.search({ text }), index.search({ text }), text);
  });

  it('is absent when there is no file', async (t) => {
    assert.equal(await readSnapshot(await makeTempDir(t)), null);
  });

  it('is ignored when written by another version of the index', async (t) => {
    const dir = await makeTempDir(t);
    await writeSnapshot(dir, { files, content: libraryIndex().content() });
    await rewriteLines(dir, ([header, ...rest]) => [JSON.stringify({ ...JSON.parse(header as string), version: 0 }), ...rest]);
    assert.equal(await readSnapshot(dir), null);
    await rewriteLines(dir, ([header, ...rest]) => [JSON.stringify({ ...JSON.parse(header as string), version: 1, icu: 'another' }), ...rest]);
    assert.equal(await readSnapshot(dir), null);
  });

  it('calls its pause after each line it reads', async (t) => {
    const dir = await makeTempDir(t);
    const content = libraryIndex().content();
    await writeSnapshot(dir, { files, content });
    let pauses = 0;
    assert.ok(
      await readSnapshot(dir, async () => {
        pauses += 1;
      }),
    );
    const lines = (await readFile(join(dir, SNAPSHOT_FILE), 'utf8')).trimEnd().split('\n').length;
    assert.equal(pauses, lines);
  });

  it('is ignored when cut short, damaged or followed by more', async (t) => {
    const dir = await makeTempDir(t);
    const content = libraryIndex().content();
    const damages: ((lines: string[]) => string[])[] = [
      (lines) => lines.slice(0, -1),
      (lines) => lines.slice(0, -3).concat(lines.slice(-1)),
      (lines) => [...lines.slice(0, 2), '{"records": [', ...lines.slice(3)],
      (lines) => [...lines, '{"records": []}'],
      (lines) => [...lines.slice(0, 2), '{"unknown": 1}', ...lines.slice(2)],
      // Parts that parse but do not hold together: a chunk of records missing, the count fixed.
      (lines) => [...lines.slice(0, 3), ...lines.slice(4)].map((line, _, all) => (line.startsWith('{"end"') ? `{"end":${all.length - 1}}` : line)),
    ];
    for (const damage of damages) {
      await writeSnapshot(dir, { files, content });
      await rewriteLines(dir, damage);
      assert.equal(await readSnapshot(dir), null, damage.toString());
    }
  });
});
