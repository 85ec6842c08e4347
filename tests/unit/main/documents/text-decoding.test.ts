import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlossError } from '../../../../main/errors';
import { decodeTextBytes, looksBinary } from '../../../../main/documents/text-decoding';

function utf16le(text: string): Uint8Array {
  return new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

function utf16be(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  return new Uint8Array([0xfe, 0xff, ...le.swap16()]);
}

function glossError(code: string, message: RegExp) {
  return (error: unknown) => {
    assert.ok(error instanceof GlossError, `expected a GlossError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  };
}

describe('looksBinary', () => {
  it('accepts text, including the odd form feed or colour escape', () => {
    assert.equal(looksBinary(''), false);
    assert.equal(looksBinary('Hello, world.\n\tIndented.\r\n'), false);
    assert.equal(looksBinary('Chapter 1\fChapter 2'), false);
    assert.equal(looksBinary('\u001b[31mred\u001b[0m text in a log'), false);
  });

  it('flags a NUL anywhere in the first 8 KB, and text that is mostly control characters', () => {
    assert.equal(looksBinary('abc\u0000def'), true);
    assert.equal(looksBinary('\u0001\u0002\u0003\u0004ab'), true);
    assert.equal(looksBinary('\u0080\u0081\u0085\u0090abc'), true);
  });

  it('only inspects the first 8 KB', () => {
    assert.equal(looksBinary(`${'a'.repeat(8192)}\u0000`), false);
  });
});

describe('decodeTextBytes', () => {
  it('decodes UTF-8 and drops its byte-order mark', () => {
    assert.equal(decodeTextBytes(Buffer.from('Café — “quoted” 😀'), 'a.txt'), 'Café — “quoted” 😀');
    assert.equal(decodeTextBytes(Buffer.from('\uFEFFTitle\n'), 'a.txt'), 'Title\n');
  });

  it('decodes UTF-16 LE and BE files that start with a byte-order mark, as Notepad writes them', () => {
    assert.equal(decodeTextBytes(utf16le('Notepad “text” é\r\n'), 'a.txt'), 'Notepad “text” é\r\n');
    assert.equal(decodeTextBytes(utf16be('Big-endian é 😀'), 'a.txt'), 'Big-endian é 😀');
  });

  it('refuses invalid UTF-8 as bad-encoding, naming the file', () => {
    const latin1 = new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]);
    assert.throws(() => decodeTextBytes(latin1, 'old.txt'), glossError('bad-encoding', /“old\.txt” is not UTF-8 text/));
  });

  it('refuses damaged UTF-16 as bad-encoding', () => {
    const oddLength = utf16le('ab').subarray(0, 5);
    assert.throws(() => decodeTextBytes(oddLength, 'n.txt'), glossError('bad-encoding', /“n\.txt” is marked as UTF-16LE/));
    const loneSurrogate = new Uint8Array([0xfe, 0xff, 0xd8, 0x00, 0x00, 0x41]);
    assert.throws(() => decodeTextBytes(loneSurrogate, 'n.txt'), glossError('bad-encoding', /UTF-16BE/));
  });

  it('refuses UTF-32 rather than reading it as UTF-16', () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00]);
    assert.throws(() => decodeTextBytes(utf32, 'w.txt'), glossError('bad-encoding', /“w\.txt” is saved as UTF-32/));
  });

  it('refuses binary content as not-text: NUL bytes or mostly control characters', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    assert.throws(() => decodeTextBytes(png, 'image.md'), glossError('not-text', /“image\.md” looks like a binary file/));
    const controls = new Uint8Array(200).map((_, i) => 1 + (i % 8));
    assert.throws(() => decodeTextBytes(controls, 'c.txt'), glossError('not-text', /binary/));
    assert.throws(() => decodeTextBytes(utf16le('ab\u0000\u0001\u0002'), 'u.txt'), glossError('not-text', /binary/));
  });
});
