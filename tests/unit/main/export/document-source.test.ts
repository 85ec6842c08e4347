import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathOfSource, sourceUrl } from '../../../../main/export/document-source';

describe('document sources', () => {
  it('names a document by its file URL and reads the path back', () => {
    const url = sourceUrl('/notes/Ça va? #1 100%.md');
    assert.equal(url, 'file:///notes/%C3%87a%20va%3F%20%231%20100%25.md');
    assert.equal(pathOfSource(url), '/notes/Ça va? #1 100%.md');
  });

  it('takes an absolute path as it is, and nothing else for a path', () => {
    assert.equal(pathOfSource('/a/b.md'), '/a/b.md');
    assert.equal(pathOfSource('C:\\Users\\me\\b.md'), 'C:\\Users\\me\\b.md');
    assert.equal(pathOfSource('https://example.com/a'), null);
    assert.equal(pathOfSource('urn:isbn:123'), null);
    assert.equal(pathOfSource('relative/b.md'), null);
    assert.equal(pathOfSource('file://remote-host/share/b.md'), null, 'a file URL on another host is no local path here');
  });
});
