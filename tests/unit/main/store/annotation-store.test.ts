import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import type { AnnotationTarget } from '../../../../main/api';
import { GlossError } from '../../../../main/errors';
import { ANNOTATIONS_FOLDER, openAnnotationStore } from '../../../../main/store/annotation-store';
import type { AnnotationFile } from '../../../../main/store/annotation-store';
import { makeAnnotation, makeNote } from './fixtures/make-annotation';
import { makeTempDir } from './fixtures/temp-dir';

const DOC = 'doc-1';
const NOW = '2025-06-01T12:00:00.000Z';

function fileOf(dir: string, documentId = DOC): string {
  return join(dir, ANNOTATIONS_FOLDER, `${documentId}.json`);
}

async function readStored(dir: string, documentId = DOC): Promise<AnnotationFile> {
  return JSON.parse(await readFile(fileOf(dir, documentId), 'utf8')) as AnnotationFile;
}

function target(start: number, end: number, exact = 'moved text'): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end },
    headingPath: [],
    contentHash: 'new-hash',
  };
}

test('create, list, update and remove round-trip through one file per document', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  assert.deepEqual(await store.list(DOC), []);

  const created = await store.create(makeAnnotation(DOC, 'a1', 1));
  await store.create(makeNote(DOC, 'n1'));
  await store.create(makeAnnotation('doc-2', 'b1', 1));
  assert.equal(created.id, 'a1');

  const stored = await readStored(dir);
  assert.equal(stored.schemaVersion, 1);
  assert.equal(stored.documentId, DOC);
  assert.deepEqual(
    stored.annotations.map((a) => a.id),
    ['a1', 'n1'],
  );
  assert.deepEqual(stored.quarantine, []);
  assert.deepEqual(
    (await readStored(dir, 'doc-2')).annotations.map((a) => a.id),
    ['b1'],
  );

  const updated = await store.update(DOC, 'a1', { color: 'green', note: 'changed', tags: ['x'] }, NOW);
  assert.equal(updated.color, 'green');
  assert.equal(updated.note, 'changed');
  assert.deepEqual(updated.tags, ['x']);
  assert.equal(updated.updatedAt, NOW);
  assert.equal(updated.createdAt, created.createdAt);

  const removed = await store.remove(DOC, 'n1');
  assert.equal(removed.id, 'n1');

  const reopened = openAnnotationStore(dir);
  const listed = await reopened.list(DOC);
  assert.deepEqual(listed, [updated]);
});

test('duplicate ids, unknown ids, invalid input and bad document ids are refused', async (t) => {
  const store = openAnnotationStore(await makeTempDir(t));
  await store.create(makeAnnotation(DOC, 'a1'));
  await assert.rejects(store.create(makeAnnotation(DOC, 'a1')), { code: 'invalid-request' });
  await assert.rejects(store.update(DOC, 'missing', { note: 'x' }, NOW), { code: 'not-found' });
  await assert.rejects(store.remove(DOC, 'missing'), { code: 'not-found' });
  await assert.rejects(store.create(makeAnnotation(DOC, 'bad id!')), { code: 'invalid-request' });
  await assert.rejects(store.create(makeAnnotation(DOC, 'h', 0, { target: null })), { code: 'invalid-request' });
  await assert.rejects(store.update(DOC, 'a1', { note: 'x'.repeat(100_001) }, NOW), { code: 'invalid-request' });
  await assert.rejects(store.list('../escape'), { code: 'invalid-request' });
  await store.create(makeNote(DOC, 'n1'));
  await assert.rejects(store.update(DOC, 'n1', { target: target(0, 5) }, NOW), { code: 'invalid-request' });
  assert.deepEqual(
    (await store.list(DOC)).map((a) => a.id),
    ['a1', 'n1'],
  );
});

test('a new target re-attaches an orphan', async (t) => {
  const store = openAnnotationStore(await makeTempDir(t));
  await store.create(makeAnnotation(DOC, 'a1', 1, { status: 'orphaned' }));
  const reattached = await store.update(DOC, 'a1', { target: target(10, 20) }, NOW);
  assert.equal(reattached.status, 'anchored');
  assert.deepEqual(reattached.target, target(10, 20));
});

test('restore puts a removed annotation back, and is idempotent', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'a1'));
  const removed = await store.remove(DOC, 'a1');
  assert.deepEqual(await store.list(DOC), []);
  assert.deepEqual(await store.restore(removed), removed);
  assert.deepEqual(await store.restore(removed), removed);
  assert.deepEqual(await store.list(DOC), [removed]);
  assert.deepEqual(
    (await readStored(dir)).annotations.map((a) => a.id),
    ['a1'],
  );
});

/** Makes the next writes of a document's file fail for real, even as root: a folder where its backup goes. */
async function blockWrites(dir: string, documentId = DOC): Promise<() => Promise<void>> {
  const backup = `${fileOf(dir, documentId)}.bak`;
  await rm(backup, { force: true });
  await mkdir(join(backup, 'inside'), { recursive: true });
  return () => rm(backup, { recursive: true });
}

test('applyAnchoring orphans (never deletes), moves, counts, and writes all or nothing', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  const original = await store.create(makeAnnotation(DOC, 'a1', 1));
  await store.create(makeAnnotation(DOC, 'a2', 2));
  await store.create(makeAnnotation(DOC, 'a3', 3));
  await store.create(makeNote(DOC, 'n1'));
  const before = await readFile(fileOf(dir), 'utf8');

  const a2 = (await store.list(DOC))[1];
  const updates = [
    { id: 'a1', target: null },
    { id: 'a2', target: { ...target(a2?.target?.position.start ?? 0, a2?.target?.position.end ?? 1), contentHash: 'new-hash' } },
    { id: 'a3', target: target(5000, 5010) },
    { id: 'n1', target: null },
    { id: 'gone', target: null },
  ];
  const unblock = await blockWrites(dir);
  await assert.rejects(store.applyAnchoring(DOC, 'new-hash', updates, NOW), { code: 'io' });
  assert.equal(await readFile(fileOf(dir), 'utf8'), before, 'a failed re-anchoring changes nothing on disk');
  assert.ok((await store.list(DOC)).every((a) => a.status === 'anchored' && a.updatedAt !== NOW), 'nor in memory');
  await unblock();

  const summary = await store.applyAnchoring(DOC, 'new-hash', updates, NOW);
  assert.deepEqual(summary, { moved: 1, needsReview: 0, orphaned: 1 });

  const listed = await store.list(DOC);
  assert.equal(listed.length, 4, 'nothing is deleted');
  const [a1, , a3, n1] = listed;
  assert.equal(a1?.status, 'orphaned');
  assert.deepEqual(a1?.target, original.target, 'an orphan keeps its selectors for a later re-attach');
  assert.equal(a3?.status, 'anchored');
  assert.deepEqual(a3?.target, target(5000, 5010));
  assert.equal(n1?.status, 'anchored', 'a document note has nothing to anchor');

  const stored = await readStored(dir);
  assert.equal(stored.anchoredContentHash, 'new-hash');

  const again = await store.applyAnchoring(DOC, 'new-hash', [{ id: 'a1', target: target(1, 2) }], NOW);
  assert.deepEqual(again, { moved: 1, needsReview: 0, orphaned: 0 });
  assert.equal((await store.list(DOC))[0]?.status, 'anchored');
});

test('applyAnchoring marks a passage for review, keeping its selectors, and never changes when an annotation was written', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  const a1 = await store.create(makeAnnotation(DOC, 'a1', 1));
  const a2 = await store.create(makeAnnotation(DOC, 'a2', 2));
  const a3 = await store.create(makeAnnotation(DOC, 'a3', 3));
  const later = '2030-01-01T00:00:00.000Z';
  const summary = await store.applyAnchoring(
    DOC,
    'new-hash',
    [
      { id: 'a1', target: null, status: 'needs-review' },
      { id: 'a2', target: null },
      { id: 'a3', target: target(700, 710) },
    ],
    later,
  );
  assert.deepEqual(summary, { moved: 1, needsReview: 1, orphaned: 1 });
  const [r1, r2, r3] = await store.list(DOC);
  assert.equal(r1?.status, 'needs-review');
  assert.deepEqual(r1?.target, a1.target, 'the stored passage stays until the reader accepts another');
  assert.equal(r2?.status, 'orphaned');
  assert.deepEqual(r3?.target, target(700, 710));
  // Re-anchoring changes where a highlight is, not when it was written.
  assert.deepEqual(
    [r1?.updatedAt, r2?.updatedAt, r3?.updatedAt],
    [a1.updatedAt, a2.updatedAt, a3.updatedAt],
  );
  assert.deepEqual(
    (await readStored(dir)).annotations.map((a) => a.updatedAt),
    [a1.updatedAt, a2.updatedAt, a3.updatedAt],
  );

  // Accepting the new span (a new target) makes it anchored.
  const accepted = await store.update(DOC, 'a1', { target: target(40, 50) }, later);
  assert.equal(accepted.status, 'anchored');
});

test('applyAnchoring refuses an update whose status and target disagree', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'a1', 1));
  for (const update of [
    { id: 'a1', target: target(1, 2), status: 'needs-review' as const },
    { id: 'a1', target: null, status: 'anchored' as const },
  ]) {
    await assert.rejects(store.applyAnchoring(DOC, 'h', [update], NOW), (error: unknown) => error instanceof GlossError && error.code === 'invalid-request');
  }
});

test('many concurrent creates all resolve and are all on disk', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  const ids = Array.from({ length: 100 }, (_, i) => `c${i}`);
  await Promise.all(ids.map((id, i) => store.create(makeAnnotation(DOC, id, i))));
  assert.deepEqual(new Set((await readStored(dir)).annotations.map((a) => a.id)), new Set(ids));
});

test('a failed write rolls back: the change is refused and never shows up later', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'kept'));
  const unblock = await blockWrites(dir);
  await assert.rejects(
    store.create(makeAnnotation(DOC, 'lost')),
    (error: unknown) => error instanceof GlossError && error.code === 'io' && /could not save annotations\/doc-1\.json/.test(error.message),
  );
  await assert.rejects(store.remove(DOC, 'kept'), { code: 'io' });
  assert.deepEqual(
    (await store.list(DOC)).map((a) => a.id),
    ['kept'],
  );
  await unblock();
  await store.create(makeAnnotation(DOC, 'later'));
  assert.deepEqual(
    (await readStored(dir)).annotations.map((a) => a.id),
    ['kept', 'later'],
  );
});

test('invalid entries on disk are skipped and reported, and kept in quarantine', async (t) => {
  const dir = await makeTempDir(t);
  const valid = makeAnnotation(DOC, 'ok');
  const invalid = { id: 'broken', documentId: DOC, kind: 'scribble' };
  const duplicate = { ...valid, note: 'second copy' };
  const foreign = makeAnnotation('doc-9', 'elsewhere');
  const original = JSON.stringify({ schemaVersion: 1, documentId: DOC, annotations: [valid, invalid, duplicate, foreign] });
  await mkdir(join(dir, ANNOTATIONS_FOLDER));
  await writeFile(fileOf(dir), original);

  const messages: string[] = [];
  const store = openAnnotationStore(dir, { onRecover: (m) => messages.push(m) });
  assert.deepEqual(await store.list(DOC), [valid]);
  assert.equal(messages.length, 1);
  assert.match(messages[0] ?? '', /^3 annotations in annotations\/doc-1\.json could not be read/);
  assert.match(messages[0] ?? '', /Nothing was deleted/);
  assert.equal(await readFile(fileOf(dir), 'utf8'), original, 'reading changes nothing on disk');

  await store.create(makeAnnotation(DOC, 'new'));
  const stored = await readStored(dir);
  assert.deepEqual(
    stored.annotations.map((a) => a.id),
    ['ok', 'new'],
  );
  assert.deepEqual(
    stored.quarantine.map((q) => q.entry),
    [invalid, duplicate, foreign],
  );
  assert.ok(stored.quarantine.every((q) => q.reason.length > 0 && q.quarantinedAt.length > 0));

  // Quarantined entries stay quarantined, and are not reported again as new problems.
  const later: string[] = [];
  await openAnnotationStore(dir, { onRecover: (m) => later.push(m) }).list(DOC);
  assert.deepEqual(later, []);
});

test('a damaged annotation file is restored from its backup with every confirmed annotation, and a notice', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'a1'));
  await store.create(makeAnnotation(DOC, 'a2'));
  await writeFile(fileOf(dir), '{"schemaVersion":1,"annotations":[{"id":');
  const messages: string[] = [];
  const reopened = openAnnotationStore(dir, { onRecover: (m) => messages.push(m), titleOf: (id) => (id === DOC ? 'On Reading' : undefined) });
  assert.deepEqual(
    (await reopened.list(DOC)).map((a) => a.id),
    ['a1', 'a2'],
  );
  const kept = (await readdir(join(dir, ANNOTATIONS_FOLDER))).filter((n) => n.includes('.corrupt-'));
  assert.equal(kept.length, 1);
  assert.deepEqual(messages, [
    `The annotation file of "On Reading" (annotations/doc-1.json) was damaged; Gloss restored the last good copy. The damaged file was kept as ${join(dir, ANNOTATIONS_FOLDER, kept[0] ?? '')}.`,
  ]);
});

test('a symbolic link planted at the old temp name annotations/.<id>.json.tmp is never written through', async (t) => {
  const dir = await makeTempDir(t);
  const outside = join(await makeTempDir(t), 'victim.txt');
  await writeFile(outside, 'precious');
  await mkdir(join(dir, ANNOTATIONS_FOLDER));
  await symlink(outside, join(dir, ANNOTATIONS_FOLDER, `.${DOC}.json.tmp`));
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'a1'));
  await store.create(makeAnnotation(DOC, 'a2'));
  assert.equal(await readFile(outside, 'utf8'), 'precious');
  assert.deepEqual((await readStored(dir)).annotations.map((a) => a.id), ['a1', 'a2']);
});

test('entries of the quarantine list in another form never block a save, and are kept', async (t) => {
  const dir = await makeTempDir(t);
  await mkdir(join(dir, ANNOTATIONS_FOLDER));
  const odd = ['a string', 42, null, ['a', 'list'], { reason: 'kept as it was', quarantinedAt: NOW, entry: { id: 'x' } }];
  await writeFile(fileOf(dir), JSON.stringify({ schemaVersion: 1, documentId: DOC, annotations: [], quarantine: odd }));
  const store = openAnnotationStore(dir);
  await store.create(makeAnnotation(DOC, 'a1'));
  await store.create(makeAnnotation(DOC, 'a2'));
  const stored = await readStored(dir);
  assert.deepEqual(stored.annotations.map((a) => a.id), ['a1', 'a2']);
  assert.deepEqual(stored.quarantine.map((q) => q.entry), ['a string', 42, null, ['a', 'list'], { id: 'x' }]);
  assert.equal(stored.quarantine[4]?.reason, 'kept as it was');
  assert.ok(stored.quarantine.every((q) => typeof q.reason === 'string' && typeof q.quarantinedAt === 'string'));
});

test('an annotation file saved with a byte-order mark is read as it is', async (t) => {
  const dir = await makeTempDir(t);
  await mkdir(join(dir, ANNOTATIONS_FOLDER));
  const text = `\uFEFF${JSON.stringify({ schemaVersion: 1, documentId: DOC, annotations: [makeAnnotation(DOC, 'a1')], quarantine: [] })}`;
  await writeFile(fileOf(dir), text);
  const messages: string[] = [];
  const store = openAnnotationStore(dir, { onRecover: (m) => messages.push(m) });
  assert.deepEqual((await store.list(DOC)).map((a) => a.id), ['a1']);
  assert.deepEqual(messages, []);
  assert.deepEqual(await readdir(join(dir, ANNOTATIONS_FOLDER)), [`${DOC}.json`]);
});

test('dates must be ISO 8601 in UTC, on create and on restore', async (t) => {
  const store = openAnnotationStore(await makeTempDir(t));
  for (const createdAt of ['yesterday', '2025-06-01', '2025-06-01T12:00:00+02:00', '2025-13-01T00:00:00.000Z', '']) {
    await assert.rejects(store.create(makeAnnotation(DOC, 'a1', 0, { createdAt })), { code: 'invalid-request' }, createdAt);
    await assert.rejects(store.restore(makeAnnotation(DOC, 'a1', 0, { updatedAt: createdAt })), { code: 'invalid-request' }, createdAt);
  }
  await store.restore(makeAnnotation(DOC, 'a1', 0, { createdAt: '2025-06-01T12:00:00Z' }));
  assert.deepEqual((await store.list(DOC)).map((a) => a.id), ['a1']);
});

test('a file from a newer Gloss is refused and left untouched', async (t) => {
  const dir = await makeTempDir(t);
  const text = JSON.stringify({ schemaVersion: 5, documentId: DOC, annotations: [] });
  await mkdir(join(dir, ANNOTATIONS_FOLDER));
  await writeFile(fileOf(dir), text);
  const store = openAnnotationStore(dir);
  await assert.rejects(store.list(DOC), { code: 'io' });
  await assert.rejects(store.create(makeAnnotation(DOC, 'a1')), { code: 'io' });
  assert.equal(await readFile(fileOf(dir), 'utf8'), text);
  assert.deepEqual(await readdir(join(dir, ANNOTATIONS_FOLDER)), [`${DOC}.json`]);
});

test('returned annotations are copies', async (t) => {
  const store = openAnnotationStore(await makeTempDir(t));
  const created = await store.create(makeAnnotation(DOC, 'a1'));
  created.note = 'mutated';
  const [listed] = await store.list(DOC);
  if (listed) listed.tags.push('mutated');
  assert.deepEqual((await store.list(DOC))[0], makeAnnotation(DOC, 'a1'));
});

test('flush waits for pending writes', async (t) => {
  const dir = await makeTempDir(t);
  const store = openAnnotationStore(dir);
  void store.create(makeAnnotation(DOC, 'a1'));
  void store.create(makeAnnotation('doc-2', 'b1'));
  await store.flush();
  assert.equal((await readStored(dir)).annotations.length, 1);
  assert.equal((await readStored(dir, 'doc-2')).annotations.length, 1);
});
