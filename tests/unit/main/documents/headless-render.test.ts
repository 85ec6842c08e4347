import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { remoteContentNotice } from '../../../../main/common/article/article-root';
import { loadHeadlessRenderer, type HeadlessRenderer } from '../../../../main/documents/headless-render';
import { importPlainText } from '../../../../main/documents/plain-text-import';

describe('headless render', () => {
  let renderer: HeadlessRenderer;
  before(async () => {
    renderer = await loadHeadlessRenderer();
  });

  it('loads jsdom once and hands out the same renderer', async () => {
    assert.equal(await loadHeadlessRenderer(), renderer);
  });

  it('renders the sample article to its text, headings and FAQ', () => {
    const sample = readFileSync(new URL('../../../../assets/articles/000_d802b92d1a2a96bd.txt', import.meta.url), 'utf8');
    const article = renderer.renderArticle(importPlainText(sample).markdown);
    assert.ok(article.text.startsWith('Kim Jong Un welcomes Putin in North Korea'));
    assert.deepEqual(article.faq.map((entry) => entry.question), [
      'Why did Vladimir Putin visit North Korea?',
      'What is the new strategic partnership agreement about?',
      'What is the history of North Korea and Russia?',
      'Did Kim Jong Un and Putin share any gifts?',
    ]);
    for (const heading of article.headings) assert.ok(article.text.startsWith(heading.title, heading.start), heading.title);
    const visit = article.text.indexOf('Putin visited North Korea to strengthen');
    assert.deepEqual(article.outline.pathAt(visit), ['Kim Jong Un welcomes Putin in North Korea', 'Frequently Asked Questions', 'Why did Vladimir Putin visit North Korea?']);
  });

  it('counts the remote-content notice in the text, as the reading view shows it', () => {
    const article = renderer.renderArticle('![chart](https://example.com/chart.png)\n\nText after.\n');
    assert.equal(article.remoteContentBlocked, 1);
    assert.ok(article.text.startsWith(remoteContentNotice(1)), JSON.stringify(article.text));
    assert.equal(renderer.renderArticle('Just text.\n').remoteContentBlocked, 0);
  });

  it('lifts FAQ answers out as text and as portable, sanitized HTML', () => {
    const article = renderer.renderArticle(
      '# Guide\n\n**Q: Is it safe?**\n\nA: Yes, see [below](#later) and [the site](https://example.com).\n\n<details><summary>Does it sync?</summary>\n\nNo; *never*.\n\n</details>\n\n## Later\n\nEnd.\n',
    );
    assert.deepEqual(article.faq.map((entry) => [entry.question, entry.answerText]), [
      ['Is it safe?', 'A: Yes, see below and the site.'],
      ['Does it sync?', 'No; never.'],
    ]);
    const [safe, sync] = article.faq;
    assert.doesNotMatch(safe!.answerHtml, /\bid=|href="#|data-faq-question|tabindex/);
    assert.match(safe!.answerHtml, /<a href="https:\/\/example.com" data-external="true" target="_blank" rel="noopener noreferrer">the site<\/a>/);
    assert.equal(sync!.answerHtml, '<p>No; <em>never</em>.</p>');
  });

  it('renders each document afresh: nothing of one leaks into the next', () => {
    const withFootnote = 'Claim[^a].\n\n[^a]: Source.\n';
    const first = renderer.renderArticle(withFootnote);
    renderer.renderArticle('# Another\n\nWith [^b] text.\n\n[^b]: Other.\n');
    assert.deepEqual(renderer.renderArticle(withFootnote), first);
  });

  it('renders notes as the sidebar does: sanitized, no ids, no in-page links, no images loaded', () => {
    const html = renderer.renderNote('## Heading\n\n[jump](#x) <img src="https://example.com/p.png"> <script>alert(1)</script>');
    assert.doesNotMatch(html, /\bid=|href="#|<script|<img/);
    assert.match(html, /<h2>Heading<\/h2>/);
    assert.match(html, /Remote image not loaded/);
  });

  it('renders many notes at once as it renders each, and again from what it kept', () => {
    const notes = ['A *first* note.', '## Heading\n\n[jump](#x) <script>alert(1)</script>', 'A *first* note.', 'An unclosed <b>bold', `Fresh ${Date.now()}: **new**.`];
    const each = notes.map((note) => renderer.renderNote(note));
    assert.deepEqual(renderer.renderNotes(notes), each);
    assert.deepEqual(renderer.renderNotes([...notes].reverse()), [...each].reverse());
  });
});
