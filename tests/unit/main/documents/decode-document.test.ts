import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { LIMITS } from '../../../../main/api';
import { GlossError } from '../../../../main/errors';
import {
  checkDocumentSize,
  decodeDocumentBytes,
  formatMegabytes,
  normalizeNewlines,
} from '../../../../main/documents/decode-document';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('normalizeNewlines', () => {
  it('turns CRLF and lone CR into LF', () => {
    assert.equal(normalizeNewlines('a\r\nb\rc\n\r\nd'), 'a\nb\nc\n\nd');
  });
});

describe('decodeDocumentBytes', () => {
  it('returns the format, LF text without BOM, byte length and hash of the raw bytes', () => {
    const bytes = Buffer.from('\uFEFF# Title\r\n\r\nBody\rEnd\r\n');
    const decoded = decodeDocumentBytes(bytes, 'notes.md');
    assert.deepEqual(decoded, {
      fileName: 'notes.md',
      format: 'markdown',
      text: '# Title\n\nBody\nEnd\n',
      byteLength: bytes.byteLength,
      contentHash: sha256(bytes),
    });
  });

  it('reads .txt and .text as plain text', () => {
    assert.equal(decodeDocumentBytes(Buffer.from('x'), 'a.TXT').format, 'text');
    assert.equal(decodeDocumentBytes(Buffer.from('x'), 'a.text').format, 'text');
  });

  it('decodes a UTF-16 LE upload with CRLF line endings', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Line one\r\nLine two', 'utf16le')]);
    assert.equal(decodeDocumentBytes(bytes, 'notepad.txt').text, 'Line one\nLine two');
  });

  it('returns empty text, not an error, for an empty or blank file', () => {
    const empty = decodeDocumentBytes(new Uint8Array(), 'empty.txt');
    assert.equal(empty.text, '');
    assert.equal(empty.byteLength, 0);
    assert.equal(empty.contentHash, sha256(new Uint8Array()));
    const blank = decodeDocumentBytes(Buffer.from(' \r\n\t\n \n'), 'blank.md');
    assert.equal(blank.text, '');
    assert.equal(blank.byteLength, 7);
  });

  it('refuses an unsupported extension before looking at the bytes', () => {
    assert.throws(
      () => decodeDocumentBytes(new Uint8Array([0, 1, 2]), 'photo.png'),
      (error: unknown) => error instanceof GlossError && error.code === 'not-text' && /“photo\.png”.*\.md/.test(error.message),
    );
  });

  it('accepts a document of exactly the size limit and refuses one byte more', () => {
    const atLimit = new Uint8Array(LIMITS.maxDocumentBytes).fill(0x61);
    assert.equal(decodeDocumentBytes(atLimit, 'big.txt').text.length, LIMITS.maxDocumentBytes);
    const over = new Uint8Array(LIMITS.maxDocumentBytes + 1).fill(0x61);
    assert.throws(
      () => decodeDocumentBytes(over, 'huge.txt'),
      (error: unknown) =>
        error instanceof GlossError &&
        error.code === 'too-large' &&
        error.message === '“huge.txt” is 20.0 MB; Gloss opens documents up to 20 MB.',
    );
  });

  it('passes on encoding and binary errors', () => {
    assert.throws(() => decodeDocumentBytes(new Uint8Array([0xc3, 0x28]), 'x.md'), { code: 'bad-encoding' });
    assert.throws(() => decodeDocumentBytes(new Uint8Array([0x41, 0x00, 0x42]), 'x.md'), { code: 'not-text' });
  });
});

describe('checkDocumentSize', () => {
  it('states the size in megabytes', () => {
    assert.doesNotThrow(() => checkDocumentSize(LIMITS.maxDocumentBytes, 'a.md'));
    assert.throws(() => checkDocumentSize(25 * 1024 * 1024 + 300_000, 'a.md'), { code: 'too-large', message: /“a\.md” is 25\.3 MB/ });
    assert.equal(formatMegabytes(1536 * 1024), '1.5 MB');
  });
});
