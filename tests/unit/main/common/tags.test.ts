import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTags, tagKey } from '../../../../main/common/tags';

describe('tags', () => {
  it('trims, collapses whitespace and drops case-insensitive repeats, keeping the first spelling', () => {
    assert.deepEqual(normalizeTags(['  Reading  List ', 'reading list', '', '   ', 'ÉTÉ', 'été', 'עברית', '🔥']), ['Reading List', 'ÉTÉ', 'עברית', '🔥']);
  });

  it('compares tags by one key', () => {
    assert.equal(tagKey(' Reading\tList '), tagKey('reading list'));
    assert.notEqual(tagKey('reading-list'), tagKey('reading list'));
  });
});
