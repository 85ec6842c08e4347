import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { documentIdForPath, hashBytes } from '../../../../main/documents/document-id';

describe('hashBytes', () => {
  it('is the sha256 hex digest of bytes or a string', () => {
    assert.equal(hashBytes('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(hashBytes(new Uint8Array()), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    const bytes = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    assert.equal(hashBytes(bytes), createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('documentIdForPath', () => {
  it('is 16 lower-case hex characters, valid as a store id', () => {
    const id = documentIdForPath('/home/reader/article.md', 'linux');
    assert.match(id, /^[0-9a-f]{16}$/);
    assert.equal(id, hashBytes('/home/reader/article.md').slice(0, 16));
  });

  it('is stable for a path and differs between paths', () => {
    assert.equal(documentIdForPath('/a/notes.md', 'linux'), documentIdForPath('/a/notes.md', 'linux'));
    assert.notEqual(documentIdForPath('/a/notes.md', 'linux'), documentIdForPath('/b/notes.md', 'linux'));
  });

  it('resolves dot segments and trailing separators first', () => {
    assert.equal(documentIdForPath('/a/b/../notes.md', 'linux'), documentIdForPath('/a/notes.md', 'linux'));
    assert.equal(documentIdForPath('/a//notes.md', 'linux'), documentIdForPath('/a/notes.md', 'linux'));
  });

  it('keeps case on Linux, whose file systems tell Notes.md from notes.md', () => {
    assert.notEqual(documentIdForPath('/a/Notes.md', 'linux'), documentIdForPath('/a/notes.md', 'linux'));
  });

  it('folds case on macOS and Windows, whose file systems do not', () => {
    assert.equal(documentIdForPath('/Users/A/Notes.md', 'darwin'), documentIdForPath('/users/a/notes.md', 'darwin'));
    assert.equal(documentIdForPath('C:\\Users\\A\\Notes.MD', 'win32'), documentIdForPath('c:\\users\\a\\notes.md', 'win32'));
    assert.equal(documentIdForPath('C:\\Users\\A\\..\\B\\x.md', 'win32'), documentIdForPath('C:\\Users\\B\\x.md', 'win32'));
  });

  it('ignores Unicode normalisation on macOS', () => {
    const composed = '/Users/a/caf\u00e9.md';
    const decomposed = '/Users/a/cafe\u0301.md';
    assert.equal(documentIdForPath(composed, 'darwin'), documentIdForPath(decomposed, 'darwin'));
    assert.notEqual(documentIdForPath(composed, 'linux'), documentIdForPath(decomposed, 'linux'));
  });
});
