import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anchorTargets, summarize } from '../../../../renderer/anchoring/anchor';
import { describeRange } from '../../../../renderer/anchoring/describe-range';
import { headingPathResolver } from '../../../../main/common/anchoring/headings-from-dom';
import { TextIndex } from '../../../../main/common/anchoring/text-index';
import { createRandom, paragraph } from '../../../fixtures/anchoring/prose';
import { articleFrom } from './dom';

/** An article of sections with paragraphs, some words in <em>, and a list. */
function articleHtml(seed: number): string {
  const random = createRandom(seed);
  const parts: string[] = [];
  for (let s = 0; s < 4; s++) {
    parts.push(`<h2>Section ${s + 1}</h2>`);
    for (let p = 0; p < 3; p++) {
      const words = paragraph(random).split(' ');
      words[3] = `<em>${words[3]}</em>`;
      parts.push(`<p>${words.join(' ')}</p>`);
    }
    parts.push(`<ul><li>${paragraph(random).slice(0, 60)}</li><li>${paragraph(random).slice(0, 50)}</li></ul>`);
  }
  return parts.join('\n');
}

describe('anchorTargets', () => {
  const html = articleHtml(21);

  it('anchors targets described from random selections back onto the same ranges', () => {
    const { index } = articleFrom(html);
    const random = createRandom(4);
    const pathAt = headingPathResolver(index);
    const items = Array.from({ length: 40 }, (_, i) => {
      const start = Math.floor(random() * (index.text.length - 300));
      const range = index.rangeFromOffsets(start, start + 5 + Math.floor(random() * 250));
      return { id: `a${i}`, target: describeRange(index, range, 'v1', pathAt)! };
    });
    const outcomes = anchorTargets(index, items, 'v1');
    for (const [i, outcome] of outcomes.entries()) {
      assert.equal(outcome.method, 'position');
      assert.equal(outcome.range!.toString(), items[i]!.target.quote.exact);
      assert.equal(outcome.target, undefined);
    }
  });

  it('re-anchors after the DOM changed, and gives ranges over the new nodes', () => {
    const { index, root, document } = articleFrom(html);
    const pathAt = headingPathResolver(index);
    const items = [300, 900, 1_500, 2_100].map((at, i) => ({
      id: `b${i}`,
      target: describeRange(index, index.rangeFromOffsets(at, at + 120), 'v1', pathAt)!,
    }));
    const added = document.createElement('p');
    added.textContent = 'A paragraph added at the top of the article, before the first section.';
    root.prepend(added);
    const edited = new TextIndex(root);
    const outcomes = anchorTargets(edited, items, 'v2');
    for (const [i, outcome] of outcomes.entries()) {
      assert.equal(outcome.method, 'quote-exact');
      assert.equal(outcome.range!.toString(), items[i]!.target.quote.exact);
      assert.equal(outcome.start, items[i]!.target.position.start + added.textContent.length);
      assert.deepEqual(outcome.target!.headingPath, items[i]!.target.headingPath);
      assert.ok(root.contains(outcome.range!.startContainer));
    }
    assert.deepEqual(summarize(outcomes), { moved: 4, needsReview: 0, orphaned: 0 });
  });

  it('paints exactly the passage when only its spelling changed: accents decomposed, quotes straightened, lines re-wrapped', () => {
    const before = '<h2>Havana</h2><p>In 1891 <em>José Martí</em> published “Nuestra América”, an essay that asked for a continent of its own.</p>';
    const after = '<h2>Havana</h2><p>In 1891 <em>Jose\u0301 Marti\u0301</em>\npublished "Nuestra Ame\u0301rica",   an essay\nthat asked for a continent of its own.</p>';
    const made = articleFrom(before);
    const start = made.index.text.indexOf('Martí published');
    const end = made.index.text.indexOf('an essay') + 'an essay'.length;
    const target = describeRange(made.index, made.index.rangeFromOffsets(start, end), 'v1', headingPathResolver(made.index))!;
    const { index } = articleFrom(after);
    const [outcome] = anchorTargets(index, [{ id: 'm', target }], 'v2');
    assert.equal(outcome!.status, 'anchored');
    assert.equal(outcome!.range!.toString(), 'Marti\u0301\npublished "Nuestra Ame\u0301rica",   an essay');
    assert.equal(outcome!.target!.quote.exact, outcome!.range!.toString(), 'the stored quote is the text as it now is');
    // The range starts in the <em> and ends in the paragraph's text after it.
    assert.equal(outcome!.range!.startContainer.parentElement!.tagName, 'EM');
    assert.equal(outcome!.range!.endContainer.parentElement!.tagName, 'P');
  });

  it('gives no range to an orphan', () => {
    const { index } = articleFrom(html);
    const target = describeRange(index, index.rangeFromOffsets(500, 600), 'v1', headingPathResolver(index))!;
    const other = articleFrom('<p>Something else entirely.</p>');
    const [outcome] = anchorTargets(other.index, [{ id: 'gone', target }], 'v2');
    assert.equal(outcome!.status, 'orphaned');
    assert.equal(outcome!.range, undefined);
  });
});
