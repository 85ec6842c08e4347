/**
 * The Contents as a tree: each heading with the deeper headings under it, and how deep to show
 * it at first so that a long outline opens as an overview. Pure: tested without a page.
 */

/** A heading of the outline and the headings under it. */
export interface OutlineNode<T> {
  item: T;
  /** 1 for the shallowest headings of the document, 2 for those under them, … */
  depth: number;
  children: OutlineNode<T>[];
  parent: OutlineNode<T> | null;
}

/** Builds the tree of `items` (in document order) from their heading levels; a skipped level nests one deeper. */
export function buildOutline<T extends { level: number }>(items: readonly T[]): OutlineNode<T>[] {
  const roots: OutlineNode<T>[] = [];
  const stack: OutlineNode<T>[] = [];
  for (const item of items) {
    while (stack.length > 0 && stack[stack.length - 1]!.item.level >= item.level) stack.pop();
    const parent = stack[stack.length - 1] ?? null;
    const node: OutlineNode<T> = { item, depth: stack.length + 1, children: [], parent };
    (parent ? parent.children : roots).push(node);
    stack.push(node);
  }
  return roots;
}

/** Every node of the tree, in document order. */
export function flatten<T>(nodes: readonly OutlineNode<T>[]): OutlineNode<T>[] {
  return nodes.flatMap((node) => [node, ...flatten(node.children)]);
}

/** The deepest level of the tree (0 when empty). */
export function outlineDepth<T>(nodes: readonly OutlineNode<T>[]): number {
  return flatten(nodes).reduce((deepest, node) => Math.max(deepest, node.depth), 0);
}

/**
 * How many levels to show when a document opens: all of them while that is at most `limit`
 * entries, otherwise the most levels that stay within it (at least the top one).
 */
export function initialDepth<T>(nodes: readonly OutlineNode<T>[], limit = 40): number {
  const all = flatten(nodes);
  const deepest = outlineDepth(nodes);
  let depth = 1;
  while (depth < deepest && all.filter((node) => node.depth <= depth + 1).length <= limit) depth += 1;
  return depth;
}
