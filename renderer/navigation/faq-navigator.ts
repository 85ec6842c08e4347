import type { FaqEntry } from '../../main/common/article/faq';
import { h } from '../ui/dom';
import { scrollToAndFocus } from './scroll-to';

/**
 * The "FAQ" navigation: one link per question of the document's FAQ (its accessible name is the
 * question), a filter box, arrow keys within the list, and next/previous question commands.
 */
export class FaqNavigator {
  private entries: FaqEntry[] = [];
  private links: HTMLAnchorElement[] = [];
  private lastVisited = -1;

  constructor(
    private readonly list: HTMLOListElement,
    private readonly filter: HTMLInputElement,
    private readonly emptyMessage: HTMLElement,
  ) {
    filter.addEventListener('input', () => this.applyFilter());
    filter.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        event.preventDefault();
        this.visibleLinks()[0]?.focus();
      }
    });
    list.addEventListener('keydown', (event) => this.onListKey(event));
  }

  /** Shows the questions of a newly opened document. */
  show(entries: FaqEntry[]): void {
    this.entries = entries;
    this.lastVisited = -1;
    this.filter.value = '';
    this.filter.hidden = entries.length < 2;
    this.links = entries.map((entry, index) => {
      const link = h('a', { href: `#${entry.id}`, className: 'faq-link' }, entry.question);
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.goTo(index);
      });
      return link;
    });
    this.list.replaceChildren(...this.links.map((link) => h('li', {}, link)));
    this.emptyMessage.hidden = entries.length > 0;
    this.emptyMessage.textContent = 'This document has no FAQ section.';
  }

  /** Scrolls to question `index` and moves focus onto it in the article. */
  goTo(index: number): void {
    const entry = this.entries[index];
    if (!entry) return;
    this.lastVisited = index;
    this.links.forEach((link, i) => (i === index ? link.setAttribute('aria-current', 'true') : link.removeAttribute('aria-current')));
    scrollToAndFocus(entry.element as HTMLElement);
  }

  /** Goes to the next (+1) or previous (-1) question after the one last visited or focused. */
  step(direction: 1 | -1): boolean {
    if (!this.entries.length) return false;
    const focusedIndex = this.entries.findIndex((entry) => entry.element === document.activeElement);
    const from = focusedIndex >= 0 ? focusedIndex : this.lastVisited;
    const next = from < 0 ? (direction === 1 ? 0 : this.entries.length - 1) : from + direction;
    if (next < 0 || next >= this.entries.length) return false;
    this.goTo(next);
    return true;
  }

  private visibleLinks(): HTMLAnchorElement[] {
    return this.links.filter((link) => !(link.parentElement as HTMLElement).hidden);
  }

  private applyFilter(): void {
    const words = this.filter.value.toLocaleLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    this.entries.forEach((entry, index) => {
      const haystack = `${entry.question} ${entry.answerElements.map((e) => e.textContent ?? '').join(' ')}`.toLocaleLowerCase();
      const visible = words.every((word) => haystack.includes(word));
      (this.links[index]?.parentElement as HTMLElement).hidden = !visible;
      if (visible) shown++;
    });
    this.emptyMessage.hidden = shown > 0;
    this.emptyMessage.textContent = `No question matches "${this.filter.value}".`;
  }

  private onListKey(event: KeyboardEvent): void {
    const links = this.visibleLinks();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (index < 0) return;
    let target: HTMLAnchorElement | undefined;
    if (event.key === 'ArrowDown') target = links[index + 1];
    else if (event.key === 'ArrowUp') target = index === 0 ? undefined : links[index - 1];
    else if (event.key === 'Home') target = links[0];
    else if (event.key === 'End') target = links[links.length - 1];
    else return;
    event.preventDefault();
    if (target) target.focus();
    else if (event.key === 'ArrowUp' && !this.filter.hidden) this.filter.focus();
  }
}
