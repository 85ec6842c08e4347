import type { HeadingInfo } from '../../main/common/article/headings';
import { h } from '../ui/dom';
import { scrollToAndFocus } from './scroll-to';

/**
 * The "Contents" navigation: one link per section heading, the current section marked with
 * aria-current while the reader scrolls.
 */
export class ContentsView {
  private links = new Map<string, HTMLAnchorElement>();
  private headings: HeadingInfo[] = [];
  private current: string | null = null;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly scrollRoot: HTMLElement,
  ) {
    let frame = 0;
    scrollRoot.addEventListener(
      'scroll',
      () => {
        cancelAnimationFrame(frame);
        frame = requestAnimationFrame(() => this.markCurrent());
      },
      { passive: true },
    );
  }

  /** Shows the headings of a newly opened document. */
  show(headings: HeadingInfo[]): void {
    this.headings = headings;
    this.links.clear();
    this.current = null;
    const minLevel = Math.min(...headings.map((heading) => heading.level));
    const items = headings.map((heading) => {
      const link = h('a', { href: `#${heading.id}`, className: 'contents-link' }, heading.text);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        scrollToAndFocus(heading.element as HTMLElement);
        this.setCurrent(heading.id);
      });
      this.links.set(heading.id, link);
      return h('li', { className: `contents-item level-${Math.min(heading.level - minLevel + 1, 3)}` }, link);
    });
    this.list.replaceChildren(...items);
    if (!headings.length) this.list.replaceChildren(h('li', { className: 'panel-empty' }, 'This document has no headings.'));
    this.markCurrent();
  }

  /**
   * The heading the reader is in: the last one whose top has passed the top quarter of the view;
   * none while the reader is still in the introduction above the first.
   */
  private markCurrent(): void {
    if (!this.headings.length) return;
    const threshold = this.scrollRoot.getBoundingClientRect().top + this.scrollRoot.clientHeight * 0.25;
    let current: string | null = null;
    for (const heading of this.headings) {
      if (heading.element.getBoundingClientRect().top <= threshold) current = heading.id;
      else break;
    }
    this.setCurrent(current);
  }

  private setCurrent(id: string | null): void {
    if (id === this.current) return;
    if (this.current) this.links.get(this.current)?.removeAttribute('aria-current');
    this.current = id;
    const link = id ? this.links.get(id) : undefined;
    if (link) {
      link.setAttribute('aria-current', 'location');
      link.scrollIntoView({ block: 'nearest' });
    }
  }
}
