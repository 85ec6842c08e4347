/**
 * Everything of the reading window that the first frame of a document does not draw: highlights
 * and notes, find, export and import, annotation links, the notes folder, the library and the
 * notes search. renderer/main.ts loads this module with a dynamic import once that frame is
 * drawn (or at once when there is no document to draw), so its code is neither fetched, compiled
 * nor run on the way to the article's first frame. main.ts stays the one place that composes the
 * window: this module only builds these parts, wired to what main.ts hands it.
 */
import type { OpenedDocument } from '../main/api';
import type { GlossClient } from './api';
import type { ArticleModel } from './article/article-view';
import { AnnotationLayer } from './annotations/annotation-layer';
import { AnnotationImporter } from './export/annotation-importer';
import { AnnotationLinks } from './export/annotation-links';
import { ExportDialog } from './export/export-dialog';
import { wireExportTools } from './export/export-tools';
import { NotesFolderSettings } from './export/notes-folder-settings';
import { FindBar } from './find/find-bar';
import type { SidePanels } from './layout/side-panels';
import { LibraryController } from './library/library-controller';
import { NotesSearchDialog } from './search/notes-search-dialog';
import type { SettingsStore } from './settings/settings-store';
import { byId } from './ui/dom';
import type { Toasts } from './ui/toasts';

/** What main.ts gives the tools: the window's shared parts, and what it does for them. */
export interface ReadingToolsHost {
  client: GlossClient;
  toasts: Toasts;
  settings: SettingsStore;
  panels: SidePanels;
  /** The scrolling reading view. */
  reader: HTMLElement;
  /** The rendered document on screen, or null. */
  current(): ArticleModel | null;
  /** The text offset at the top of the reading view, or null without a document. */
  readingOffset(): number | null;
  /** The id of the document on screen (an empty one too), or null. */
  shownDocumentId(): string | null;
  /** Shows a document, as every way of opening one ends. */
  showDocument(document: OpenedDocument): void;
  /** Resolves once the shown document's annotations are anchored and painted. */
  annotationsShown(): Promise<void>;
  /** Opens a library document at its reading position, or at one of its annotations. */
  openDocumentAt(documentId: string, annotationId?: string): Promise<boolean>;
  /** Opens what `load` returns, asking which document it is where that is in doubt. */
  openWith(load: () => Promise<OpenedDocument>): Promise<OpenedDocument | null>;
  /** The document on screen was removed from the library. */
  documentRemoved(): void;
  /** Refreshes the Recent menu. */
  refreshRecent(): Promise<void>;
  reportError(error: unknown): void;
}

/** The parts this module builds, for main.ts to call. */
export interface ReadingTools {
  annotations: AnnotationLayer;
  find: FindBar;
  exportDialog: ExportDialog;
  importer: AnnotationImporter;
  links: AnnotationLinks;
  notesFolder: NotesFolderSettings;
  library: LibraryController;
  notesSearch: NotesSearchDialog;
}

/** Builds the tools into the page's elements (index.html) and wires them to `host`. */
export function createReadingTools(host: ReadingToolsHost): ReadingTools {
  const { client, toasts, panels, reader } = host;
  const annotations = new AnnotationLayer({
    client,
    toasts,
    scrollRoot: reader,
    panel: byId('annotations-panel'),
    settings: host.settings,
    sidebarHost: { show: () => panels.show('sidebar'), makeWayFor: (from) => panels.makeWayFor('sidebar', from) },
  });
  const find = new FindBar({
    host: byId('find-anchor'),
    scrollRoot: reader,
    readingOffset: host.readingOffset,
    fallbackFocus: () => reader.focus({ preventScroll: true }),
  });
  /** The document on screen, for export, import and links. */
  const shownDocument = () => {
    const current = host.current();
    return current === null ? null : { id: current.document.id, title: current.document.title };
  };
  const exportDialog = new ExportDialog({ client, toasts, shown: shownDocument });
  const importer = new AnnotationImporter({
    client,
    toasts,
    shown: shownDocument,
    imported: (documentIds) => {
      const current = host.current();
      if (current !== null && documentIds.includes(current.document.id)) void annotations.show(current);
    },
  });
  wireExportTools(annotations.sidebarTools, {
    client,
    toasts,
    dialog: exportDialog,
    importer,
    copyTarget: () => {
      const current = host.current();
      return current === null ? null : { documentId: current.document.id, annotationIds: annotations.selectedOrShownIds() };
    },
  });
  const notesFolder = new NotesFolderSettings(byId('settings-panel'), { client, toasts });
  const links = new AnnotationLinks({
    client,
    toasts,
    shown: shownDocument,
    show: async (doc) => {
      host.showDocument(doc);
      void host.refreshRecent();
      await host.annotationsShown();
    },
    shownReady: host.annotationsShown,
    reveal: (id) => annotations.revealAnnotation(id),
  });
  const library = new LibraryController({
    client,
    toasts,
    root: byId('library'),
    app: byId('app'),
    covered: [byId('navigation-panel'), reader, byId('annotations-panel')],
    openDocument: (documentId) => host.openDocumentAt(documentId),
    openWith: host.openWith,
    currentDocumentId: host.shownDocumentId,
    documentRemoved: host.documentRemoved,
    openFile: () => byId<HTMLInputElement>('file-input').click(),
    openSample: () => void host.openWith(() => client.api.openSample({})),
    returnFocus: () => reader.focus({ preventScroll: true }),
  });
  const notesSearch = new NotesSearchDialog({ api: client.api, openAt: host.openDocumentAt, reportError: host.reportError });
  return { annotations, find, exportDialog, importer, links, notesFolder, library, notesSearch };
}
