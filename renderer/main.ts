/**
 * The renderer's entry point: connects to the main side, draws the first document and wires
 * the views together. Each view lives in its own module; this file only composes them.
 */
// First: it sends the startup request before the modules below are evaluated.
import { client, startupRequest } from './startup-request';
import type { OpenedDocument, Settings, ShellCommand, Startup } from '../main/api';
import { SETTING_RANGES } from '../main/common/limits';
import { ApiError } from './api';
import { ArticleView, type ArticleModel } from './article/article-view';
import { AnnotationLayer } from './annotations/annotation-layer';
import { ContentsView } from './navigation/contents';
import { FaqNavigator } from './navigation/faq-navigator';
import { ReadingAnchor } from './navigation/reading-anchor';
import { ReadingProgress } from './navigation/reading-progress';
import { DocumentOpener } from './open/document-opener';
import { createAppearanceControls } from './settings/appearance';
import { SettingsStore } from './settings/settings-store';
import { afterNextPaint } from './ui/after-next-paint';
import { byId } from './ui/dom';
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
const contents = new ContentsView(byId<HTMLOListElement>('contents-list'), reader);
const faq = new FaqNavigator(byId<HTMLOListElement>('faq-list'), byId<HTMLInputElement>('faq-filter'), byId('faq-empty'));
const progress = new ReadingProgress(reader, byId('reading-progress'), byId('reading-progress-bar'));
const settings = new SettingsStore(api);
const annotations = new AnnotationLayer({ client, toasts, scrollRoot: reader, panel: byId('annotations-panel'), settings });

let current: ArticleModel | null = null;

const appearance = createAppearanceControls((patch) => changeSettings(patch));

/** Shows a settings change at once and stores it; a refused one is rolled back and the reader told why. */
function changeSettings(patch: Partial<Settings>): void {
  settings.change(patch).catch(reportError);
}

settings.subscribe((next, changed) => {
  // A new text size or line width reflows the article: keep the reader's place in it.
  if (changed.has('fontSize') || changed.has('lineWidth')) progress.keepPlace(() => applySettings(next));
  else applySettings(next);
});

function applySettings(next: Settings): void {
  appearance.update(next);
  app.dataset.sidebar = next.sidebarOpen ? 'open' : 'closed';
  byId('toggle-sidebar').setAttribute('aria-pressed', String(next.sidebarOpen));
  byId('annotations-panel').hidden = !next.sidebarOpen;
}

/** Shows the empty state; `documentName` names a document that is open but has no text. */
function showEmptyState(title: string, message: string, documentName = ''): void {
  current = null;
  article.clear();
  annotations.clear();
  contents.show([]);
  faq.show([]);
  byId('document-title').textContent = documentName;
  document.title = documentName ? `${documentName} — Gloss` : 'Gloss';
  byId('empty-state-title').textContent = title;
  byId('empty-state-message').textContent = message;
  byId('empty-state').hidden = false;
  progress.clear();
}

function showDocument(doc: OpenedDocument): void {
  byId('empty-state').hidden = true;
  byId('document-title').textContent = doc.title;
  document.title = `${doc.title} — Gloss`;
  if (!doc.markdown.trim()) {
    showEmptyState('This document is empty', `${doc.fileName} has no text to show yet.`, doc.fileName);
    return;
  }
  // Ask for the annotations now, so the request runs while the article renders.
  const listing = api.listAnnotations({ documentId: doc.id });
  listing.catch(() => undefined);
  current = article.show(doc);
  // Which document is shown, for tests and the benchmark that drive the page from outside.
  document.documentElement.dataset.documentId = doc.id;
  document.documentElement.dataset.contentHash = doc.contentHash;
  contents.show(current.sections);
  faq.show(current.faq);
  progress.track(
    doc.readingPosition,
    (position) => {
      api.saveReadingPosition({ documentId: doc.id, position }).catch(() => undefined);
    },
    new ReadingAnchor(current, reader),
  );
  // The frame showing the article (title, Contents, FAQ, text), before any highlight: what
  // `npm run bench` compares with a bare Markdown page.
  afterNextPaint(() => performance.mark('gloss:article-on-screen'));
  void annotations.show(current, listing).then(showNotices);
}

/** Shows what the main side says the reader must know (e.g. a damaged file restored from its backup). */
async function showNotices(): Promise<void> {
  const notices = await api.takeNotices({}).catch(() => []);
  for (const notice of notices) toasts.show(notice, { timeoutMs: 20_000 });
}

/** Opens a document; on failure the reader sees why and the current document stays. */
async function openWith(load: () => Promise<OpenedDocument>): Promise<void> {
  try {
    showDocument(await load());
    void refreshRecent();
  } catch (error) {
    if (error instanceof ApiError) toasts.show(error.message, { kind: 'error' });
    else reportError(error);
  }
}

const opener = new DocumentOpener(client, openWith, reportError);
const recentMenu = wirePopover(byId<HTMLButtonElement>('recent-button'), byId('recent-menu'), () => void refreshRecent());
wirePopover(byId<HTMLButtonElement>('appearance-button'), byId('appearance-panel'));

async function refreshRecent(): Promise<void> {
  const recent = await api.listRecent({}).catch(() => []);
  opener.renderRecent(byId<HTMLUListElement>('recent-list'), recent, () => recentMenu.close());
}

function toggleSidebar(): void {
  const shown = settings.current;
  if (shown) changeSettings({ sidebarOpen: !shown.sidebarOpen });
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
  }
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  // Keys the desktop menu owns (Mod+O, Mod+\ there) never come back from keyCommand.
  switch (keyCommand(event, client)) {
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
  }
}

function wireChrome(): void {
  opener.wirePicker([byId<HTMLButtonElement>('open-document'), byId<HTMLButtonElement>('empty-open')], byId<HTMLInputElement>('file-input'));
  opener.wireDrop(byId('drop-overlay'));
  byId('empty-sample').addEventListener('click', () => void openWith(() => api.openSample({})));
  byId('toggle-sidebar').addEventListener('click', toggleSidebar);
  const navToggle = byId('toggle-navigation');
  const navPanel = byId('navigation-panel');
  // Narrow windows hide the panel by default (CSS), so ask what is shown, not what was set.
  const navShown = () => getComputedStyle(navPanel).display !== 'none';
  const syncNavToggle = () => navToggle.setAttribute('aria-expanded', String(navShown()));
  navToggle.addEventListener('click', () => {
    app.dataset.navigation = navShown() ? 'closed' : 'open';
    syncNavToggle();
  });
  window.addEventListener('resize', syncNavToggle);
  // In the first frame, which computes the styles anyway, rather than forcing them now.
  requestAnimationFrame(syncNavToggle);
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
  for (const notice of startup.notices) toasts.show(notice, { timeoutMs: 20_000 });
  if (startup.document) showDocument(startup.document);
  else if (startup.error) showEmptyState('The last document could not be opened', startup.error.message);
  else showEmptyState('No document open', 'Open a Markdown or plain-text file, or drop one here.');
  opener.renderRecent(byId<HTMLUListElement>('recent-list'), startup.recent, () => recentMenu.close());
  document.documentElement.dataset.ready = 'true';
}

void start();
