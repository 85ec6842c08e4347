import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { similarity } from '../../../../../main/common/anchoring/text-similarity';

describe('similarity', () => {
  it('is 1 for a pattern present unchanged and falls with each edit', () => {
    assert.equal(similarity('the quick brown fox', 'quick brown'), 1);
    assert.equal(similarity('the quick brawn fox', 'quick brown'), 1 - 1 / 11);
    assert.equal(similarity('abcdefgh', 'abXdeYgh'), 0.75);
  });

  it('treats an empty pattern as present and an empty text as matching nothing', () => {
    assert.equal(similarity('anything', ''), 1);
    assert.equal(similarity('', 'pattern'), 0);
  });
});
