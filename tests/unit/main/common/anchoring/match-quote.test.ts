import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeText } from '../../../../../main/common/anchoring/describe-text';
import { matchQuote } from '../../../../../main/common/anchoring/match-quote';
import { maxErrorsFor, MIN_QUOTE_SIMILARITY } from '../../../../../main/common/anchoring/match-verdict';
import { createRandom, paragraphs } from '../../../../fixtures/anchoring/prose';

/** The quote selector of `text[start, end)`. */
function quoteAt(text: string, start: number, end: number): { exact: string; prefix: string; suffix: string } {
  const { exact, prefix, suffix } = describeText(text, start, end)!.quote;
  return { exact, prefix, suffix };
}

const PROSE = paragraphs(createRandom(7), 20_000).join('\n');

describe('matchQuote', () => {
  it('finds a quote with its context unchanged by indexOf, wherever it moved', () => {
    const start = PROSE.indexOf(' ', 5_000) + 1;
    const quote = quoteAt(PROSE, start, start + 80);
    const moved = `${'New opening paragraph. '.repeat(20)}${PROSE}`;
    const match = matchQuote(moved, quote, { position: start });
    assert.deepEqual({ ...match, score: undefined }, { start: start + 460, end: start + 460 + quote.exact.length, score: undefined, kind: 'exact', verdict: 'certain' });
    assert.ok(match!.score > 0.99, 'only the distance from the expected position counts against it');
  });

  it('chooses between copies of a repeated phrase by their context', () => {
    const text = 'Monday: water the plants, then rest. Tuesday: water the plants, then read. Friday: water the plants, then cook.';
    const second = text.indexOf('water the plants', 20);
    const quote = quoteAt(text, second, second + 16);
    const edited = text.replace('Monday', 'Sunday or Monday');
    // The hint points at the first copy, but the context matches the second one only.
    const match = matchQuote(edited, { ...quote, prefix: quote.prefix.slice(-12) }, { position: 8 })!;
    assert.equal(match.start, edited.indexOf('water the plants', 30));
    assert.equal(match.kind, 'exact');
  });

  it('chooses between copies with the same context by the expected position', () => {
    const text = 'Repeat after me. '.repeat(10);
    const quote = { exact: 'after me', prefix: 'Repeat ', suffix: '. Repeat' };
    assert.equal(matchQuote(text, quote, { position: 17 * 6 + 3 })!.start, 17 * 6 + 7);
    assert.equal(matchQuote(text, quote, { position: 17 * 2 })!.start, 17 * 2 + 7);
    assert.equal(matchQuote(text, quote)!.start, 7, 'first copy without a hint');
  });

  it('prefers the copy with the better context over the nearer one when context was edited', () => {
    const text = 'alpha beta gamma: the same words here. delta epsilon zeta: the same words here. eta theta.';
    const quote = { exact: 'the same words here', prefix: 'delta epsilon zeta: ', suffix: '. eta theta.' };
    const edited = text.replace('delta epsilon', 'delta EPSILON');
    const match = matchQuote(edited, quote, { position: 18 })!;
    assert.equal(match.start, edited.lastIndexOf('the same words here'));
  });

  it('finds a quote with a word changed inside it, approximately', () => {
    const start = PROSE.indexOf(' ', 8_000) + 1;
    const quote = quoteAt(PROSE, start, start + 90);
    const words = quote.exact.split(' ');
    const changed = words.map((w, i) => (i === 3 ? 'REPLACED' : w)).join(' ');
    const edited = PROSE.slice(0, start) + changed + PROSE.slice(start + 90);
    const match = matchQuote(edited, quote, { position: start })!;
    assert.equal(match.kind, 'approx');
    assert.equal(match.start, start);
    assert.equal(edited.slice(match.start, match.end), changed);
    assert.ok(match.score < 1 && match.score > 0.8);
  });

  it('returns null when the best match keeps less than three quarters of the quote', () => {
    const quote = { exact: 'abcdefghijklmnopqrstuvwxyz0123456789', prefix: 'START ', suffix: ' END' };
    const keep = Math.ceil(quote.exact.length * MIN_QUOTE_SIMILARITY);
    const barely = `START ${quote.exact.slice(0, keep)}${'#'.repeat(quote.exact.length - keep)} END`;
    assert.notEqual(matchQuote(barely, quote), null);
    const tooFar = `START ${quote.exact.slice(0, keep - 2)}${'#'.repeat(quote.exact.length - keep + 2)} END`;
    assert.equal(matchQuote(tooFar, quote), null);
    assert.equal(maxErrorsFor(40), 10);
  });

  it('returns null for a quote that is gone from the text', () => {
    const quote = quoteAt(PROSE, 12_000, 12_120);
    const edited = PROSE.slice(0, 11_900) + PROSE.slice(12_300);
    assert.equal(matchQuote(edited, quote, { position: 12_000 }), null);
    assert.equal(matchQuote(edited, { exact: '', prefix: '', suffix: '' }), null);
  });

  it('accepts a short quote far from its place only when its context agrees', () => {
    const text = `The cat sat on the mat. ${PROSE.slice(0, 3_000)} Then the cat sat down.`;
    const quote = { exact: 'cat sat', prefix: 'The ', suffix: ' on the mat.' };
    const edited = text.replace('The cat sat on the mat.', 'A dog lay on the rug.');
    // The remaining "cat sat" is far from the expected place and shares no context.
    assert.equal(matchQuote(edited, quote, { position: 4 }), null);
    // Found unchanged within its window, a short quote needs nothing more.
    const near = text.replace('The cat sat on the mat.', 'One cat sat on one rug.');
    assert.equal(matchQuote(near, quote, { position: 4 })!.start, 4);
  });

  it('searches the window around the hint before the section and the whole text', () => {
    const sentence = 'the lighthouse keeper counted eleven ships before the storm arrived';
    const quote = { exact: sentence, prefix: 'Notes: ', suffix: '. End.' };
    const nearCopy = `Notes: ${sentence.replace('eleven', 'twelve')}. End.`;
    const farCopy = `Notes: ${sentence.replace('storm', 'gale')}. End.`;
    const text = `${farCopy} ${PROSE.slice(0, 5_000)} ${nearCopy} ${PROSE.slice(5_000, 9_000)}`;
    const near = text.indexOf(nearCopy) + 7;
    // Both copies are one word off and in the same context: the one in the window wins.
    assert.equal(matchQuote(text, quote, { position: near + 20 })!.start, near);
    assert.equal(matchQuote(text, quote, { position: 0 })!.start, 7);
    // A section given as a hint is searched before the rest of the text.
    const section = { start: near - 10, end: near + 200 };
    assert.equal(matchQuote(text, quote, { position: 100, window: { start: 100, end: 200 }, section })!.start, near);
  });

  it('prefers the better quote when the window holds only a match without context', () => {
    const sentence = 'the lighthouse keeper counted eleven ships before the storm arrived';
    const quote = { exact: sentence, prefix: 'Notes: ', suffix: '. End.' };
    const text = `${sentence.replace('storm', 'gale')}. ${PROSE.slice(0, 5_000)} Notes: ${sentence.replace('eleven', 'twelve')}. End.`;
    assert.equal(matchQuote(text, quote, { position: 0 })!.start, text.indexOf('Notes: the') + 7);
  });

  it('finds an edited passage anywhere in a long text when the window misses it', () => {
    const long = paragraphs(createRandom(11), 400_000).join('\n');
    const start = long.indexOf(' ', 300_000) + 1;
    const quote = quoteAt(long, start, start + 120);
    const changed = quote.exact.replace(/ \w+ /, ' something else ');
    const edited = long.slice(0, start) + changed + long.slice(start + quote.exact.length);
    const match = matchQuote(edited, quote, { position: 10_000 })!;
    assert.equal(match.kind, 'approx');
    // The stored prefix puts the start back where it was, although dropping the quote's first
    // word would cost fewer edits.
    assert.equal(edited.slice(match.start, match.end), changed);
  });

  it('searches a long text by seeds, and so misses a passage edited all through', () => {
    const long = paragraphs(createRandom(12), 200_000).join('\n');
    const start = long.indexOf(' ', 150_000) + 1;
    const quote = quoteAt(long, start, start + 80);
    // One character in each tenth of the quote: within the errors allowed, but no seed survives.
    const scattered = [...quote.exact].map((c, i) => (i % 10 === 5 ? '#' : c)).join('');
    const edited = long.slice(0, start) + scattered + long.slice(start + quote.exact.length);
    assert.equal(matchQuote(edited, quote, { position: 150_000 })?.start, start, 'found from the window');
    assert.equal(matchQuote(edited, quote, { position: 10_000 }), null, 'missed by the seeded whole-text search');
  });
});
