import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GlossError } from '../../../../main/errors';
import {
  DOCUMENT_EXTENSIONS,
  documentFormatOf,
  extensionOf,
  requireDocumentFormat,
} from '../../../../main/documents/document-format';

describe('extensionOf', () => {
  it('returns the last extension, lower-cased, with its dot', () => {
    assert.equal(extensionOf('Notes.MD'), '.md');
    assert.equal(extensionOf('archive.tar.gz'), '.gz');
    assert.equal(extensionOf('/home/reader/articles/a.txt'), '.txt');
  });

  it('treats a leading dot as a hidden file, and ignores dots in folder names', () => {
    assert.equal(extensionOf('.md'), '');
    assert.equal(extensionOf('README'), '');
    assert.equal(extensionOf('drafts.md/README'), '');
    assert.equal(extensionOf('C:\\notes.v2\\todo'), '');
  });
});

describe('documentFormatOf', () => {
  it('knows every Markdown and plain-text extension, in any case', () => {
    for (const ext of DOCUMENT_EXTENSIONS.markdown) {
      assert.equal(documentFormatOf(`a${ext}`), 'markdown');
      assert.equal(documentFormatOf(`a${ext.toUpperCase()}`), 'markdown');
    }
    for (const ext of DOCUMENT_EXTENSIONS.text) assert.equal(documentFormatOf(`a${ext}`), 'text');
    assert.deepEqual([...DOCUMENT_EXTENSIONS.markdown, ...DOCUMENT_EXTENSIONS.text].sort(), [
      '.markdown',
      '.md',
      '.mdown',
      '.mkd',
      '.text',
      '.txt',
    ]);
  });

  it('returns null for other files', () => {
    for (const name of ['photo.png', 'book.epub', 'page.html', 'README', '.md', 'notes.md.bak']) {
      assert.equal(documentFormatOf(name), null, name);
    }
  });
});

describe('requireDocumentFormat', () => {
  it('returns the format of a supported file', () => {
    assert.equal(requireDocumentFormat('a.markdown'), 'markdown');
    assert.equal(requireDocumentFormat('a.text'), 'text');
  });

  it('refuses other files with a not-text error naming the file and the supported types', () => {
    assert.throws(
      () => requireDocumentFormat('photo.png'),
      (error: unknown) => {
        assert.ok(error instanceof GlossError);
        assert.equal(error.code, 'not-text');
        assert.match(error.message, /“photo\.png”/);
        for (const ext of ['.md', '.markdown', '.mdown', '.mkd', '.txt', '.text']) assert.ok(error.message.includes(ext), ext);
        return true;
      },
    );
  });
});
