import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { Marked } from 'marked';
import markedFootnote from 'marked-footnote';
import { unprefixedName } from '../../../../../main/common/article/article-names';
import { createMarkdownRenderer, slugify, type RenderOptions } from '../../../../../main/common/article/render-markdown';
import { assertInert, XSS_CORPUS, xssVectors } from './assert-inert';
import { bodyWith, createWindow } from './jsdom-window';

const renderer = createMarkdownRenderer(createWindow());
const SAMPLE_ARTICLES = fileURLToPath(new URL('../../../../../assets/articles', import.meta.url));
const resolved: string[] = [];
const options: RenderOptions = {
  resolveAssetUrl: (path) => {
    resolved.push(path);
    return path.startsWith('missing/') ? null : `gloss-asset://doc/${path}`;
  },
  externalLinks: 'system',
};

/** Renders Markdown and parses the result into a page, the way the reading view shows it. */
function render(markdown: string, overrides: Partial<RenderOptions> = {}) {
  const result = renderer.render(markdown, { ...options, ...overrides });
  return { ...result, body: bodyWith(result.html) };
}

function ids(body: HTMLElement, selector: string): string[] {
  return Array.from(body.querySelectorAll(selector), (element) => element.id);
}

describe('GitHub Flavored Markdown', () => {
  it('renders tables, keeping column alignment', () => {
    const { body } = render('| Name | Count |\n|:-----|------:|\n| apples | 3 |\n| pears | 12 |\n');
    const headers = Array.from(body.querySelectorAll('table thead th'), (th) => th.textContent);
    assert.deepEqual(headers, ['Name', 'Count']);
    assert.equal(body.querySelectorAll('table tbody tr').length, 2);
    assert.equal(body.querySelector('tbody td:last-child')?.getAttribute('align'), 'right');
  });

  it('renders task lists as disabled checkboxes and drops every other form control', () => {
    const { body } = render('- [x] Done\n- [ ] To do\n\n<input type="checkbox">\n\n<input type="text" value="x">\n');
    const boxes = Array.from(body.querySelectorAll('input'));
    assert.equal(boxes.length, 3);
    for (const box of boxes) {
      assert.equal(box.getAttribute('type'), 'checkbox');
      assert.ok(box.hasAttribute('disabled'), 'a task-list checkbox cannot be ticked');
    }
    assert.deepEqual(boxes.slice(0, 2).map((box) => box.hasAttribute('checked')), [true, false]);
  });

  it('renders strikethrough and autolinks', () => {
    const { body } = render('~~gone~~ www.example.com and someone@example.com\n');
    assert.equal(body.querySelector('del')?.textContent, 'gone');
    const hrefs = Array.from(body.querySelectorAll('a'), (a) => a.getAttribute('href'));
    assert.deepEqual(hrefs, ['http://www.example.com', 'mailto:someone@example.com']);
  });

  it('renders footnotes with working references and back-references', () => {
    const { body } = render('Claim[^1] and another[^note].\n\n[^1]: First source.\n[^note]: Second source.\n');
    const refs = Array.from(body.querySelectorAll('sup a[data-footnote-ref]'));
    assert.deepEqual(refs.map((a) => a.getAttribute('href')), ['#user-content-footnote-1', '#user-content-footnote-note']);
    const section = body.querySelector('section[data-footnotes]');
    assert.ok(section, 'the footnotes section is kept');
    assert.deepEqual(ids(body, 'section[data-footnotes] li'), ['user-content-footnote-1', 'user-content-footnote-note']);
    for (const ref of refs) {
      const target = body.ownerDocument.getElementById(ref.getAttribute('href')!.slice(1));
      assert.ok(target, `${ref.getAttribute('href')} points at a footnote`);
      const back = target.querySelector('a[data-footnote-backref]');
      assert.equal(back?.getAttribute('href'), `#${ref.id}`);
      assert.equal(ref.hasAttribute('data-external'), false, 'footnote links stay in the page');
    }
    assert.equal(body.querySelector('#user-content-footnote-label')?.textContent, 'Footnotes');
    assert.equal(refs[0]?.getAttribute('aria-describedby'), 'user-content-footnote-label');
  });

  it('renders a document without footnotes as the footnote extension would (which is then left out)', () => {
    const samples = readdirSync(SAMPLE_ARTICLES).map((name) => readFileSync(join(SAMPLE_ARTICLES, name), 'utf8'));
    const documents = [XSS_CORPUS, ...samples, 'Brackets [x], carets ^2 and [links](#a), [ref][1] and [^ alone.\n\n[1]: https://example.com\n'];
    for (const markdown of documents) {
      const text = markdown.replaceAll('[^', '[');
      const withExtension = new Marked({ gfm: true, breaks: false, async: false }, markedFootnote({ headingClass: '' })).parse(text, { async: false });
      assert.equal(new Marked({ gfm: true, breaks: false, async: false }).parse(text, { async: false }), withExtension);
    }
  });

  it('keeps <details>/<summary> and the importer’s related-link asides', () => {
    const { body } = render(
      '<details><summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<aside class="related-link" role="note" aria-label="Related article"><a href="https://example.com/more">More to read</a></aside>\n',
    );
    assert.equal(body.querySelector('details > summary')?.textContent, 'More');
    assert.equal(body.querySelector('details em')?.textContent, 'text');
    const aside = body.querySelector('aside.user-content-related-link');
    assert.equal(aside?.getAttribute('aria-label'), 'Related article');
    assert.equal(aside?.querySelector('a')?.getAttribute('data-external'), 'true');
  });
});

describe('heading ids', () => {
  it('uses GitHub’s slugs, the same on every render', () => {
    const markdown = '# Getting Started\n\n## What’s new in v2.0?\n\n## Hello *world*\n';
    const first = render(markdown);
    const second = render(markdown);
    assert.deepEqual(ids(first.body, 'h1, h2'), ['user-content-getting-started', 'user-content-whats-new-in-v20', 'user-content-hello-world']);
    assert.equal(first.html, second.html);
  });

  it('numbers repeated headings -1, -2 and starts afresh on each render', () => {
    const markdown = '## Notes\n\n## Notes\n\n### Notes\n';
    assert.deepEqual(ids(render(markdown).body, 'h2, h3'), ['user-content-notes', 'user-content-notes-1', 'user-content-notes-2']);
    assert.deepEqual(ids(render(markdown).body, 'h2, h3'), ['user-content-notes', 'user-content-notes-1', 'user-content-notes-2']);
  });

  it('keeps the letters of every script', () => {
    const { body } = render('## Ünïcödé Straße\n\n## 日本語の見出し\n\n## Привет, мир!\n\n## 🎉 Launch\n\n## 🎉\n');
    assert.deepEqual(ids(body, 'h2').map(unprefixedName), ['ünïcödé-straße', '日本語の見出し', 'привет-мир', '-launch', 'section']);
  });

  it('keeps ids written in raw HTML and never repeats an existing id', () => {
    const { body } = render('<h2 id="custom">Kept</h2>\n\n## Footnotes\n\nText[^1].\n\n[^1]: Note.\n');
    assert.deepEqual(ids(body, 'h2'), ['user-content-custom', 'user-content-footnotes', 'user-content-footnote-label']);
    const { body: clash } = render('## Footnote label\n\nText[^1].\n\n[^1]: Note.\n');
    assert.deepEqual(ids(clash, 'h2'), ['user-content-footnote-label-1', 'user-content-footnote-label']);
  });

  it('exports the slug function for headings elsewhere', () => {
    assert.equal(slugify('Frequently Asked Questions'), 'frequently-asked-questions');
    assert.equal(slugify('Ça va ?'), 'ça-va-');
  });
});

describe('sanitizing', () => {
  it('leaves nothing executable from the XSS corpus', () => {
    const { html, body } = render(XSS_CORPUS, { externalLinks: 'new-tab' });
    assertInert(body);
    assert.doesNotMatch(html, /<script/i);
    // Parsing the output again must not change it: a change is how mutation XSS gets in.
    assert.equal(bodyWith(html).innerHTML, html);
  });

  it('leaves nothing executable from any corpus vector rendered on its own', () => {
    // Rendered alone, a vector cannot hide behind one that swallows the rest of the file.
    const vectors = xssVectors();
    assert.ok(vectors.length >= 25, `the corpus has ${vectors.length} vectors`);
    for (const vector of vectors) {
      for (const externalLinks of ['system', 'new-tab'] as const) {
        const { html, body } = render(vector, { externalLinks });
        assertInert(body);
        assert.equal(bodyWith(html).innerHTML, html, `stable after reparsing: ${vector}`);
      }
    }
  });

  it('keeps the text of links whose scheme is dropped', () => {
    const { body } = render('[bad](javascript:alert(1)) [ftp](ftp://example.com/f) [file](file:///etc/passwd) [page](other.md)\n');
    assert.equal(body.querySelectorAll('a').length, 0);
    assert.deepEqual(Array.from(body.querySelectorAll('p > span'), (span) => span.textContent), ['bad', 'ftp', 'file', 'page']);
  });

  it('drops data attributes a document writes, keeping only the footnotes’ own', () => {
    const { body } = render('<div data-external="true" data-faq-question="" data-x="1">forged</div>\n');
    assert.deepEqual(Array.from(body.querySelector('div')!.attributes, (a) => a.name), []);
  });
});

describe('links', () => {
  const markdown = '[site](https://example.com/a) [plain](http://example.com) [mail](mailto:me@example.com) [here](#notes) [proto](//example.org/p)\n\n<a href="https://example.com" target="_top" rel="opener">raw</a>\n';

  it('marks web and mailto links external and opens them in a new tab in browser mode', () => {
    const { body } = render(markdown, { externalLinks: 'new-tab' });
    const external = Array.from(body.querySelectorAll('a[data-external="true"]'));
    assert.deepEqual(external.map((a) => a.textContent), ['site', 'plain', 'mail', 'proto', 'raw']);
    for (const a of external) {
      assert.equal(a.getAttribute('target'), '_blank');
      assert.equal(a.getAttribute('rel'), 'noopener noreferrer');
    }
    assert.equal(body.querySelector('a[href="//example.org/p"]'), null, 'protocol-relative links get a scheme');
    assert.ok(body.querySelector('a[href="https://example.org/p"]'));
  });

  it('leaves targets off in the desktop app, where the article view opens the system browser', () => {
    const { body } = render(markdown, { externalLinks: 'system' });
    assert.equal(body.querySelectorAll('a[data-external="true"]').length, 5);
    assert.equal(body.querySelectorAll('a[target]').length, 0);
  });

  it('turns a link whose address was removed into plain text, keeping its words', () => {
    const { body } = render('See [the script](javascript:alert(1) "t"), [a file](file:///etc/passwd), <a id="anchor">a target</a>, then [a real one](https://example.com).\n');
    assert.deepEqual(Array.from(body.querySelectorAll('a[href]'), (a) => a.textContent), ['a real one']);
    assert.equal(body.textContent?.trim(), 'See the script, a file, a target, then a real one.');
    assert.equal(body.querySelector('span[title="t"]')?.textContent, 'the script');
    // An anchor the document wrote without an address is a target, and stays one.
    assert.equal(body.querySelector('a#user-content-anchor')?.textContent, 'a target');
  });

  it('keeps #fragment links in the page', () => {
    const { body } = render(markdown, { externalLinks: 'new-tab' });
    const here = Array.from(body.querySelectorAll('a')).find((a) => a.textContent === 'here')!;
    assert.equal(here.getAttribute('href'), '#user-content-notes');
    assert.equal(here.hasAttribute('data-external'), false);
    assert.equal(here.hasAttribute('target'), false);
  });
});

describe('remote content', () => {
  it('replaces remote images with labelled placeholders and counts them', () => {
    const { body, remoteContentBlocked } = render(
      '![A chart](https://tracker.example/chart.png) ![](http://tracker.example/pixel.gif)\n\n![Proto](//cdn.example/p.png)\n\n<img src="https://cdn.example/x.png" srcset="https://cdn.example/x2.png 2x" alt="Raw">\n',
    );
    assert.equal(remoteContentBlocked, 4);
    assert.equal(body.querySelectorAll('img').length, 0);
    const labels = Array.from(body.querySelectorAll('span.blocked-image[role="img"]'), (span) => span.getAttribute('aria-label'));
    assert.deepEqual(labels, [
      'Remote image not loaded: A chart',
      'Remote image not loaded',
      'Remote image not loaded: Proto',
      'Remote image not loaded: Raw',
    ]);
    assert.doesNotMatch(render('<img src="a.png" srcset="https://x.example/a.png 2x">').html, /srcset|x\.example/);
  });

  it('resolves local images through the callback, decoded and without query', () => {
    resolved.length = 0;
    const { body, remoteContentBlocked } = render('![Local](images/my%20pic.png?raw=1) ![Up](<figures/b c.png>)\n\n![Gone](missing/x.png)\n');
    assert.deepEqual(resolved, ['images/my pic.png', 'figures/b c.png', 'missing/x.png']);
    assert.deepEqual(Array.from(body.querySelectorAll('img'), (img) => img.getAttribute('src')), [
      'gloss-asset://doc/images/my pic.png',
      'gloss-asset://doc/figures/b c.png',
    ]);
    assert.equal(body.querySelector('.blocked-image')?.getAttribute('aria-label'), 'Image not found: Gone');
    assert.equal(remoteContentBlocked, 0, 'a missing local image is not remote content');
  });

  it('keeps inline raster images and refuses SVG data', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const { body } = render(`![dot](${png})\n\n<img src="data:image/svg+xml,<svg/>" alt="vector">\n`);
    assert.equal(body.querySelector('img')?.getAttribute('src'), png);
    assert.equal(body.querySelector('.blocked-image')?.getAttribute('aria-label'), 'Image not shown: vector');
  });

  it('drops remote video and audio, and resolves local ones', () => {
    const { body, remoteContentBlocked } = render(
      '<video controls src="https://cdn.example/v.mp4"></video>\n\n<audio controls><source src="http://cdn.example/a.mp3"></audio>\n\n<video controls><source src="clips/local.mp4"><track src="https://cdn.example/subs.vtt"></video>\n\n<video controls src="clips/ok.mp4"></video>\n',
    );
    assert.equal(remoteContentBlocked, 3);
    assert.deepEqual(Array.from(body.querySelectorAll('.blocked-media'), (span) => span.getAttribute('aria-label')), [
      'Remote video not loaded',
      'Remote audio not loaded',
      'Remote video not loaded',
    ]);
    assert.equal(body.querySelector('video')?.getAttribute('src'), 'gloss-asset://doc/clips/ok.mp4');
    assert.doesNotMatch(body.innerHTML, /cdn\.example/);
  });
});
