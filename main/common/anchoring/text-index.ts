/**
 * The rendered text of an article root and the map between its offsets and DOM positions.
 *
 * The rendered text is the concatenation of the data of every Text node under the root, in
 * document order, with nothing added between them; offsets are UTF-16 code units into it. This is
 * the coordinate system of every TextPositionSelector Gloss stores.
 */

// Spelled out rather than read from the `Node`/`NodeFilter` globals, which a DOM built by jsdom
// (tests, benchmarks) does not install.
const TEXT_NODE = 3;
const SHOW_TEXT = 0x4;
const DOCUMENT_POSITION_DISCONNECTED = 0x01;
const DOCUMENT_POSITION_PRECEDING = 0x02;
const DOCUMENT_POSITION_CONTAINS = 0x08;

/** A point in the DOM: a Text node and a code-unit offset into its data. */
export interface DomPoint {
  node: Text;
  offset: number;
}

/** A half-open span [start, end) of the rendered text. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Which Text node an offset on the border of two nodes resolves to: `forward` picks the node
 * that starts there (right for the start of a range), `backward` the node that ends there (right
 * for the end of a range, so it does not begin with an empty piece of the next node).
 */
export type ResolveDirection = 'forward' | 'backward';

/**
 * The text of a root element, indexed for conversions in both directions. Build it once after the
 * article is rendered and again whenever its text nodes change; it does not watch the DOM.
 */
export class TextIndex {
  /** The element whose text is indexed. */
  readonly root: Element;
  /** The rendered text. */
  readonly text: string;
  /** Every Text node under `root`, in document order, empty ones included. */
  readonly nodes: readonly Text[];
  /** `starts[i]` is the offset in `text` where `nodes[i]` begins. */
  readonly starts: readonly number[];
  private nodeIndexes: Map<Text, number> | null = null;

  /** Index `root` in a single TreeWalker pass. */
  constructor(root: Element) {
    const nodes: Text[] = [];
    const starts: number[] = [];
    const parts: string[] = [];
    let length = 0;
    const walker = root.ownerDocument.createTreeWalker(root, SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const data = (node as Text).data;
      nodes.push(node as Text);
      starts.push(length);
      parts.push(data);
      length += data.length;
    }
    this.root = root;
    this.text = parts.join('');
    this.nodes = nodes;
    this.starts = starts;
  }

  /**
   * The DOM point at `offset`. Returns null only when the root holds no Text node at all.
   *
   * @throws RangeError when `offset` is not a whole number from 0 to the text's length: an offset
   *   outside the text is a bug in the caller, and moving it to the nearest end would paint or
   *   select text nobody asked for.
   */
  positionToDom(offset: number, direction: ResolveDirection): DomPoint | null {
    this.checkOffset(offset);
    const { nodes, starts } = this;
    if (nodes.length === 0) {
      return null;
    }
    const at = offset;
    if (direction === 'backward' && at > 0) {
      // The last node starting strictly before `at` ends at or after it.
      const i = this.lastStartBelow(at, false);
      return { node: nodes[i]!, offset: at - starts[i]! };
    }
    let i = this.lastStartBelow(at, true);
    // At the very end of the text, prefer a node that holds text over trailing empty ones.
    while (i > 0 && nodes[i]!.data.length === 0 && starts[i] === this.text.length) {
      i -= 1;
    }
    return { node: nodes[i]!, offset: at - starts[i]! };
  }

  /**
   * A DOM Range over `text[start, end)`, starting and ending in Text nodes; when the root has no
   * text the range is collapsed at its start.
   *
   * @throws RangeError when an offset is outside the text (see `positionToDom`) or `end` is
   *   before `start`.
   */
  rangeFromOffsets(start: number, end: number): Range {
    this.checkOffset(start);
    this.checkOffset(end);
    if (end < start) {
      throw new RangeError(`The span ${start}–${end} ends before it starts.`);
    }
    const range = this.root.ownerDocument.createRange();
    const from = start;
    const to = end;
    const startPoint = this.positionToDom(from, 'forward');
    const endPoint = from === to ? startPoint : this.positionToDom(to, 'backward');
    if (!startPoint || !endPoint) {
      range.setStart(this.root, 0);
      range.collapse(true);
      return range;
    }
    range.setStart(startPoint.node, startPoint.offset);
    range.setEnd(endPoint.node, endPoint.offset);
    return range;
  }

  /**
   * The span of rendered text a Range covers. Boundaries may sit in elements as well as in Text
   * nodes; a range reaching outside the root is clipped to it. Returns null when the range lies
   * wholly outside the root or in another tree.
   */
  offsetsFromRange(range: Range): TextSpan | null {
    const start = this.offsetOfPoint(range.startContainer, range.startOffset);
    const end = this.offsetOfPoint(range.endContainer, range.endOffset);
    if (start === null || end === null) {
      return null;
    }
    if (start.side !== 0 && start.side === end.side) {
      return null;
    }
    return { start: start.offset, end: end.offset };
  }

  /**
   * The text offset of a boundary point, and on which side of the root it lies: -1 before, 0
   * inside, 1 after (clipped to 0 or the text length). Null when it cannot be compared.
   */
  private offsetOfPoint(container: Node, offset: number): { offset: number; side: -1 | 0 | 1 } | null {
    if (container === this.root || this.root.contains(container)) {
      return { offset: this.offsetInside(container, offset), side: 0 };
    }
    const side = this.sideOfRoot(container, offset);
    if (side === null) {
      return null;
    }
    return { offset: side < 0 ? 0 : this.text.length, side };
  }

  /**
   * The text offset of a boundary point inside the root. A point in an element (or a comment)
   * never falls inside a Text node: its offset is where the first Text node after it starts.
   * This walks the tree rather than comparing boundary points, which costs O(siblings) per
   * comparison in some DOMs (jsdom) and would make long flat articles slow.
   */
  private offsetInside(container: Node, offset: number): number {
    if (container.nodeType === TEXT_NODE) {
      const i = this.indexOfNode(container as Text);
      if (i !== undefined) {
        return this.starts[i]! + Math.max(0, Math.min(offset, (container as Text).data.length));
      }
      // Text added after the build is not part of the indexed text: count from the next node.
      return this.offsetOfTextFrom(container);
    }
    const child = container.childNodes[offset];
    if (child) {
      return this.offsetOfTextFrom(child);
    }
    // The point follows the container's last child: text starts again after the container.
    let node: Node = container;
    while (node !== this.root && !node.nextSibling) {
      node = node.parentNode!;
    }
    return node === this.root ? this.text.length : this.offsetOfTextFrom(node.nextSibling!);
  }

  /** Where the first indexed Text node at or after `node` (itself, inside it, or following it) starts. */
  private offsetOfTextFrom(node: Node): number {
    const walker = this.root.ownerDocument.createTreeWalker(this.root, SHOW_TEXT);
    walker.currentNode = node;
    let candidate: Node | null = node.nodeType === TEXT_NODE ? node : walker.nextNode();
    while (candidate) {
      const i = this.indexOfNode(candidate as Text);
      if (i !== undefined) {
        return this.starts[i]!;
      }
      candidate = walker.nextNode();
    }
    return this.text.length;
  }

  /** Whether a point outside the root comes before it (-1) or after it (1); null if unrelated. */
  private sideOfRoot(container: Node, offset: number): -1 | 1 | null {
    const position = this.root.compareDocumentPosition(container);
    if (position & DOCUMENT_POSITION_DISCONNECTED) {
      return null;
    }
    if (position & DOCUMENT_POSITION_CONTAINS) {
      // The container is an ancestor: the point is before the root when it is before the
      // container's child that holds the root.
      let child: Node = this.root;
      while (child.parentNode !== container) {
        child = child.parentNode!;
      }
      let index = 0;
      for (let sibling = child.previousSibling; sibling; sibling = sibling.previousSibling) {
        index += 1;
      }
      return offset <= index ? -1 : 1;
    }
    return position & DOCUMENT_POSITION_PRECEDING ? -1 : 1;
  }

  private checkOffset(offset: number): void {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.text.length) {
      throw new RangeError(`Offset ${offset} is outside the article's text, which has ${this.text.length} characters.`);
    }
  }

  /** Index of the last node whose start is below `offset` (or equal, when `inclusive`). */
  private lastStartBelow(offset: number, inclusive: boolean): number {
    const { starts } = this;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      const s = starts[mid]!;
      if (s < offset || (inclusive && s === offset)) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private indexOfNode(node: Text): number | undefined {
    if (!this.nodeIndexes) {
      // Built on first use: most indexes only ever map offsets to the DOM, never back.
      this.nodeIndexes = new Map(this.nodes.map((n, i) => [n, i]));
    }
    return this.nodeIndexes.get(node);
  }
}
