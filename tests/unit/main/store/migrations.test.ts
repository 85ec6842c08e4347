import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GlossError } from '../../../../main/errors';
import { readLibraryFile } from '../../../../main/store/library-file';
import { CURRENT_SCHEMA_VERSION, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION, migrate } from '../../../../main/store/migrations';

test('a current file passes through unchanged', () => {
  const data = { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { theme: 'dark' } };
  assert.deepEqual(migrate(data, 'gloss.json'), data);
});

test('a file without schemaVersion is upgraded and keeps its fields', () => {
  assert.deepEqual(migrate({ settings: {}, extra: 1 }, 'gloss.json'), { settings: {}, extra: 1, schemaVersion: 1 });
});

test('steps run in order from the file version up to the current one', () => {
  const seen: number[] = [];
  const steps = {
    0: (d: Record<string, unknown>) => {
      seen.push(0);
      return { ...d, schemaVersion: 1, upgraded: true };
    },
  };
  assert.deepEqual(migrate({ old: true }, 'x.json', steps), { old: true, schemaVersion: 1, upgraded: true });
  assert.deepEqual(seen, [0]);
});

test('a newer version is refused with a clear io error', () => {
  assert.throws(
    () => migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, 'gloss.json'),
    (error: unknown) =>
      error instanceof GlossError &&
      error.code === 'io' &&
      /gloss\.json was saved by a newer version of Gloss/.test(error.message) &&
      /left untouched/.test(error.message),
  );
});

test('an unreadable version number is refused rather than guessed', () => {
  for (const schemaVersion of ['1', -1, 1.5, null]) {
    assert.throws(() => migrate({ schemaVersion }, 'gloss.json'), { code: 'io' });
  }
});

test('gloss.json version 1 becomes version 2 with its records as they were; they read with no fingerprint and no count yet', () => {
  const record = { id: 'a1b2c3d4e5f60718', path: '/docs/a.md', fileName: 'a.md', title: 'A', contentHash: 'h', addedAt: 't', lastOpenedAt: 't', readingPosition: null, later: 'kept' };
  const v1 = { schemaVersion: 1, documents: { [record.id]: record }, recent: [record.id] };
  const migrated = migrate(v1, 'gloss.json', LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION);
  assert.deepEqual(migrated, { ...v1, schemaVersion: 2 });
  const read = readLibraryFile(v1, '2025-01-01T00:00:00.000Z', []);
  assert.equal(read.schemaVersion, LIBRARY_SCHEMA_VERSION);
  assert.deepEqual(read.documents[record.id], { ...record, fingerprint: null, annotationCount: null });
  assert.deepEqual(read.recent, [record.id], 'the id made from the path stays the document’s id');
  // Version 0 (no schemaVersion at all) goes through both steps.
  assert.equal(migrate({}, 'gloss.json', LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION).schemaVersion, 2);
});

test('a gloss.json of version 2 is refused by the annotation files’ version and by an older step table', () => {
  assert.throws(() => migrate({ schemaVersion: 2 }, 'gloss.json'), /newer version of Gloss \(data format 2; this version understands up to 1\)/);
  assert.throws(() => migrate({ schemaVersion: LIBRARY_SCHEMA_VERSION + 1 }, 'gloss.json', LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION), { code: 'io' });
});

test('bad derived values in a record are forgotten, not a reason to quarantine it', () => {
  const record = { id: 'x1', path: '/x.md', fileName: 'x.md', title: 'X', contentHash: 'h', addedAt: 't', lastOpenedAt: 't', readingPosition: null, fingerprint: 7, annotationCount: -3 };
  const read = readLibraryFile({ schemaVersion: 2, documents: { x1: record } }, 't', []);
  assert.equal(read.documents.x1?.fingerprint, null);
  assert.equal(read.documents.x1?.annotationCount, null);
  assert.deepEqual(read.quarantine, []);
});
