import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanTag, normalizeTags, renameInTags, tagKey } from '../../../../main/common/tags';

describe('tags', () => {
  it('trims, collapses whitespace and drops case-insensitive repeats, keeping the first spelling', () => {
    assert.deepEqual(normalizeTags(['  Reading  List ', 'reading list', '', '   ', 'ÉTÉ', 'été', 'עברית', '🔥']), ['Reading List', 'ÉTÉ', 'עברית', '🔥']);
  });

  it('stores a tag typed as "#idea" as "idea", and "#" alone as nothing', () => {
    assert.equal(cleanTag('  #idea '), 'idea');
    assert.equal(cleanTag('## two  words'), 'two words');
    assert.equal(cleanTag('c#'), 'c#');
    assert.deepEqual(normalizeTags(['#idea', 'Idea', '#', '##']), ['idea']);
    assert.equal(tagKey('#Idea'), tagKey('idea'));
  });

  it('renames a tag, merging it with the new name when both are there', () => {
    assert.deepEqual(renameInTags(['Idea', 'gift'], 'idea', 'ideas'), ['ideas', 'gift']);
    assert.deepEqual(renameInTags(['ideas', 'gift', '#idea'], 'IDEA', 'ideas'), ['ideas', 'gift']);
    const untouched = ['gift'];
    assert.equal(renameInTags(untouched, 'idea', 'ideas'), untouched);
  });

  it('compares tags by one key', () => {
    assert.equal(tagKey(' Reading\tList '), tagKey('reading list'));
    assert.notEqual(tagKey('reading-list'), tagKey('reading list'));
  });
});
