/**
 * "Search notes" (Ctrl/Cmd+Shift+F, Edit › Search Notes…): a dialog that searches the quotes,
 * notes, tags and titles of the whole library through the main side's index (`searchNotes`),
 * shows the hits grouped by document with the matched words marked, filters them by tag and
 * color, and opens the chosen one at its highlight.
 *
 * The search box is a combobox over the results listbox: ↑ and ↓ move through the hits (across
 * groups), Enter opens the one chosen, Escape closes the dialog. Typing is debounced, and an
 * answer that arrives after a newer question was asked is dropped.
 */
import type { GlossApi, HighlightColor } from '../../main/api';
import type { NotesSearchHit, NotesSearchResults } from '../../main/common/notes-search';
import { NOTES_SEARCH_LIMITS } from '../../main/common/notes-search';
import { colorName, HIGHLIGHT_COLORS } from '../annotations/colors';
import { h } from '../ui/dom';
import { markedNodes } from './marked-text';

/** Wait after a keystroke before asking: a query costs milliseconds, a short common prefix more. */
const TYPING_DEBOUNCE_MS = 120;
/** How often to ask again while the index is still loading at start. */
const INDEXING_RETRY_MS = 500;

/** What the dialog needs from the page. */
export interface NotesSearchDialogOptions {
  api: Pick<GlossApi, 'searchNotes'>;
  /** Opens a document at one of its annotations; false when it could not be opened. */
  openAt: (documentId: string, annotationId: string) => Promise<boolean>;
  reportError: (error: unknown) => void;
}

/** The Search notes dialog; one per window. */
export class NotesSearchDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly input: HTMLInputElement;
  private readonly tagInput: HTMLInputElement;
  private readonly colorBoxes = new Map<HighlightColor, HTMLInputElement>();
  private readonly status: HTMLElement;
  private readonly list: HTMLElement;
  private options: HTMLElement[] = [];
  private active = -1;
  private timer = 0;
  private asked = 0;
  private readonly settings: NotesSearchDialogOptions;

  constructor(settings: NotesSearchDialogOptions) {
    this.settings = settings;
    this.input = h('input', {
      type: 'search',
      className: 'notes-search-input',
      role: 'combobox',
      'aria-label': 'Search notes',
      'aria-expanded': 'false',
      'aria-controls': 'notes-search-results',
      'aria-autocomplete': 'list',
      placeholder: 'Quotes, notes, tags, titles…',
      autocomplete: 'off',
      maxlength: NOTES_SEARCH_LIMITS.maxQueryLength,
    });
    this.tagInput = h('input', { type: 'search', className: 'notes-search-tag', 'aria-label': 'Filter by tag', placeholder: 'Tag', autocomplete: 'off' });
    const colors = h('fieldset', { className: 'notes-search-colors' }, h('legend', { className: 'visually-hidden' }, 'Filter by color'));
    for (const color of HIGHLIGHT_COLORS) {
      const box = h('input', { type: 'checkbox' });
      this.colorBoxes.set(color, box);
      colors.append(h('label', { className: `color-chip color-${color}` }, box, h('span', { className: 'swatch', 'aria-hidden': 'true' }), colorName(color)));
    }
    this.status = h('p', { className: 'notes-search-status', role: 'status', 'aria-live': 'polite' });
    this.list = h('div', { className: 'notes-search-results', id: 'notes-search-results', role: 'listbox', 'aria-label': 'Results' });
    const close = h('button', { type: 'button', className: 'text-button' }, 'Close');
    this.dialog = h(
      'dialog',
      { className: 'notes-search-dialog', id: 'notes-search-dialog', 'aria-labelledby': 'notes-search-title' },
      h('div', { className: 'notes-search-head' }, h('h2', { id: 'notes-search-title' }, 'Search notes'), close),
      this.input,
      h('div', { className: 'notes-search-filters' }, this.tagInput, colors),
      this.status,
      this.list,
    );
    document.body.append(this.dialog);
    close.addEventListener('click', () => this.dialog.close());
    this.input.addEventListener('input', () => this.searchSoon());
    this.tagInput.addEventListener('input', () => this.searchSoon());
    colors.addEventListener('change', () => void this.search());
    this.input.addEventListener('keydown', (event) => this.onKey(event));
    this.list.addEventListener('click', (event) => {
      const option = event.target instanceof Element ? event.target.closest<HTMLElement>('[role="option"]') : null;
      if (option) void this.choose(option);
    });
    this.dialog.addEventListener('close', () => window.clearTimeout(this.timer));
  }

  /** Opens the dialog with the search box focused and its text selected, and searches again. */
  open(): void {
    if (!this.dialog.open) this.dialog.showModal();
    this.input.focus();
    this.input.select();
    void this.search();
  }

  private searchSoon(delay = TYPING_DEBOUNCE_MS): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.search(), delay);
  }

  private async search(): Promise<void> {
    window.clearTimeout(this.timer);
    const text = this.input.value;
    const tag = this.tagInput.value.trim();
    const colors = HIGHLIGHT_COLORS.filter((color) => this.colorBoxes.get(color)?.checked);
    const question = ++this.asked;
    if (text.trim() === '' && tag === '' && colors.length === 0) {
      this.show(null);
      return;
    }
    try {
      const results = await this.settings.api.searchNotes({ text, ...(tag ? { tags: [tag] } : {}), ...(colors.length ? { colors } : {}) });
      if (question !== this.asked || !this.dialog.open) return;
      this.show(results);
      if (!results.complete) this.searchSoon(INDEXING_RETRY_MS);
    } catch (error) {
      if (question === this.asked) this.settings.reportError(error);
    }
  }

  /** Draws the results (null: nothing asked yet). */
  private show(results: NotesSearchResults | null): void {
    this.list.replaceChildren();
    this.options = [];
    this.active = -1;
    this.input.removeAttribute('aria-activedescendant');
    if (results === null) {
      this.status.textContent = '';
      this.input.setAttribute('aria-expanded', 'false');
      return;
    }
    let n = 0;
    for (const [g, group] of results.groups.entries()) {
      const titleId = `notes-search-group-${g}`;
      const title = group.title.text === '' ? [document.createTextNode('A document no longer in the library')] : markedNodes(document, group.title);
      const section = h('div', { className: 'notes-search-group', role: 'group', 'aria-labelledby': titleId }, h('div', { className: 'notes-search-group-title', id: titleId, role: 'presentation' }, ...title));
      for (const hit of group.hits) {
        const option = this.hitOption(hit, `notes-search-hit-${n++}`);
        option.dataset.documentId = group.documentId;
        option.dataset.annotationId = hit.annotationId;
        section.append(option);
        this.options.push(option);
      }
      this.list.append(section);
    }
    this.input.setAttribute('aria-expanded', String(this.options.length > 0));
    const shown = this.options.length;
    const count = results.totalHits === 0 ? 'No notes found' : `${results.totalHits.toLocaleString('en')} ${results.totalHits === 1 ? 'note' : 'notes'} in ${results.totalDocuments.toLocaleString('en')} ${results.totalDocuments === 1 ? 'document' : 'documents'}${shown < results.totalHits ? ` (the best ${shown} shown)` : ''}`;
    this.status.textContent = results.complete ? count : `${count}. Still indexing (${results.progress.indexedDocuments} of ${results.progress.totalDocuments} documents)…`;
  }

  private hitOption(hit: NotesSearchHit, id: string): HTMLElement {
    const option = h('div', { className: 'notes-search-hit', role: 'option', id, 'aria-selected': 'false' });
    if (hit.color) option.append(h('span', { className: `swatch color-${hit.color}`, 'aria-hidden': 'true' }), h('span', { className: 'visually-hidden' }, `${colorName(hit.color)}: `));
    if (hit.quote) option.append(h('q', { className: 'notes-search-quote' }, ...markedNodes(document, hit.quote)));
    else option.append(h('span', { className: 'notes-search-kind' }, 'Document note'));
    if (hit.note) option.append(h('span', { className: 'notes-search-note' }, ...markedNodes(document, hit.note)));
    if (hit.tags.length > 0) option.append(h('span', { className: 'notes-search-tags' }, ...hit.tags.map((tag) => h('span', { className: 'tag-chip' }, ...markedNodes(document, tag)))));
    if (hit.status === 'orphaned') option.append(h('span', { className: 'notes-search-kind' }, ' (its passage was not found)'));
    return option;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      // A search field would only clear itself: Escape closes the dialog, as everywhere else in it.
      event.preventDefault();
      this.dialog.close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (this.options.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.setActive(this.active < 0 ? (step > 0 ? 0 : this.options.length - 1) : Math.min(this.options.length - 1, Math.max(0, this.active + step)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const option = this.options[this.active] ?? this.options[0];
      if (option) void this.choose(option);
    }
  }

  private setActive(index: number): void {
    this.options[this.active]?.setAttribute('aria-selected', 'false');
    this.active = index;
    const option = this.options[index];
    if (!option) return;
    option.setAttribute('aria-selected', 'true');
    this.input.setAttribute('aria-activedescendant', option.id);
    option.scrollIntoView({ block: 'nearest' });
  }

  private async choose(option: HTMLElement): Promise<void> {
    const { documentId, annotationId } = option.dataset;
    if (!documentId || !annotationId) return;
    this.dialog.close();
    await this.settings.openAt(documentId, annotationId);
  }
}
