import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stringifyAnnotationFile } from '../../../../main/store/annotation-file-text';
import { makeAnnotation } from './fixtures/make-annotation';

test('parses back to the same data, one annotation per line', () => {
  const file = {
    schemaVersion: 1,
    documentId: 'doc',
    anchoredContentHash: null,
    skipped: undefined,
    annotations: [makeAnnotation('doc', 'a', 0), makeAnnotation('doc', 'b', 1)],
    quarantine: [{ reason: 'bad', quarantinedAt: 't', entry: { id: 'x' } }],
  };
  const text = stringifyAnnotationFile(file);
  const { skipped: _skipped, ...expected } = file;
  assert.deepEqual(JSON.parse(text), expected);
  const lines = text.split('\n');
  assert.equal(lines.filter((line) => line.includes('"id":"a"')).length, 1);
  assert.ok(lines.some((line) => line.trim().startsWith('{"id":"b"')), 'each annotation starts its own line');
  assert.ok(text.endsWith('}\n'));
});

test('empty lists are written as []', () => {
  const text = stringifyAnnotationFile({ annotations: [], quarantine: [] });
  assert.deepEqual(JSON.parse(text), { annotations: [], quarantine: [] });
});
