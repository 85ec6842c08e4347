/**
 * The Annotations sidebar: a heading with counts, "Add document note", filters (text, color
 * with meanings, tag), "Edit color meanings", and the list: one `<li>` per annotation in reading
 * order, grouped by section, document notes first, highlights needing review and orphans last.
 */
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import { h } from '../ui/dom';
import { allTags, countsParts, filtersActive, groupAnnotations, type AnnotationFilters } from './annotation-groups';
import { renderAnnotationItem, type ItemActions } from './annotation-item';
import type { AnnotationEntry } from './annotation-state';
import { colorMeaning, colorName, HIGHLIGHT_COLORS, type ColorMeanings, type HighlightColor } from './colors';
import { ColorMeaningsEditor } from './color-meanings-editor';
import type { NoteMarkdown } from './note-markdown';
import { relativeTime } from './relative-time';

/** What the sidebar asks of the layer, beyond the per-item actions. */
export interface SidebarActions extends ItemActions {
  addDocumentNote(): void;
  /** Goes to the next (+1) or previous (-1) highlight in the article. */
  step(direction: 1 | -1): void;
  saveMeanings(meanings: ColorMeanings): Promise<void>;
}

interface RenderedGroup {
  element: HTMLElement;
  list: HTMLUListElement;
}

/** Cached list items, reused while nothing they show has changed. */
interface CachedItem {
  key: string;
  element: HTMLLIElement;
}

/** Re-render relative times ("5 min ago") this often. */
const CLOCK_MS = 60_000;

/** The sidebar. Call `render` whenever the annotations change. */
export class AnnotationsSidebar {
  private readonly title: HTMLElement;
  private readonly counts: HTMLElement;
  private readonly addNote: HTMLButtonElement;
  private readonly stepButtons: HTMLButtonElement[];
  private readonly filterBar: HTMLElement;
  private readonly search: HTMLInputElement;
  private readonly colorBoxes = new Map<HighlightColor, { input: HTMLInputElement; text: HTMLElement }>();
  private readonly tagSelect: HTMLSelectElement;
  private readonly meaningsEditor: ColorMeaningsEditor;
  private readonly status: HTMLElement;
  private readonly groupsHost: HTMLElement;
  private readonly empty: HTMLElement;
  private readonly groups = new Map<string, RenderedGroup>();
  private readonly items = new Map<string, CachedItem>();
  private filters: AnnotationFilters = { text: '', colors: new Set(), tag: null };
  private meanings: ColorMeanings | null = null;
  private entries: readonly AnnotationEntry[] = [];
  private headings: readonly HeadingOffset[] = [];
  private activeId: string | null = null;
  /** The entry of the highlight on screen in the article (aria-current). */
  private onScreenId: string | null = null;
  private documentOpen = false;

  constructor(
    private readonly panel: HTMLElement,
    private readonly markdown: NoteMarkdown,
    private readonly actions: SidebarActions,
  ) {
    // Focusable from script only: where focus goes when the entry it was on is deleted.
    const title = h('h2', { className: 'annotations-title', id: 'annotations-title', tabindex: -1 }, 'Annotations');
    this.title = title;
    this.counts = h('p', { className: 'annotations-counts', id: 'annotations-counts' });
    this.addNote = h('button', { type: 'button', className: 'add-note-button' }, h('span', { 'aria-hidden': 'true', className: 'plus' }, '+'), 'Add document note');
    this.addNote.addEventListener('click', () => this.actions.addDocumentNote());
    this.stepButtons = (
      [
        [-1, 'Previous highlight', 'K', '↑'],
        [1, 'Next highlight', 'J', '↓'],
      ] as const
    ).map(([direction, label, key, arrow]) => {
      const button = h('button', { type: 'button', className: 'step-button', 'aria-label': label, 'aria-keyshortcuts': key, title: `${label} (${key})` }, h('span', { 'aria-hidden': 'true' }, arrow));
      button.addEventListener('click', () => this.actions.step(direction));
      return button;
    });

    this.search = h('input', { type: 'search', className: 'annotations-search', 'aria-label': 'Filter annotations', placeholder: 'Filter annotations', autocomplete: 'off' });
    this.search.addEventListener('input', () => this.setFilters({ text: this.search.value }));
    this.search.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.search.value) {
        event.stopPropagation();
        this.search.value = '';
        this.setFilters({ text: '' });
      }
    });

    const colorFilter = h('fieldset', { className: 'color-filter' }, h('legend', { className: 'visually-hidden' }, 'Show only these colors'));
    for (const color of HIGHLIGHT_COLORS) {
      const input = h('input', { type: 'checkbox', className: 'chip-input', value: color });
      const text = h('span', { className: 'chip-text' });
      input.addEventListener('change', () => {
        const colors = new Set(this.filters.colors);
        if (input.checked) colors.add(color);
        else colors.delete(color);
        this.setFilters({ colors });
      });
      this.colorBoxes.set(color, { input, text });
      colorFilter.append(h('label', { className: `color-chip color-${color}` }, input, h('span', { className: 'swatch', 'aria-hidden': 'true' }), text));
    }

    this.tagSelect = h('select', { className: 'tag-filter', 'aria-label': 'Filter by tag' });
    this.tagSelect.addEventListener('change', () => this.setFilters({ tag: this.tagSelect.value || null }));

    this.filterBar = h('div', { className: 'annotations-filters' }, h('div', { className: 'filter-row' }, this.search, this.tagSelect), colorFilter);
    this.meaningsEditor = new ColorMeaningsEditor((meanings) => this.actions.saveMeanings(meanings));
    this.status = h('p', { className: 'annotations-filter-status', role: 'status' });
    this.groupsHost = h('div', { className: 'annotation-groups' });
    this.empty = h('div', { className: 'annotations-empty' });

    panel.setAttribute('aria-labelledby', title.id);
    // The header, counts and filters stay in view while the list scrolls under them.
    panel.replaceChildren(
      h(
        'div',
        { className: 'annotations-top' },
        h('div', { className: 'annotations-head' }, title, this.addNote),
        h('div', { className: 'annotations-counts-row' }, this.counts, h('div', { className: 'step-buttons' }, ...this.stepButtons)),
        this.filterBar,
        this.status,
      ),
      this.meaningsEditor.element,
      this.groupsHost,
      this.empty,
    );
    window.setInterval(() => {
      if (!this.panel.hidden && this.documentOpen) this.redraw();
    }, CLOCK_MS);
  }

  /** Shows the colors' meanings (filters, items, the meanings editor). */
  setMeanings(meanings: ColorMeanings): void {
    const changed = JSON.stringify(meanings) !== JSON.stringify(this.meanings);
    this.meanings = meanings;
    this.meaningsEditor.set(meanings);
    for (const [color, { text }] of this.colorBoxes) {
      const meaning = colorMeaning(meanings, color);
      text.replaceChildren(meaning ? h('span', { className: 'visually-hidden' }, `${colorName(color)}: `) : '', meaning || colorName(color));
    }
    if (changed) {
      this.items.clear();
      this.redraw();
    }
  }

  /** Shows the annotations of the open document. */
  render(entries: readonly AnnotationEntry[], headings: readonly HeadingOffset[], activeId: string | null): void {
    this.panel.setAttribute('aria-busy', 'false');
    this.documentOpen = true;
    this.entries = entries;
    this.headings = headings;
    this.activeId = activeId;
    this.redraw();
  }

  /** A document is open and its annotations are on their way. */
  loading(): void {
    this.panel.setAttribute('aria-busy', 'true');
    this.documentOpen = true;
    this.entries = [];
    this.status.hidden = true;
    this.groupsHost.replaceChildren();
    this.groups.clear();
    this.counts.textContent = '';
    this.empty.replaceChildren(h('p', {}, 'Loading annotations…'));
    this.empty.hidden = false;
  }

  /** The annotations could not be loaded: says so, with a way to try again. Nothing is shown as empty. */
  failed(message: string, retry: () => void): void {
    this.panel.setAttribute('aria-busy', 'false');
    this.groupsHost.replaceChildren();
    this.groups.clear();
    this.counts.textContent = '';
    const again = h('button', { type: 'button', className: 'link-button' }, 'Try again');
    again.addEventListener('click', retry);
    this.empty.replaceChildren(h('p', { className: 'empty-title' }, 'Annotations could not be loaded'), h('p', {}, message), again);
    this.empty.hidden = false;
  }

  /** Marks the annotation whose editor is open. */
  setActive(id: string | null): void {
    if (id === this.activeId) return;
    this.activeId = id;
    this.redraw();
  }

  /** No document open. */
  clear(): void {
    this.documentOpen = false;
    this.entries = [];
    this.headings = [];
    this.activeId = null;
    this.items.clear();
    this.redraw();
  }

  /**
   * Marks the entry of the highlight on screen in the article (aria-current), and scrolls the list
   * to it unless the reader is using the list.
   */
  markOnScreen(id: string | null): void {
    if (id === this.onScreenId) return;
    this.item(this.onScreenId)?.removeAttribute('aria-current');
    this.onScreenId = id;
    const item = this.item(id);
    if (!item) return;
    item.setAttribute('aria-current', 'true');
    if (!this.panel.hidden && !this.panel.contains(document.activeElement) && !this.panel.matches(':hover')) item.scrollIntoView({ block: 'nearest' });
  }

  /** Scrolls to the group of highlights needing review, or of orphans, and moves focus to its heading. */
  revealGroup(kind: 'review' | 'orphaned'): void {
    const heading = this.panel.querySelector<HTMLElement>(`.group-${kind} .group-title`);
    if (!heading) return;
    heading.tabIndex = -1;
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    heading.scrollIntoView({ block: 'start', behavior: smooth ? 'smooth' : 'auto' });
    heading.focus({ preventScroll: true });
  }

  private item(id: string | null): HTMLElement | null {
    return id ? this.groupsHost.querySelector<HTMLElement>(`li[data-annotation-id="${CSS.escape(id)}"]`) : null;
  }

  /** Moves focus to an annotation's entry, if listed. */
  focusItem(id: string): boolean {
    const button = this.panel.querySelector<HTMLElement>(`li[data-annotation-id="${CSS.escape(id)}"] .item-open`);
    button?.focus();
    return !!button;
  }

  /** Whether a node is inside the sidebar. */
  contains(node: Node | null): boolean {
    return !!node && this.panel.contains(node);
  }

  private setFilters(patch: Partial<AnnotationFilters>): void {
    this.filters = { ...this.filters, ...patch };
    this.redraw();
  }

  private redraw(): void {
    const meanings = this.meanings;
    if (!meanings) return;
    const durable = this.entries.filter((entry) => entry.durable);
    this.addNote.disabled = !this.documentOpen;
    this.filterBar.hidden = durable.length === 0;
    // One span per count, each kept on one line: the line breaks only between counts.
    if (this.documentOpen) this.counts.replaceChildren(...countsParts(this.entries).flatMap((part, i) => [i > 0 ? ' · ' : '', h('span', { className: 'count' }, part)]));
    else this.counts.textContent = 'No document open';
    const highlights = durable.filter((entry) => entry.span && entry.annotation.kind === 'highlight').length;
    for (const button of this.stepButtons) button.disabled = highlights === 0;
    this.renderTagOptions(durable);

    const groups = groupAnnotations(this.entries, this.headings, this.filters, meanings);
    const shown = groups.reduce((sum, group) => sum + group.entries.length, 0);
    const filtering = filtersActive(this.filters);
    this.status.textContent = filtering ? `Showing ${shown} of ${durable.length}` : '';
    this.status.hidden = !filtering;
    this.renderEmpty(durable.length, shown);

    const focus = this.rememberFocus();
    const now = new Date();
    const seenItems = new Set<string>();
    const order: HTMLElement[] = [];
    const seenGroups = new Set<string>();
    for (const group of groups) {
      seenGroups.add(group.key);
      let rendered = this.groups.get(group.key);
      if (!rendered) {
        const headingId = `annotation-group-${group.key}`;
        const list = h('ul', { className: 'annotation-list' });
        const element = h('section', { className: `annotation-group group-${group.kind}`, role: 'group', 'aria-labelledby': headingId });
        element.append(h('h3', { className: 'group-title', id: headingId }), list);
        rendered = { element, list };
        this.groups.set(group.key, rendered);
      }
      const heading = rendered.element.querySelector('h3')!;
      if (heading.textContent !== group.title) heading.textContent = group.title;
      if (group.kind === 'orphaned') rendered.element.dataset.count = String(group.entries.length);
      const items = group.entries.map((entry) => {
        const { annotation } = entry;
        seenItems.add(annotation.id);
        const active = annotation.id === this.activeId;
        const key = [annotation.updatedAt, annotation.color, annotation.note.length, annotation.tags.length, annotation.status, entry.span ? 'a' : 'o', active, relativeTime(annotation.updatedAt, now)].join('|');
        const cached = this.items.get(annotation.id);
        if (cached?.key === key) return cached.element;
        const element = renderAnnotationItem(entry, { meanings, markdown: this.markdown, now, active }, this.actions);
        this.items.set(annotation.id, { key, element });
        return element;
      });
      if (!sameChildren(rendered.list, items)) rendered.list.replaceChildren(...items);
      order.push(rendered.element);
    }
    for (const key of this.groups.keys()) if (!seenGroups.has(key)) this.groups.delete(key);
    for (const id of this.items.keys()) if (!seenItems.has(id)) this.items.delete(id);
    if (!sameChildren(this.groupsHost, order)) this.groupsHost.replaceChildren(...order);
    this.item(this.onScreenId)?.setAttribute('aria-current', 'true');
    focus();
  }

  private renderTagOptions(entries: readonly AnnotationEntry[]): void {
    const tags = allTags(entries);
    this.tagSelect.hidden = tags.length === 0;
    const current = this.filters.tag;
    if (current && !tags.some((tag) => tag.toLocaleLowerCase() === current.toLocaleLowerCase())) this.filters = { ...this.filters, tag: null };
    const wanted = ['', ...tags];
    const existing = Array.from(this.tagSelect.options, (option) => option.value);
    if (wanted.join('\u0000') !== existing.join('\u0000')) {
      this.tagSelect.replaceChildren(h('option', { value: '' }, 'All tags'), ...tags.map((tag) => h('option', { value: tag }, `#${tag}`)));
    }
    this.tagSelect.value = this.filters.tag ?? '';
  }

  private renderEmpty(total: number, shown: number): void {
    if (!this.documentOpen) {
      this.empty.replaceChildren(h('p', {}, 'Open a document to see its highlights and notes here.'));
    } else if (total === 0) {
      this.empty.replaceChildren(
        h('p', { className: 'empty-title' }, 'No highlights yet'),
        h('p', {}, 'Select a passage in the article, then choose a color, or press ', h('kbd', {}, 'H'), ' to highlight it and ', h('kbd', {}, 'N'), ' to add a note.'),
      );
    } else if (shown === 0) {
      const clear = h('button', { type: 'button', className: 'link-button' }, 'Clear filters');
      clear.addEventListener('click', () => {
        this.search.value = '';
        for (const { input } of this.colorBoxes.values()) input.checked = false;
        this.setFilters({ text: '', colors: new Set(), tag: null });
        this.search.focus();
      });
      this.empty.replaceChildren(h('p', {}, 'No annotations match these filters. '), clear);
    } else {
      this.empty.replaceChildren();
    }
    this.empty.hidden = this.empty.childNodes.length === 0;
  }

  /**
   * Remembers which control of which item has focus, and returns a function that puts focus back
   * on the same control after a redraw (or on the next item when that one is gone).
   */
  private rememberFocus(): () => void {
    const active = document.activeElement;
    if (!(active instanceof HTMLElement) || !this.groupsHost.contains(active)) return () => undefined;
    const item = active.closest<HTMLElement>('li[data-annotation-id]');
    const id = item?.dataset.annotationId;
    const role = ['item-open', 'item-delete', 'item-reattach', 'item-accept', 'item-repick'].find((name) => active.classList.contains(name)) ?? 'item-open';
    const following = item?.nextElementSibling?.getAttribute('data-annotation-id') ?? item?.previousElementSibling?.getAttribute('data-annotation-id');
    return () => {
      if (this.groupsHost.contains(document.activeElement)) return;
      const find = (target: string | null | undefined, name: string) =>
        target ? this.groupsHost.querySelector<HTMLElement>(`li[data-annotation-id="${CSS.escape(target)}"] .${name}`) : null;
      (find(id, role) ?? find(id, 'item-open') ?? find(following, 'item-open') ?? this.title).focus({ preventScroll: true });
    };
  }
}

function sameChildren(parent: Element, children: readonly Element[]): boolean {
  if (parent.children.length !== children.length) return false;
  return children.every((child, i) => parent.children[i] === child);
}
