/**
 * The annotation layer: selecting, highlighting, notes, the Annotations sidebar and anchoring,
 * composed from the small modules of this folder. renderer/main.ts creates one and tells it when
 * a document is shown or closed; the colors' meanings and the last used color come from the
 * SettingsStore it is given.
 */
import type { Annotation } from '../../main/api';
import type { GlossClient } from '../api';
import type { ArticleModel } from '../article/article-view';
import type { SettingsStore } from '../settings/settings-store';
import { afterNextPaint, nextPaint } from '../ui/after-next-paint';
import { h } from '../ui/dom';
import { keyCommand } from '../ui/keys';
import type { Toasts } from '../ui/toasts';
import { AnnotationActions } from './annotation-actions';
import { AnnotationState } from './annotation-state';
import { AnnotationsSidebar } from './annotations-sidebar';
import type { ColorMeanings, HighlightColor } from './colors';
import { colorLabel } from './colors';
import { copyRangeText } from './copy-text';
import { anchorAnnotations, summaryParts } from './document-anchoring';
import { HighlightPainter, type Paintable } from './highlight-painter';
import { HighlightNavigation } from './highlight-navigation';
import { wireHighlightPointer } from './highlight-pointer';
import { NoteEditor } from './note-editor';
import { NoteMarkdown } from './note-markdown';
import { indexDocument, type OpenDocument } from './open-document';
import { revealPassage } from './reveal';
import { SelectionToolbar } from './selection-toolbar';
import { SelectionWatcher } from './selection-watcher';
import { TagManager } from './tag-manager';
import { UndoStack } from './undo-stack';

/** What the layer is given by renderer/main.ts. */
export interface AnnotationLayerDeps {
  client: GlossClient;
  toasts: Toasts;
  /** The scrolling reader that holds the article; the toolbar and editor float inside it. */
  scrollRoot: HTMLElement;
  /** The `<aside aria-label="Annotations">` to fill. */
  panel: HTMLElement;
  /** The settings' one owner: the last used color and the colors' meanings are read and changed there. */
  settings: SettingsStore;
  /** Where the sidebar is shown: docked, or floating over the article in a narrow window. */
  sidebarHost: {
    /** Shows the sidebar. */
    show(): void;
    /** Something chosen in the sidebar is about to show in the article: returns where focus goes back to afterwards. */
    makeWayFor(from: HTMLElement): HTMLElement;
  };
}

/** Highlights, notes and the Annotations sidebar for the document on screen. */
export class AnnotationLayer {
  private readonly state = new AnnotationState();
  private readonly history = new UndoStack<OpenDocument>();
  private readonly painter = new HighlightPainter();
  /** True between painting a newly opened document's highlights and listing them. */
  private listingDeferred = false;
  private readonly markdown: NoteMarkdown;
  private readonly actions: AnnotationActions;
  private readonly toolbar: SelectionToolbar;
  private readonly editor: NoteEditor;
  private readonly sidebar: AnnotationsSidebar;
  private readonly watcher: SelectionWatcher;
  private readonly tagManager: TagManager;
  private readonly navigation: HighlightNavigation;
  private readonly announcer: HTMLElement;
  private readonly resizeObserver: ResizeObserver;
  private doc: OpenDocument | null = null;
  private generation = 0;
  /** The highlight whose editor was open when the reader began the selection the toolbar shows: "Move highlight here" moves it. */
  private movable: string | null = null;
  /** The last closed note sitting, until it is recorded as a step. */
  private sessionEnding: Promise<void> = Promise.resolve();
  /** Takes away the open document's "3 highlights moved" toast: it is about that document only. */
  private dismissSummary: () => void = () => undefined;

  constructor(private readonly deps: AnnotationLayerDeps) {
    const { client, toasts, scrollRoot, panel } = deps;
    const reportError = (error: unknown) => toasts.error(error);
    this.markdown = new NoteMarkdown(client);
    this.actions = new AnnotationActions({
      api: client.api,
      state: this.state,
      toasts,
      history: this.history,
      current: () => this.doc,
      usedColor: (color) => this.rememberColor(color),
    });
    this.toolbar = new SelectionToolbar(
      scrollRoot,
      {
        highlight: (range, color) => this.highlight(range, color ?? this.lastColor, false),
        addNote: (range) => this.highlight(range, this.lastColor, true),
        copy: (range) => void this.copy(range),
        moveHere: (range) => void this.retarget(this.movable, 'Move', range),
      },
      () => {
        this.hideToolbar();
        scrollRoot.focus({ preventScroll: true });
      },
    );
    this.editor = new NoteEditor(
      scrollRoot,
      this.markdown,
      {
        saveNote: (id, note) => this.actions.saveNote(id, note),
        saveTags: (id, tags) => this.actions.saveTags(id, tags),
        setColor: (id, color) => void this.actions.setColor(id, color),
        remove: (id) => void this.actions.remove(id),
        closed: (id) => this.onEditorClosed(id),
      },
      reportError,
      client,
    );
    this.sidebar = new AnnotationsSidebar(panel, this.markdown, {
      open: (id, from) => void this.open(id, { focus: true, scroll: true, returnFocus: this.deps.sidebarHost.makeWayFor(from) }),
      step: (direction) => this.stepHighlight(direction),
      remove: (id) => void this.actions.remove(id),
      reattach: (id) => void this.retarget(id, 'Re-attach'),
      accept: (id) => void this.accept(id),
      addDocumentNote: () => void this.addDocumentNote(),
      manageTags: () => void this.tagManager.open(),
      saveMeanings: (meanings) => this.saveMeanings(meanings),
      onError: reportError,
    });
    this.tagManager = new TagManager(client.api, () => this.refreshTags());
    this.watcher = new SelectionWatcher({
      scope: scrollRoot,
      article: () => this.doc?.model.root ?? null,
      isOwnElement: (node) => this.toolbar.contains(node) || this.editor.contains(node),
      onChange: (range) => this.onSelection(range),
    });
    // What the keyboard hears of highlights it reaches: a polite live region, apart from the toasts' status.
    this.announcer = h('p', { className: 'visually-hidden', 'aria-live': 'polite' });
    scrollRoot.append(this.announcer);
    this.navigation = new HighlightNavigation({
      scrollRoot,
      painter: this.painter,
      markOnScreen: (id) => this.sidebar.markOnScreen(id),
      open: (id) => void this.open(id, { focus: true, scroll: false, returnFocus: scrollRoot }),
      announce: (text) => (this.announcer.textContent = text),
      describe: (id) => this.describe(id),
    });
    this.state.subscribe(() => this.redraw());
    // Text reflows (window resized, text size or line width changed): move the floating parts along.
    this.resizeObserver = new ResizeObserver(() => this.reposition());
    wireHighlightPointer({
      scrollRoot,
      painter: this.painter,
      current: () => this.doc,
      isOwnElement: (node) => this.toolbar.contains(node) || this.editor.contains(node),
      onHits: (hits) => this.onHighlightClick(hits),
      onMiss: () => {
        this.navigation.setCurrent(null);
        if (this.editor.openId) void this.editor.close({ restoreFocus: false });
      },
    });
    document.addEventListener('keydown', (event) => this.onKeyDown(event));
    window.addEventListener('beforeunload', (event) => this.onBeforeUnload(event));
    window.addEventListener('pagehide', () => void this.editor.saveNow());
    this.sidebar.clear();
    deps.settings.subscribe((_settings, changed) => {
      if (changed.has('lastColor') || changed.has('colorMeanings')) this.applySettings();
    });
  }

  /**
   * A document was rendered: load its annotations, anchor, paint and list them. `listing` is
   * the annotations already asked for while the article was rendering, to save a round trip.
   */
  async show(model: ArticleModel, listing?: Promise<Annotation[]>): Promise<void> {
    const generation = ++this.generation;
    const articleDrawn = nextPaint();
    this.leaveDocument();
    // Not current until its annotations are in: a highlight made before would be wiped by them.
    this.doc = null;
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(model.root);
    const { api } = this.deps.client;
    const { id: documentId, contentHash } = model.document;
    this.sidebar.loading();
    let annotations;
    try {
      annotations = await (listing ?? api.listAnnotations({ documentId }));
    } catch (error) {
      if (generation !== this.generation) return;
      this.deps.toasts.error(error);
      this.sidebar.failed(error instanceof Error ? error.message : String(error), () => void this.show(model));
      return;
    }
    // Highlights are anchored as soon as they arrive, so that the frame showing the article can
    // show them too; with none to paint, that frame comes first and the text index after it.
    if (!annotations.some((annotation) => annotation.kind === 'highlight' && annotation.target !== null)) await articleDrawn;
    if (generation !== this.generation) return;
    const doc = indexDocument(model);
    const result = anchorAnnotations(doc.index, doc.outline, annotations, contentHash);
    this.actions.adopt(annotations);
    this.doc = doc;
    // What Undo can reach is what was done in this rendering of the document.
    this.history.keepOnly(doc);
    // Paint first, list after: with a thousand annotations, building the sidebar takes longer
    // than painting every highlight, and the article is what the reader looks at first.
    this.listingDeferred = true;
    this.state.reset(result.entries);
    this.state.flush();
    this.markPainted();
    afterNextPaint(() => {
      performance.mark('gloss:annotations-on-screen');
      if (generation !== this.generation || !this.listingDeferred) return;
      this.listingDeferred = false;
      this.renderList();
      performance.mark('gloss:annotations-listed');
    });
    // A selection made while loading gets its toolbar now.
    this.watcher.report();
    if (result.updates.length > 0) {
      try {
        await api.saveAnchoring({ documentId, contentHash, updates: result.updates });
      } catch (error) {
        this.deps.toasts.error(error);
      }
    }
    // The counts that need the reader link to their groups in the sidebar. A notice: it is what
    // the document's highlights did, not an answer to the reader, so an answer does not replace it.
    const summary = summaryParts(result.summary).map((part) => (part.group ? { label: part.text, run: () => this.revealGroup(part.group!) } : part.text));
    if (summary.length > 0 && generation === this.generation) this.dismissSummary = this.deps.toasts.show(summary, { timeoutMs: summary.some((part) => typeof part !== 'string') ? 20_000 : undefined, notice: true });
  }

  /**
   * Tells tests and `npm run bench` that every anchored highlight of the document is handed to
   * the painter: a performance mark, and the count on <html data-annotations-painted>. Once the
   * frame showing them is drawn, 'gloss:annotations-on-screen' follows.
   */
  private markPainted(): void {
    const painted = this.state.all().filter((entry) => entry.span && entry.annotation.color).length;
    document.documentElement.dataset.annotationsPainted = String(painted);
    performance.mark('gloss:annotations-painted');
  }

  /** Where the sidebar keeps other parts' tools (Export…, Import…, Copy as Markdown). */
  get sidebarTools(): HTMLElement {
    return this.sidebar.tools;
  }

  /** The document whose annotations are shown, or null. */
  get documentId(): string | null {
    return this.doc?.model.document.id ?? null;
  }

  /** "Copy as Markdown": the annotation whose editor is open, else every one the sidebar lists after its filters. */
  selectedOrShownIds(): string[] {
    const open = this.editor.openId ? this.state.get(this.editor.openId) : undefined;
    if (open?.durable) return [open.annotation.id];
    return this.sidebar.shownIds();
  }

  /**
   * Reveals an annotation of the document shown (an annotation link): scrolls to its passage,
   * flashes it and opens its note, as a click in the sidebar does. An orphan has no passage: its
   * entry in the sidebar gets the focus. Says which it was, or 'missing'.
   */
  async revealAnnotation(id: string): Promise<'shown' | 'orphaned' | 'missing'> {
    const entry = this.state.get(id);
    if (!entry?.durable) return 'missing';
    if (this.listingDeferred) {
      this.listingDeferred = false;
      this.renderList();
    }
    if (!entry.span && entry.annotation.kind === 'highlight') {
      this.sidebar.focusItem(id);
      return 'orphaned';
    }
    await this.open(id, { focus: true, scroll: true, returnFocus: null });
    return 'shown';
  }

  /**
   * Scrolls to an annotation of the document on screen, flashes it and opens its note: how a
   * search result (or a link) shows "that document at that highlight". False when it is not there.
   */
  async reveal(annotationId: string): Promise<boolean> {
    if (!this.state.get(annotationId)) return false;
    await this.open(annotationId, { focus: true, scroll: true, returnFocus: this.deps.scrollRoot });
    return true;
  }

  /** No document open. */
  clear(): void {
    this.generation += 1;
    this.leaveDocument();
    this.doc = null;
    this.sidebar.clear();
  }

  private leaveDocument(): void {
    this.listingDeferred = false;
    this.dismissSummary();
    // Whatever was typed is saved: each save carries the id it belongs to.
    void this.editor.close({ restoreFocus: false });
    this.hideToolbar();
    this.state.reset([]);
    this.state.flush();
    this.painter.clear();
    this.navigation.clear();
  }

  private reposition(): void {
    const openId = this.editor.openId;
    const entry = openId ? this.actions.entry(openId) : undefined;
    if (entry) this.editor.place(entry.span?.range ?? null);
    const selection = this.toolbar.selection;
    if (selection) this.toolbar.show(selection, { canMove: this.movable !== null });
  }

  private get lastColor(): HighlightColor {
    return this.deps.settings.current?.lastColor ?? 'yellow';
  }

  private get meanings(): ColorMeanings {
    return this.deps.settings.current?.colorMeanings ?? { yellow: '', green: '', blue: '', pink: '', purple: '' };
  }

  private applySettings(): void {
    this.toolbar.setColors(this.meanings, this.lastColor);
    this.editor.setMeanings(this.meanings);
    this.sidebar.setMeanings(this.meanings);
  }

  private rememberColor(color: HighlightColor): void {
    if (this.deps.settings.current?.lastColor === color) return;
    // Not worth an error message: a refused change is rolled back, and the color it had stays.
    this.deps.settings.change({ lastColor: color }).catch(() => undefined);
  }

  private async saveMeanings(colorMeanings: ColorMeanings): Promise<void> {
    await this.deps.settings.change({ colorMeanings });
  }

  /** Paints and lists what the state holds; keeps the editor and selection marks in step. */
  private redraw(): void {
    const entries = this.state.all();
    const paintable: Paintable[] = [];
    for (const { annotation, span } of entries) {
      if (!span || !annotation.color) continue;
      const needsReview = annotation.status === 'needs-review';
      paintable.push({ id: annotation.id, color: annotation.color, hasNote: annotation.note.trim() !== '', needsReview, start: span.start, end: span.end, range: span.range });
    }
    this.painter.sync(paintable);
    const openId = this.editor.openId;
    const open = openId ? this.actions.entry(openId) : undefined;
    // Deleted elsewhere, or its create failed: nothing left to edit.
    if (openId && !open) this.editor.discard();
    if (open) this.editor.sync(open.annotation);
    const activeId = open?.annotation.id ?? null;
    this.painter.select(activeId);
    this.navigation.update(entries, (id) => this.state.resolve(id));
    if (!this.listingDeferred) this.renderList();
  }

  /** Lists what the state holds in the sidebar. */
  private renderList(): void {
    const openId = this.editor.openId;
    const activeId = openId && this.state.get(openId) ? openId : null;
    this.sidebar.render(this.state.all(), this.doc?.headings ?? [], activeId);
  }

  private highlight(range: Range, color: HighlightColor, withNote: boolean): void {
    const id = this.actions.highlight(range, color);
    const focusWasInToolbar = this.toolbar.contains(document.activeElement);
    document.getSelection()?.removeAllRanges();
    this.hideToolbar();
    if (!id) return;
    // The new highlight is where the reader's attention is: the keyboard is on it now.
    this.navigation.setCurrent(id);
    if (withNote) void this.open(id, { focus: true, scroll: false, returnFocus: this.deps.scrollRoot });
    else if (focusWasInToolbar || !this.deps.scrollRoot.contains(document.activeElement)) focusQuietly(this.deps.scrollRoot);
  }

  /** Goes to the next or previous highlight (J and K, the sidebar's arrows). */
  private stepHighlight(direction: 1 | -1): boolean {
    if (!this.navigation.step(direction)) return false;
    if (!this.deps.scrollRoot.contains(document.activeElement) && !this.sidebar.contains(document.activeElement)) focusQuietly(this.deps.scrollRoot);
    return true;
  }

  /** "Yellow · Important highlight: “The new strategic…”", as the keyboard hears a highlight it reaches. */
  private describe(id: string): string {
    const annotation = this.state.get(id)?.annotation;
    if (!annotation?.color) return 'Highlight';
    const quote = (annotation.target?.quote.exact ?? '').replace(/\s+/g, ' ').trim();
    return `${colorLabel(this.meanings, annotation.color)} highlight: “${quote.length > 80 ? `${quote.slice(0, 80).trimEnd()}…` : quote}”`;
  }

  /** Shows the sidebar's group of highlights needing review, or of orphans (from the anchoring toast). */
  private revealGroup(group: 'review' | 'orphaned'): void {
    this.deps.sidebarHost.show();
    this.sidebar.revealGroup(group);
  }

  /** Opens an annotation's editor; from the sidebar, also scrolls to the highlight and flashes it. */
  private async open(id: string, options: { focus: boolean; scroll: boolean; returnFocus: HTMLElement | null }): Promise<void> {
    const entry = this.actions.entry(id);
    if (!entry) return;
    const range = entry.span?.range ?? null;
    const already = this.editor.openId === id;
    await this.editor.open({ annotation: entry.annotation, range }, { focus: options.focus, returnFocus: options.returnFocus });
    if (!already) this.actions.beginSession(id);
    if (range) revealPassage(this.deps.scrollRoot, range, this.editor.element, options.scroll);
    if (range && options.scroll) this.painter.flash(entry.annotation.id);
    this.redraw();
  }

  private onEditorClosed(id: string): void {
    // Back in the article, the keyboard is on the highlight whose note just closed.
    if (this.deps.scrollRoot.contains(document.activeElement)) this.navigation.setCurrent(this.state.get(id)?.span ? this.state.resolve(id) : null);
    this.redraw();
    // The sitting's note and tags become one undo step; an empty document note is not kept.
    this.sessionEnding = this.actions.endSession(id);
  }

  private async addDocumentNote(): Promise<void> {
    const draft = this.actions.draftDocumentNote();
    if (!draft) return;
    await this.editor.open({ annotation: draft.annotation, range: null }, { focus: true, returnFocus: null });
    this.actions.beginSession(draft.annotation.id);
  }

  /**
   * Points a highlight at the passage selected in the article: Re-attach from the sidebar, or
   * "Move highlight here" from the toolbar for the highlight that was open (`this.movable`).
   */
  private async retarget(id: string | null, kind: 'Re-attach' | 'Move', range = this.watcher.current() ?? this.toolbar.selection): Promise<void> {
    if (!id) return;
    if (!range) {
      this.deps.toasts.show('First select the passage in the article, then press Re-attach.');
      return;
    }
    if (await this.actions.retarget(id, range, kind)) {
      document.getSelection()?.removeAllRanges();
      this.hideToolbar();
      // From the toolbar, which is gone now: the reading goes on where the highlight is.
      if (kind === 'Move') this.deps.scrollRoot.focus({ preventScroll: true });
      this.deps.toasts.show(kind === 'Move' ? 'Highlight moved.' : 'Highlight re-attached.');
      this.state.flush();
      this.painter.flash(this.state.resolve(id));
    }
  }

  /** Keeps the span found for a highlight needing review: its passage is now what the span covers. */
  private async accept(id: string): Promise<void> {
    const range = this.state.get(id)?.span?.range;
    if (range && (await this.actions.retarget(id, range, 'Accept'))) {
      this.deps.toasts.show('Highlight kept on the passage as it now reads.');
      this.state.flush();
    }
  }

  /** Tags were renamed across the library: the open document's annotations take their new ones. */
  private async refreshTags(): Promise<void> {
    const doc = this.doc;
    if (!doc) return;
    const stored = await this.deps.client.api.listAnnotations({ documentId: doc.model.document.id });
    if (this.doc !== doc) return;
    for (const annotation of stored) {
      const entry = this.state.get(annotation.id);
      if (entry && entry.annotation.tags.join('\u0000') !== annotation.tags.join('\u0000')) {
        this.state.update({ ...entry.annotation, tags: annotation.tags, updatedAt: annotation.updatedAt });
      }
    }
  }

  private hideToolbar(): void {
    this.toolbar.hide();
    this.movable = null;
  }

  private async copy(range: Range): Promise<void> {
    if (!(await copyRangeText(range))) {
      this.deps.toasts.show(`Copying was refused. Use ${this.deps.client.isMac ? '⌘C' : 'Ctrl+C'} instead.`, { kind: 'error' });
      return;
    }
    this.hideToolbar();
    this.deps.toasts.show('Copied.', { timeoutMs: 2000 });
  }

  private onSelection(range: Range | null): void {
    if (range) {
      this.navigation.setCurrent(null);
      const openId = this.editor.openId;
      // A highlight open while its reader selects another passage can be moved there.
      if (openId) {
        this.movable = this.state.get(openId)?.annotation.kind === 'highlight' ? this.state.resolve(openId) : null;
        void this.editor.close({ restoreFocus: false });
      } else if (!this.toolbar.visible) {
        this.movable = null;
      }
      this.toolbar.show(range, { canMove: this.movable !== null });
    } else if (!this.toolbar.contains(document.activeElement)) {
      this.hideToolbar();
    }
  }

  /** Highlights under a click: the innermost opens; clicking again opens the next one under it. */
  private onHighlightClick(hits: Paintable[]): void {
    const openId = this.editor.openId ? this.state.resolve(this.editor.openId) : null;
    const at = hits.findIndex((hit) => hit.id === openId);
    const next = hits[(at + 1) % hits.length]!;
    void this.open(next.id, { focus: true, scroll: false, returnFocus: this.deps.scrollRoot });
  }

  private onKeyDown(event: KeyboardEvent): void {
    // An inert article is covered (by the library): its keys must not change what cannot be seen.
    if (event.defaultPrevented || this.deps.scrollRoot.inert) return;
    const command = keyCommand(event, this.deps.client);
    if ((command === 'undo' || command === 'redo') && this.doc) {
      event.preventDefault();
      void this.undoOrRedo(command);
    } else if (command === 'close') {
      if (this.editor.openId) {
        event.preventDefault();
        void this.editor.close();
      } else if (this.toolbar.visible) {
        event.preventDefault();
        this.hideToolbar();
      } else if (this.navigation.current) {
        event.preventDefault();
        this.navigation.setCurrent(null);
      }
    } else if (command === 'next-highlight' || command === 'previous-highlight') {
      if (this.stepHighlight(command === 'next-highlight' ? 1 : -1)) event.preventDefault();
    } else if (command === 'open-current-highlight') {
      // Enter on a button or link is that control's own; only the reading view's Enter opens the note.
      const active = document.activeElement;
      if ((active === document.body || active === this.deps.scrollRoot) && document.getSelection()?.isCollapsed !== false && this.navigation.openCurrent()) event.preventDefault();
    } else if (command === 'highlight' || command === 'highlight-with-note') {
      const range = this.watcher.current() ?? this.toolbar.selection;
      if (!range) return;
      event.preventDefault();
      this.highlight(range, this.lastColor, command === 'highlight-with-note');
    } else if (command === 'focus-toolbar' && this.toolbar.visible && !this.toolbar.contains(document.activeElement) && !this.editor.contains(document.activeElement)) {
      // From the selection, Tab goes to its toolbar first.
      const active = document.activeElement;
      if (!active || active === document.body || this.deps.scrollRoot.contains(active)) {
        event.preventDefault();
        this.toolbar.focus();
      }
    }
  }

  /** Ctrl/Cmd+Z and its redo keys. An open note is closed (and saved) first: its sitting is then the newest step. */
  private async undoOrRedo(command: 'undo' | 'redo'): Promise<void> {
    if (this.editor.openId) await this.editor.close();
    await this.editor.whenClosed();
    await this.sessionEnding;
    if (command === 'undo') await this.actions.undo();
    else await this.actions.redo();
  }

  private onBeforeUnload(event: BeforeUnloadEvent): void {
    if (!this.editor.dirty) return;
    void this.editor.saveNow();
    // In a browser tab, ask before leaving with a note still unsaved; the desktop app closes only
    // after the main side has the last save (Electron shows no prompt and would just refuse).
    if (this.deps.client.mode === 'browser') event.preventDefault();
  }
}

/**
 * Focuses the reading view without the focus ring a keyboard action would otherwise draw: the
 * reader's attention is on the highlight (marked), not on the pane.
 */
function focusQuietly(element: HTMLElement): void {
  element.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
}

