/**
 * The reading view renders in two halves: marked on the main side (markdownToUnsafeHtml, sent
 * as OpenedDocument.unsafeHtml) and the DOM half in the page (createHtmlRenderer). These tests
 * hold the halves to what the one-call Markdown renderer gives, and the HTML half to the trust
 * boundary: what the main side sends is unsafe, and nothing of it runs.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { markdownToUnsafeHtml } from '../../../../../main/common/article/markdown-html';
import { createHtmlRenderer } from '../../../../../main/common/article/render-html';
import { createMarkdownRenderer, type RenderOptions } from '../../../../../main/common/article/render-markdown';
import { importPlainText } from '../../../../../main/documents/plain-text-import';
import { assertInert, XSS_CORPUS, xssVectors } from './assert-inert';
import { createWindow } from './jsdom-window';

const window = createWindow();
const html = createHtmlRenderer(window);
const markdown = createMarkdownRenderer(window);
const SAMPLE_ARTICLES = fileURLToPath(new URL('../../../../../assets/articles', import.meta.url));
const options = (externalLinks: RenderOptions['externalLinks']): RenderOptions => ({
  resolveAssetUrl: (path) => (path.startsWith('missing/') ? null : `gloss-asset://doc/${path}`),
  externalLinks,
});

/** What the reading view puts in its article: the HTML half over the main side's HTML. */
function inTwoHalves(source: string, externalLinks: RenderOptions['externalLinks'] = 'system') {
  const rendered = html.renderNodes(markdownToUnsafeHtml(source), options(externalLinks));
  return { html: rendered.body.innerHTML, remoteContentBlocked: rendered.remoteContentBlocked };
}

describe('the two halves of rendering', () => {
  const documents: [string, string][] = [
    ['footnotes, tables and task lists', 'Text with a note.[^n]\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] to do\n\n[^n]: The note.\n'],
    ['headings that repeat (ids are made in the HTML half)', '# Title\n\n## Part\n\nOne.\n\n## Part\n\nTwo.\n'],
    ['images next to the document, missing ones and remote ones', '![here](images/a.png) ![gone](missing/b.png) ![far](https://example.com/c.png)\n'],
    ['links of every kind', '[site](https://example.com/a) [here](#part) [bad](javascript:alert(1))\n\n<a href="https://example.com" target="_top">raw</a>\n'],
    ['the XSS corpus', XSS_CORPUS],
  ];
  for (const [name, source] of documents) {
    it(`give what the Markdown renderer gives: ${name}`, () => {
      for (const externalLinks of ['system', 'new-tab'] as const) {
        const whole = markdown.render(source, options(externalLinks));
        assert.deepEqual(inTwoHalves(source, externalLinks), whole);
      }
    });
  }

  it('give what the Markdown renderer gives for every article that ships', () => {
    const files = readdirSync(SAMPLE_ARTICLES).filter((file) => /\.(txt|md)$/.test(file));
    assert.ok(files.length > 0);
    for (const file of files) {
      const text = readFileSync(join(SAMPLE_ARTICLES, file), 'utf8');
      const source = file.endsWith('.txt') ? importPlainText(text).markdown : text;
      assert.deepEqual(inTwoHalves(source), markdown.render(source, options('system')), file);
    }
  });
});

describe('the HTML the main side sends', () => {
  it('is unsafe (raw HTML passes through marked), and the HTML half leaves nothing of it that runs', () => {
    const unsafe = markdownToUnsafeHtml(XSS_CORPUS);
    assert.match(unsafe, /<script/i);
    assert.match(unsafe, /onerror=/i);
    assertInert(html.renderNodes(unsafe, options('new-tab')).body);
  });

  it('is made safe vector by vector, whatever the main side sent', () => {
    for (const vector of xssVectors()) assertInert(html.renderNodes(markdownToUnsafeHtml(vector), options('system')).body);
    // HTML that marked never made (a compromised or buggy main side) is held to the same rules.
    for (const vector of xssVectors()) assertInert(html.renderNodes(vector, options('system')).body);
  });

  it('uses the footnote extension only when the document writes a footnote', () => {
    assert.match(markdownToUnsafeHtml('A claim.[^1]\n\n[^1]: Its source.\n'), /data-footnote-ref/);
    // Without one, `[^x]`-like text is left as text.
    assert.doesNotMatch(markdownToUnsafeHtml('Plain text, no notes.\n'), /footnote/);
  });
});
