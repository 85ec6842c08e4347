import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainHeadingText, titleFromFileName, titleFromMarkdown } from '../../../../main/documents/markdown-title';

describe('titleFromMarkdown', () => {
  it('takes the first level-1 ATX heading, without closing hashes', () => {
    assert.equal(titleFromMarkdown('Intro text\n\n## Section\n\n# The Title #\n\n# Second\n', 'a.md'), 'The Title');
    assert.equal(titleFromMarkdown('   # Indented up to three spaces\n', 'a.md'), 'Indented up to three spaces');
  });

  it('takes a setext heading when it comes first', () => {
    assert.equal(titleFromMarkdown('Setext Title\nOn Two Lines\n=====\n\n# Later\n', 'a.md'), 'Setext Title On Two Lines');
    assert.equal(titleFromMarkdown('\r\nWindows Title\r\n===\r\n', 'a.md'), 'Windows Title');
  });

  it('prefers a front-matter title, quoted or not', () => {
    assert.equal(titleFromMarkdown('---\nauthor: Jane\ntitle: "Front: Matter"\n---\n# Heading\n', 'a.md'), 'Front: Matter');
    assert.equal(titleFromMarkdown("---\ntitle: 'Single'\n...\n", 'a.md'), 'Single');
    assert.equal(titleFromMarkdown('---\ntitle: Plain title\n---\n', 'a.md'), 'Plain title');
  });

  it('looks past front matter without a title, and does not read its fences as setext', () => {
    assert.equal(titleFromMarkdown('---\nauthor: Jane\n---\n# After Front Matter\n', 'a.md'), 'After Front Matter');
    assert.equal(titleFromMarkdown('---\ntitle: >\n  folded\n---\nBody\n', 'folded.md'), 'folded');
  });

  it('reads CRLF, CR and LF line endings alike, with and without front matter or a byte-order mark', () => {
    assert.equal(titleFromMarkdown('Intro\r\n\r\n# Windows Title\r\nText', 'a.md'), 'Windows Title');
    assert.equal(titleFromMarkdown('Setext\rOld Mac\r===\r', 'a.md'), 'Setext Old Mac');
    assert.equal(titleFromMarkdown('\uFEFF---\r\ntitle: From Front Matter\r\n---\r\n# Heading\r\n', 'a.md'), 'From Front Matter');
    assert.equal(titleFromMarkdown(' --- \n---\n# After Empty Front Matter\n', 'a.md'), 'After Empty Front Matter');
    // A first line that only looks like a fence after trimming still opens front matter.
    assert.equal(titleFromMarkdown('---\u2028\ntitle: Odd Space\n---\n', 'a.md'), 'Odd Space');
  });

  it('finds a title however far down it comes, and ends at the last line without one', () => {
    const body = 'A line of text.\n'.repeat(50_000);
    assert.equal(titleFromMarkdown(`${body}\n# Late Title\n`, 'a.md'), 'Late Title');
    assert.equal(titleFromMarkdown(`${body}Last line, no newline`, 'fallback.md'), 'fallback');
    assert.equal(titleFromMarkdown('', 'empty.md'), 'empty');
  });

  it('ignores headings inside fenced and indented code', () => {
    const markdown = '```bash\n# install it\n```\n\n~~~\n# also code\n~~~\n\n    # indented code\n\n# Real Title\n';
    assert.equal(titleFromMarkdown(markdown, 'a.md'), 'Real Title');
  });

  it('strips inline Markdown from the heading', () => {
    assert.equal(titleFromMarkdown('# The *Great* [Gatsby](https://x.org) `v2` \\#1 <em>now</em>\n', 'a.md'), 'The Great Gatsby v2 #1 now');
  });

  it('falls back to the file name without its extension', () => {
    assert.equal(titleFromMarkdown('## Only a section\n\nText.\n', 'reading-notes.v2.md'), 'reading-notes.v2');
    assert.equal(titleFromMarkdown('', 'empty.markdown'), 'empty');
    assert.equal(titleFromMarkdown('#hashtag is not a heading\n#\n', 'tags.md'), 'tags');
  });
});

describe('titleFromMarkdown on pathological files', () => {
  it('stays fast and still finds the title', { timeout: 10_000 }, () => {
    const n = 200_000;
    const lines = [`---`, `title: a${' '.repeat(n)}b`, '---', `# x${' '.repeat(n)}y`, '['.repeat(n)];
    const started = performance.now();
    assert.equal(titleFromMarkdown(lines.join('\n'), 'a.md'), 'a');
    assert.equal(titleFromMarkdown(lines.slice(3).join('\n'), 'a.md'), 'x');
    assert.ok(performance.now() - started < 5_000);
  });
});

describe('titleFromFileName', () => {
  it('drops the last extension and any folders', () => {
    assert.equal(titleFromFileName('notes.md'), 'notes');
    assert.equal(titleFromFileName('/home/a/archive.tar.txt'), 'archive.tar');
    assert.equal(titleFromFileName('C:\\Users\\a\\Essay.TXT'), 'Essay');
    assert.equal(titleFromFileName('.md'), '.md');
    assert.equal(titleFromFileName(''), 'Untitled');
  });
});

describe('plainHeadingText', () => {
  it('keeps snake_case and arithmetic but removes emphasis', () => {
    assert.equal(plainHeadingText('Using snake_case_names in **Python**'), 'Using snake_case_names in Python');
    assert.equal(plainHeadingText('_Why_ it ~~failed~~ worked'), 'Why it failed worked');
    assert.equal(plainHeadingText('![logo](a.png) Brand'), 'logo Brand');
  });
});
