import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CodePointOffsets } from '../../../../../main/export/w3c/code-points';

describe('CodePointOffsets', () => {
  const text = 'a🎉b👩‍👩‍👧c\u{1F600}';

  it('counts code points, not UTF-16 units, for every offset and back', () => {
    const offsets = new CodePointOffsets(text);
    for (let utf16 = 0; utf16 <= text.length; utf16 += 1) {
      const expected = Array.from(text.slice(0, utf16)).length;
      // An offset inside a surrogate pair is never a selection's boundary; it counts as the pair's start.
      const inside = utf16 > 0 && utf16 < text.length && /[\ud800-\udbff]/.test(text.charAt(utf16 - 1));
      if (inside) continue;
      assert.equal(offsets.toCodePoints(utf16), expected, `UTF-16 offset ${utf16}`);
      assert.equal(offsets.toUtf16(expected), utf16, `code point ${expected}`);
    }
  });

  it('is the identity on text without astral characters, combining marks and RTL included', () => {
    const plain = 'e\u0301 שלום مرحبا';
    const offsets = new CodePointOffsets(plain);
    for (let i = 0; i <= plain.length; i += 1) {
      assert.equal(offsets.toCodePoints(i), i);
      assert.equal(offsets.toUtf16(i), i);
    }
  });

  it('counts a lone surrogate as one code point', () => {
    const offsets = new CodePointOffsets('x\ud800y🎉z');
    assert.equal(offsets.toCodePoints(3), 3);
    assert.equal(offsets.toCodePoints(5), 4);
    assert.equal(offsets.toUtf16(4), 5);
  });
});
