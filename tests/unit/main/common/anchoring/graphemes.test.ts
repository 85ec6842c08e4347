import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { graphemeBoundaryAfter, graphemeBoundaryBefore, isGraphemeBoundary } from '../../../../../main/common/anchoring/graphemes';

/** Every offset of `text` that is a boundary. */
function boundaries(text: string): number[] {
  const found: number[] = [];
  for (let i = 0; i <= text.length; i++) {
    if (isGraphemeBoundary(text, i)) {
      found.push(i);
    }
  }
  return found;
}

describe('grapheme boundaries', () => {
  it('fall between every pair of plain characters and at both ends', () => {
    assert.deepEqual(boundaries('abc'), [0, 1, 2, 3]);
    assert.deepEqual(boundaries(''), [0]);
  });

  it('never split a surrogate pair', () => {
    assert.deepEqual(boundaries('a\u{1F680}b'), [0, 1, 3, 4]);
  });

  it('keep combining marks with their base letter', () => {
    assert.deepEqual(boundaries('cafe\u0301!'), [0, 1, 2, 3, 5, 6]);
    assert.deepEqual(boundaries('a\u0302\u0323b'), [0, 3, 4]);
  });

  it('keep emoji sequences whole: modifiers, ZWJ families, flags', () => {
    assert.deepEqual(boundaries('\u{1F44F}\u{1F3FD}'), [0, 4]);
    assert.deepEqual(boundaries('x\u{1F468}\u200d\u{1F469}\u200d\u{1F467}y'), [0, 1, 9, 10]);
    assert.deepEqual(boundaries('\u{1F1EB}\u{1F1F7}\u{1F1E9}\u{1F1EA}'), [0, 4, 8]);
  });

  it('keep CR LF together', () => {
    assert.deepEqual(boundaries('a\r\nb'), [0, 1, 3, 4]);
  });

  it('treat Arabic and Hebrew letters as separate characters, and Arabic vowel marks as marks', () => {
    assert.deepEqual(boundaries('\u05e9\u05dc\u05d5\u05dd'), [0, 1, 2, 3, 4]);
    assert.deepEqual(boundaries('\u0643\u064e\u062a\u064e\u0628\u064e'), [0, 2, 4, 6]);
  });

  it('snap an offset outward to the nearest boundary on the chosen side', () => {
    const text = 'go \u{1F680}\u{1F680} now';
    assert.equal(graphemeBoundaryBefore(text, 4), 3);
    assert.equal(graphemeBoundaryAfter(text, 4), 5);
    assert.equal(graphemeBoundaryBefore(text, 5), 5);
    assert.equal(graphemeBoundaryAfter(text, -3), 0);
    assert.equal(graphemeBoundaryBefore(text, 99), text.length);
  });
});
