import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import type { Annotation } from '../../../../../main/api';
import { loadHeadlessRenderer, type HeadlessRenderer } from '../../../../../main/documents/headless-render';
import { prepareExport } from '../../../../../main/export/export-set';
import { writeHtml } from '../../../../../main/export/html/write-html';
import { assertInert, XSS_CORPUS, xssVectors } from '../../common/article/assert-inert';
import { documentNote, exportInput, highlight, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

/** The page as a browser would build it (jsdom runs no script, so nothing here can run either). */
function parse(html: string): Document {
  return new JSDOM(html).window.document;
}

/** What a standalone, inert page may have in its head, and nothing else that loads or runs. */
function assertStandalone(document: Document): void {
  const head = Array.from(document.head.children, (element) => element.tagName.toLowerCase());
  assert.deepEqual(head, ['meta', 'meta', 'meta', 'meta', 'meta', 'title', 'style']);
  const csp = document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /script-src/);
  assertInert(document.body);
  for (const element of document.querySelectorAll('[src]')) assert.match(element.getAttribute('src')!, /^data:image\//, 'only inline images');
  assert.doesNotMatch(document.querySelector('style')!.textContent!, /url\(|@import/, 'the stylesheet fetches nothing');
}

describe('HTML export', () => {
  let library: Library;
  let renderer: HeadlessRenderer;
  before(async () => {
    library = await testLibrary();
    renderer = await loadHeadlessRenderer();
  });

  it('is one standalone page: no script, nothing remote, inline styles with a print sheet', () => {
    const html = writeHtml(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations)), renderer.renderNote);
    const page = parse(html);
    assertStandalone(page);
    assert.match(page.querySelector('style')!.textContent!, /@media print/);
    assert.equal(page.title, 'Gloss library — Gloss notes');
    assert.doesNotMatch(html, /<script|\bon[a-z]+=/i);
  });

  it('shows quotes as text, notes rendered and sanitized, tags, color and meaning in words', () => {
    const page = parse(writeHtml(prepareExport(exportInput('document', [library.essay], library.annotations)), renderer.renderNote));
    const first = page.getElementById('annotation-00000000-0000-4000-8000-000000000001')!;
    assert.equal(first.querySelector('blockquote')!.textContent, 'says the essay, "loudly, and often".');
    assert.match(first.querySelector('.meta')!.textContent!, /Pink · Doubt, "maybe" · 2025-03-01 · Open in Gloss/);
    assert.equal(first.querySelector('.meta a')!.getAttribute('href'), `gloss://annotation/${library.essay.id}/00000000-0000-4000-8000-000000000001`);
    assert.deepEqual(Array.from(first.querySelectorAll('.tags li'), (li) => li.textContent), ['reading list', 'weird tag!', '1984']);
    const note = first.querySelector('.note')!;
    assert.equal(note.querySelector('a[href^="https://example.com"]')!.getAttribute('rel'), 'noopener noreferrer');
    assert.equal(Array.from(note.querySelectorAll('a'), (a) => a.textContent).includes('click'), false, 'the javascript: link is no link');
    assert.match(note.textContent!, /click/, 'and keeps its words');
    const multi = page.getElementById('annotation-00000000-0000-4000-8000-000000000002')!.querySelector('blockquote')!;
    assert.equal(multi.innerHTML, '<p>A second paragraph continues the thought<br>across a hard-wrapped line.</p>');
    assert.equal(page.querySelector('#annotation-00000000-0000-4000-8000-000000000004 .flag')!.textContent, 'Needs review');
    assert.equal(page.querySelector('#annotation-00000000-0000-4000-8000-000000000003 blockquote')!.getAttribute('dir'), 'auto');
  });

  it('keeps every vector of the XSS corpus inert, in notes, tags and titles alike', () => {
    const hostile: Annotation[] = xssVectors().map((vector, i) =>
      highlight(library.essay, `xss-${String(i).padStart(3, '0')}`, 'The margin is where the reader talks back', { note: vector, tags: [vector.slice(0, 100)] }),
    );
    hostile.push(documentNote(library.essay, 'xss-corpus-whole', XSS_CORPUS.slice(0, 100_000)));
    const input = exportInput('document', [library.essay], new Map([[library.essay.id, hostile]]));
    input.documents[0]!.title = '<script>alert("title")</script><img src=x onerror=alert(1)>';
    const html = writeHtml(prepareExport(input), renderer.renderNote);
    const page = parse(html);
    assertStandalone(page);
    assert.equal(page.querySelectorAll('article.annotation').length, hostile.length, 'no vector broke the page apart');
    assert.equal(page.querySelector('h1')!.textContent, input.documents[0]!.title, 'a hostile title is shown as text');
    assert.equal(page.querySelector('#annotation-xss-000 .tags li')!.textContent, hostile[0]!.tags[0]);
  });
});
