import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CERTAIN_QUOTE_SIMILARITY,
  judgeMatch,
  MIN_CONTEXT_SIMILARITY,
  MIN_QUOTE_SIMILARITY,
  SELF_EVIDENT_QUOTE_LENGTH,
} from '../../../../../main/common/anchoring/match-verdict';
import type { MatchEvidence } from '../../../../../main/common/anchoring/match-verdict';

const PINNED = { start: true, end: true };
const LOOSE = { start: false, end: false };
const base: MatchEvidence = { quoteSimilarity: 1, contextSimilarity: 1, pinned: PINNED, quoteLength: 60, inWindow: true };

describe('judgeMatch', () => {
  it('rejects a span below the similarity floor, whatever its context', () => {
    assert.equal(judgeMatch({ ...base, quoteSimilarity: MIN_QUOTE_SIMILARITY - 0.01 }), 'reject');
    assert.notEqual(judgeMatch({ ...base, quoteSimilarity: MIN_QUOTE_SIMILARITY }), 'reject');
  });

  it('rejects a short quote without its context unless it is the quote itself where it was expected', () => {
    const short = { ...base, quoteLength: SELF_EVIDENT_QUOTE_LENGTH - 1, contextSimilarity: MIN_CONTEXT_SIMILARITY - 0.01, pinned: LOOSE };
    assert.equal(judgeMatch({ ...short, inWindow: false }), 'reject');
    assert.equal(judgeMatch({ ...short, quoteSimilarity: 0.9 }), 'reject');
    assert.equal(judgeMatch(short), 'review');
    assert.equal(judgeMatch({ ...short, quoteLength: SELF_EVIDENT_QUOTE_LENGTH }), 'review');
  });

  it('is certain of the quote unchanged with one side of its context against it, or the only long copy in its context', () => {
    assert.equal(judgeMatch({ ...base, pinned: { start: true, end: false } }), 'certain');
    assert.equal(judgeMatch({ ...base, pinned: { start: false, end: true } }), 'certain');
    assert.equal(judgeMatch({ ...base, pinned: LOOSE }), 'review');
    assert.equal(judgeMatch({ ...base, pinned: LOOSE, onlyCopy: true }), 'certain');
    // The same words standing elsewhere, among other words: perhaps the passage moved, perhaps it was deleted.
    assert.equal(judgeMatch({ ...base, pinned: LOOSE, onlyCopy: true, contextSimilarity: MIN_CONTEXT_SIMILARITY - 0.01 }), 'review');
    assert.equal(judgeMatch({ ...base, pinned: LOOSE, onlyCopy: true, quoteLength: SELF_EVIDENT_QUOTE_LENGTH - 1 }), 'review');
    assert.equal(judgeMatch({ ...base, pinned: LOOSE, onlyCopy: false }), 'review');
  });

  it('is certain of an edited quote only when both its ends are pinned and it is alike enough', () => {
    const edited = { ...base, quoteSimilarity: CERTAIN_QUOTE_SIMILARITY };
    assert.equal(judgeMatch(edited), 'certain');
    assert.equal(judgeMatch({ ...edited, quoteSimilarity: CERTAIN_QUOTE_SIMILARITY - 0.01 }), 'review');
    assert.equal(judgeMatch({ ...edited, pinned: { start: true, end: false } }), 'review');
    assert.equal(judgeMatch({ ...edited, pinned: { start: false, end: true } }), 'review');
    assert.equal(judgeMatch({ ...edited, onlyCopy: true, pinned: LOOSE }), 'review', 'being unique says nothing of edited ends');
  });
});
