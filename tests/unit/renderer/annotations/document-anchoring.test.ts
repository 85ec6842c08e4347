import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Annotation } from '../../../../main/api';
import { outlineFromDom } from '../../../../main/common/anchoring/headings-from-dom';
import { anchorAnnotations, describeSummary, summaryParts } from '../../../../renderer/annotations/document-anchoring';
import { articleFrom } from '../anchoring/dom';
import { annotation, targetOf } from './fixtures';

const INTRO = '<p>Field notes from a year of watching the weather over the valley.</p>';
const RAIN = '<h2>Rain</h2><p>Rain falls mostly in autumn, when the westerly winds bring clouds from the ocean.</p>';
const SUN = '<h2>Sun</h2><p>Summer is dry and the rivers run low by the end of August.</p>';
const WELLS = '<p>Farmers store water in cisterns dug deep into the hillside.</p>';
const ARTICLE = INTRO + RAIN + SUN + WELLS;
const INSERTED = '<p>A new opening paragraph, added when the file was edited, pushes everything down.</p>';

const QUOTES = { rain: 'westerly winds bring clouds', sun: 'the rivers run low', wells: 'cisterns dug deep into the hillside' };

/** Highlights made on the original article (content hash v1), with a note each. */
function madeOnOriginal(): Annotation[] {
  const { index } = articleFrom(ARTICLE);
  return Object.entries(QUOTES).map(([id, quote]) => annotation({ id, target: targetOf(index, quote, 'v1'), note: `note on ${id}` }));
}

/** Anchors `annotations` in the article `html` whose content hash is `hash`. */
function anchorIn(html: string, hash: string, annotations: readonly Annotation[]) {
  const { index } = articleFrom(html);
  return { index, ...anchorAnnotations(index, outlineFromDom(index), annotations, hash) };
}

describe('anchorAnnotations', () => {
  it('paints every highlight of an unchanged document where it was, and has nothing to save or say', () => {
    const annotations = madeOnOriginal();
    const { entries, updates, summary } = anchorIn(ARTICLE, 'v1', annotations);
    assert.deepEqual(
      entries.map(({ annotation: a, span, durable }) => [a.id, a.status, span?.range.toString(), span?.start, durable]),
      annotations.map((a) => [a.id, 'anchored', a.target!.quote.exact, a.target!.position.start, true]),
    );
    assert.deepEqual(updates, []);
    assert.equal(describeSummary(summary), null);
  });

  it('follows a paragraph inserted above: every highlight moves, with new targets to save', () => {
    const annotations = madeOnOriginal();
    const html = INSERTED + ARTICLE;
    const { entries, updates, summary, index } = anchorIn(html, 'v2', annotations);
    const shift = articleFrom(INSERTED).index.text.length;
    for (const [i, entry] of entries.entries()) {
      const before = annotations[i]!.target!;
      assert.equal(entry.span!.range.toString(), before.quote.exact, 'the same words are painted');
      assert.equal(entry.span!.start, before.position.start + shift);
      assert.equal(entry.annotation.status, 'anchored');
      assert.equal(entry.annotation.note, annotations[i]!.note);
    }
    assert.deepEqual(
      updates.map((u) => [u.id, u.target?.position.start, u.target?.contentHash]),
      annotations.map((a) => [a.id, a.target!.position.start + shift, 'v2']),
    );
    assert.deepEqual(
      entries.map((e) => e.annotation.target),
      updates.map((u) => u.target),
      'the entries carry the targets being saved',
    );
    assert.equal(index.text.slice(updates[0]!.target!.position.start, updates[0]!.target!.position.end), QUOTES.rain);
    assert.deepEqual(summary, { moved: 3, needsReview: 0, orphaned: 0 });
    assert.equal(describeSummary(summary), '3 highlights moved');
  });

  it('keeps a highlight whose passage was deleted as an orphan, with its note, and saves it as orphaned', () => {
    const annotations = madeOnOriginal();
    const { entries, updates, summary } = anchorIn(INTRO + RAIN + SUN, 'v2', annotations);
    assert.equal(entries.length, 3, 'nothing is dropped');
    const wells = entries.find((e) => e.annotation.id === 'wells')!;
    assert.equal(wells.annotation.status, 'orphaned');
    assert.equal(wells.span, null);
    assert.equal(wells.annotation.note, 'note on wells');
    assert.equal(wells.annotation.target?.quote.exact, QUOTES.wells, 'the quote is kept to show and re-attach');
    assert.equal(wells.durable, true);
    assert.deepEqual(
      updates.find((u) => u.id === 'wells'),
      { id: 'wells', target: null },
    );
    assert.equal(describeSummary(summary), '1 highlight orphaned');
  });

  it('saves the new context of a passage next to a deleted one, without saying it moved', () => {
    const annotations = madeOnOriginal();
    const { entries, updates } = anchorIn(INTRO + RAIN + SUN, 'v2', annotations);
    const sun = updates.find((u) => u.id === 'sun')!;
    assert.equal(sun.target!.position.start, annotations[1]!.target!.position.start);
    assert.equal(sun.target!.quote.suffix, ' by the end of August.', 'the deleted paragraph is no longer its context');
    assert.equal(entries[1]!.annotation.target, sun.target);
    assert.ok(!updates.some((u) => u.id === 'rain'), 'a passage whose context held is not saved again');
  });

  it('says how many moved and how many were orphaned in one notice', () => {
    const { updates, summary } = anchorIn(INSERTED + INTRO + RAIN + SUN, 'v2', madeOnOriginal());
    assert.deepEqual(
      updates.map((u) => [u.id, u.target === null]),
      [
        ['rain', false],
        ['sun', false],
        ['wells', true],
      ],
    );
    assert.equal(describeSummary(summary), '2 highlights moved, 1 orphaned');
    // The toast links the count that needs the reader to its group in the sidebar.
    assert.deepEqual(summaryParts(summary), [{ text: '2 highlights moved' }, { text: ', ' }, { text: '1 orphaned', group: 'orphaned' }]);
    assert.deepEqual(summaryParts({ moved: 0, needsReview: 2, orphaned: 1 }), [
      { text: '2 highlights need review', group: 'review' },
      { text: ', ' },
      { text: '1 orphaned', group: 'orphaned' },
    ]);
  });

  it('does not announce or save again an orphan that is still missing', () => {
    const stillGone = madeOnOriginal().map((a) => (a.id === 'wells' ? { ...a, status: 'orphaned' as const } : a));
    const { entries, updates, summary } = anchorIn(INTRO + RAIN + SUN, 'v2', stillGone);
    assert.equal(entries.find((e) => e.annotation.id === 'wells')!.annotation.status, 'orphaned');
    assert.ok(!updates.some((u) => u.id === 'wells'));
    assert.equal(describeSummary(summary), null);
  });

  it('brings back an orphan whose passage is there again, and saves it as anchored without a notice', () => {
    const back = madeOnOriginal().map((a) => (a.id === 'wells' ? { ...a, status: 'orphaned' as const } : a));
    const { entries, updates, summary } = anchorIn(ARTICLE, 'v1', back);
    const wells = entries.find((e) => e.annotation.id === 'wells')!;
    assert.equal(wells.annotation.status, 'anchored');
    assert.equal(wells.span!.range.toString(), QUOTES.wells);
    assert.deepEqual(updates, [{ id: 'wells', target: back[2]!.target }]);
    assert.equal(describeSummary(summary), null);
  });

  it('saves a renamed section as the new heading path, without saying anything moved', () => {
    const annotations = madeOnOriginal();
    assert.deepEqual(annotations[0]!.target!.headingPath, ['Rain']);
    const { entries, updates, summary } = anchorIn(INTRO + RAIN.replace('<h2>Rain</h2>', '<h2>Wind</h2>') + SUN + WELLS, 'v2', annotations);
    assert.equal(entries[0]!.span!.start, annotations[0]!.target!.position.start);
    assert.deepEqual(
      updates.map((u) => [u.id, u.target?.headingPath]),
      [['rain', ['Wind']]],
    );
    assert.equal(describeSummary(summary), null);
  });

  it('takes a file saved with no change to its text as it is: nothing to save, nothing to say', () => {
    const { updates, summary, entries } = anchorIn(ARTICLE, 'v2', madeOnOriginal());
    assert.ok(entries.every((e) => e.span !== null));
    assert.deepEqual(updates, []);
    assert.equal(describeSummary(summary), null);
  });

  it('lists document notes unchanged, with nothing to paint or save', () => {
    const note = annotation({ id: 'note', kind: 'note', note: 'Whole-document thought' });
    const annotations = [note, ...madeOnOriginal()];
    const { entries, updates } = anchorIn(INSERTED + ARTICLE, 'v2', annotations);
    assert.deepEqual(entries[0], { annotation: note, span: null, durable: true });
    assert.ok(!updates.some((u) => u.id === 'note'));
  });

  it('returns the entries in the order it was given them', () => {
    const annotations = madeOnOriginal().reverse();
    const { entries } = anchorIn(INSERTED + ARTICLE, 'v2', annotations);
    assert.deepEqual(
      entries.map((e) => e.annotation.id),
      ['wells', 'sun', 'rain'],
    );
  });

  it('orphans every highlight of a document emptied of text', () => {
    const { entries, summary } = anchorIn('', 'v2', madeOnOriginal());
    assert.ok(entries.every((e) => e.annotation.status === 'orphaned' && e.span === null));
    assert.equal(describeSummary(summary), '3 highlights orphaned');
  });
});

describe('anchorAnnotations and passages that need review', () => {
  // "westerly winds bring clouds" with a word added, a fifth of its length: found, but not for certain.
  const REWORDED = RAIN.replace('westerly winds bring clouds', 'westerly winds bring heavy clouds');

  it('paints a doubtful passage where it probably is, keeps its stored selectors, and saves it as needing review', () => {
    const annotations = madeOnOriginal();
    const { entries, updates, summary } = anchorIn(INTRO + REWORDED + SUN + WELLS, 'v2', annotations);
    const rain = entries.find((e) => e.annotation.id === 'rain')!;
    assert.equal(rain.annotation.status, 'needs-review');
    assert.equal(rain.span!.range.toString(), 'westerly winds bring heavy clouds');
    assert.deepEqual(rain.annotation.target, annotations[0]!.target, 'the stored passage is kept until the reader accepts the new one');
    assert.deepEqual(
      updates.find((u) => u.id === 'rain'),
      { id: 'rain', target: null, status: 'needs-review' },
    );
    // The two passages after it moved by the six characters added.
    assert.deepEqual(summary, { moved: 2, needsReview: 1, orphaned: 0 });
    assert.equal(describeSummary(summary), '2 highlights moved, 1 needs review');
  });

  it('does not announce or save again a passage that still needs review', () => {
    const pending = madeOnOriginal().map((a) => (a.id === 'rain' ? { ...a, status: 'needs-review' as const } : a));
    const { entries, updates, summary } = anchorIn(INTRO + REWORDED + SUN + WELLS, 'v2', pending);
    assert.equal(entries[0]!.annotation.status, 'needs-review');
    assert.ok(!updates.some((u) => u.id === 'rain'));
    assert.equal(summary.needsReview, 0);
  });

  it('anchors again, and saves as anchored, a passage needing review whose words came back', () => {
    const pending = madeOnOriginal().map((a) => (a.id === 'rain' ? { ...a, status: 'needs-review' as const } : a));
    const { entries, updates, summary } = anchorIn(ARTICLE, 'v1', pending);
    assert.equal(entries[0]!.annotation.status, 'anchored');
    assert.deepEqual(updates, [{ id: 'rain', target: pending[0]!.target }]);
    assert.equal(describeSummary(summary), null);
  });
});

describe('describeSummary', () => {
  const cases: [number, number, number, string | null][] = [
    [0, 0, 0, null],
    [1, 0, 0, '1 highlight moved'],
    [4, 0, 0, '4 highlights moved'],
    [0, 0, 1, '1 highlight orphaned'],
    [0, 0, 2, '2 highlights orphaned'],
    [3, 0, 1, '3 highlights moved, 1 orphaned'],
    [1, 0, 5, '1 highlight moved, 5 orphaned'],
    [0, 1, 0, '1 highlight needs review'],
    [0, 2, 0, '2 highlights need review'],
    [3, 1, 1, '3 highlights moved, 1 needs review, 1 orphaned'],
    [0, 2, 1, '2 highlights need review, 1 orphaned'],
  ];
  for (const [moved, needsReview, orphaned, text] of cases) {
    it(`says ${text === null ? 'nothing' : `"${text}"`} for ${moved} moved, ${needsReview} for review and ${orphaned} orphaned`, () => {
      assert.equal(describeSummary({ moved, needsReview, orphaned }), text);
    });
  }
});
