import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blockId, blockquote, containNoteMarkdown, obsidianTag, yamlString } from '../../../../../main/export/markdown/markdown-text';
import { isMarkerLike } from '../../../../../main/export/mirror/mirror-markers';
import { renderedBlocks, textOf } from '../../documents/render-markdown';

describe('yamlString', () => {
  it('writes a double-quoted scalar that reads back as the same string', () => {
    for (const value of ['plain', 'a "quote": yes', 'back\\slash', 'line\nbreak\ttab', 'שלום 🎉 e\u0301', '---', '# not a comment', 'NEL\u0085 LS\u2028 PS\u2029 BOM\ufeff']) {
      const scalar = yamlString(value);
      assert.match(scalar, /^"[^\n\u0085\u2028\u2029]*"$/, scalar);
      // YAML's double-quoted escapes include JSON's; \u escapes are read back by both.
      assert.equal(JSON.parse(scalar), value);
    }
  });
});

describe('obsidianTag', () => {
  it('keeps letters of any script, digits, _, -, / and emoji; turns the rest into dashes', () => {
    assert.equal(obsidianTag('reading list'), 'reading-list');
    assert.equal(obsidianTag('weird tag!'), 'weird-tag');
    assert.equal(obsidianTag('a/b/c'), 'a/b/c');
    assert.equal(obsidianTag('עברית'), 'עברית');
    assert.equal(obsidianTag('café'), 'café');
    assert.equal(obsidianTag('🔥'), '🔥');
    assert.equal(obsidianTag('👩‍👩‍👧 family'), '👩‍👩‍👧-family');
    assert.equal(obsidianTag('#hash'), 'hash');
  });

  it('makes an all-digit tag one Obsidian accepts and drops a tag with nothing usable', () => {
    assert.equal(obsidianTag('1984'), '_1984');
    assert.equal(obsidianTag('2024/05'), '_2024/05');
    assert.equal(obsidianTag('!!!'), null);
    assert.equal(obsidianTag(' / '), null);
  });
});

describe('blockId', () => {
  it('is gloss-<id> for ids Obsidian accepts, a stable hash for the others', () => {
    assert.equal(blockId('00000000-0000-4000-8000-000000000001'), 'gloss-00000000-0000-4000-8000-000000000001');
    const hashed = blockId('with_underscore');
    assert.match(hashed, /^gloss-x[0-9a-f]{20}$/);
    assert.equal(blockId('with_underscore'), hashed);
    assert.notEqual(blockId('with-underscore'), hashed);
  });
});

describe('blockquote', () => {
  it('shows the quote as written: Markdown escaped, lines kept, paragraphs split', () => {
    const quoted = blockquote('# not a heading, *not* emphasis\n- not a list\n\n<b>not html</b> & 1. not a list');
    const blocks = renderedBlocks(quoted);
    assert.equal(blocks.length, 1);
    assert.equal(blocks[0]!.tag, 'blockquote');
    const paragraphs = Array.from(blocks[0]!.element.querySelectorAll('p'), textOf);
    assert.deepEqual(paragraphs, ['# not a heading, *not* emphasis\n- not a list', '<b>not html</b> & 1. not a list']);
    assert.equal(blocks[0]!.element.querySelectorAll('h1, ul, ol, em, b').length, 0);
  });

  it('keeps right-to-left text, emoji and combining marks untouched', () => {
    const text = 'שלום 👩‍👩‍👧 e\u0301';
    assert.equal(renderedBlocks(blockquote(text))[0]!.text, text);
  });
});

describe('containNoteMarkdown', () => {
  it('closes an unclosed code fence so the rest of the file is not swallowed', () => {
    const contained = containNoteMarkdown('```js\ncode', isMarkerLike);
    assert.equal(contained, '```js\ncode\n```');
    assert.equal(containNoteMarkdown('~~~~\nx\n~~~~\nafter', isMarkerLike), '~~~~\nx\n~~~~\nafter', 'a closed fence is left alone');
    const blocks = renderedBlocks(`${contained}\n\nnext paragraph`);
    assert.deepEqual(blocks.map((b) => b.tag), ['pre', 'p']);
  });

  it('escapes raw HTML blocks that only their closing tag would end, when it is missing', () => {
    assert.equal(containNoteMarkdown('<pre>\nunclosed', isMarkerLike), '\\<pre>\nunclosed');
    assert.equal(containNoteMarkdown('<!-- open comment', isMarkerLike), '\\<!-- open comment');
    assert.equal(containNoteMarkdown('<script>x</script>', isMarkerLike), '<script>x</script>', 'closed on its line');
    assert.equal(containNoteMarkdown('<style>\na {}\n</style>', isMarkerLike), '<style>\na {}\n</style>');
    const blocks = renderedBlocks(`${containNoteMarkdown('<textarea>', isMarkerLike)}\n\nnext paragraph`);
    assert.equal(blocks.at(-1)!.text, 'next paragraph');
  });

  it('escapes lines that look like the mirror’s markers, even inside fences', () => {
    assert.equal(containNoteMarkdown('<!-- gloss:end abc -->', isMarkerLike), '\\<!-- gloss:end abc -->');
    assert.equal(containNoteMarkdown('```\n<!-- gloss:begin abc 00 -->\n```', isMarkerLike), '```\n\\<!-- gloss:begin abc 00 -->\n```');
  });
});
