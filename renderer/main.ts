/**
 * The renderer's entry point: connects to the main side, draws the first document and wires
 * the views together. Each view lives in its own module; this file only composes them.
 */
// First: it sends the startup request before the modules below are evaluated.
import { client, startupRequest } from './startup-request';
import type { OpenedDocument, ReadingPosition, Settings, ShellCommand, Startup } from '../main/api';
import { couldNotOpen, isEmptyDocument } from '../main/common/document-formats';
import { SETTING_RANGES } from '../main/common/limits';
import { ApiError } from './api';
import { ArticleView, type ArticleModel } from './article/article-view';
import { showUploadNotice } from './article/upload-notice';
import { AnnotationLayer } from './annotations/annotation-layer';
import { LAYOUT_SETTINGS, SidePanels } from './layout/side-panels';
import { ContentsView } from './navigation/contents';
import { FaqNavigator } from './navigation/faq-navigator';
import { wireNavigationSections } from './navigation/nav-sections';
import { ReadingAnchor } from './navigation/reading-anchor';
import { ReadingProgress } from './navigation/reading-progress';
import { AnnotationImporter } from './export/annotation-importer';
import { AnnotationLinks } from './export/annotation-links';
import { ExportDialog } from './export/export-dialog';
import { wireExportTools } from './export/export-tools';
import { NotesFolderSettings } from './export/notes-folder-settings';
import { TimeLeft } from './navigation/time-left';
import { DocumentOpener } from './open/document-opener';
import { FindBar } from './find/find-bar';
import { NotesSearchDialog } from './search/notes-search-dialog';
import { DocumentWatch } from './library/document-watch';
import { settleIdentity } from './library/identity-prompt';
import { LibraryController } from './library/library-controller';
import { capturePlace, findPlace } from './library/reading-place';
import { createAppearanceControls } from './settings/appearance';
import { REFLOWING_SETTINGS } from './settings/reading-style';
import { SettingsStore } from './settings/settings-store';
import { afterNextPaint } from './ui/after-next-paint';
import { byId, h } from './ui/dom';
import { keyCommand } from './ui/keys';
import { wirePopover } from './ui/popover';
import { showShortcuts } from './ui/shortcuts-dialog';
import { Toasts } from './ui/toasts';

const { api } = client;
const toasts = new Toasts(byId('toast-region'));
const reportError = (error: unknown) => toasts.error(error);

const app = byId('app');
const reader = byId('reader');
const article = new ArticleView(byId('article'), client, reportError);
const contents = new ContentsView(byId<HTMLOListElement>('contents-list'), reader, byId<HTMLSelectElement>('contents-depth'));
wireNavigationSections(byId('navigation-panel'));
const faq = new FaqNavigator(byId<HTMLOListElement>('faq-list'), byId<HTMLInputElement>('faq-filter'), byId('faq-empty'));
const progress = new ReadingProgress(reader, byId('reading-progress'), byId('reading-progress-bar'));
const timeLeft = new TimeLeft(reader, byId('time-left'));
const settings = new SettingsStore(api);
const annotations = new AnnotationLayer({
  client,
  toasts,
  scrollRoot: reader,
  panel: byId('annotations-panel'),
  settings,
  sidebarHost: { show: () => panels.show('sidebar'), makeWayFor: (from) => panels.makeWayFor('sidebar', from) },
});

let current: ArticleModel | null = null;
/** The document on screen (an empty one too), or null when none is. */
let shown: OpenedDocument | null = null;
let readingAnchor: ReadingAnchor | null = null;
const find = new FindBar({
  host: byId('find-anchor'),
  scrollRoot: reader,
  readingOffset: () => readingAnchor?.offsetAtTop() ?? null,
  fallbackFocus: () => reader.focus({ preventScroll: true }),
});
/** Resolves once the shown document's annotations are anchored and painted. */
let annotationsShown: Promise<void> = Promise.resolve();
const watch = new DocumentWatch(api);

/** The document on screen, for export, import and links. */
const shownDocument = () => (current === null ? null : { id: current.document.id, title: current.document.title });
const exportDialog = new ExportDialog({ client, toasts, shown: shownDocument });
const importer = new AnnotationImporter({
  client,
  toasts,
  shown: shownDocument,
  imported: (documentIds) => {
    if (current !== null && documentIds.includes(current.document.id)) void annotations.show(current);
  },
});
wireExportTools(annotations.sidebarTools, {
  client,
  toasts,
  dialog: exportDialog,
  importer,
  copyTarget: () => (current === null ? null : { documentId: current.document.id, annotationIds: annotations.selectedOrShownIds() }),
});
const notesFolder = new NotesFolderSettings(byId('settings-panel'), { client, toasts });
const links = new AnnotationLinks({
  client,
  toasts,
  shown: shownDocument,
  show: async (doc) => {
    showDocument(doc);
    void refreshRecent();
    await annotationsShown;
  },
  shownReady: () => annotationsShown,
  reveal: (id) => annotations.revealAnnotation(id),
});

const appearance = createAppearanceControls((patch) => changeSettings(patch));
const panels = new SidePanels({
  app,
  reader,
  scrim: byId('panel-scrim'),
  settings,
  panels: {
    navigation: { panel: byId('navigation-panel'), toggle: byId<HTMLButtonElement>('toggle-navigation'), separator: byId('navigation-separator') },
    sidebar: { panel: byId('annotations-panel'), toggle: byId<HTMLButtonElement>('toggle-sidebar'), separator: byId('sidebar-separator') },
  },
  onFit: (chars) => appearance.fitLineWidth(chars),
});

/** Shows a settings change at once and stores it; a refused one is rolled back and the reader told why. */
function changeSettings(patch: Partial<Settings>): void {
  settings.change(patch).catch(reportError);
}

settings.subscribe((next, changed) => {
  // A change that reflows the article (text size, line width, a panel shown): keep the reader's place in it.
  if ([...changed].some((key) => REFLOWING_SETTINGS.has(key) || LAYOUT_SETTINGS.has(key))) progress.keepPlace(() => applySettings(next));
  else applySettings(next);
});

function applySettings(next: Settings): void {
  appearance.update(next);
  panels.update();
  timeLeft.setSpeed(next.readingSpeed);
}

/**
 * Shows the empty state; `documentName` names a document that is open but has no text. With no
 * document at all, the library is the start screen, with `title` and `message` at its top.
 */
function showEmptyState(title: string, message: string, documentName = ''): void {
  current = null;
  readingAnchor = null;
  if (documentName === '') {
    shown = null;
    watch.stop();
    showFileNotice(null);
  }
  article.clear();
  showUploadNotice(byId('notice-area'), null);
  find.attach(null);
  annotations.clear();
  contents.show([]);
  faq.show([]);
  byId('document-title').textContent = documentName;
  document.title = documentName ? `${documentName} — Gloss` : 'Gloss';
  progress.clear();
  timeLeft.clear();
  byId('empty-state').hidden = documentName === '';
  if (documentName === '') {
    void library.showStart({ title, message });
    return;
  }
  byId('empty-state-title').textContent = title;
  byId('empty-state-message').textContent = message;
}

/** How to show a document: at a place worked out once it is rendered, and whether the library stays up (a reload). */
interface ShowOptions {
  position?: (model: ArticleModel) => ReadingPosition | null;
  reload?: boolean;
}

function showDocument(doc: OpenedDocument, options: ShowOptions = {}): void {
  shown = doc;
  if (!options.reload) library.hide();
  showFileNotice(null);
  watch.follow(doc.id, doc.contentHash, { changed: () => void reloadFromDisk(doc.id), missing: () => showFileNotice(doc) });
  byId('empty-state').hidden = true;
  byId('document-title').textContent = doc.title;
  document.title = `${doc.title} — Gloss`;
  if (isEmptyDocument(doc.markdown)) {
    showEmptyState('This document is empty', `${doc.fileName} has no text to show yet.`, doc.fileName);
    return;
  }
  // Ask for the annotations now, so the request runs while the article renders.
  const listing = api.listAnnotations({ documentId: doc.id });
  listing.catch(() => undefined);
  current = article.show(doc);
  showUploadNotice(byId('notice-area'), current);
  // Which document is shown, for tests and the benchmark that drive the page from outside.
  document.documentElement.dataset.documentId = doc.id;
  document.documentElement.dataset.contentHash = doc.contentHash;
  contents.show(current.sections);
  faq.show(current.faq);
  readingAnchor = new ReadingAnchor(current, reader);
  find.attach(current);
  progress.track(
    options.position?.(current) ?? doc.readingPosition,
    (position) => {
      api.saveReadingPosition({ documentId: doc.id, position }).catch(() => undefined);
    },
    readingAnchor,
  );
  timeLeft.track(current, readingAnchor);
  // The frame showing the article (title, Contents, FAQ, text), before any highlight: what
  // `npm run bench` compares with a bare Markdown page.
  afterNextPaint(() => performance.mark('gloss:article-on-screen'));
  annotationsShown = annotations.show(current, listing).then(showNotices);
}

/**
 * The open document's file changed on disk: read it again, keep the reader on the words they
 * were reading, re-anchor the highlights (the layer says what moved) and say what happened.
 */
async function reloadFromDisk(documentId: string): Promise<void> {
  if (shown?.id !== documentId) return;
  const top = readingAnchor?.offsetAtTop() ?? null;
  const place = current && top !== null ? capturePlace(current.index.text, top) : null;
  const fraction = progress.fraction();
  let fresh: OpenedDocument;
  try {
    fresh = await api.openLibraryDocument({ documentId });
  } catch (error) {
    reportError(error);
    return;
  }
  if (shown?.id !== documentId) return;
  showDocument(fresh, {
    reload: true,
    position: (model) => {
      const offset = place ? findPlace(model.index.text, place, fresh.contentHash) : null;
      return { fraction, ...(offset === null ? {} : { textOffset: offset }) };
    },
  });
  // What happened to the document, not an answer to the reader: it stays beside the anchoring summary.
  toasts.show(`“${fresh.title}” changed on disk, and Gloss reloaded it.`, { notice: true });
}

/** The notice above the article that its file is gone (`doc`), or none (null). */
function showFileNotice(doc: OpenedDocument | null): void {
  const area = byId('notice-area');
  if (doc === null) {
    area.replaceChildren();
    return;
  }
  const locate = h('button', { type: 'button', className: 'text-button' }, 'Locate…');
  locate.addEventListener('click', () => void library.locate(doc.id));
  area.replaceChildren(
    h(
      'div',
      { className: 'file-notice', role: 'status' },
      h('strong', {}, 'The file is gone. '),
      `“${doc.fileName}” was deleted or moved away from where Gloss opened it (${doc.path}). It stays on screen as it was, and its annotations are kept. `,
      locate,
    ),
  );
}

/** Shows what the main side says the reader must know (e.g. a damaged file restored from its backup). */
async function showNotices(): Promise<void> {
  const notices = await api.takeNotices({}).catch(() => []);
  for (const notice of notices) toasts.show(notice, { timeoutMs: 20_000, notice: true });
}

/**
 * Opens a document, once any question about which document it is has been answered; on failure
 * the reader sees why and the current document stays. Resolves with what is shown, or null.
 */
async function openWith(load: () => Promise<OpenedDocument>): Promise<OpenedDocument | null> {
  try {
    const doc = await settleIdentity(api, toasts, await load());
    if (doc === null) return null;
    showDocument(doc);
    void refreshRecent();
    return doc;
  } catch (error) {
    if (error instanceof ApiError) toasts.show(error.message, { kind: 'error' });
    else reportError(error);
    return null;
  }
}

/**
 * Opens a library document at its reading position, or at one of its annotations (what a search
 * result or a link opens). False when it could not be opened; the reader was told why.
 */
async function openDocumentAt(documentId: string, annotationId?: string): Promise<boolean> {
  const doc = await openWith(() => api.openLibraryDocument({ documentId }));
  if (doc === null) return false;
  if (annotationId !== undefined) {
    await annotationsShown;
    if (shown?.id === documentId) await annotations.reveal(annotationId);
  }
  return true;
}

const library = new LibraryController({
  client,
  toasts,
  root: byId('library'),
  app,
  covered: [byId('navigation-panel'), reader, byId('annotations-panel')],
  openDocument: (documentId) => openDocumentAt(documentId),
  openWith,
  currentDocumentId: () => shown?.id ?? null,
  documentRemoved: () => showEmptyState('No document open', 'The document you were reading was removed from the library.'),
  openFile: () => byId<HTMLInputElement>('file-input').click(),
  openSample: () => void openWith(() => api.openSample({})),
  returnFocus: () => reader.focus({ preventScroll: true }),
});

const notesSearch = new NotesSearchDialog({ api, openAt: openDocumentAt, reportError });
const opener = new DocumentOpener(client, openWith, reportError);
const recentMenu = wirePopover(byId<HTMLButtonElement>('recent-button'), byId('recent-menu'), () => void refreshRecent());
wirePopover(byId<HTMLButtonElement>('appearance-button'), byId('appearance-panel'));
wirePopover(byId<HTMLButtonElement>('settings-button'), byId('settings-panel'), () => void notesFolder.load());

async function refreshRecent(): Promise<void> {
  const recent = await api.listRecent({}).catch(() => []);
  opener.renderRecent(byId<HTMLUListElement>('recent-list'), recent, () => recentMenu.close());
}

function toggleSidebar(): void {
  panels.toggle('sidebar');
}

function runCommand(command: ShellCommand): void {
  switch (command.type) {
    case 'open-path':
      void openWith(() => api.openDocument({ path: command.path }));
      break;
    case 'close-document':
      void api.closeDocument({}).then(() => showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.'), reportError);
      break;
    case 'toggle-sidebar':
      toggleSidebar();
      break;
    case 'set-theme':
      changeSettings({ theme: command.theme });
      break;
    case 'font-size': {
      const shown = settings.current;
      const { min, max } = SETTING_RANGES.fontSize;
      if (shown) changeSettings({ fontSize: Math.min(max, Math.max(min, shown.fontSize + command.delta)) });
      break;
    }
    case 'show-shortcuts':
      showShortcuts(client);
      break;
    case 'export':
      exportDialog.open();
      break;
    case 'import-annotations':
      void importer.importPath(command.path);
      break;
    case 'open-annotation':
      void links.follow({ documentId: command.documentId, annotationId: command.annotationId });
      break;
    case 'show-library':
      library.toggle();
      break;
    case 'find':
      if (!library.visible) find.open();
      break;
    case 'search-notes':
      notesSearch.open();
      break;
  }
}

/** What the keyboard may still do while the library covers the reading view. */
const OVER_THE_LIBRARY = new Set(['open-document', 'show-library', 'show-shortcuts', 'export-annotations', 'search-notes']);

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  // Keys the desktop menu owns (Mod+O, Mod+\ there) never come back from keyCommand.
  const command = keyCommand(event, client);
  if (library.visible && command !== null && !OVER_THE_LIBRARY.has(command)) return;
  switch (command) {
    case 'open-document':
      event.preventDefault();
      byId<HTMLInputElement>('file-input').click();
      break;
    case 'toggle-sidebar':
      event.preventDefault();
      toggleSidebar();
      break;
    case 'next-faq-question':
      if (faq.step(1)) event.preventDefault();
      break;
    case 'previous-faq-question':
      if (faq.step(-1)) event.preventDefault();
      break;
    case 'show-shortcuts':
      event.preventDefault();
      showShortcuts(client);
      break;
    case 'export-annotations':
      event.preventDefault();
      exportDialog.open();
      break;
    case 'show-library':
      event.preventDefault();
      library.toggle();
      break;
    case 'find':
      event.preventDefault();
      find.open();
      break;
    case 'search-notes':
      event.preventDefault();
      notesSearch.open();
      break;
    case 'find-next':
    case 'find-previous':
      event.preventDefault();
      find.findAgain(command === 'find-next' ? 1 : -1);
      break;
  }
}

function wireChrome(): void {
  opener.wirePicker([byId<HTMLButtonElement>('open-document'), byId<HTMLButtonElement>('empty-open')], byId<HTMLInputElement>('file-input'));
  opener.wireDrop(byId('drop-overlay'));
  byId('empty-sample').addEventListener('click', () => void openWith(() => api.openSample({})));
  byId('library-button').addEventListener('click', () => library.toggle());
  byId('search-notes-button').addEventListener('click', () => notesSearch.open());
  document.addEventListener('keydown', onKeyDown);
  client.onCommand(runCommand);
}

async function start(): Promise<void> {
  wireChrome();
  let startup: Startup;
  try {
    startup = await startupRequest;
  } catch (error) {
    showEmptyState('Gloss could not start', error instanceof Error ? error.message : String(error));
    return;
  }
  settings.load(startup.settings);
  for (const notice of startup.notices) toasts.show(notice, { timeoutMs: 20_000, notice: true });
  const startDocument = startup.document && (await settleIdentity(api, toasts, startup.document).catch((error: unknown) => (reportError(error), null)));
  if (startDocument) showDocument(startDocument);
  else if (startup.document) showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.');
  else if (startup.error) {
    const named = startup.failedDocument?.origin === 'command-line';
    showEmptyState(named ? couldNotOpen(startup.failedDocument!.fileName) : 'The last document could not be opened', startup.error.message);
  }
  else showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.');
  opener.renderRecent(byId<HTMLUListElement>('recent-list'), startup.recent, () => recentMenu.close());
  document.documentElement.dataset.ready = 'true';
  // The notes folder's messages are fetched while one is kept.
  void notesFolder.load();
  if (client.mode === 'browser') links.watchFragment();
}

void start();
