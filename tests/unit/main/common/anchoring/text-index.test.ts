import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { TextIndex } from '../../../../../main/common/anchoring/text-index';
import { articleFrom } from '../../../renderer/anchoring/dom';

const HTML = '<h2>Title</h2>\n<p>One <em>two</em> three</p><ul><li>alpha</li><li>beta</li></ul><table><tr><td>c1</td><td>c2</td></tr></table>';

describe('TextIndex', () => {
  it('concatenates the Text nodes of the root in document order, with nothing between them', () => {
    const { index, root } = articleFrom(HTML);
    assert.equal(index.text, 'Title\nOne two threealphabetac1c2');
    assert.equal(index.text, root.textContent);
    assert.deepEqual(index.starts, [0, 5, 6, 10, 13, 19, 24, 28, 30]);
    assert.equal(index.nodes.length, 9);
  });

  it('resolves offsets on a node border forward to the next node and backward to the previous one', () => {
    const { index } = articleFrom('<p>ab<em>cd</em>ef</p>');
    const forward = index.positionToDom(2, 'forward')!;
    assert.equal(forward.node.data, 'cd');
    assert.equal(forward.offset, 0);
    const backward = index.positionToDom(2, 'backward')!;
    assert.equal(backward.node.data, 'ab');
    assert.equal(backward.offset, 2);
    assert.equal(index.positionToDom(3, 'backward')!.node.data, 'cd');
    assert.deepEqual(
      [0, 6].map((o) => {
        const p = index.positionToDom(o, 'backward')!;
        return [p.node.data, p.offset];
      }),
      [
        ['ab', 0],
        ['ef', 2],
      ],
    );
  });

  it('skips empty Text nodes, and resolves the end of the text to the last node that holds text', () => {
    const { index, document, root } = articleFrom('<p>ab</p><p>cd</p>');
    const p = root.querySelector('p')!;
    p.append(document.createTextNode(''));
    root.append(document.createTextNode(''));
    const rebuilt = new TextIndex(root);
    assert.equal(rebuilt.nodes.length, 4);
    assert.equal(rebuilt.positionToDom(2, 'forward')!.node.data, 'cd');
    assert.equal(rebuilt.positionToDom(2, 'backward')!.node.data, 'ab');
    const end = rebuilt.positionToDom(4, 'forward')!;
    assert.equal(end.node.data, 'cd');
    assert.equal(end.offset, 2);
    assert.equal(index.text, 'abcd');
  });

  it('refuses offsets outside the text instead of moving them to its ends', () => {
    const { index } = articleFrom('<p>ab</p><p>cd</p>');
    for (const offset of [99, 5, -1, -5, 1.5, Number.NaN]) {
      assert.throws(() => index.positionToDom(offset, 'forward'), RangeError, `offset ${offset}`);
    }
    assert.throws(() => index.rangeFromOffsets(2, 99), /outside the article's text, which has 4 characters/);
    assert.throws(() => index.rangeFromOffsets(-1, 2), RangeError);
    assert.throws(() => index.rangeFromOffsets(3, 1), /ends before it starts/);
    assert.equal(index.rangeFromOffsets(0, 4).toString(), 'abcd');
    assert.equal(index.rangeFromOffsets(4, 4).collapsed, true);
  });

  it('has no DOM position when the root holds no text', () => {
    const { index } = articleFrom('<img alt="x"><hr>');
    assert.equal(index.text, '');
    assert.equal(index.positionToDom(0, 'forward'), null);
    const range = index.rangeFromOffsets(0, 0);
    assert.equal(range.collapsed, true);
    assert.deepEqual(index.offsetsFromRange(range), { start: 0, end: 0 });
  });

  it('round-trips every span through a Range', () => {
    const { index } = articleFrom(HTML);
    for (let start = 0; start <= index.text.length; start++) {
      for (let end = start; end <= index.text.length; end++) {
        const range = index.rangeFromOffsets(start, end);
        assert.equal(range.toString(), index.text.slice(start, end));
        assert.deepEqual(index.offsetsFromRange(range), { start, end }, `span ${start}-${end}`);
        if (end > start) {
          assert.equal(range.startContainer.nodeType, 3, 'starts in a Text node');
          assert.equal(range.endContainer.nodeType, 3, 'ends in a Text node');
          assert.notEqual(range.endOffset, 0, 'does not end at the start of a node');
        }
      }
    }
  });

  it('maps ranges whose boundaries are elements', () => {
    const { index, root, document } = articleFrom(HTML);
    const range = document.createRange();
    const em = root.querySelector('em')!;
    range.selectNodeContents(em);
    assert.deepEqual(index.offsetsFromRange(range), { start: 10, end: 13 });
    range.selectNode(em);
    assert.deepEqual(index.offsetsFromRange(range), { start: 10, end: 13 });
    const list = root.querySelector('ul')!;
    range.setStart(list, 1);
    range.setEnd(root.querySelector('table')!, 0);
    assert.deepEqual(index.offsetsFromRange(range), { start: 24, end: 28 });
    range.selectNodeContents(root);
    assert.deepEqual(index.offsetsFromRange(range), { start: 0, end: index.text.length });
  });

  it('maps boundaries in comments and in text added after the build', () => {
    const { root, document } = articleFrom('<p>ab<!--note-->cd</p>');
    const index = new TextIndex(root);
    const comment = root.querySelector('p')!.childNodes[1]!;
    const range = document.createRange();
    range.setStart(comment, 2);
    range.setEnd(root.querySelector('p')!.lastChild!, 1);
    assert.deepEqual(index.offsetsFromRange(range), { start: 2, end: 3 });
    root.querySelector('p')!.append(document.createTextNode('late'));
    range.setEnd(root.querySelector('p')!.lastChild!, 2);
    assert.deepEqual(index.offsetsFromRange(range), { start: 2, end: 4 });
  });

  it('clips ranges that reach outside the root, and rejects ranges wholly outside it', () => {
    const { index, document } = articleFrom(HTML);
    const header = document.querySelector('header')!.firstChild!;
    const footer = document.querySelector('footer')!.firstChild!;
    const range = document.createRange();
    range.setStart(header, 2);
    range.setEnd(index.nodes[1]!, 1);
    assert.deepEqual(index.offsetsFromRange(range), { start: 0, end: 6 });
    range.setEnd(footer, 3);
    assert.deepEqual(index.offsetsFromRange(range), { start: 0, end: index.text.length });
    range.setStart(index.nodes[2]!, 2);
    assert.deepEqual(index.offsetsFromRange(range), { start: 8, end: index.text.length });
    range.setStart(header, 0);
    range.setEnd(header, 4);
    assert.equal(index.offsetsFromRange(range), null);
    range.setStart(footer, 0);
    range.setEnd(footer, 4);
    assert.equal(index.offsetsFromRange(range), null);
  });

  it('rejects a range in another document', () => {
    const { index } = articleFrom(HTML);
    const other = new JSDOM('<p>elsewhere</p>').window.document;
    const range = other.createRange();
    range.selectNodeContents(other.querySelector('p')!);
    assert.equal(index.offsetsFromRange(range), null);
  });

  it('indexes a 1 MB article in one pass', () => {
    const paragraph = '<p>The tide turns twice a day, and <em>every</em> pool is refilled with cold, clear water.</p>\n';
    const count = 13_000; // 78 characters of text each: just over 1 MB
    const html = `<h1>Long</h1>\n${paragraph.repeat(count)}`;
    const { root } = articleFrom(html);
    const started = performance.now();
    const index = new TextIndex(root);
    const elapsed = performance.now() - started;
    assert.ok(index.text.length > 1_000_000);
    assert.equal(index.nodes.length, 2 + 4 * count);
    const middle = index.rangeFromOffsets(500_000, 500_040);
    assert.equal(middle.toString(), index.text.slice(500_000, 500_040));
    assert.deepEqual(index.offsetsFromRange(middle), { start: 500_000, end: 500_040 });
    // jsdom walks the tree far slower than a browser: this bound only catches accidental O(n²).
    assert.ok(elapsed < 2_000, `built in ${elapsed.toFixed(0)} ms`);
  });
});
