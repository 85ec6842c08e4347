import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HighlightPainter } from '../../../../renderer/annotations/highlight-painter';
import { highlightsAtPoint, offsetAtPoint } from '../../../../renderer/annotations/hit-test';
import { articleFrom, offsetOf } from '../anchoring/dom';

/*
 * jsdom does no layout, so these tests give its page the simplest one there is: every block (the
 * site header, each paragraph, the footer) is one line 20 px high, and every character is 10 px
 * wide. The caret API answers as a browser does, snapping a point past the end of a line to the
 * line's end; Range.getClientRects gives one box per line a range covers.
 */
const LINE_HEIGHT = 20;
const CHAR_WIDTH = 10;

const PARAGRAPHS = ['Alpha beta gamma delta', 'Short', 'Epsilon zeta eta theta'];

type CaretApi = 'caretPositionFromPoint' | 'caretRangeFromPoint' | 'none';

/** The article, laid out on the grid, with a painter holding `highlights` (id → quote). */
function page(highlights: Record<string, string>, caretApi: CaretApi = 'caretPositionFromPoint') {
  const { document, root, index } = articleFrom(PARAGRAPHS.map((text) => `<p>${text}</p>`).join(''));
  const lines = [document.querySelector('header')!, ...root.querySelectorAll('p'), document.querySelector('footer')!];
  const textsOf = (line: Element) => Array.from(line.childNodes).filter((node): node is Text => node.nodeType === 3);

  const caretAt = (x: number, y: number): { node: Node; offset: number } | null => {
    const line = lines[Math.floor(y / LINE_HEIGHT)];
    if (!line || x < 0) return null;
    let column = Math.round(x / CHAR_WIDTH);
    const texts = textsOf(line);
    for (const text of texts) {
      if (column <= text.length) return { node: text, offset: column };
      column -= text.length;
    }
    return { node: texts.at(-1)!, offset: texts.at(-1)!.length };
  };
  if (caretApi === 'caretPositionFromPoint') {
    Object.defineProperty(document, 'caretPositionFromPoint', {
      value: (x: number, y: number) => {
        const caret = caretAt(x, y);
        return caret && { offsetNode: caret.node, offset: caret.offset };
      },
    });
  } else if (caretApi === 'caretRangeFromPoint') {
    Object.defineProperty(document, 'caretRangeFromPoint', {
      value: (x: number, y: number) => {
        const caret = caretAt(x, y);
        if (!caret) return null;
        const range = document.createRange();
        range.setStart(caret.node, caret.offset);
        return range;
      },
    });
  }
  const DOMRect = document.defaultView!.DOMRect;
  Object.defineProperty(Object.getPrototypeOf(document.createRange()), 'getClientRects', {
    value(this: Range): DOMRect[] {
      const rects: DOMRect[] = [];
      for (const [row, line] of lines.entries()) {
        let column = 0;
        let left: number | null = null;
        let right = 0;
        for (const text of textsOf(line)) {
          const from = text === this.startContainer ? this.startOffset : 0;
          const to = text === this.endContainer ? this.endOffset : text.length;
          if (this.intersectsNode(text) && to > from) {
            left ??= column + from;
            right = column + to;
          }
          column += text.length;
        }
        if (left !== null) rects.push(new DOMRect(left * CHAR_WIDTH, row * LINE_HEIGHT, (right - left) * CHAR_WIDTH, LINE_HEIGHT));
      }
      return rects;
    },
  });

  const painter = new HighlightPainter();
  painter.sync(
    Object.entries(highlights).map(([id, quote]) => {
      const start = offsetOf(index.text, quote);
      const end = start + quote.length;
      return { id, color: 'yellow' as const, hasNote: false, needsReview: false, start, end, range: index.rangeFromOffsets(start, end) };
    }),
  );

  /** The point at the middle of the `column`-th character of paragraph `paragraph` (0-based). */
  const pointOn = (paragraph: number, column: number): [number, number] => [(column + 0.5) * CHAR_WIDTH, (paragraph + 1.5) * LINE_HEIGHT];
  /** The ids of the highlights a click at (x, y) lands on, innermost first. */
  const hits = (x: number, y: number) => highlightsAtPoint(index, painter, x, y).map((item) => item.id);
  return { index, hits, pointOn };
}

describe('highlightsAtPoint', () => {
  it('finds the highlight under a click on a highlighted word', () => {
    const { hits, pointOn } = page({ beta: 'beta' });
    assert.deepEqual(hits(...pointOn(0, 7)), ['beta']);
  });

  it('finds nothing under a click on text that is not highlighted', () => {
    const { hits, pointOn } = page({ beta: 'beta' });
    assert.deepEqual(hits(...pointOn(0, 12)), []);
    assert.deepEqual(hits(...pointOn(0, 2)), []);
  });

  it('lists overlapping highlights innermost first, so a click opens the smaller one', () => {
    const { hits, pointOn } = page({ outer: 'beta gamma', inner: 'gamma' });
    assert.deepEqual(hits(...pointOn(0, 13)), ['inner', 'outer']);
    assert.deepEqual(hits(...pointOn(0, 7)), ['outer']);
  });

  it('tells apart two highlights that touch, by the side of their border the click is on', () => {
    const { hits } = page({ first: 'Alpha ', second: 'beta' });
    // The caret lands on their shared border (offset 6) for both clicks.
    assert.deepEqual(hits(62, 30), ['second']);
    assert.deepEqual(hits(58, 30), ['first']);
  });

  it('finds nothing in the blank space after a highlighted short line, nor on the next line', () => {
    const { hits, pointOn } = page({ short: 'Short', next: 'Epsilon' });
    assert.deepEqual(hits(...pointOn(1, 2)), ['short']);
    assert.deepEqual(hits(150, 50), [], 'the caret snaps to the end of "Short", but the click is not on it');
  });

  it('finds a highlight across two lines on either line, but not past the end of the first', () => {
    const { hits, pointOn } = page({ across: 'deltaShort' });
    assert.deepEqual(hits(...pointOn(0, 19)), ['across']);
    assert.deepEqual(hits(...pointOn(1, 1)), ['across']);
    assert.deepEqual(hits(400, 30), []);
  });

  it('finds nothing for a click outside the article, on the site header or footer', () => {
    const { hits, index } = page({ alpha: 'Alpha', theta: 'theta' });
    assert.equal(offsetAtPoint(index, 15, 10), null);
    assert.deepEqual(hits(15, 10), []);
    assert.deepEqual(hits(15, 90), []);
  });

  it('works where the browser has only caretRangeFromPoint (older Chromium)', () => {
    const { hits, pointOn, index } = page({ zeta: 'zeta' }, 'caretRangeFromPoint');
    // Just right of the border between "z" and "e": the caret goes between them.
    assert.equal(offsetAtPoint(index, 91, 70), offsetOf(index.text, 'zeta') + 1);
    assert.deepEqual(hits(...pointOn(2, 9)), ['zeta']);
  });

  it('finds nothing, without failing, where the browser has no caret lookup at all', () => {
    const { hits, pointOn, index } = page({ zeta: 'zeta' }, 'none');
    assert.equal(offsetAtPoint(index, ...pointOn(2, 9)), null);
    assert.deepEqual(hits(...pointOn(2, 9)), []);
  });
});
