import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HeadingOutline, normalizeTitle } from '../../../../../main/common/anchoring/heading-outline';
import { headingsFromDom } from '../../../../../main/common/anchoring/headings-from-dom';
import { articleFrom } from '../../../renderer/anchoring/dom';

const HEADINGS = [
  { start: 10, level: 1, title: 'Book' },
  { start: 20, level: 2, title: 'Part one' },
  { start: 30, level: 3, title: 'Notes' },
  { start: 50, level: 2, title: 'Part two' },
  { start: 60, level: 3, title: 'Notes' },
  { start: 80, level: 4, title: 'Deep' },
  { start: 90, level: 2, title: 'Part one' },
];

describe('HeadingOutline', () => {
  const outline = new HeadingOutline(HEADINGS, 100);

  it('gives the titles enclosing an offset, outermost first', () => {
    assert.deepEqual(outline.pathAt(0), []);
    assert.deepEqual(outline.pathAt(9), []);
    assert.deepEqual(outline.pathAt(10), ['Book']);
    assert.deepEqual(outline.pathAt(35), ['Book', 'Part one', 'Notes']);
    assert.deepEqual(outline.pathAt(55), ['Book', 'Part two']);
    assert.deepEqual(outline.pathAt(85), ['Book', 'Part two', 'Notes', 'Deep']);
    assert.deepEqual(outline.pathAt(99), ['Book', 'Part one']);
  });

  it('finds the section with a heading path, up to the next heading of the same or higher rank', () => {
    assert.deepEqual(outline.sectionOf(['Book', 'Part one', 'Notes']), { start: 30, end: 50 });
    assert.deepEqual(outline.sectionOf(['Book', 'Part two']), { start: 50, end: 90 });
    assert.deepEqual(outline.sectionOf(['Book', 'Part two', 'Notes', 'Deep']), { start: 80, end: 90 });
    assert.deepEqual(outline.sectionOf(['Book']), { start: 10, end: 100 });
    assert.deepEqual(outline.sectionOf([]), { start: 0, end: 10 });
    assert.equal(outline.sectionOf(['Book', 'Part three']), null);
  });

  it('picks the section nearest the hint when two share a heading path', () => {
    assert.deepEqual(outline.sectionOf(['Book', 'Part one'], 25), { start: 20, end: 50 });
    assert.deepEqual(outline.sectionOf(['Book', 'Part one'], 95), { start: 90, end: 100 });
  });

  it('has no sections when the text has no headings', () => {
    const flat = new HeadingOutline([], 40);
    assert.deepEqual(flat.pathAt(20), []);
    assert.equal(flat.sectionOf([]), null);
  });

  it('normalizes titles: collapsed whitespace, trimmed, at most 500 characters', () => {
    assert.equal(normalizeTitle('  A \n  title\t '), 'A title');
    assert.equal(normalizeTitle('x'.repeat(600)).length, 500);
  });
});

describe('headingsFromDom', () => {
  it('reads h1–h6 in document order with where their text starts, skipping empty ones', () => {
    const { index } = articleFrom('<p>intro</p><h1>Top <em>level</em></h1><section><h3> Nested\n heading </h3></section><h2></h2><p>x</p><h6>Six</h6>');
    assert.deepEqual(headingsFromDom(index), [
      { start: 5, level: 1, title: 'Top level' },
      { start: 14, level: 3, title: 'Nested heading' },
      { start: 32, level: 6, title: 'Six' },
    ]);
  });
});
