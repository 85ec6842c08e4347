import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createMarkdownRenderer } from '../../../../../main/common/article/render-markdown';
import { prepareExport } from '../../../../../main/export/export-set';
import { writeMarkdown } from '../../../../../main/export/markdown/write-markdown';
import { bodyWith, createWindow } from '../../common/article/jsdom-window';
import { textOf } from '../../documents/render-markdown';
import { exportInput, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

/** The front matter's fields, read back (every value Gloss writes is a number or a JSON-style string). */
function frontMatter(markdown: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  assert.ok(match, 'the file opens with front matter');
  return Object.fromEntries(match[1]!.split('\n').map((line) => [line.slice(0, line.indexOf(':')), JSON.parse(line.slice(line.indexOf(':') + 1))]));
}

/** The body as the app's own Markdown pipeline renders it. */
function rendered(markdown: string): HTMLElement {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  const html = createMarkdownRenderer(createWindow()).render(body, { resolveAssetUrl: () => null, externalLinks: 'new-tab' }).html;
  return bodyWith(html);
}

describe('Markdown export', () => {
  let library: Library;
  let markdown: string;
  let page: HTMLElement;
  before(async () => {
    library = await testLibrary();
    markdown = writeMarkdown(prepareExport(exportInput('document', [library.essay], library.annotations)));
    page = rendered(markdown);
  });

  it('opens with front matter naming the document and counting what is exported', () => {
    assert.deepEqual(frontMatter(markdown), {
      title: 'Reading 🎉 closely',
      source: '/library/Reading closely.md',
      'gloss-document-id': library.essay.id,
      'content-hash': library.essay.contentHash,
      highlights: 6,
      notes: 6,
      orphaned: 1,
      updated: '2025-03-01T09:07:00.000Z',
    });
  });

  it('groups highlights under their sections in reading order, document notes and orphans after', () => {
    const headings = Array.from(page.querySelectorAll('h1, h2, h3, h4, h5, h6'), (h) => `${h.tagName} ${h.textContent}`);
    assert.deepEqual(headings, [
      'H1 Reading 🎉 closely',
      'H2 Margins, "quotes" & commas',
      'H2 שלום עולם',
      'H3 Deeper 🧪 section',
      'H2 Document notes',
      'H2 Orphaned highlights',
    ]);
  });

  it('shows each highlight’s quote as a blockquote that reads exactly as the passage', () => {
    const quotes = Array.from(page.querySelectorAll('blockquote'), (q) => Array.from(q.querySelectorAll('p'), textOf).join('\n'));
    const highlights = library.annotations.get(library.essay.id)!.filter((a) => a.target !== null);
    const expected = ['0005', '0001', '0002', '0003', '0004', 'hars'].map((suffix) => highlights.find((a) => a.id.endsWith(suffix))!.target!.quote.exact);
    assert.deepEqual(quotes, expected);
  });

  it('gives each annotation its Obsidian block id, color, meaning and a link that opens Gloss there', () => {
    const first = `gloss://annotation/${library.essay.id}/00000000-0000-4000-8000-000000000001`;
    assert.ok(markdown.includes(`\n\n^gloss-00000000-0000-4000-8000-000000000001\n\n`), 'the block id on its own line after the quote');
    assert.ok(markdown.includes(`Pink · Doubt, "maybe" · [Open in Gloss](${first})`));
    assert.ok(markdown.includes('Purple · Follow up · Needs review · [Open in Gloss]'), 'a needs-review highlight is flagged');
    assert.ok(markdown.includes('Yellow · Important · Was in: Margins, "quotes" & commas · [Open in Gloss]'), 'an orphan says where it was');
    // The article view keeps only web links, so the gloss: ones read as their words there.
    const links = Array.from(page.querySelectorAll('a, span'), (a) => a.textContent);
    assert.equal(links.filter((text) => text === 'Open in Gloss').length, 7);
  });

  it('keeps a hostile note from taking over the file: every entry after it is still there', () => {
    // The hostile note ends in an unclosed fence and holds a fake mirror end marker.
    assert.ok(markdown.includes('\\<!-- gloss:end 00000000-0000-4000-8000-000000000001 -->'));
    const code = page.querySelector('pre code');
    assert.equal(code?.textContent, 'an unclosed fence that would swallow the rest\n');
    assert.equal(page.querySelectorAll('blockquote').length, 6, 'the quotes after the note are not swallowed by its fence');
    assert.ok(Array.from(page.querySelectorAll('p'), textOf).includes('#reading-list #weird-tag #_1984'), 'its tags follow it');
    assert.equal(page.querySelectorAll('script, img').length, 0);
  });

  it('writes tags as #tags Obsidian reads, notes as their own Markdown', () => {
    assert.ok(markdown.includes('\n#עברית #🔥\n'));
    assert.ok(markdown.includes('\n#minus #at\n'));
    assert.ok(markdown.includes('A note on the **whole** essay,\twith a tab.'));
    assert.ok(page.querySelector('strong')?.textContent === 'whole');
  });

  it('in a library export, gives each document its title and identity', () => {
    const library2 = writeMarkdown(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations)));
    assert.deepEqual(frontMatter(library2), { title: 'Gloss library', documents: 2, highlights: 7, notes: 7, orphaned: 1, updated: '2025-03-01T09:08:00.000Z' });
    const titles = Array.from(rendered(library2).querySelectorAll('h1'), (h) => h.textContent);
    assert.deepEqual(titles, ['Field notes', 'Reading 🎉 closely']);
    assert.ok(library2.includes(`- Gloss document id: ${library.notes.id}\n- Content hash: ${library.notes.contentHash}`));
    assert.ok(library2.includes('- Source: /library/field notes.md'));
  });
});
