import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEFAULT_SETTINGS, HIGHLIGHT_COLORS as CONTRACT_COLORS } from '../../../../main/api';
import { colorLabel, colorMeaning, colorName, HIGHLIGHT_COLORS, highlightName, isHighlightColor } from '../../../../renderer/annotations/colors';

const meanings = DEFAULT_SETTINGS.colorMeanings;

describe('colors', () => {
  it('offers the colors the main side accepts, in the toolbar order', () => {
    assert.deepEqual([...HIGHLIGHT_COLORS], [...CONTRACT_COLORS]);
    assert.deepEqual(HIGHLIGHT_COLORS.map(colorName), ['Yellow', 'Green', 'Blue', 'Pink', 'Purple']);
  });

  it('labels a color with its meaning, so meaning never rests on color alone', () => {
    assert.equal(colorLabel(meanings, 'yellow'), 'Yellow · Important');
    assert.equal(colorLabel(meanings, 'purple'), 'Purple · Follow up');
  });

  it('labels a color with no meaning by its name only', () => {
    assert.equal(colorLabel({ ...meanings, green: '' }, 'green'), 'Green');
    assert.equal(colorLabel({ ...meanings, green: '   ' }, 'green'), 'Green');
  });

  it('trims the meaning the reader typed', () => {
    assert.equal(colorMeaning({ ...meanings, pink: '  To check  ' }, 'pink'), 'To check');
    assert.equal(colorLabel({ ...meanings, pink: '  To check  ' }, 'pink'), 'Pink · To check');
  });

  it('paints each color with a CSS highlight the stylesheet styles', () => {
    const css = readFileSync(new URL('../../../../renderer/styles/annotations.css', import.meta.url), 'utf8');
    const names = HIGHLIGHT_COLORS.map(highlightName);
    assert.equal(new Set(names).size, HIGHLIGHT_COLORS.length, 'one highlight per color');
    for (const name of names) assert.ok(css.includes(`::highlight(${name})`), `no ::highlight(${name}) rule`);
  });

  it('accepts only the five color names as colors', () => {
    for (const color of HIGHLIGHT_COLORS) assert.equal(isHighlightColor(color), true);
    for (const value of ['red', 'Yellow', '', ' yellow', null, undefined, 0, ['yellow'], { color: 'yellow' }]) {
      assert.equal(isHighlightColor(value), false, String(value));
    }
  });
});
