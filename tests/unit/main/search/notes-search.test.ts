import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Annotation } from '../../../../main/api';
import type { NotesSearchQuery } from '../../../../main/common/notes-search';
import { AnnotationIndex } from '../../../../main/search/annotation-index';
import { openNotesSearch, SNAPSHOT_FILE } from '../../../../main/search/index';
import type { NotesSearch } from '../../../../main/search/index';
import { libraryReader } from '../../../../main/search/library-reader';
import type { AnnotationFileInfo, LibrarySource } from '../../../../main/search/library-reader';
import { makeTempDir } from '../store/fixtures/temp-dir';
import { makeLibraryAnnotation, makeNotesLibrary } from '../../../fixtures/search/notes-library';
import type { NotesLibrary } from '../../../fixtures/search/notes-library';
import { writeAnnotationFile, writeLibrary, writeLibraryFile } from '../../../fixtures/search/write-library';
import { createRandom } from '../../../fixtures/anchoring/prose';

const QUERIES: NotesSearchQuery[] = [
  { text: 'harbour' },
  { text: 'the lant' },
  { text: 'evidnce' },
  { text: 'cafe' },
  { text: 'muller' },
  { text: '', tags: ['important'] },
  { text: 'river', colors: ['blue'] },
  { text: 'on' },
];

/** The data folder's files, read for real (taking `delay` turns of the event loop), counting which documents were read. */
function countingReader(dataDir: string, delay = 0): LibrarySource & { read: string[] } {
  const reader = libraryReader(dataDir);
  const read: string[] = [];
  return {
    read,
    readTitles: () => reader.readTitles(),
    listAnnotationFiles: () => reader.listAnnotationFiles(),
    async readAnnotations(file: AnnotationFileInfo) {
      read.push(file.documentId);
      const annotations = await reader.readAnnotations(file);
      // Slow to hand them over: the file may have changed meanwhile.
      for (let i = 0; i < delay; i++) await nextTurn();
      return annotations;
    },
  };
}

/** What a fresh index of the folder's current files answers. */
async function freshAnswers(dataDir: string): Promise<unknown[]> {
  const reader = libraryReader(dataDir);
  const index = new AnnotationIndex();
  for (const [id, title] of await reader.readTitles()) index.putDocument(id, title);
  for (const file of await reader.listAnnotationFiles()) index.replaceDocumentAnnotations(file.documentId, await reader.readAnnotations(file));
  return QUERIES.map((query) => index.search(query));
}

function answers(search: NotesSearch): unknown[] {
  return QUERIES.map((query) => search.search(query));
}

/** Writes a document's file as the store does: a new file renamed over the old one. */
async function storeWrite(dataDir: string, documentId: string, annotations: readonly Annotation[]): Promise<void> {
  const staging = join(dataDir, '.staging');
  await mkdir(staging, { recursive: true });
  await writeAnnotationFile(staging, documentId, annotations);
  await rename(join(staging, 'annotations', `${documentId}.json`), join(dataDir, 'annotations', `${documentId}.json`));
}

async function libraryIn(dataDir: string, seed = 1): Promise<NotesLibrary> {
  const library = makeNotesLibrary(seed, 8, 300);
  await writeLibrary(dataDir, library.documents, library.annotations);
  return library;
}

/** Opens and closes the index once, so the folder has a snapshot of the library as it is. */
async function saveSnapshot(dataDir: string): Promise<void> {
  const search = openNotesSearch(dataDir);
  await search.whenReady();
  await search.close();
}

/** Opens the index again, counting the files it reads, and waits until it is ready. */
async function reopen(dataDir: string): Promise<{ search: NotesSearch; read: string[] }> {
  const reader = countingReader(dataDir);
  const search = openNotesSearch(dataDir, { source: reader });
  await search.whenReady();
  return { search, read: reader.read };
}

describe('openNotesSearch', () => {
  it('indexes the library in the background, answering meanwhile from what it has', async (t) => {
    const dir = await makeTempDir(t);
    await libraryIn(dir);
    const search = openNotesSearch(dir, { persist: false, source: countingReader(dir, 3), sliceMs: 0 });
    const early = search.search({ text: 'the' });
    assert.equal(early.complete, false);
    assert.equal(search.status().state, 'loading');
    await search.whenReady();
    const later = search.search({ text: 'the' });
    assert.equal(later.complete, true);
    assert.deepEqual(later.progress, { indexedDocuments: 8, totalDocuments: 8 });
    assert.ok(later.totalHits > early.totalHits);
    assert.deepEqual(answers(search), await freshAnswers(dir));
    assert.equal(search.status().state, 'ready');
  });

  it('saves a snapshot on close and, next time, reads no file that has not changed', async (t) => {
    const dir = await makeTempDir(t);
    await libraryIn(dir);
    await saveSnapshot(dir);
    const { search, read } = await reopen(dir);
    assert.deepEqual(read, []);
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  it('reads again only the files that changed since the snapshot, and follows titles and removals', async (t) => {
    const dir = await makeTempDir(t);
    const library = await libraryIn(dir);
    await saveSnapshot(dir);
    const [changed, removed, ...rest] = library.documents;
    const random = createRandom(5);
    await storeWrite(dir, changed!.id, [makeLibraryAnnotation(random, changed!.id), ...(library.annotations.get(changed!.id) ?? []).slice(1)]);
    await rm(join(dir, 'annotations', `${removed!.id}.json`));
    const added = { id: 'newdocument00001', title: 'A Harbour Newly Added' };
    await writeAnnotationFile(dir, added.id, [makeLibraryAnnotation(random, added.id)]);
    await writeLibraryFile(dir, [{ ...changed!, title: 'Renamed harbour' }, removed!, ...rest, added]);

    const { search, read } = await reopen(dir);
    assert.deepEqual(read.sort(), [changed!.id, added.id].sort());
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  it('rebuilds from the files when the snapshot cannot be used', async (t) => {
    const dir = await makeTempDir(t);
    await libraryIn(dir);
    await saveSnapshot(dir);
    const snapshot = await readFile(join(dir, SNAPSHOT_FILE), 'utf8');
    await writeFile(join(dir, SNAPSHOT_FILE), snapshot.replace('"version":1', '"version":0'));
    const { search, read } = await reopen(dir);
    assert.equal(read.length, 8);
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  for (const persisted of [false, true]) {
    it(`keeps every change reported while it loads${persisted ? ' from a snapshot' : ''}, never an older copy from disk`, async (t) => {
      const dir = await makeTempDir(t);
      const library = await libraryIn(dir, 2);
      if (persisted) await saveSnapshot(dir);
      const search = openNotesSearch(dir, { source: countingReader(dir, 2), sliceMs: 0 });
      const random = createRandom(9);
      const current = new Map([...library.annotations].map(([id, list]) => [id, [...list]]));
      // Each change as the store makes it: written to disk, then reported.
      for (let n = 0; n < 24; n++) {
        const document = library.documents[n % library.documents.length]!;
        const list = current.get(document.id) ?? [];
        if (n % 3 === 0 && list.length > 0) {
          const gone = list.splice(Math.floor(random() * list.length), 1)[0]!;
          await storeWrite(dir, document.id, list);
          search.removeAnnotations(document.id, [gone.id]);
        } else {
          const created = makeLibraryAnnotation(random, document.id);
          list.push(created);
          await storeWrite(dir, document.id, list);
          search.putAnnotations([created]);
        }
        current.set(document.id, list);
        if (n === 10) {
          await writeLibraryFile(dir, library.documents.map((d) => (d.id === document.id ? { ...d, title: 'Retitled while loading' } : d)));
          search.putDocument(document.id, 'Retitled while loading');
        }
        await nextTurn();
      }
      await search.whenReady();
      assert.deepEqual(answers(search), await freshAnswers(dir));
      assert.equal(search.search({ text: 'retitled' }).totalDocuments, 1);
    });
  }

  it('reads again next time the documents changed in this session, and only those', async (t) => {
    const dir = await makeTempDir(t);
    const library = await libraryIn(dir);
    const first = openNotesSearch(dir);
    await first.whenReady();
    const [written, unseen] = [library.documents[3]!, library.documents[5]!];
    const random = createRandom(1);
    const created = makeLibraryAnnotation(random, written.id);
    await storeWrite(dir, written.id, [...(library.annotations.get(written.id) ?? []), created]);
    first.putAnnotations([created]);
    // A change the fingerprint cannot see (as a write within the clock's granularity, of the
    // same size, into a reused inode would be): the document must be read again all the same.
    first.putAnnotations([makeLibraryAnnotation(random, unseen.id)]);
    await first.close();
    const { search, read } = await reopen(dir);
    assert.deepEqual(read.sort(), [written.id, unseen.id].sort());
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  it('keeps changes reported after the files were listed, while the snapshot loads', async (t) => {
    const dir = await makeTempDir(t);
    const library = await libraryIn(dir);
    await saveSnapshot(dir);
    const document = library.documents[2]!;
    const created = makeLibraryAnnotation(createRandom(3), document.id);
    const reader = libraryReader(dir);
    const source: LibrarySource = {
      ...reader,
      async listAnnotationFiles() {
        const files = await reader.listAnnotationFiles();
        // The store writes and reports a change after the listing, before the snapshot is read.
        await storeWrite(dir, document.id, [...(library.annotations.get(document.id) ?? []), created]);
        search.putAnnotations([created]);
        return files;
      },
    };
    const search = openNotesSearch(dir, { source });
    await search.whenReady();
    assert.deepEqual(answers(search), await freshAnswers(dir));
    assert.ok(search.search({ text: '', documentId: document.id, limit: 1000 }).groups[0]?.hits.some((hit) => hit.annotationId === created.id));
  });

  it('answers with a change made while its document was being read, before loading ends', async (t) => {
    const dir = await makeTempDir(t);
    const library = await libraryIn(dir);
    const document = [...library.documents].sort((a, b) => (a.id < b.id ? -1 : 1))[0]!;
    const created = makeLibraryAnnotation(createRandom(4), document.id);
    const reader = countingReader(dir, 5);
    const source: LibrarySource = {
      ...reader,
      async readAnnotations(file) {
        const stale = await reader.readAnnotations(file);
        if (file.documentId === document.id) {
          // Written and reported after the file was read, before what was read is indexed.
          await storeWrite(dir, document.id, [...stale, created]);
          search.putAnnotations([created]);
        }
        return stale;
      },
    };
    const search = openNotesSearch(dir, { persist: false, source, sliceMs: 0 });
    while (search.status().progress.indexedDocuments < 1) await nextTurn();
    const during = search.search({ text: '', documentId: document.id, limit: 1000 });
    assert.equal(during.complete, false);
    assert.ok(during.groups[0]?.hits.some((hit) => hit.annotationId === created.id));
    await search.whenReady();
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  it('stops loading when closed early, and saves no half-built index', async (t) => {
    const dir = await makeTempDir(t);
    await libraryIn(dir);
    const search = openNotesSearch(dir, { source: countingReader(dir, 5), sliceMs: 0 });
    await search.close();
    assert.equal(search.status().state, 'loading');
    await assert.rejects(readFile(join(dir, SNAPSHOT_FILE)), { code: 'ENOENT' });
  });

  it('closes all the same when the snapshot cannot be written, and reads the files next time', async (t) => {
    const dir = await makeTempDir(t);
    await libraryIn(dir);
    await mkdir(join(dir, SNAPSHOT_FILE));
    await saveSnapshot(dir);
    assert.deepEqual((await readdir(dir)).sort(), ['annotations', 'gloss.json', SNAPSHOT_FILE].sort(), 'no temporary file left');
    const { search, read } = await reopen(dir);
    assert.equal(read.length, 8);
    assert.deepEqual(answers(search), await freshAnswers(dir));
  });

  it('says so when the library cannot be read, and still answers from what it was told', async (t) => {
    const dir = await makeTempDir(t);
    await writeFile(join(dir, 'annotations'), 'not a folder');
    const search = openNotesSearch(dir);
    await search.whenReady();
    const status = search.status();
    assert.equal(status.state, 'failed');
    assert.match(status.error ?? '', /ENOTDIR/);
    search.putAnnotations([makeLibraryAnnotation(createRandom(2), 'd1')]);
    const results = search.search({ text: '', colors: ['yellow', 'green', 'blue', 'pink', 'purple'] });
    assert.equal(results.complete, false);
    assert.equal(results.totalHits, 1);
    await search.close();
  });
});
