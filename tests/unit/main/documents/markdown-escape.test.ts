import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  escapeHtml,
  escapeMarkdownHeading,
  escapeMarkdownInline,
  escapeMarkdownLine,
  escapeMarkdownLines,
} from '../../../../main/documents/markdown-escape';
import { renderMarkdown, renderedBlocks, textOf } from './render-markdown';

/** Lines that Markdown would turn into something else if they were not escaped. */
const TRICKY_LINES = [
  '*stars* and **double stars** and ***both***',
  '_underscores_ and __double__, snake_case_name',
  '`code` and ``double ticks`` and ```fence',
  '~~~ tilde fence',
  '<script>alert("gotcha")</script>',
  '<b>bold</b> <!-- comment --> <?php echo 1; ?>',
  '# not heading',
  '###### not heading either',
  '1. not list',
  '42) nor this',
  '- dash',
  '+ plus',
  '* star item',
  '> not a quote',
  '---',
  '***',
  '___',
  '===',
  '[x](y) and [ref][1] and [^1]',
  '![image](pic.png)',
  '[label]: /local/path "title"',
  'a backslash \\ and C:\\Users\\reader and \\*escaped\\*',
  'ends with a backslash\\',
  'a | b | c',
  '~~not struck~~ and ~this~ either',
  '&copy; &amp; &#169; &#x41; AT&T',
  '2*3*4 = 24 and 5 > 3 < 4',
  ':-- | --:',
  '    four leading spaces are not code',
  'emoji 😀, ümlaut, “curly quotes” and — dashes',
];

describe('escapeMarkdownLine', () => {
  for (const line of TRICKY_LINES) {
    it(`renders ${JSON.stringify(line)} as one plain paragraph, exactly`, () => {
      const body = renderMarkdown(escapeMarkdownLine(line.trim()));
      assert.equal(body.children.length, 1, body.innerHTML);
      const paragraph = body.children[0] as Element;
      assert.equal(paragraph.tagName, 'P', body.innerHTML);
      assert.equal(paragraph.children.length, 0, `no markup expected in ${body.innerHTML}`);
      assert.equal(paragraph.textContent, line.trim());
    });
  }

  it('leaves plain prose untouched', () => {
    const prose = 'Putin arrived around noon, in Kim Il Sung Square (Pyongyang’s centre) — 24 years on.';
    assert.equal(escapeMarkdownLine(prose), prose);
  });
});

describe('escapeMarkdownInline', () => {
  it('keeps bare URLs as clickable links with their text intact', () => {
    const text = 'Docs at https://example.com/docs_v2/*draft*/index.html, and www.example.org/a_b.';
    const body = renderMarkdown(escapeMarkdownInline(text));
    assert.equal(body.textContent?.trim(), text);
    const links = Array.from(body.querySelectorAll('a'), (a) => a.getAttribute('href'));
    assert.deepEqual(links, ['https://example.com/docs_v2/*draft*/index.html', 'http://www.example.org/a_b']);
  });

  it('escapes what follows a URL', () => {
    const text = 'See https://example.com/a. Then *this* stays literal.';
    const body = renderMarkdown(escapeMarkdownInline(text));
    assert.equal(body.textContent?.trim(), text);
    assert.equal(body.querySelectorAll('em').length, 0);
  });

  it('keeps the text of an e-mail address', () => {
    const text = 'Write to jane_doe@example.com or tips@news.example.org.';
    assert.equal(renderMarkdown(escapeMarkdownInline(text)).textContent?.trim(), text);
  });
});

describe('escapeMarkdownLines', () => {
  it('keeps author line breaks as hard breaks, each line escaped as a line start', () => {
    const text = 'First line\n# second\n---\n===\n- fourth\n1. fifth\n:--';
    const blocks = renderedBlocks(escapeMarkdownLines(text));
    assert.deepEqual(blocks.map((b) => b.tag), ['p']);
    assert.equal(blocks[0]?.text, text);
  });

  it('keeps a trailing backslash before a break', () => {
    const text = 'path C:\\\nnext';
    assert.equal(textOf(renderMarkdown(escapeMarkdownLines(text)).children[0] as Element), text);
  });

  it('does not let a pipe table form across lines', () => {
    const body = renderMarkdown(escapeMarkdownLines('| A | B |\n|---|---|\n| 1 | 2 |'));
    assert.equal(body.querySelector('table'), null);
    assert.equal(textOf(body).trim(), '| A | B |\n|---|---|\n| 1 | 2 |');
  });
});

describe('escapeMarkdownHeading', () => {
  for (const text of ['Item #', 'C# in 2024', '#1 ranked', 'The *real* story', 'Ranks 1. to 3.', 'A <b> tag']) {
    it(`renders the heading ${JSON.stringify(text)} exactly`, () => {
      const blocks = renderedBlocks(`## ${escapeMarkdownHeading(text)}`);
      assert.equal(blocks.length, 1);
      assert.equal(blocks[0]?.tag, 'h2');
      assert.equal(blocks[0]?.element.children.length, 0);
      assert.equal(blocks[0]?.text, text);
    });
  }
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    assert.equal(escapeHtml(`<a href="x">'Tom & Jerry'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;Tom &amp; Jerry&#39;&lt;/a&gt;');
    assert.equal(escapeHtml('plain “text”'), 'plain “text”');
  });
});
