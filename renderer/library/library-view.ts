/**
 * The library view: every document the reader opened, with its location, when it was last
 * opened, how far it was read and how many annotations it has; sorted, filtered, and chosen by
 * keyboard or mouse. The start screen when no document is open, and over the open document from
 * View › Library (and its shortcut).
 *
 * The list is an ARIA listbox (one option per document, its name the title and the facts after
 * it): ↑/↓, Home and End move between documents, Enter opens the chosen one and Delete removes
 * it; the actions for the chosen document (Open, Locate… for a missing file, Remove…) are buttons
 * beside the list, since a listbox's options hold no controls.
 */
import type { LibraryEntry } from '../../main/api';
import { documentPickerAccept } from '../../main/common/document-formats';
import { fullDate, relativeTime } from '../annotations/relative-time';
import { h } from '../ui/dom';
import { arrangeLibrary, countText, LIBRARY_SORTS, locationOf, progressText, type LibrarySort } from './library-model';

/** What the view asks of the rest of the window. */
export interface LibraryViewActions {
  open(entry: LibraryEntry): void;
  remove(entry: LibraryEntry): void;
  /** The reader picked `file` as the missing document's new place. */
  locate(entry: LibraryEntry, file: File): void;
  /** "Back to the document" or Escape, when a document is open beneath. */
  close(): void;
  openFile(): void;
  openSample(): void;
}

/** A message at the top of the start screen: no document open, or why the last one did not open. */
export interface StartMessage {
  title: string;
  message: string;
}

/** The library view inside its `<section>` (index.html's #library). */
export class LibraryView {
  private entries: LibraryEntry[] = [];
  private shown: LibraryEntry[] = [];
  private selectedId: string | null = null;
  private sort: LibrarySort = 'last-opened';
  private readonly start = h('div', { className: 'library-start' });
  private readonly startTitle = h('h2', { className: 'library-start-title' });
  private readonly startMessage = h('p', { className: 'library-start-message' });
  private readonly summary = h('p', { className: 'library-summary', role: 'status' });
  private readonly filter = h('input', { type: 'search', className: 'library-filter', 'aria-label': 'Filter documents', placeholder: 'Filter by title, file or folder' });
  private readonly sortSelect = h('select', { className: 'library-sort', 'aria-label': 'Sort by' });
  private readonly list = h('ul', { className: 'library-list', role: 'listbox', 'aria-label': 'Documents' });
  private readonly empty = h('p', { className: 'library-empty' });
  private readonly backButton = h('button', { type: 'button', className: 'text-button' }, 'Back to the document');
  private readonly openButton = h('button', { type: 'button', className: 'primary-button' }, 'Open');
  private readonly locateButton = h('button', { type: 'button', className: 'text-button' }, 'Locate…');
  private readonly removeButton = h('button', { type: 'button', className: 'text-button library-remove' }, 'Remove…');
  private readonly locateInput = h('input', { type: 'file', hidden: true, className: 'library-locate-input' });

  constructor(
    private readonly root: HTMLElement,
    private readonly actions: LibraryViewActions,
  ) {
    for (const { value, label } of LIBRARY_SORTS) this.sortSelect.append(h('option', { value }, label));
    const openFile = h('button', { type: 'button', className: 'text-button' }, 'Open a document…');
    const sample = h('button', { type: 'button', className: 'text-button' }, 'Read the sample article');
    openFile.addEventListener('click', () => actions.openFile());
    sample.addEventListener('click', () => actions.openSample());
    this.start.append(this.startTitle, this.startMessage);
    this.locateInput.accept = documentPickerAccept();
    root.append(
      h(
        'div',
        { className: 'library-inner' },
        this.start,
        h('header', { className: 'library-header' }, h('h2', { id: 'library-title' }, 'Library'), this.summary, this.backButton),
        h('div', { className: 'library-controls' }, this.filter, h('label', { className: 'library-sort-label' }, 'Sort by ', this.sortSelect)),
        this.list,
        this.empty,
        h('div', { className: 'library-actions' }, this.openButton, this.locateButton, this.removeButton, h('span', { className: 'library-actions-gap' }), openFile, sample),
        this.locateInput,
      ),
    );
    root.setAttribute('aria-labelledby', 'library-title');
    this.backButton.addEventListener('click', () => actions.close());
    this.filter.addEventListener('input', () => this.render());
    this.filter.addEventListener('keydown', (event) => this.onFilterKey(event));
    this.sortSelect.addEventListener('change', () => {
      this.sort = this.sortSelect.value as LibrarySort;
      this.render();
    });
    this.list.addEventListener('keydown', (event) => this.onListKey(event));
    this.list.addEventListener('click', (event) => {
      const entry = this.entryOf(event.target);
      if (entry) this.select(entry.id, true);
    });
    this.list.addEventListener('dblclick', (event) => {
      const entry = this.entryOf(event.target);
      if (entry) actions.open(entry);
    });
    this.openButton.addEventListener('click', () => this.withSelected((entry) => actions.open(entry)));
    this.removeButton.addEventListener('click', () => this.withSelected((entry) => actions.remove(entry)));
    this.locateButton.addEventListener('click', () => this.locateChosen());
    this.locateInput.addEventListener('change', () => {
      const file = this.locateInput.files?.[0];
      this.locateInput.value = '';
      if (file) this.withSelected((entry) => actions.locate(entry, file));
    });
    root.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented || this.backButton.hidden) return;
      event.preventDefault();
      actions.close();
    });
  }

  /** Whether the view is on screen. */
  get visible(): boolean {
    return !this.root.hidden;
  }

  /**
   * Shows the library with `entries`. `start` is the start screen's message (no document open);
   * without it a document is open beneath and "Back to the document" returns to it.
   */
  show(entries: LibraryEntry[], start: StartMessage | null, options: { focus?: boolean } = {}): void {
    this.entries = entries;
    this.start.hidden = start === null;
    this.startTitle.textContent = start?.title ?? '';
    this.startMessage.textContent = start?.message ?? '';
    this.backButton.hidden = start !== null;
    this.root.hidden = false;
    this.render();
    if (options.focus) this.focusList();
  }

  /** New entries while shown (after a removal, an Undo, a file located): the choice and the filter stay. */
  update(entries: LibraryEntry[]): void {
    this.entries = entries;
    if (this.visible) this.render();
  }

  hide(): void {
    this.root.hidden = true;
  }

  /** Chooses the document with `id`, if it is listed, and moves the focus to it. */
  choose(id: string): void {
    if (this.shown.some((entry) => entry.id === id)) this.select(id, true);
  }

  /** Asks for the chosen (missing) document's new place: the Open dialog on the desktop, an upload in the browser. */
  locateChosen(): void {
    if (this.selected()) this.locateInput.click();
  }

  /** Moves the focus into the list (on the chosen document), or to the filter when the list is empty. */
  focusList(): void {
    const option = this.optionFor(this.selectedId);
    if (option) option.focus();
    else this.filter.focus();
  }

  private render(): void {
    this.shown = arrangeLibrary(this.entries, this.sort, this.filter.value);
    if (!this.shown.some((entry) => entry.id === this.selectedId)) this.selectedId = this.shown[0]?.id ?? null;
    const hadFocus = this.list.contains(document.activeElement);
    this.list.replaceChildren(...this.shown.map((entry) => this.option(entry)));
    const total = this.entries.length;
    const noun = (n: number) => `${n} document${n === 1 ? '' : 's'}`;
    this.summary.textContent = this.shown.length === total ? noun(total) : `${this.shown.length} of ${noun(total)}`;
    this.list.hidden = this.shown.length === 0;
    this.empty.hidden = this.shown.length > 0;
    this.empty.textContent = total === 0 ? 'Documents you open appear here, with how far you read and your annotations.' : `No document matches “${this.filter.value.trim()}”.`;
    this.syncButtons();
    if (hadFocus) this.focusList();
  }

  private option(entry: LibraryEntry): HTMLLIElement {
    const selected = entry.id === this.selectedId;
    const opened = h('span', { title: fullDate(entry.lastOpenedAt) }, `Opened ${relativeTime(entry.lastOpenedAt)}`);
    const option = h(
      'li',
      { role: 'option', className: 'library-entry', id: `library-entry-${entry.id}`, 'aria-selected': String(selected), tabindex: selected ? '0' : '-1', 'data-id': entry.id },
      h('span', { className: 'library-entry-title' }, entry.title || entry.fileName),
      entry.missing ? h('span', { className: 'library-missing' }, ' File missing') : null,
      h('span', { className: 'library-entry-location', title: entry.path }, locationOf(entry)),
      h('span', { className: 'library-entry-facts' }, opened, ' · ', progressText(entry.progress), ' · ', countText(entry.annotationCount)),
    );
    if (entry.missing) option.dataset.missing = 'true';
    return option;
  }

  private select(id: string, focus: boolean): void {
    this.selectedId = id;
    for (const option of this.list.children) {
      const isIt = (option as HTMLElement).dataset.id === id;
      option.setAttribute('aria-selected', String(isIt));
      option.setAttribute('tabindex', isIt ? '0' : '-1');
    }
    this.syncButtons();
    const option = this.optionFor(id);
    if (focus && option) {
      option.focus();
      option.scrollIntoView({ block: 'nearest' });
    }
  }

  private syncButtons(): void {
    const entry = this.selected();
    this.openButton.disabled = entry === undefined || entry.missing;
    this.removeButton.disabled = entry === undefined;
    this.locateButton.disabled = entry === undefined || !entry.missing;
    const title = entry ? `“${entry.title || entry.fileName}”` : '';
    this.openButton.setAttribute('aria-label', entry ? `Open ${title}` : 'Open');
    this.removeButton.setAttribute('aria-label', entry ? `Remove ${title}…` : 'Remove…');
    this.locateButton.setAttribute('aria-label', entry ? `Locate ${title}…` : 'Locate…');
  }

  private selected(): LibraryEntry | undefined {
    return this.shown.find((entry) => entry.id === this.selectedId);
  }

  private withSelected(run: (entry: LibraryEntry) => void): void {
    const entry = this.selected();
    if (entry) run(entry);
  }

  private optionFor(id: string | null): HTMLElement | null {
    if (id === null) return null;
    return ([...this.list.children] as HTMLElement[]).find((option) => option.dataset.id === id) ?? null;
  }

  private entryOf(target: EventTarget | null): LibraryEntry | undefined {
    const option = (target as Element | null)?.closest?.('[role="option"]') as HTMLElement | null;
    return option ? this.shown.find((entry) => entry.id === option.dataset.id) : undefined;
  }

  private onFilterKey(event: KeyboardEvent): void {
    if (event.key === 'ArrowDown' && this.shown.length > 0) {
      event.preventDefault();
      this.select(this.selectedId ?? (this.shown[0] as LibraryEntry).id, true);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.withSelected((entry) => this.actions.open(entry));
    } else if (event.key === 'Escape' && this.filter.value !== '') {
      // The first Escape empties the filter; the next one closes the library.
      event.preventDefault();
      this.filter.value = '';
      this.render();
    }
  }

  private onListKey(event: KeyboardEvent): void {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = this.shown.findIndex((entry) => entry.id === this.selectedId);
    let next: LibraryEntry | undefined;
    switch (event.key) {
      case 'ArrowDown':
        next = this.shown[Math.min(this.shown.length - 1, index + 1)];
        break;
      case 'ArrowUp':
        if (index <= 0) {
          event.preventDefault();
          this.filter.focus();
          return;
        }
        next = this.shown[index - 1];
        break;
      case 'Home':
        next = this.shown[0];
        break;
      case 'End':
        next = this.shown[this.shown.length - 1];
        break;
      case 'Enter':
        event.preventDefault();
        this.withSelected((entry) => this.actions.open(entry));
        return;
      case 'Delete':
        event.preventDefault();
        this.withSelected((entry) => this.actions.remove(entry));
        return;
      default:
        return;
    }
    event.preventDefault();
    if (next) this.select(next.id, true);
  }
}
