import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectHeadings, ensureHeadingIds } from '../../../../../main/common/article/headings';
import { bodyWith } from './jsdom-window';

describe('collectHeadings', () => {
  it('lists h1–h6 in document order with level, text and element', () => {
    const body = bodyWith('<h1 id="t">Title</h1><p>x</p><section><h2 id="a">First   <em>part</em></h2><h4 id="b">Deep</h4></section><h6 id="c">Last</h6>');
    const headings = collectHeadings(body);
    assert.deepEqual(
      headings.map(({ id, level, text }) => ({ id, level, text })),
      [
        { id: 't', level: 1, text: 'Title' },
        { id: 'a', level: 2, text: 'First part' },
        { id: 'b', level: 4, text: 'Deep' },
        { id: 'c', level: 6, text: 'Last' },
      ],
    );
    assert.equal(headings[1]?.element, body.querySelector('h2'));
  });

  it('gives headings without an id a GitHub slug, numbering repeats', () => {
    const body = bodyWith('<h2>Set up</h2><h2>Set up</h2><h3>Ça marche ?</h3><h3></h3>');
    // In the article's namespace, so a heading called "Reader" cannot take the app's #reader.
    assert.deepEqual(collectHeadings(body).map((heading) => heading.id), ['user-content-set-up', 'user-content-set-up-1', 'user-content-ça-marche-', 'user-content-section']);
    assert.equal(body.querySelector('h2')?.id, 'user-content-set-up', 'the ids are set on the elements');
  });

  it('keeps existing ids and avoids every id already in the document', () => {
    const body = bodyWith(
      '<p id="user-content-notes">a paragraph</p><h2 id="user-content-kept">Kept</h2><h2>Notes</h2><h2 id="user-content-kept">Duplicate id</h2><h2 id="user-content-">Empty id</h2>',
    );
    assert.deepEqual(collectHeadings(body).map((heading) => heading.id), ['user-content-kept', 'user-content-notes-1', 'user-content-duplicate-id', 'user-content-empty-id']);
  });

  it('changes nothing when run again', () => {
    const body = bodyWith('<h2>One</h2><h2>One</h2><h3>Two</h3>');
    const first = collectHeadings(body).map((heading) => heading.id);
    ensureHeadingIds(body);
    assert.deepEqual(collectHeadings(body).map((heading) => heading.id), first);
  });

  it('returns an empty list for a document without headings', () => {
    assert.deepEqual(collectHeadings(bodyWith('<p>Just text.</p>')), []);
  });
});
