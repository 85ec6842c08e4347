/**
 * The renderer's entry point: connects to the main side, draws the first document and wires
 * the views together. Each view lives in its own module; this file only composes them.
 *
 * What a document's first frame draws (its title, Contents, FAQ and text, in the reader's
 * settings) is built here, at once. The rest (highlights and notes, find, export, the library,
 * search: reading-tools.ts) is a separate chunk, loaded once that frame is drawn, so the page
 * neither fetches, compiles nor runs it before the reader sees the article. Whatever asks for
 * those tools goes through `withTools`, which keeps the calls in the order they were made.
 */
import { client, startupRequest } from './startup-request';
import type { OpenedDocument, ReadingPosition, Settings, ShellCommand, Startup } from '../main/api';
import { couldNotOpen } from '../main/common/document-formats';
import { SETTING_RANGES } from '../main/common/limits';
import { ApiError } from './api';
import { keepSessionToken } from './session-token';
import { ArticleView, type ArticleModel } from './article/article-view';
import { showUploadNotice } from './article/upload-notice';
import { LAYOUT_SETTINGS, SidePanels } from './layout/side-panels';
import { ContentsView } from './navigation/contents';
import { FaqNavigator } from './navigation/faq-navigator';
import { wireNavigationSections } from './navigation/nav-sections';
import { ReadingAnchor } from './navigation/reading-anchor';
import { ReadingProgress } from './navigation/reading-progress';
import { TimeLeft } from './navigation/time-left';
import { DocumentOpener } from './open/document-opener';
import { DocumentWatch } from './library/document-watch';
import { settleIdentity } from './library/identity-prompt';
import { createAppearanceControls } from './settings/appearance';
import { REFLOWING_SETTINGS } from './settings/reading-style';
import { SettingsStore } from './settings/settings-store';
import type { ReadingTools, ReadingToolsHost } from './reading-tools';
import { afterNextPaint, nextPaint } from './ui/after-next-paint';
import { DeferredParts, Gate } from './ui/deferred';
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

let current: ArticleModel | null = null;
/** The document on screen (an empty one too), or null when none is. */
let shown: OpenedDocument | null = null;
let readingAnchor: ReadingAnchor | null = null;
/** Resolves once the shown document's annotations are anchored and painted. */
let annotationsShown: Promise<void> = Promise.resolve();
const watch = new DocumentWatch(api);

/** Opened by start() once the first frame is drawn: what that frame does not need waits for it. */
const firstFrame = new Gate();

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

/** What the tools are given: the window's shared parts, and what this file does for them. */
const toolsHost: ReadingToolsHost = {
  client,
  toasts,
  settings,
  panels,
  reader,
  current: () => current,
  readingOffset: () => readingAnchor?.offsetAtTop() ?? null,
  shownDocumentId: () => shown?.id ?? null,
  showDocument: (doc) => showDocument(doc),
  annotationsShown: () => annotationsShown,
  openDocumentAt: (documentId, annotationId) => openDocumentAt(documentId, annotationId),
  openWith: (load) => openWith(load),
  documentRemoved: () => showEmptyState('No document open', 'The document you were reading was removed from the library.'),
  refreshRecent: () => refreshRecent(),
  reportError,
};

/** The tools of reading-tools.ts: its chunk is fetched once the first frame is drawn, and built once. */
const tools = new DeferredParts<ReadingTools>(() => firstFrame.after(() => import('./reading-tools')).then((module) => module.createReadingTools(toolsHost)));
/** Calls `use` with the tools, in the order asked (DeferredParts.use). */
const withTools = <R>(use: (parts: ReadingTools) => R) => tools.use(use);

/** Does `use` with the tools, for a reader's action nothing waits on: a failure is shown to the reader. */
function actWithTools(use: (parts: ReadingTools) => unknown): void {
  withTools(use).catch(reportError);
}

/** The tools' actions that a key, a menu command and a button all ask for. */
const openExport = () => actWithTools(({ exportDialog }) => exportDialog.open());
const toggleLibrary = () => actWithTools(({ library }) => library.toggle());
const openNotesSearch = () => actWithTools(({ notesSearch }) => notesSearch.open());
/** Find works in the reading view, not over the library. */
const openFind = () =>
  actWithTools(({ library, find }) => {
    if (!library.visible) find.open();
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
 * Lets the window's contents be drawn (index.html holds them back with data-starting): called
 * once what to show is in the page, so its first frame is also the first frame of the chrome.
 */
function drawApp(): void {
  delete app.dataset.starting;
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
  actWithTools(({ find, annotations }) => {
    find.attach(null);
    annotations.clear();
  });
  contents.show([]);
  faq.show([]);
  byId('document-title').textContent = documentName;
  document.title = documentName ? `${documentName} — Gloss` : 'Gloss';
  progress.clear();
  timeLeft.clear();
  byId('empty-state').hidden = documentName === '';
  drawApp();
  if (documentName === '') {
    actWithTools(({ library }) => library.showStart({ title, message }));
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
  if (!options.reload) actWithTools(({ library }) => library.hide());
  showFileNotice(null);
  // The watch's long poll is not what the first frame needs: it starts once the tools may load.
  void firstFrame.after(() => {
    if (shown === doc) watch.follow(doc.id, doc.contentHash, { changed: () => void reloadFromDisk(doc.id), missing: () => showFileNotice(doc) });
  });
  byId('empty-state').hidden = true;
  byId('document-title').textContent = doc.title;
  document.title = `${doc.title} — Gloss`;
  if (doc.isEmpty) {
    showEmptyState('This document is empty', `${doc.fileName} has no text to show yet.`, doc.fileName);
    return;
  }
  // Asked for once the article's first frame is drawn, with the tools that show them.
  const listing = firstFrame.after(() => api.listAnnotations({ documentId: doc.id }));
  listing.catch(() => undefined);
  current = article.show(doc);
  showUploadNotice(byId('notice-area'), current);
  // Which document is shown, for tests and the benchmark that drive the page from outside.
  document.documentElement.dataset.documentId = doc.id;
  document.documentElement.dataset.contentHash = doc.contentHash;
  contents.show(current.sections);
  faq.show(current.faq);
  // Everything the first frame shows is in the page: lay it out once, from here on.
  drawApp();
  readingAnchor = new ReadingAnchor(current, reader);
  const model = current;
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
  annotationsShown = withTools(({ find, annotations }) => {
    find.attach(model);
    return annotations.show(model, listing);
  }).then(showNotices);
}

/**
 * The open document's file changed on disk: read it again, keep the reader on the words they
 * were reading, re-anchor the highlights (the layer says what moved) and say what happened.
 */
async function reloadFromDisk(documentId: string): Promise<void> {
  if (shown?.id !== documentId) return;
  // The anchoring that finds the place again is the highlights' (in the tools' chunk): not
  // part of what the first frame loads.
  const { capturePlace, findPlace } = await import('./library/reading-place');
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
  locate.addEventListener('click', () => actWithTools(({ library }) => library.locate(doc.id)));
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
    if (shown?.id === documentId) await withTools(({ annotations }) => annotations.reveal(annotationId));
  }
  return true;
}

const opener = new DocumentOpener(client, openWith, reportError);
const recentMenu = wirePopover(byId<HTMLButtonElement>('recent-button'), byId('recent-menu'), () => void refreshRecent());
wirePopover(byId<HTMLButtonElement>('appearance-button'), byId('appearance-panel'));
wirePopover(byId<HTMLButtonElement>('settings-button'), byId('settings-panel'), () => actWithTools(({ notesFolder }) => notesFolder.load()));

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
      openExport();
      break;
    case 'import-annotations':
      actWithTools(({ importer }) => importer.importPath(command.path));
      break;
    case 'open-annotation':
      actWithTools(({ links }) => links.follow({ documentId: command.documentId, annotationId: command.annotationId }));
      break;
    case 'show-library':
      toggleLibrary();
      break;
    case 'find':
      openFind();
      break;
    case 'search-notes':
      openNotesSearch();
      break;
  }
}

/** What the keyboard may still do while the library covers the reading view. */
const OVER_THE_LIBRARY = new Set(['open-document', 'show-library', 'show-shortcuts', 'export-annotations', 'search-notes']);

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  // Keys the desktop menu owns (Mod+O, Mod+\ there) never come back from keyCommand.
  const command = keyCommand(event, client);
  if (tools.value?.library.visible && command !== null && !OVER_THE_LIBRARY.has(command)) return;
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
      openExport();
      break;
    case 'show-library':
      event.preventDefault();
      toggleLibrary();
      break;
    case 'find':
      event.preventDefault();
      openFind();
      break;
    case 'search-notes':
      event.preventDefault();
      openNotesSearch();
      break;
    case 'find-next':
    case 'find-previous':
      event.preventDefault();
      actWithTools(({ find }) => find.findAgain(command === 'find-next' ? 1 : -1));
      break;
  }
}

function wireChrome(): void {
  opener.wirePicker([byId<HTMLButtonElement>('open-document'), byId<HTMLButtonElement>('empty-open')], byId<HTMLInputElement>('file-input'));
  opener.wireDrop(byId('drop-overlay'));
  byId('empty-sample').addEventListener('click', () => void openWith(() => api.openSample({})));
  byId('library-button').addEventListener('click', toggleLibrary);
  byId('search-notes-button').addEventListener('click', openNotesSearch);
  document.addEventListener('keydown', onKeyDown);
  client.onCommand(runCommand);
}

async function start(): Promise<void> {
  wireChrome();
  try {
    await showStartup();
  } finally {
    drawApp();
    // Once the first frame is drawn, the rest of the window may load.
    await nextPaint();
    firstFrame.open();
    // The browser mode's token leaves the address bar for the tab's storage: not on the way to that frame.
    keepSessionToken();
  }
  try {
    await tools.load();
    // The notes folder's messages are fetched while one is kept.
    actWithTools(({ notesFolder }) => notesFolder.load());
    if (client.mode === 'browser') actWithTools(({ links }) => links.watchFragment());
  } catch (error) {
    reportError(error);
  } finally {
    // Every control now works: what tests and the desktop's smoke test wait for.
    document.documentElement.dataset.ready = 'true';
  }
}

/** Shows what the startup answer says: its document, or why there is none. */
async function showStartup(): Promise<void> {
  let startup: Startup;
  try {
    startup = await startupRequest;
  } catch (error) {
    showEmptyState('Gloss could not start', error instanceof Error ? error.message : String(error));
    return;
  }
  settings.load(startup.settings);
  for (const notice of startup.notices) toasts.show(notice, { timeoutMs: 20_000, notice: true });
  // A question about which document this is comes before the document: over the window, not a blank page.
  if (startup.document?.similarTo) drawApp();
  const startDocument = startup.document && (await settleIdentity(api, toasts, startup.document).catch((error: unknown) => (reportError(error), null)));
  if (startDocument) showDocument(startDocument);
  else if (startup.document) showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.');
  else if (startup.error) {
    const named = startup.failedDocument?.origin === 'command-line';
    showEmptyState(named ? couldNotOpen(startup.failedDocument!.fileName) : 'The last document could not be opened', startup.error.message);
  }
  else showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.');
  opener.renderRecent(byId<HTMLUListElement>('recent-list'), startup.recent, () => recentMenu.close());
}

void start();
