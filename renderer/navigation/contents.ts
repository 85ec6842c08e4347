import type { HeadingInfo } from '../../main/common/article/headings';
import { h } from '../ui/dom';
import { buildOutline, initialDepth, outlineDepth, type OutlineNode } from './contents-tree';
import { scrollToAndFocus } from './scroll-to';

type Node = OutlineNode<HeadingInfo>;

/** A rendered entry of the tree: its link, its fold button and the list of its subsections. */
interface Entry {
  node: Node;
  link: HTMLAnchorElement;
  twisty: HTMLButtonElement | null;
  children: HTMLOListElement | null;
}

/**
 * The "Contents" navigation: the document's sections as a tree whose branches fold (each with
 * its button, or all at once to a depth), the section being read marked with aria-current and
 * kept in view in the panel's own scroll.
 */
export class ContentsView {
  private entries = new Map<string, Entry>();
  private headings: HeadingInfo[] = [];
  private current: string | null = null;
  private marked: HTMLAnchorElement | null = null;
  private frame = 0;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly scrollRoot: HTMLElement,
    /** The "Show headings down to" choice; hidden for an outline one level deep. */
    private readonly depthChoice: HTMLSelectElement,
  ) {
    scrollRoot.addEventListener('scroll', () => this.markCurrentInNextFrame(), { passive: true });
    depthChoice.addEventListener('change', () => this.showDepth(Number(depthChoice.value)));
  }

  /** Shows the headings of a newly opened document. */
  show(headings: HeadingInfo[]): void {
    this.headings = headings;
    this.entries.clear();
    this.current = null;
    this.marked = null;
    const tree = buildOutline(headings);
    this.list.replaceChildren(...tree.map((node) => this.renderNode(node)));
    if (!headings.length) this.list.replaceChildren(h('li', { className: 'panel-empty' }, 'This document has no headings.'));
    const deepest = outlineDepth(tree);
    this.depthChoice.hidden = deepest < 2;
    const labels = (depth: number) => (depth === deepest ? 'All levels' : depth === 1 ? 'Top level only' : `${depth} levels`);
    this.depthChoice.replaceChildren(...Array.from({ length: deepest }, (_, i) => h('option', { value: i + 1 }, labels(i + 1))));
    const depth = initialDepth(tree);
    this.depthChoice.value = String(depth);
    this.foldTo(depth);
    // Finding the section on screen lays the article out: in the frame that shows it, once the
    // reading position is restored, not now, when the rest of the page (the FAQ) is still to
    // come and would have it laid out a second time.
    this.markCurrentInNextFrame(true);
  }

  private renderNode(node: Node): HTMLLIElement {
    const { item: heading } = node;
    const link = h('a', { href: `#${heading.id}`, className: 'contents-link' }, heading.text);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      scrollToAndFocus(heading.element as HTMLElement);
      this.setCurrent(heading.id);
    });
    let twisty: HTMLButtonElement | null = null;
    let children: HTMLOListElement | null = null;
    if (node.children.length > 0) {
      const id = `contents-under-${heading.id}`;
      children = h('ol', { className: 'contents-children', id });
      children.append(...node.children.map((child) => this.renderNode(child)));
      const button = h('button', { type: 'button', className: 'contents-twisty', 'aria-expanded': 'true', 'aria-controls': id, 'aria-label': `Subsections of ${heading.text}` });
      button.addEventListener('click', () => {
        this.fold(entry, button.getAttribute('aria-expanded') === 'true');
        this.markCurrent(true);
      });
      twisty = button;
    }
    const entry: Entry = { node, link, twisty, children };
    this.entries.set(heading.id, entry);
    return h('li', { className: `contents-item depth-${Math.min(node.depth, 4)}` }, h('div', { className: 'contents-row' }, twisty ?? h('span', { className: 'contents-leaf', 'aria-hidden': 'true' }), link), children);
  }

  private fold(entry: Entry, folded: boolean): void {
    if (!entry.twisty || !entry.children) return;
    entry.twisty.setAttribute('aria-expanded', String(!folded));
    entry.children.hidden = folded;
  }

  /** Shows the tree down to `depth` levels: every branch at that depth folds, those above open. */
  private showDepth(depth: number): void {
    this.foldTo(depth);
    this.markCurrent(true);
  }

  private foldTo(depth: number): void {
    for (const entry of this.entries.values()) this.fold(entry, entry.node.depth >= depth);
  }

  private markCurrentInNextFrame(force = false): void {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.markCurrent(force));
  }

  /**
   * The heading the reader is in: the last one whose top has passed the top quarter of the view;
   * none while the reader is still in the introduction above the first.
   */
  private markCurrent(force = false): void {
    if (!this.headings.length) return;
    const threshold = this.scrollRoot.getBoundingClientRect().top + this.scrollRoot.clientHeight * 0.25;
    let current: string | null = null;
    for (const heading of this.headings) {
      if (heading.element.getBoundingClientRect().top <= threshold) current = heading.id;
      else break;
    }
    this.setCurrent(current, force);
  }

  private setCurrent(id: string | null, force = false): void {
    if (id === this.current && !force) return;
    this.current = id;
    // A section folded away is marked on the nearest heading above it that shows.
    let node: Node | null = id ? (this.entries.get(id)?.node ?? null) : null;
    while (node?.parent && this.isFoldedAway(node)) node = node.parent;
    const link = node ? (this.entries.get(node.item.id)?.link ?? null) : null;
    if (link === this.marked) return;
    this.marked?.removeAttribute('aria-current');
    this.marked = link;
    if (!link) return;
    link.setAttribute('aria-current', 'location');
    keepInView(link);
  }

  private isFoldedAway(node: Node): boolean {
    for (let parent = node.parent; parent; parent = parent.parent) {
      if (this.entries.get(parent.item.id)?.children?.hidden) return true;
    }
    return false;
  }
}

/** Scrolls the list's own scrolling box (only it: never the article) so that `link` shows. */
function keepInView(link: HTMLElement): void {
  const box = link.closest<HTMLElement>('.nav-section-body');
  if (!box || box.clientHeight === 0) return;
  const outer = box.getBoundingClientRect();
  const inner = link.getBoundingClientRect();
  if (inner.top < outer.top) box.scrollTop -= outer.top - inner.top + 8;
  else if (inner.bottom > outer.bottom) box.scrollTop += inner.bottom - outer.bottom + 8;
}
