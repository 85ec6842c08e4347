import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnnotationTarget } from '../../../../../main/api';
import { anchorInText, summarize } from '../../../../../main/common/anchoring/anchor-in-text';
import type { AnchorItem } from '../../../../../main/common/anchoring/anchor-in-text';
import { describeText } from '../../../../../main/common/anchoring/describe-text';
import { HeadingOutline } from '../../../../../main/common/anchoring/heading-outline';
import { createRandom, paragraphs } from '../../../../fixtures/anchoring/prose';
import { offsetOf } from '../../../renderer/anchoring/dom';

/** The target of the first copy of `quote` in `text` (or of `text[start, end)`). */
function targetOf(text: string, quote: string | [number, number], contentHash: string, headingPath: string[] = []): AnnotationTarget {
  const [start, end] = typeof quote === 'string' ? [offsetOf(text, quote), offsetOf(text, quote) + quote.length] : quote;
  const { quote: q, position } = describeText(text, start, end)!;
  return { quote: q, position, headingPath, contentHash };
}

const TEXT = paragraphs(createRandom(5), 6_000).join('\n');
/** Five passages of 60-odd characters, from word start to word end. */
const QUOTES = [1_000, 2_000, 3_000, 4_000, 5_000].map((at): [number, number] => {
  const start = TEXT.indexOf(' ', at) + 1;
  return [start, TEXT.indexOf(' ', start + 60)];
});

function items(text: string, hash: string): AnchorItem[] {
  return QUOTES.map((span, i) => ({ id: `q${i}`, target: targetOf(text, span, hash) }));
}

describe('anchorInText', () => {
  it('takes stored positions as they are on the same text', () => {
    const outcomes = anchorInText(TEXT, items(TEXT, 'v1'), 'v1');
    for (const [i, outcome] of outcomes.entries()) {
      assert.deepEqual(outcome, { id: `q${i}`, status: 'anchored', method: 'position', moved: false, start: outcome.start, end: outcome.end });
      assert.equal(outcome.start, QUOTES[i]![0]);
    }
    assert.deepEqual(summarize(outcomes), { moved: 0, needsReview: 0, orphaned: 0 });
  });

  it('re-anchors on the same hash when the text at the position is not the quote', () => {
    const target = targetOf(TEXT, QUOTES[2]!, 'v1');
    const shifted = `Preface. ${TEXT}`;
    const [outcome] = anchorInText(shifted, [{ id: 'x', target }], 'v1');
    assert.equal(outcome!.method, 'quote-exact');
    assert.equal(outcome!.start, target.position.start + 9);
  });

  it('follows text inserted before: every passage moves by the inserted length', () => {
    const inserted = 'A new opening sentence that pushes everything down. ';
    const edited = inserted + TEXT;
    const outcomes = anchorInText(edited, items(TEXT, 'v1'), 'v2');
    for (const [i, outcome] of outcomes.entries()) {
      assert.equal(outcome.status, 'anchored');
      assert.equal(outcome.method, 'quote-exact');
      assert.equal(outcome.moved, true);
      assert.equal(outcome.start, QUOTES[i]![0] + inserted.length);
      assert.equal(outcome.target!.position.start, outcome.start);
      assert.equal(outcome.target!.contentHash, 'v2');
    }
    assert.deepEqual(summarize(outcomes), { moved: QUOTES.length, needsReview: 0, orphaned: 0 });
  });

  it('keeps passages before an edit at their position and moves those after it', () => {
    // Past the 32 characters of suffix, so that the third passage keeps its whole context.
    const cut = QUOTES[2]![1] + 40;
    const edited = `${TEXT.slice(0, cut)} and then some words were added${TEXT.slice(cut)}`;
    const outcomes = anchorInText(edited, items(TEXT, 'v1'), 'v2');
    assert.deepEqual(
      outcomes.map((o) => [o.method, o.moved]),
      [
        ['position', false],
        ['position', false],
        ['position', false],
        ['quote-exact', true],
        ['quote-exact', true],
      ],
    );
    assert.equal(outcomes[3]!.start, QUOTES[3]![0] + 31);
  });

  it('finds a passage with a word changed inside it and stores the new quote', () => {
    const [start, end] = QUOTES[1]!;
    const old = TEXT.slice(start, end);
    const words = old.split(' ');
    words[2] = 'transformed';
    const changed = words.join(' ');
    const edited = TEXT.slice(0, start) + changed + TEXT.slice(end);
    const outcomes = anchorInText(edited, items(TEXT, 'v1'), 'v2');
    const outcome = outcomes[1]!;
    assert.equal(outcome.method, 'quote-approx');
    assert.equal(outcome.target!.quote.exact, changed);
    assert.equal(edited.slice(outcome.start, outcome.end), changed);
    assert.equal(outcomes[0]!.method, 'position');
    assert.equal(outcomes[2]!.start, QUOTES[2]![0] + changed.length - old.length);
  });

  it('orphans a deleted passage and keeps going', () => {
    const [start, end] = QUOTES[3]!;
    const edited = TEXT.slice(0, start - 40) + TEXT.slice(end + 40);
    const outcomes = anchorInText(edited, items(TEXT, 'v1'), 'v2');
    assert.deepEqual(outcomes[3], { id: 'q3', status: 'orphaned', method: 'none', moved: false });
    assert.equal(outcomes[4]!.status, 'anchored');
    assert.equal(outcomes[4]!.start, QUOTES[4]![0] - (end - start + 80));
    assert.deepEqual(summarize(outcomes), { moved: 1, needsReview: 0, orphaned: 1 });
  });

  it('tells copies of a repeated sentence apart by position when their context is the same', () => {
    const unit = 'Keep the lamp lit through the night. ';
    const text = `Intro. ${unit.repeat(6)}`;
    const fourth = 7 + unit.length * 3;
    const list = [
      { id: 'intro', target: targetOf(text, 'Intro.', 'v1') },
      { id: 'fourth', target: targetOf(text, [fourth, fourth + unit.length - 1], 'v1') },
    ];
    const edited = text.replace('Intro. ', 'Intro. Inserted. ');
    const outcomes = anchorInText(edited, list, 'v2');
    // Its suffix changed, so it is checked by quote, and found where it was.
    assert.equal(outcomes[0]!.start, 0);
    assert.equal(outcomes[0]!.moved, false);
    // Copies two to five have the same quote, prefix and suffix: the expected position decides.
    assert.equal(outcomes[1]!.method, 'quote-exact');
    assert.equal(outcomes[1]!.start, fourth + 10);
  });

  it('moves overlapping passages together', () => {
    const a: [number, number] = [QUOTES[2]![0], QUOTES[2]![1]];
    const b: [number, number] = [QUOTES[2]![0] + 20, QUOTES[2]![1] + 30];
    const list = [
      { id: 'a', target: targetOf(TEXT, a, 'v1') },
      { id: 'b', target: targetOf(TEXT, b, 'v1') },
    ];
    const edited = `Inserted first line.\n${TEXT}`;
    const outcomes = anchorInText(edited, list, 'v2');
    assert.equal(outcomes[0]!.start, list[0]!.target.position.start + 21);
    assert.equal(outcomes[1]!.start, list[1]!.target.position.start + 21);
    assert.equal(outcomes[1]!.end, list[1]!.target.position.end + 21);
  });

  it('returns outcomes in the order of the items, whatever their positions', () => {
    const list = items(TEXT, 'v1').reverse();
    const outcomes = anchorInText(`x${TEXT}`, list, 'v2');
    assert.deepEqual(
      outcomes.map((o) => o.id),
      list.map((item) => item.id),
    );
  });

  it('recomputes heading paths from the outline and looks for a moved passage in its old section', () => {
    const intro = 'Introduction\nThis book is about rivers and the towns built beside them.\n';
    const method = 'Methods\nWe measured the depth of eleven rivers every morning for a year.\n';
    const results = 'Results\nThe deepest river was the one nobody had bothered to measure before.\n';
    const text = intro + method + results;
    const outline = (t: string): HeadingOutline =>
      new HeadingOutline(
        ['Introduction', 'Methods', 'Results'].map((title) => ({ start: t.indexOf(`${title}\n`), level: 2, title })),
        t.length,
      );
    const target = targetOf(text, 'the one nobody had bothered to measure', 'v1', ['Results']);
    // The sections swap and the passage is reworded.
    const edited = intro + results.replace('bothered to', 'thought to') + method;
    const [outcome] = anchorInText(edited, [{ id: 'r', target }], 'v2', outline(edited));
    assert.equal(outcome!.method, 'quote-approx');
    assert.equal(edited.slice(outcome!.start, outcome!.end), 'the one nobody had thought to measure');
    assert.deepEqual(outcome!.target!.headingPath, ['Results']);
    // Without an outline the stored heading path is kept.
    const [kept] = anchorInText(text, [{ id: 'r', target: { ...target, headingPath: ['Old'] } }], 'v2');
    assert.equal(kept!.method, 'position');
    assert.equal(kept!.target, undefined);
  });

  it('returns a new target when only the context around an unmoved passage changed', () => {
    const [start, end] = QUOTES[1]!;
    const edited = `${TEXT.slice(0, start - 2)}!!${TEXT.slice(start)}`;
    const [, outcome] = anchorInText(edited, items(TEXT, 'v1'), 'v2');
    assert.equal(outcome!.moved, false);
    assert.equal(outcome!.start, start);
    assert.equal(outcome!.end, end);
    assert.ok(outcome!.target!.quote.prefix.endsWith('!!'));
  });
});
