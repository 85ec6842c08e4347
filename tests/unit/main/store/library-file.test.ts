import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRecord, emptyLibrary, readLibraryFile } from '../../../../main/store/library-file';
import { LIBRARY_SCHEMA_VERSION } from '../../../../main/store/migrations';

const record = (id: string) => ({
  id,
  path: `/p/${id}.md`,
  fileName: `${id}.md`,
  title: id,
  contentHash: 'h',
  fingerprint: null,
  annotationCount: null,
  addedAt: 't',
  lastOpenedAt: 't',
  readingPosition: null,
});

test('an empty library: first launch, nothing recent', () => {
  const file = emptyLibrary();
  assert.equal(file.schemaVersion, LIBRARY_SCHEMA_VERSION);
  assert.equal(file.launchedAt, null);
  assert.deepEqual(file.recent, []);
});

test('readLibraryFile drops dangling and repeated recent ids and a bad window state', () => {
  const notices: string[] = [];
  const file = readLibraryFile(
    {
      schemaVersion: 1,
      documents: { a: record('a'), b: record('b') },
      recent: ['b', 'ghost', 'b', 'a', 7],
      lastDocumentId: 'ghost',
      windowState: { width: 'wide' },
      launchedAt: '2025-01-01T00:00:00.000Z',
    },
    'now',
    notices,
  );
  assert.deepEqual(file.recent, ['b', 'a']);
  assert.equal(file.lastDocumentId, null);
  assert.equal(file.windowState, null);
  assert.equal(file.launchedAt, '2025-01-01T00:00:00.000Z');
  assert.deepEqual(notices, []);
});

test('ids such as "__proto__" stay plain data', () => {
  const file = readLibraryFile(JSON.parse(`{"documents": {"__proto__": ${JSON.stringify(record('__proto__'))}}, "recent": ["__proto__"]}`), 'now', []);
  assert.equal(Object.getPrototypeOf(file.documents), Object.prototype);
  assert.ok(Object.hasOwn(file.documents, '__proto__'));
  assert.deepEqual(file.recent, ['__proto__']);
});

test('a record stored under another id is quarantined, and a bad reading position is reset', () => {
  const notices: string[] = [];
  const file = readLibraryFile(
    { documents: { a: record('b'), c: { ...record('c'), readingPosition: { fraction: 9 } } } },
    'now',
    notices,
  );
  assert.deepEqual(Object.keys(file.documents), ['c']);
  assert.equal(file.documents.c?.readingPosition, null);
  assert.equal(file.quarantine.length, 1);
  assert.match(file.quarantine[0]?.reason ?? '', /stored under the id a/);
  assert.equal(notices.length, 1);
});

test('checkRecord refuses what could not be read back', () => {
  assert.deepEqual(checkRecord(record('ok')), record('ok'));
  assert.throws(() => checkRecord(record('not ok')), { code: 'invalid-request' });
});
