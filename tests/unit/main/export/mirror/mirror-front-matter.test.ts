import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { frontMatterValue, mergeFrontMatter, splitFrontMatter } from '../../../../../main/export/mirror/mirror-front-matter';

const owned = new Set(['title', 'gloss-document-id', 'highlights', 'updated']);

describe('mirror front matter', () => {
  it('splits a file at its front matter, and finds none when the fence never closes', () => {
    assert.deepEqual(splitFrontMatter(['---', 'a: 1', '---', 'body']), { lines: ['a: 1'], body: ['body'] });
    assert.deepEqual(splitFrontMatter(['---', 'a: 1', '...', 'body']), { lines: ['a: 1'], body: ['body'] });
    assert.deepEqual(splitFrontMatter(['---', 'a: 1', 'body']), { lines: null, body: ['---', 'a: 1', 'body'] });
    assert.deepEqual(splitFrontMatter(['# Title']), { lines: null, body: ['# Title'] });
  });

  it('rewrites Gloss’s keys in place and keeps the reader’s, lists included', () => {
    const existing = ['aliases:', '  - Close reading', 'title: "Old title"', 'highlights: 3', 'rating: 5', 'tags: [a, b]'];
    const merged = mergeFrontMatter(existing, ['title: "New title"', 'gloss-document-id: "abc"', 'highlights: 4'], owned);
    assert.deepEqual(merged, ['aliases:', '  - Close reading', 'title: "New title"', 'highlights: 4', 'rating: 5', 'tags: [a, b]', 'gloss-document-id: "abc"']);
  });

  it('removes a key Gloss no longer writes, with the lines that continue it', () => {
    const merged = mergeFrontMatter(['title: "T"', 'updated:', '  "2025"', 'mine: yes'], ['title: "T"'], owned);
    assert.deepEqual(merged, ['title: "T"', 'mine: yes']);
  });

  it('starts a front matter when there is none', () => {
    assert.deepEqual(mergeFrontMatter(null, ['title: "T"'], owned), ['title: "T"']);
  });

  it('reads a value, quoted or not', () => {
    const lines = ['gloss-document-id: "abc123"', 'plain: value here', "single: 'quoted'", 'broken: "unterminated'];
    assert.equal(frontMatterValue(lines, 'gloss-document-id'), 'abc123');
    assert.equal(frontMatterValue(lines, 'plain'), 'value here');
    assert.equal(frontMatterValue(lines, 'single'), 'quoted');
    assert.equal(frontMatterValue(lines, 'broken'), null);
    assert.equal(frontMatterValue(lines, 'missing'), null);
  });
});
