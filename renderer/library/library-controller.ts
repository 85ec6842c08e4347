/**
 * The library view's behaviour: showing it (as the start screen, or over the open document),
 * opening a document from it, removing one after a confirmation that says what goes with it,
 * Undo, and Locate… for a document whose file is missing.
 */
import type { LibraryEntry, OpenedDocument } from '../../main/api';
import { TRASH_KEEP_DAYS } from '../../main/common/limits';
import type { GlossClient } from '../api';
import { fileToBase64, refusalOf } from '../open/document-opener';
import { askChoice } from '../ui/choice-dialog';
import type { Toasts } from '../ui/toasts';
import { countText, removalQuestion } from './library-model';
import { LibraryView, type StartMessage } from './library-view';

/** What the controller needs from the rest of the window (renderer/main.ts). */
export interface LibraryControllerDeps {
  client: GlossClient;
  toasts: Toasts;
  /** index.html's #library section. */
  root: HTMLElement;
  /** The window's layout, told which view shows (`data-view`). */
  app: HTMLElement;
  /** What the library covers: made inert while it shows, so neither the keyboard nor a screen reader wanders there. */
  covered: readonly HTMLElement[];
  /** Opens a library document at its reading position; false when it could not be opened (the reader was told why). */
  openDocument(documentId: string): Promise<boolean>;
  /** Opens what `load` returns, as every other way of opening does (identity questions, errors). */
  openWith(load: () => Promise<OpenedDocument>): Promise<OpenedDocument | null>;
  /** The id of the document on screen, or null. */
  currentDocumentId(): string | null;
  /** The document on screen was removed from the library: show the start screen instead. */
  documentRemoved(): void;
  /** File › Open… and the sample, offered on the start screen. */
  openFile(): void;
  openSample(): void;
  /** Gives the focus back to the reading view when the library closes over a document. */
  returnFocus(): void;
}

/** The library view and what it does. */
export class LibraryController {
  private readonly view: LibraryView;
  private start: StartMessage | null = null;
  /** Counts shows and hides, so a listing that arrives after the library was closed is not shown. */
  private generation = 0;

  constructor(private readonly deps: LibraryControllerDeps) {
    this.view = new LibraryView(deps.root, {
      open: (entry) => void this.open(entry),
      remove: (entry) => void this.remove(entry),
      locate: (entry, file) => void this.locateFile(entry, file),
      close: () => this.close(),
      openFile: () => deps.openFile(),
      openSample: () => deps.openSample(),
    });
  }

  /** Whether the library is on screen. */
  get visible(): boolean {
    return this.view.visible;
  }

  /** The start screen: no document is open, and `message` says so (or why the last one did not open). */
  async showStart(message: StartMessage): Promise<void> {
    this.start = message;
    await this.show();
  }

  /** Shows the library: over the open document, or as the start screen when none is. */
  async show(options: { focus?: boolean } = { focus: true }): Promise<void> {
    const generation = ++this.generation;
    const entries = await this.list();
    if (generation !== this.generation) return;
    const start = this.deps.currentDocumentId() === null ? (this.start ?? { title: 'No document open', message: 'Open a Markdown or plain-text file, or drop one here.' }) : null;
    this.view.show(entries, start, options);
    this.deps.app.dataset.view = 'library';
    for (const element of this.deps.covered) element.inert = true;
  }

  /** Takes the library off the screen (a document is being shown). */
  hide(): void {
    this.generation += 1;
    if (!this.view.visible) return;
    this.view.hide();
    delete this.deps.app.dataset.view;
    for (const element of this.deps.covered) element.inert = false;
  }

  /** View › Library and its shortcut: shows the library, or goes back to the open document. */
  toggle(): void {
    if (this.view.visible && this.deps.currentDocumentId() !== null) this.close();
    else void this.show();
  }

  /** Locate… for a document whose file is gone (the notice above it): the library with it chosen, and the file picker. */
  async locate(documentId: string): Promise<void> {
    await this.show({ focus: false });
    this.view.choose(documentId);
    this.view.locateChosen();
  }

  /** Lists the library again (after a change made elsewhere), keeping the reader's choice. */
  async refresh(): Promise<void> {
    if (this.view.visible) this.view.update(await this.list());
  }

  private close(): void {
    if (this.deps.currentDocumentId() === null) return;
    this.hide();
    this.deps.returnFocus();
  }

  private async list(): Promise<LibraryEntry[]> {
    try {
      return await this.deps.client.api.listLibrary({});
    } catch (error) {
      this.deps.toasts.error(error);
      return [];
    }
  }

  private async open(entry: LibraryEntry): Promise<void> {
    if (entry.missing) {
      this.deps.toasts.show(`“${entry.title}” is no longer at ${entry.path}. Use Locate… to show Gloss where it is now; its annotations are kept.`, {
        kind: 'error',
        action: { label: 'Locate…', run: () => this.view.locateChosen() },
      });
      return;
    }
    // A file gone since the list was made is shown as missing now.
    if (!(await this.deps.openDocument(entry.id))) await this.refresh();
  }

  private async remove(entry: LibraryEntry): Promise<void> {
    const { api } = this.deps.client;
    let count: number;
    try {
      // Counted now, so the question says exactly what goes.
      count = (await api.listAnnotations({ documentId: entry.id })).length;
    } catch (error) {
      this.deps.toasts.error(error);
      return;
    }
    const title = entry.title || entry.fileName;
    const confirmed = await askChoice({
      question: removalQuestion(title, count),
      detail: `The file itself stays where it is. You can undo this at once, or find the annotations in the data folder's trash for ${TRASH_KEEP_DAYS} days.`,
      choices: [
        { label: 'Remove', value: true, danger: true },
        { label: 'Cancel', value: false },
      ],
      cancel: false,
      focus: false,
    });
    if (!confirmed) {
      this.view.focusList();
      return;
    }
    let removed;
    try {
      removed = await api.removeDocument({ documentId: entry.id });
    } catch (error) {
      this.deps.toasts.error(error);
      return;
    }
    if (this.deps.currentDocumentId() === entry.id) this.deps.documentRemoved();
    else await this.refresh();
    this.view.focusList();
    const what = removed.annotationCount === 0 ? `“${title}”` : `“${title}” and its ${countText(removed.annotationCount)}`;
    this.deps.toasts.show(`Removed ${what} from the library.`, {
      action: { label: 'Undo', run: () => void this.undoRemove(removed.trashId, title) },
      timeoutMs: 15_000,
    });
  }

  private async undoRemove(trashId: string, title: string): Promise<void> {
    try {
      const entry = await this.deps.client.api.restoreDocument({ trashId });
      await this.refresh();
      this.view.choose(entry.id);
      this.deps.toasts.show(entry.annotationCount ? `“${title}” is back, with its ${countText(entry.annotationCount)}.` : `“${title}” is back in the library.`);
    } catch (error) {
      this.deps.toasts.error(error);
    }
  }

  private async locateFile(entry: LibraryEntry, file: File): Promise<void> {
    const refusal = refusalOf(file);
    if (refusal) {
      this.deps.toasts.error(refusal);
      return;
    }
    const { client } = this.deps;
    const path = client.pathForFile(file);
    // On the desktop the file's path; in the browser mode its bytes, judged by their content.
    const load = path
      ? () => client.api.locateDocument({ documentId: entry.id, path })
      : async () => client.api.locateDocument({ documentId: entry.id, fileName: file.name, dataBase64: await fileToBase64(file) });
    const opened = await this.deps.openWith(load);
    if (opened === null) await this.refresh();
  }
}
