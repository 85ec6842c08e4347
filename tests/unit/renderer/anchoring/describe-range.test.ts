import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeRange } from '../../../../renderer/anchoring/describe-range';
import { CONTEXT_LENGTH, describeText } from '../../../../main/common/anchoring/describe-text';
import { headingPathResolver } from '../../../../main/common/anchoring/headings-from-dom';
import { articleFrom, offsetOf } from './dom';

const LONG =
  '<h1>Guide</h1><p>The first paragraph talks about the weather and how it changes during the year.</p>' +
  '<h2>Rain</h2><p>Rain falls mostly in <em>autumn</em>, when the westerly winds bring clouds from the ocean.</p>' +
  '<h3>Storms</h3><p>Storms arrive at night.</p><h2>Sun</h2><p>Summer is dry.</p>';

describe('describeText', () => {
  it('captures the quote, 32 characters of context on each side and the position', () => {
    const text = 'a'.repeat(50) + 'QUOTE' + 'b'.repeat(50);
    const s = describeText(text, 50, 55)!;
    assert.deepEqual(s.position, { type: 'TextPositionSelector', start: 50, end: 55 });
    assert.equal(s.quote.exact, 'QUOTE');
    assert.equal(s.quote.prefix, 'a'.repeat(CONTEXT_LENGTH));
    assert.equal(s.quote.suffix, 'b'.repeat(CONTEXT_LENGTH));
  });

  it('takes shorter context at the ends of the text', () => {
    const s = describeText('abc QUOTE def', 4, 9)!;
    assert.equal(s.quote.prefix, 'abc ');
    assert.equal(s.quote.suffix, ' def');
  });

  it('trims leading and trailing whitespace from the quote and moves the position with it', () => {
    const text = 'one two\n\t three  four';
    const s = describeText(text, 3, 17)!;
    assert.equal(s.quote.exact, 'two\n\t three');
    assert.deepEqual([s.position.start, s.position.end], [4, 15]);
    assert.equal(s.quote.prefix, 'one ');
    assert.equal(s.quote.suffix, '  four');
    assert.equal(describeText(text, 3, 4), null, 'whitespace only');
    assert.equal(describeText(text, 5, 5), null, 'empty');
  });

  it('trims non-breaking and other Unicode spaces', () => {
    const s = describeText('x\u00a0\u2003word\u3000y', 1, 8)!;
    assert.equal(s.quote.exact, 'word');
  });

  it('widens a span that cuts a surrogate pair', () => {
    const text = `${'x'.repeat(30)}\u{1F30D}ab\u{1F680}cd\u{1F680}${'y'.repeat(40)}`;
    const rocket = offsetOf(text, '\u{1F680}');
    // Starts between the two halves of the first rocket, ends between those of the second.
    const s = describeText(text, rocket + 1, rocket + 5)!;
    assert.equal(s.quote.exact, '\u{1F680}cd\u{1F680}');
    assert.deepEqual([s.position.start, s.position.end], [rocket, rocket + 6]);
  });

  it('shrinks context that would cut a surrogate pair at its outer end', () => {
    const text = `${'x'.repeat(10)}\u{1F30D}${'z'.repeat(31)}QUOTE${'w'.repeat(31)}\u{1F680}tail`;
    const start = offsetOf(text, 'QUOTE');
    const s = describeText(text, start, start + 5)!;
    // 32 code units back ends inside the globe, 32 forward inside the rocket: both are left out.
    assert.equal(s.quote.prefix, 'z'.repeat(31));
    assert.equal(s.quote.suffix, 'w'.repeat(31));
  });

  it('keeps combining marks with the letter they belong to', () => {
    const text = 'the cafe\u0301 served cre\u0300me';
    const between = offsetOf(text, 'e\u0301') + 1;
    assert.equal(describeText(text, 4, between)!.quote.exact, 'cafe\u0301');
    // Starting between the e and its accent takes the e as well.
    const inside = describeText(text, between, between + 7)!;
    assert.equal(inside.quote.exact, 'e\u0301 serve');
    assert.equal(inside.position.start, between - 1);
  });
});

describe('describeRange', () => {
  it('describes a range that spans elements, with the enclosing headings outermost first', () => {
    const { index, document } = articleFrom(LONG);
    const range = document.createRange();
    range.setStart(document.querySelector('p:nth-of-type(2)')!.firstChild!, 5);
    range.setEnd(document.querySelector('em')!.firstChild!, 3);
    const target = describeRange(index, range, 'hash-1', headingPathResolver(index))!;
    assert.equal(target.quote.exact, 'falls mostly in aut');
    assert.equal(target.quote.suffix, 'umn, when the westerly winds bri');
    assert.equal(target.quote.prefix, 'hanges during the year.RainRain ');
    assert.equal(target.quote.prefix.length, CONTEXT_LENGTH);
    assert.deepEqual(target.headingPath, ['Guide', 'Rain']);
    assert.equal(target.contentHash, 'hash-1');
    assert.equal(index.text.slice(target.position.start, target.position.end), target.quote.exact);
  });

  it('computes heading paths from the headings before the start, closing sections at a higher heading', () => {
    const { index } = articleFrom(LONG);
    const pathAt = headingPathResolver(index);
    const at = (needle: string): string[] => pathAt(offsetOf(index.text, needle));
    assert.deepEqual(at('The first'), ['Guide']);
    assert.deepEqual(at('Storms arrive'), ['Guide', 'Rain', 'Storms']);
    assert.deepEqual(at('Summer'), ['Guide', 'Sun']);
    assert.deepEqual(at('Storms'), ['Guide', 'Rain', 'Storms'], 'a heading encloses its own text');
    assert.deepEqual(pathAt(0), ['Guide']);
  });

  it('gives an empty heading path before the first heading', () => {
    const { index, document } = articleFrom('<p>Preface text.</p><h2>Later</h2><p>Body.</p>');
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('p')!);
    const target = describeRange(index, range, 'h', headingPathResolver(index))!;
    assert.deepEqual(target.headingPath, []);
    assert.equal(target.quote.exact, 'Preface text.');
  });

  it('describes element-boundary ranges by the text they contain (list items, table cells)', () => {
    const { index, document } = articleFrom('<ul><li>first item</li><li>second item</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>');
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('ul')!);
    const pathAt = headingPathResolver(index);
    assert.equal(describeRange(index, range, 'h', pathAt)!.quote.exact, 'first itemsecond item');
    range.setStart(document.querySelector('td')!, 0);
    range.setEnd(document.querySelector('tr')!, 2);
    assert.equal(describeRange(index, range, 'h', pathAt)!.quote.exact, 'c1c2');
  });

  it('returns null for a whitespace-only selection or one outside the article', () => {
    const { index, document } = articleFrom('<p>word</p>\n  \n<p>next</p>');
    const pathAt = headingPathResolver(index);
    const range = index.rangeFromOffsets(4, 8);
    assert.equal(describeRange(index, range, 'h', pathAt), null);
    range.selectNodeContents(document.querySelector('header')!);
    assert.equal(describeRange(index, range, 'h', pathAt), null);
  });

  it('trims the whitespace a selection of whole paragraphs picks up', () => {
    const { index, document } = articleFrom('<p>one</p>\n<p>  two  </p>\n<p>three</p>');
    const range = document.createRange();
    range.setStartAfter(document.querySelector('p')!);
    range.setEndBefore(document.querySelector('p:last-child')!);
    const target = describeRange(index, range, 'h', headingPathResolver(index))!;
    assert.equal(target.quote.exact, 'two');
    assert.equal(target.quote.prefix, 'one\n  ');
    assert.equal(target.quote.suffix, '  \nthree');
  });

  it('describes right-to-left text in logical order', () => {
    const { index } = articleFrom('<p dir="rtl">\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd</p>');
    const range = index.rangeFromOffsets(5, 9);
    const target = describeRange(index, range, 'h', headingPathResolver(index))!;
    assert.equal(target.quote.exact, '\u05e2\u05d5\u05dc\u05dd');
    assert.equal(target.quote.prefix, '\u05e9\u05dc\u05d5\u05dd ');
  });
});
