import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { capturePlace, findPlace } from '../../../../renderer/library/reading-place';

// The sample article's text: real prose, where a place's words are its own.
const text = readFileSync('assets/articles/000_d802b92d1a2a96bd.txt', 'utf8');
const READING = 'Kim described the deal';

test('the place is found again after text was added above it', () => {
  const place = capturePlace(text, text.indexOf(READING));
  assert.ok(place);
  const edited = `An update written at the top, long after the article was saved, and a little more.\n\n${text}`;
  assert.equal(findPlace(edited, place, 'new-hash'), edited.indexOf(READING));
});

test('and after a word of it changed', () => {
  const place = capturePlace(text, text.indexOf(READING));
  assert.ok(place);
  const edited = text.replace(READING, 'Kim called the deal');
  assert.equal(findPlace(edited, place, 'new-hash'), edited.indexOf('Kim called the deal'));
});

test('a place whose words are gone is not found; whitespace is no place', () => {
  const place = capturePlace(text, text.indexOf(READING));
  assert.ok(place);
  assert.equal(findPlace('Nothing of the old text is left in this one at all.', place, 'h'), null);
  assert.equal(capturePlace('   \n   ', 1), null);
});
