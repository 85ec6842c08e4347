/**
 * The note editor: a card floating below a highlight (or at the top of the view for document
 * notes and orphans) with the highlight's color, a Markdown note with a preview, tags, Delete and
 * Save. The note saves itself a moment after typing stops; "Saved" / "Saving…" is announced
 * politely.
 */
import type { Annotation, HighlightColor } from '../../main/api';
import { h } from '../ui/dom';
import { keyCommand, type KeyPlatform } from '../ui/keys';
import { Autosave, type SaveStatus } from './autosave';
import { colorLabel, colorMeaning, colorName, HIGHLIGHT_COLORS, type ColorMeanings } from './colors';
import { anchorBelowBlockOf, placeFloating } from './floating';
import { LIMITS } from '../../main/common/limits';
import type { NoteMarkdown } from './note-markdown';
import { wireRovingFocus } from './roving-focus';
import { TagInput } from './tag-input';

/** What the editor asks of the layer. Ids may be provisional: the layer resolves them. */
export interface NoteEditorActions {
  saveNote(id: string, note: string): Promise<void>;
  saveTags(id: string, tags: string[]): Promise<void>;
  setColor(id: string, color: HighlightColor): void;
  remove(id: string): void;
  /** The editor closed (after its last save); e.g. to drop an empty document note. */
  closed(id: string): void;
}

/** What to open the editor on. */
export interface EditorTarget {
  annotation: Annotation;
  /** The highlight's range, to float next to; null places the card at the top of the view. */
  range: Range | null;
}

const QUOTE_PREVIEW_LENGTH = 180;

/**
 * How far below a passage the rest of its paragraph may run and still be left in view above the
 * card, as a share of the reader's height: beyond it, the card stays by the passage itself.
 */
const PARAGRAPH_ROOM = 0.3;

/** The single note editor of the window. */
export class NoteEditor {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly quote: HTMLElement;
  private readonly colorGroup: HTMLElement;
  private readonly colorRadios = new Map<HighlightColor, HTMLButtonElement>();
  private readonly textarea: HTMLTextAreaElement;
  private readonly preview: HTMLElement;
  private readonly previewToggle: HTMLButtonElement;
  private readonly tags: TagInput;
  private readonly status: HTMLElement;
  private readonly deleteButton: HTMLButtonElement;
  private readonly removeNoteButton: HTMLButtonElement;
  private readonly roving: { reset(active?: HTMLElement): void };
  private readonly noteSave: Autosave<{ id: string; note: string }>;
  private readonly tagSave: Autosave<{ id: string; tags: string[] }>;
  private statuses: { note: SaveStatus; tags: SaveStatus } = { note: 'idle', tags: 'idle' };
  private id: string | null = null;
  private color: HighlightColor | null = null;
  private meanings: ColorMeanings | null = null;
  private returnFocus: HTMLElement | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly markdown: NoteMarkdown,
    private readonly actions: NoteEditorActions,
    private readonly onError: (error: unknown) => void,
    /** Cmd or Ctrl, and the mode, for the editor's keys (main/common/keymap.ts). */
    private readonly platform: KeyPlatform,
  ) {
    const noteId = 'note-editor-text';
    this.title = h('h2', { className: 'editor-title', id: 'note-editor-title' });
    const close = h('button', { type: 'button', className: 'icon-only editor-close', 'aria-label': 'Close note editor', title: 'Close (Esc)' }, '×');
    this.quote = h('blockquote', { className: 'editor-quote' });
    this.colorGroup = h('div', { className: 'editor-colors', role: 'radiogroup', 'aria-label': 'Highlight color' });
    for (const color of HIGHLIGHT_COLORS) {
      const radio = h(
        'button',
        { type: 'button', role: 'radio', className: `color-radio color-${color}`, 'aria-checked': 'false', 'aria-label': colorName(color), 'data-color': color },
        h('span', { className: 'swatch', 'aria-hidden': 'true' }),
      );
      radio.addEventListener('click', () => this.chooseColor(color));
      this.colorRadios.set(color, radio);
      this.colorGroup.append(radio);
    }
    this.roving = wireRovingFocus(this.colorGroup, () => [...this.colorRadios.values()]);
    this.colorGroup.addEventListener('keydown', (event) => {
      // Arrow keys move and select together, as in a native radio group.
      if (event.key.startsWith('Arrow')) queueMicrotask(() => (document.activeElement as HTMLElement | null)?.click());
    });

    this.previewToggle = h('button', { type: 'button', className: 'text-toggle', 'aria-pressed': 'false' }, 'Preview');
    this.textarea = h('textarea', {
      id: noteId,
      className: 'editor-text',
      rows: 4,
      maxlength: LIMITS.maxNoteLength,
      placeholder: 'Write a note… (Markdown works)',
      'aria-describedby': 'note-editor-hint',
    });
    this.preview = h('div', { className: 'editor-preview note-body', hidden: true, 'aria-label': 'Note preview', role: 'region' });
    this.tags = new TagInput('note-editor', (tags) => this.id && this.tagSave.schedule({ id: this.id, tags }));
    this.status = h('span', { className: 'editor-status', role: 'status', 'aria-live': 'polite' });
    // Each says what it takes away: the whole highlight (or document note), or only the note's text.
    this.deleteButton = h('button', { type: 'button', className: 'text-button danger' }, 'Delete highlight');
    this.removeNoteButton = h('button', { type: 'button', className: 'text-button', title: 'Clear the note and keep the highlight' }, 'Remove note');
    const save = h('button', { type: 'button', className: 'primary-button small' }, 'Save');

    this.element = h(
      'section',
      { className: 'note-editor', role: 'dialog', 'aria-labelledby': this.title.id, hidden: true },
      h('div', { className: 'editor-head' }, this.title, close),
      this.quote,
      this.colorGroup,
      h('div', { className: 'editor-label-row' }, h('label', { for: noteId, className: 'editor-label' }, 'Note'), this.previewToggle),
      this.textarea,
      this.preview,
      h('p', { className: 'editor-hint', id: 'note-editor-hint' }, 'Markdown: **bold**, _italic_, [links](https://…), lists.'),
      this.tags.element,
      h('div', { className: 'editor-foot' }, this.status, h('span', { className: 'editor-foot-actions' }, this.removeNoteButton, this.deleteButton, save)),
    );

    // Each save carries the id it was typed for: it completes even if the card has moved on.
    this.noteSave = new Autosave(
      ({ id, note }) => this.actions.saveNote(id, note),
      (status, error) => this.setStatus('note', status, error),
    );
    this.tagSave = new Autosave(
      ({ id, tags }) => this.actions.saveTags(id, tags),
      (status, error) => this.setStatus('tags', status, error),
      0,
    );
    this.textarea.addEventListener('input', () => {
      if (this.id) this.noteSave.schedule({ id: this.id, note: this.textarea.value });
      this.autoGrow();
      this.syncRemoveNote();
    });
    this.removeNoteButton.addEventListener('click', () => {
      if (!this.id) return;
      this.textarea.value = '';
      this.showPreview(false);
      this.autoGrow();
      this.syncRemoveNote();
      this.textarea.focus();
      this.noteSave.schedule({ id: this.id, note: '' });
      void this.noteSave.flush();
    });
    this.previewToggle.addEventListener('click', () => this.togglePreview());
    this.preview.addEventListener('click', (event) => this.markdown.handleLinkClick(event, this.onError));
    save.addEventListener('click', () => void this.saveNow());
    close.addEventListener('click', () => void this.close());
    this.deleteButton.addEventListener('click', () => {
      const id = this.id;
      if (!id) return;
      const focusBack = this.returnFocus;
      this.hide();
      focusBack?.focus({ preventScroll: true });
      // Saved first, so that Undo brings back the note as it was last typed.
      void Promise.all([this.noteSave.flush(), this.tagSave.flush()]).then(() => this.actions.remove(id));
    });
    this.element.addEventListener('keydown', (event) => {
      const command = keyCommand(event, this.platform, 'note');
      if (command === 'close') {
        event.preventDefault();
        event.stopPropagation();
        void this.close();
      } else if (command === 'finish-note') {
        event.preventDefault();
        void this.close();
      } else if (command === 'save-note') {
        event.preventDefault();
        void this.saveNow();
      }
    });
    host.append(this.element);
  }

  /** The id the editor is open on (possibly provisional), or null. */
  get openId(): string | null {
    return this.id;
  }

  /** True while something typed is not saved yet. */
  get dirty(): boolean {
    return this.noteSave.dirty || this.tagSave.dirty;
  }

  /** Whether a node is part of the editor. */
  contains(node: Node | null): boolean {
    return !!node && this.element.contains(node);
  }

  /** Shows the colors' meanings on the color choices. */
  setMeanings(meanings: ColorMeanings): void {
    this.meanings = meanings;
    for (const [color, radio] of this.colorRadios) radio.title = colorLabel(meanings, color);
    this.renderTitle();
  }

  /**
   * Opens the editor on an annotation (saving whatever the previous one had first). Focus moves
   * to the note when `focus` is set; Escape gives it back to `returnFocus`.
   */
  async open(target: EditorTarget, options: { focus: boolean; returnFocus?: HTMLElement | null }): Promise<void> {
    const { annotation } = target;
    if (this.id === annotation.id && !this.element.hidden) {
      // Already open on it: keep what is being typed, just bring the card back into view.
      this.place(target.range);
      if (options.focus) this.textarea.focus({ preventScroll: true });
      return;
    }
    await this.close({ restoreFocus: false });
    this.id = annotation.id;
    this.returnFocus = options.returnFocus ?? (document.activeElement instanceof HTMLElement ? document.activeElement : null);
    this.statuses = { note: 'idle', tags: 'idle' };
    this.status.textContent = '';
    delete this.status.dataset.state;
    this.textarea.value = annotation.note;
    this.tags.set(annotation.tags);
    this.showPreview(false);
    this.sync(annotation);
    this.element.hidden = false;
    this.autoGrow();
    this.place(target.range);
    if (options.focus) {
      this.textarea.focus({ preventScroll: true });
      this.textarea.setSelectionRange(this.textarea.value.length, this.textarea.value.length);
    }
  }

  /** Brings the card up to date with a change made elsewhere (color, a settled id), keeping what is typed. */
  sync(annotation: Annotation, range?: Range | null): void {
    this.color = annotation.color;
    const isHighlight = annotation.kind === 'highlight';
    this.element.dataset.kind = annotation.kind;
    this.element.dataset.color = annotation.color ?? '';
    this.colorGroup.hidden = !isHighlight;
    for (const [color, radio] of this.colorRadios) radio.setAttribute('aria-checked', String(color === annotation.color));
    const checked = annotation.color ? this.colorRadios.get(annotation.color) : undefined;
    this.roving.reset(checked);
    const exact = annotation.target?.quote.exact ?? '';
    this.quote.hidden = !exact;
    this.quote.textContent = exact.length > QUOTE_PREVIEW_LENGTH ? `${exact.slice(0, QUOTE_PREVIEW_LENGTH).trimEnd()}…` : exact;
    this.deleteButton.textContent = isHighlight ? 'Delete highlight' : 'Delete note';
    this.syncRemoveNote();
    this.renderTitle();
    if (range !== undefined) this.place(range);
  }

  /** Moves the card next to a range again (after layout changes). */
  place(range: Range | null): void {
    if (this.element.hidden) return;
    this.element.classList.toggle('is-pinned', !range);
    if (range) {
      // Always below, never over the passage or the rest of its paragraph: the layer scrolls the card into view.
      const anchor = anchorBelowBlockOf(range, this.host.clientHeight * PARAGRAPH_ROOM);
      placeFloating(this.element, this.host, anchor, { prefer: 'below', gap: 12, flip: false });
    } else {
      // No passage to sit by (a document note, an orphan): pinned near the top of the reader,
      // wherever it is scrolled.
      const view = this.host.getBoundingClientRect();
      const width = this.element.offsetWidth;
      this.element.style.setProperty('top', `${Math.round(view.top + 20)}px`);
      this.element.style.setProperty('left', `${Math.round(view.left + Math.max(8, (this.host.clientWidth - width) / 2))}px`);
      delete this.element.dataset.placement;
    }
  }

  /** Saves now and closes. Focus goes back where it came from unless told otherwise. */
  close(options: { restoreFocus?: boolean } = {}): Promise<void> {
    const id = this.id;
    if (!id) return this.closing;
    this.tags.commit();
    const focusBack = options.restoreFocus !== false && this.element.contains(document.activeElement) ? this.returnFocus : null;
    this.hide();
    focusBack?.focus({ preventScroll: true });
    const closed = Promise.all([this.noteSave.flush(), this.tagSave.flush()]).then(() => this.actions.closed(id));
    // Hidden at once, but its last save is still on its way: Ctrl/Cmd+Z pressed meanwhile waits
    // for it (whenClosed), so it undoes this sitting, not the step before.
    this.closing = closed.catch(() => undefined);
    return closed;
  }

  /** Resolves once the last close has saved and told the actions (at once when none is under way). */
  whenClosed(): Promise<void> {
    return this.closing;
  }

  private closing: Promise<void> = Promise.resolve();

  /** Saves everything pending now (the Save button, Ctrl+S, leaving the page). */
  async saveNow(): Promise<void> {
    this.tags.commit();
    if (!this.noteSave.dirty && this.id) this.noteSave.schedule({ id: this.id, note: this.textarea.value });
    await Promise.all([this.noteSave.flush(), this.tagSave.flush()]);
  }

  /** Closes without saving: the annotation is gone (deleted elsewhere, document closed). */
  discard(): void {
    this.noteSave.cancel();
    this.tagSave.cancel();
    this.hide();
  }

  private hide(): void {
    this.element.hidden = true;
    this.id = null;
  }

  private chooseColor(color: HighlightColor): void {
    if (!this.id || color === this.color) return;
    this.color = color;
    for (const [c, radio] of this.colorRadios) radio.setAttribute('aria-checked', String(c === color));
    this.element.dataset.color = color;
    this.renderTitle();
    this.actions.setColor(this.id, color);
  }

  private renderTitle(): void {
    if (this.element.dataset.kind === 'note') {
      this.title.textContent = 'Document note';
      return;
    }
    const color = this.color;
    const meaning = color && this.meanings ? colorMeaning(this.meanings, color) : '';
    this.title.replaceChildren(
      h('span', { className: `swatch color-${color ?? 'yellow'}`, 'aria-hidden': 'true' }),
      color ? `${colorName(color)} highlight` : 'Highlight',
      ...(meaning ? [h('span', { className: 'editor-meaning' }, ` · ${meaning}`)] : []),
    );
  }

  private togglePreview(): void {
    this.showPreview(this.preview.hidden);
  }

  private showPreview(show: boolean): void {
    this.previewToggle.setAttribute('aria-pressed', String(show));
    this.previewToggle.textContent = show ? 'Edit' : 'Preview';
    if (show) {
      const text = this.textarea.value.trim();
      this.preview.innerHTML = text ? this.markdown.html(text) : '';
      if (!text) this.preview.append(h('p', { className: 'muted' }, 'Nothing to preview yet.'));
    }
    this.preview.hidden = !show;
    this.textarea.hidden = show;
  }

  private setStatus(which: 'note' | 'tags', status: SaveStatus, error?: unknown): void {
    this.statuses[which] = status;
    const all = [this.statuses.note, this.statuses.tags];
    let text = '';
    if (all.includes('error')) text = 'Not saved';
    else if (all.includes('saving') || all.includes('pending')) text = 'Saving…';
    else if (all.includes('saved')) text = 'Saved';
    // Only touch the live region when the words change, so it is not re-announced.
    if (this.status.textContent !== text) this.status.textContent = text;
    this.status.dataset.state = all.includes('error') ? 'error' : text === 'Saved' ? 'saved' : text ? 'busy' : '';
    if (status === 'error') this.onError(error);
  }

  /** "Remove note" is offered for a highlight whose note has words. */
  private syncRemoveNote(): void {
    this.removeNoteButton.hidden = this.element.dataset.kind !== 'highlight' || !this.textarea.value.trim();
  }

  private autoGrow(): void {
    this.textarea.style.setProperty('height', 'auto');
    this.textarea.style.setProperty('height', `${Math.min(this.textarea.scrollHeight + 2, 320)}px`);
  }
}
