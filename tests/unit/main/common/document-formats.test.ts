import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DOCUMENT_EXTENSIONS,
  documentFormatOf,
  documentPickerAccept,
  documentTooLargeMessage,
  MAX_DOCUMENT_MEGABYTES,
  unsupportedDocumentMessage,
} from '../../../../main/common/document-formats';
import { LIMITS } from '../../../../main/common/limits';
import { requireDocumentFormat } from '../../../../main/documents/document-format';

const accepted = documentPickerAccept().split(',');

describe('the file picker’s accept list', () => {
  it('offers every extension Gloss opens, and only those', () => {
    assert.deepEqual(new Set(accepted), new Set([...DOCUMENT_EXTENSIONS.markdown, ...DOCUMENT_EXTENSIONS.text]));
    for (const extension of accepted) assert.notEqual(documentFormatOf(`article${extension}`), null, extension);
    assert.equal(accepted.includes('.csv'), false);
  });
});

describe('the messages both sides show', () => {
  it('name every kind of file Gloss opens, and the one refused', () => {
    const message = unsupportedDocumentMessage('data.csv');
    assert.match(message, /data\.csv/);
    for (const extension of accepted) assert.ok(message.includes(extension), extension);
    assert.throws(() => requireDocumentFormat('data.csv'), (error: Error) => error.message === message);
  });

  it('state the size limit the main side enforces, which is a whole number of megabytes', () => {
    assert.ok(Number.isInteger(MAX_DOCUMENT_MEGABYTES));
    assert.equal(MAX_DOCUMENT_MEGABYTES * 1024 * 1024, LIMITS.maxDocumentBytes);
    assert.match(documentTooLargeMessage('huge.txt'), new RegExp(`“huge\\.txt” is over ${MAX_DOCUMENT_MEGABYTES} MB`));
  });
});
