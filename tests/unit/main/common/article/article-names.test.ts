import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { ARTICLE_NAME_PREFIX } from '../../../../../main/common/article/article-names';
import { detectFaq } from '../../../../../main/common/article/faq';
import { collectHeadings } from '../../../../../main/common/article/headings';
import { createMarkdownRenderer } from '../../../../../main/common/article/render-markdown';
import { bodyWith, createWindow } from './jsdom-window';

const renderer = createMarkdownRenderer(createWindow());

/** Renders Markdown as the reading view does and runs the passes the view runs on the page. */
function article(markdown: string): HTMLElement {
  const body = bodyWith(renderer.render(markdown, { resolveAssetUrl: () => null, externalLinks: 'system' }).html);
  collectHeadings(body);
  detectFaq(body);
  return body;
}

/** Every class and id of the app's own page (renderer/index.html). */
function appNames(): { classes: Set<string>; ids: Set<string> } {
  const page = bodyWith(readFileSync('renderer/index.html', 'utf8').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, ''));
  const classes = new Set<string>();
  const ids = new Set<string>();
  for (const element of page.querySelectorAll('*')) {
    for (const name of element.classList) classes.add(name);
    if (element.id) ids.add(element.id);
  }
  return { classes, ids };
}

/** A document that borrows the app's own classes and ids, in every place they can hide. */
const IMPOSTOR = [
  '# Reader',
  '',
  '<div class="drop-overlay" id="drop-overlay"><p>Drop a file</p></div>',
  '',
  '<div class="app  toast-region" id="app"><p id="reader" class="reader">Inside</p></div>',
  '',
  '<p id="toast-region" aria-describedby="toast-region empty-state" aria-labelledby="reader">Status</p>',
  '',
  '<table><tr><th id="contents-title">Head</th></tr><tr><td headers="contents-title">Cell</td></tr></table>',
  '',
  '<a name="recent-menu">old-style anchor</a>',
  '',
  '## Toast region',
  '',
  '## Empty state',
  '',
  'Q: Is this the app?',
  '',
  'A: No.',
  '',
  'A claim[^1]. See [the top](#reader) and [the state](#empty-state).',
  '',
  '[^1]: A source.',
].join('\n');

describe('an article’s names', () => {
  it('never share a class or an id with the app, whatever the document writes', () => {
    const body = article(IMPOSTOR);
    const app = appNames();
    assert.ok(app.classes.has('drop-overlay') && app.ids.has('toast-region'), 'the app page was read');
    for (const element of body.querySelectorAll('*')) {
      for (const name of element.classList) {
        assert.ok(name.startsWith(ARTICLE_NAME_PREFIX), `class "${name}" on <${element.tagName}> is outside the article's namespace`);
        assert.equal(app.classes.has(name), false, name);
      }
      for (const attribute of ['id', 'name']) {
        const value = element.getAttribute(attribute);
        if (value === null) continue;
        assert.ok(value.startsWith(ARTICLE_NAME_PREFIX), `${attribute}="${value}" is outside the article's namespace`);
        assert.equal(app.ids.has(value), false, value);
      }
    }
  });

  it('keep what the document wrote after the prefix, so its styles and anchors stay readable', () => {
    const body = article(IMPOSTOR);
    const overlay = body.querySelector('div[id$="drop-overlay"]');
    assert.equal(overlay?.getAttribute('class'), 'user-content-drop-overlay');
    assert.equal(overlay?.id, 'user-content-drop-overlay');
    assert.equal(body.querySelector('div[id="user-content-app"]')?.getAttribute('class'), 'user-content-app user-content-toast-region');
    assert.equal(body.querySelector('a[name]')?.getAttribute('name'), 'user-content-recent-menu');
  });

  it('rewrite id references with the ids, so ARIA relations and table headers still resolve', () => {
    const body = article(IMPOSTOR);
    const status = body.querySelector('#user-content-toast-region');
    assert.equal(status?.getAttribute('aria-describedby'), 'user-content-toast-region user-content-empty-state');
    assert.equal(status?.getAttribute('aria-labelledby'), 'user-content-reader');
    assert.equal(body.querySelector('td')?.getAttribute('headers'), 'user-content-contents-title');
  });

  it('keep in-page links, footnotes, headings and FAQ questions reachable by their fragments', () => {
    const body = article(IMPOSTOR);
    const document = body.ownerDocument;
    const links = Array.from(body.querySelectorAll('a[href^="#"]'));
    assert.ok(links.length >= 4, 'the links, the footnote reference and its back-reference');
    for (const link of links) {
      const id = decodeURIComponent(link.getAttribute('href')!.slice(1));
      assert.ok(id.startsWith(ARTICLE_NAME_PREFIX), id);
      assert.ok(document.getElementById(id), `${link.getAttribute('href')} reaches an element`);
    }
    // A heading called "Empty state" is the article's, not the app's #empty-state.
    const headings = collectHeadings(body).map((heading) => heading.id);
    assert.deepEqual(headings, ['user-content-reader-1', 'user-content-toast-region-1', 'user-content-empty-state', 'user-content-footnote-label']);
    assert.equal(document.getElementById('user-content-empty-state')?.textContent, 'Empty state');
    const [question] = detectFaq(body);
    assert.equal(question?.id, 'user-content-faq-1');
  });

  it('are left as they are when already in the namespace, so rendering twice changes nothing', () => {
    const once = renderer.render(IMPOSTOR, { resolveAssetUrl: () => null, externalLinks: 'system' }).html;
    const twice = renderer.render(once, { resolveAssetUrl: () => null, externalLinks: 'system' }).html;
    assert.equal(twice, once);
  });
});
