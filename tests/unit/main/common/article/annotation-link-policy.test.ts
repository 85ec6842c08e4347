/**
 * Links to annotations inside articles and notes (what Gloss's Markdown export writes, "Open in
 * Gloss"): kept, in the form each mode resolves, while every other gloss: URL is dropped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMarkdownRenderer } from '../../../../../main/common/article/render-markdown';
import { bodyWith, createWindow } from './jsdom-window';

const renderer = createMarkdownRenderer(createWindow());

function links(markdown: string, externalLinks: 'system' | 'new-tab'): { href: string | null; marked: string | null; target: string | null; text: string }[] {
  const body = bodyWith(renderer.render(markdown, { resolveAssetUrl: () => null, externalLinks }).html);
  return Array.from(body.querySelectorAll('a'), (a) => ({ href: a.getAttribute('href'), marked: a.getAttribute('data-annotation-link'), target: a.getAttribute('target'), text: a.textContent ?? '' }));
}

const MARKDOWN = [
  '[Open in Gloss](gloss://annotation/d802b92d1a2a96bd/Abc_-1)',
  '[Shouted](GLOSS://Annotation/d802b92d1a2a96bd/Abc_-1/)',
  '[App page](gloss://app/index.html)',
  '[Climbing](gloss://annotation/../etc)',
  '[Asset](gloss-asset://d802b92d1a2a96bd/a.png)',
  '<a href="gloss://annotation/a/b" data-annotation-link="forged" target="_top">raw</a>',
].join(' ');

describe('links to annotations', () => {
  it('stay gloss://annotation/ links as Gloss writes them, marked as such; every other gloss: URL goes, its text left as plain text', () => {
    assert.deepEqual(links(MARKDOWN, 'system'), [
      { href: 'gloss://annotation/d802b92d1a2a96bd/Abc_-1', marked: 'true', target: null, text: 'Open in Gloss' },
      { href: 'gloss://annotation/d802b92d1a2a96bd/Abc_-1', marked: 'true', target: null, text: 'Shouted' },
      { href: 'gloss://annotation/a/b', marked: 'true', target: null, text: 'raw' },
    ]);
    // The links whose address went are no links at all (issue 9 §4): their words stay, as text.
    const text = bodyWith(renderer.render(MARKDOWN, { resolveAssetUrl: () => null, externalLinks: 'system' }).html).textContent ?? '';
    for (const words of ['App page', 'Climbing', 'Asset']) assert.ok(text.includes(words), words);
  });

  it('are the same in the browser mode, where the page turns a click into its #annotation= fragment', () => {
    assert.deepEqual(links(MARKDOWN, 'new-tab'), links(MARKDOWN, 'system'));
  });
});
