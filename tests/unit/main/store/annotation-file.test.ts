import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkAnnotation, emptyAnnotationFile, readAnnotationFile } from '../../../../main/store/annotation-file';
import { makeAnnotation, makeNote } from './fixtures/make-annotation';

test('an empty file carries schemaVersion 1 and an empty quarantine', () => {
  assert.deepEqual(emptyAnnotationFile('d'), { schemaVersion: 1, documentId: 'd', anchoredContentHash: null, annotations: [], quarantine: [] });
});

test('readAnnotationFile keeps good entries, quarantines the rest with a reason, keeps unknown fields', () => {
  const good = makeAnnotation('d', 'a');
  const messages: string[] = [];
  const file = readAnnotationFile(
    { schemaVersion: 1, documentId: 'd', annotations: [good, 'junk', makeAnnotation('d', 'h', 0, { color: null })], extra: { kept: true } },
    'd',
    'annotations/d.json',
    (m) => messages.push(m),
  );
  assert.deepEqual(file.annotations, [good]);
  assert.deepEqual(
    file.quarantine.map((q) => q.entry === 'junk' || (q.entry as { id?: string }).id === 'h'),
    [true, true],
  );
  assert.match(file.quarantine[1]?.reason ?? '', /a highlight needs a color/);
  assert.equal(file.extra && (file.extra as { kept: boolean }).kept, true);
  assert.equal(messages.length, 1);
});

test('a file written before schemaVersion existed is upgraded; annotations that are not a list are kept aside', () => {
  const file = readAnnotationFile({ annotations: { not: 'a list' } }, 'd', 'annotations/d.json', undefined);
  assert.equal(file.schemaVersion, 1);
  assert.deepEqual(file.annotations, []);
  assert.deepEqual(file.quarantine[0]?.entry, { not: 'a list' });
});

test('checkAnnotation refuses a note with a target and returns a copy', () => {
  const note = makeNote('d', 'n');
  const copy = checkAnnotation(note);
  assert.deepEqual(copy, note);
  assert.notEqual(copy, note);
  assert.throws(() => checkAnnotation({ ...note, target: makeAnnotation('d', 'x').target }), { code: 'invalid-request' });
});
