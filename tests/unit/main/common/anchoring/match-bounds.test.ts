import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contextPins, refineBounds, spansBetweenContext } from '../../../../../main/common/anchoring/match-bounds';

const TEXT = 'The harbour was quiet that morning. A gull landed on the mast of the blue boat and waited. Nobody came.';
const QUOTE = { prefix: 'that morning. ', exact: 'A gull landed on the mast of the red boat', suffix: ' and waited. Nobody' };
const EDITED_START = TEXT.indexOf('A gull');
const EDITED_END = TEXT.indexOf(' and waited');

describe('match bounds', () => {
  it('moves the ends of a span to the stored context found intact nearby, and says nothing of its errors', () => {
    const refined = refineBounds(TEXT, { start: EDITED_START + 2, end: EDITED_END - 3 }, QUOTE, 10);
    assert.deepEqual(refined, { start: EDITED_START, end: EDITED_END });
    assert.deepEqual(Object.keys(refined).sort(), ['end', 'start']);
  });

  it('tells whether the context lies right against each end of a span', () => {
    assert.deepEqual(contextPins(TEXT, { start: EDITED_START, end: EDITED_END }, QUOTE), { start: true, end: true });
    assert.deepEqual(contextPins(TEXT, { start: EDITED_START + 2, end: EDITED_END }, QUOTE), { start: false, end: true });
    // An empty prefix holds only at the start of the text; an empty suffix only at its end.
    assert.deepEqual(contextPins(TEXT, { start: 0, end: TEXT.length }, { prefix: '', exact: TEXT, suffix: '' }), { start: true, end: true });
    assert.deepEqual(contextPins(TEXT, { start: 1, end: 5 }, { prefix: '', exact: 'he h', suffix: '' }), { start: false, end: false });
  });

  it('finds the span between the stored prefix and suffix by indexOf, when they are about as far apart as the quote is long', () => {
    assert.deepEqual(spansBetweenContext(TEXT, { start: 0, end: TEXT.length }, QUOTE, 10), [{ start: EDITED_START, end: EDITED_END }]);
    // Too far apart for the errors allowed, or outside the span searched: nothing.
    assert.deepEqual(spansBetweenContext(TEXT, { start: 0, end: TEXT.length }, { ...QUOTE, exact: 'A gull' }, 1), []);
    assert.deepEqual(spansBetweenContext(TEXT, { start: 0, end: EDITED_END }, QUOTE, 10), [], 'the suffix lies past the span searched');
    assert.deepEqual(spansBetweenContext(TEXT, { start: 0, end: TEXT.length }, { ...QUOTE, prefix: '' }, 10), []);
  });
});
