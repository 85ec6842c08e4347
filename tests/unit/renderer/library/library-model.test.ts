import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LibraryEntry } from '../../../../main/api';
import { arrangeLibrary, countText, locationOf, progressText, removalQuestion, similarQuestion } from '../../../../renderer/library/library-model';

function entry(id: string, title: string, lastOpenedAt: string, annotationCount: number | null, path = `/docs/${id}.md`): LibraryEntry {
  return { id, title, path, fileName: `${id}.md`, addedAt: lastOpenedAt, lastOpenedAt, progress: null, annotationCount, missing: false, isSample: false };
}

const entries = [
  entry('a', 'Zebra crossings at the harbour', '2025-03-01T10:00:00.000Z', 2),
  entry('b', 'Café culture', '2025-03-03T10:00:00.000Z', 14, '/news/cafés/b.md'),
  entry('c', 'article 10', '2025-03-02T10:00:00.000Z', null),
  entry('d', 'Article 9', '2025-02-01T10:00:00.000Z', 2),
];
const ids = (list: LibraryEntry[]) => list.map((e) => e.id);

describe('arrangeLibrary', () => {
  test('sorts by last opened, newest first', () => {
    assert.deepEqual(ids(arrangeLibrary(entries, 'last-opened', '')), ['b', 'c', 'a', 'd']);
  });

  test('sorts by title as people read them: case and accents aside, numbers by value', () => {
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', '')), ['d', 'c', 'b', 'a']);
  });

  test('sorts by annotation count, most first, ties by recency, uncounted last', () => {
    assert.deepEqual(ids(arrangeLibrary(entries, 'annotations', '')), ['b', 'a', 'd', 'c']);
  });

  test('filters by every word, in the title, the file name or the folder, accents and case aside', () => {
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', 'CAFE')), ['b']);
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', 'cafés news')), ['b']);
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', 'article d.md')), ['d']);
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', 'nothing like it')), []);
    assert.deepEqual(ids(arrangeLibrary(entries, 'title', '   ')), ['d', 'c', 'b', 'a']);
  });

  test('leaves the given list as it was', () => {
    const copy = [...entries];
    arrangeLibrary(entries, 'title', 'a');
    assert.deepEqual(entries, copy);
  });
});

describe('the words of an entry', () => {
  test('location is the folder, or what the sample is', () => {
    assert.equal(locationOf(entries[1] as LibraryEntry), '/news/cafés');
    assert.equal(locationOf({ ...(entries[0] as LibraryEntry), path: 'C:\\Users\\me\\a.md' }), 'C:\\Users\\me');
    assert.equal(locationOf({ ...(entries[0] as LibraryEntry), isSample: true }), 'Sample article (comes with Gloss)');
  });

  test('progress and counts', () => {
    assert.deepEqual([null, 0, 0.004, 0.42, 0.995].map(progressText), ['Not started', 'Not started', '1% read', '42% read', 'Finished']);
    assert.deepEqual([null, 0, 1, 14].map(countText), ['Annotations not counted yet', 'No annotations', '1 annotation', '14 annotations']);
  });

  test('the questions say what is at stake', () => {
    assert.equal(removalQuestion('Title', 14), 'Remove “Title” and its 14 annotations?');
    assert.equal(removalQuestion('Title', 1), 'Remove “Title” and its 1 annotation?');
    assert.equal(removalQuestion('Title', 0), 'Remove “Title” from the library?');
    assert.equal(similarQuestion('Title', 14), 'This looks like “Title” that you annotated, 14 notes. Attach them?');
    assert.equal(similarQuestion('Title', 1), 'This looks like “Title” that you annotated, 1 note. Attach them?');
    assert.match(similarQuestion('Title', 0), /read before/);
  });
});
