import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildOutline, flatten, initialDepth, outlineDepth } from '../../../../renderer/navigation/contents-tree';

const heading = (level: number, text: string) => ({ level, text });

/** 3 parts × 8 chapters × 8 sections: 219 headings, three levels deep. */
function bigOutline() {
  const headings = [];
  for (let p = 1; p <= 3; p++) {
    headings.push(heading(2, `Part ${p}`));
    for (let c = 1; c <= 8; c++) {
      headings.push(heading(3, `Chapter ${p}.${c}`));
      for (let s = 1; s <= 8; s++) headings.push(heading(4, `Section ${p}.${c}.${s}`));
    }
  }
  return headings;
}

describe('buildOutline', () => {
  it('nests each heading under the last shallower one before it', () => {
    const tree = buildOutline([heading(2, 'A'), heading(3, 'A.1'), heading(4, 'A.1.a'), heading(3, 'A.2'), heading(2, 'B')]);
    assert.deepEqual(
      tree.map((node) => [node.item.text, node.depth, node.children.map((child) => [child.item.text, child.depth, child.children.length])]),
      [
        ['A', 1, [['A.1', 2, 1], ['A.2', 2, 0]]],
        ['B', 1, []],
      ],
    );
    assert.equal(tree[0]!.children[0]!.children[0]!.parent?.item.text, 'A.1');
  });

  it('nests a skipped level one deeper, and a heading shallower than the first at the top', () => {
    const tree = buildOutline([heading(3, 'Intro'), heading(5, 'Deep'), heading(2, 'Top')]);
    assert.deepEqual(
      flatten(tree).map((node) => [node.item.text, node.depth]),
      [
        ['Intro', 1],
        ['Deep', 2],
        ['Top', 1],
      ],
    );
  });

  it('keeps document order and every heading of a 219-heading outline', () => {
    const headings = bigOutline();
    assert.equal(headings.length, 219);
    const tree = buildOutline(headings);
    assert.equal(tree.length, 3);
    assert.deepEqual(flatten(tree).map((node) => node.item), headings);
    assert.equal(outlineDepth(tree), 3);
  });
});

describe('initialDepth', () => {
  it('shows a short outline whole', () => {
    assert.equal(initialDepth(buildOutline([heading(2, 'A'), heading(3, 'A.1'), heading(4, 'A.1.a')])), 3);
  });

  it('opens a long outline as an overview: the most levels that stay within the limit', () => {
    const tree = buildOutline(bigOutline());
    // 3 parts and 24 chapters fit in 40 entries; with the 192 sections they would not.
    assert.equal(initialDepth(tree), 2);
    assert.equal(initialDepth(tree, 10), 1);
    assert.equal(initialDepth(tree, 500), 3);
  });
});
