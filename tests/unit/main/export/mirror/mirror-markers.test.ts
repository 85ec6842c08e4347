import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { beginMarker, blockHash, endMarker, isMarkerLike, parseBegin, parseEnd } from '../../../../../main/export/mirror/mirror-markers';

describe('mirror markers', () => {
  it('writes begin and end markers that read back to their key and hash', () => {
    const begin = beginMarker('7f1c2a4e-1b2c', '> A quote\n\nA note.');
    assert.match(begin, /^<!-- gloss:begin 7f1c2a4e-1b2c [0-9a-f]{16} -->$/);
    assert.deepEqual(parseBegin(begin), { key: '7f1c2a4e-1b2c', hash: blockHash('> A quote\n\nA note.') });
    assert.equal(parseEnd(endMarker(':section:abc')), ':section:abc');
    assert.equal(parseBegin('  <!-- gloss:begin x 00 -->'), null, 'only at the start of a line');
    assert.equal(parseEnd('<!-- gloss:end x --> trailing words'), null);
  });

  it('hashes what a reader wrote, not what a sync tool or editor rewrote', () => {
    const text = '> A quote\n\nA note.';
    assert.equal(blockHash('> A quote  \r\n\r\nA note.\r\n'), blockHash(text));
    assert.notEqual(blockHash('> A quote\n\nA note!'), blockHash(text));
  });

  it('knows lines that could pass for markers', () => {
    assert.ok(isMarkerLike('<!-- gloss:end abc -->'));
    assert.ok(isMarkerLike('  <!--gloss:begin'));
    assert.ok(isMarkerLike('<!-- GLOSS: anything'));
    assert.ok(!isMarkerLike('<!-- a comment of mine -->'));
  });
});
