/**
 * The renderer's entry point: connects to the main side, draws the first document and wires
 * the views together. Each view lives in its own module; this file only composes them.
 */
import type { OpenedDocument, Settings, ShellCommand, Startup } from '../main/api';
import { SETTING_RANGES } from '../main/common/limits';
import { ApiError, connectToGloss } from './api';
import { ArticleView, type ArticleModel } from './article/article-view';
import { AnnotationLayer } from './annotations/annotation-layer';
import { LAYOUT_SETTINGS, SidePanels } from './layout/side-panels';
import { ContentsView } from './navigation/contents';
import { FaqNavigator } from './navigation/faq-navigator';
import { wireNavigationSections } from './navigation/nav-sections';
import { ReadingAnchor } from './navigation/reading-anchor';
import { ReadingProgress } from './navigation/reading-progress';
import { TimeLeft } from './navigation/time-left';
import { DocumentOpener } from './open/document-opener';
import { createAppearanceControls } from './settings/appearance';
import { REFLOWING_SETTINGS } from './settings/reading-style';
import { SettingsStore } from './settings/settings-store';
import { byId } from './ui/dom';
import { keyCommand } from './ui/keys';
import { wirePopover } from './ui/popover';
import { showShortcuts } from './ui/shortcuts-dialog';
import { Toasts } from './ui/toasts';

const client = connectToGloss();
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
  timeLeft.clear();
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
  const anchor = new ReadingAnchor(current.index, reader);
  progress.track(
    doc.readingPosition,
    (position) => {
      api.saveReadingPosition({ documentId: doc.id, position }).catch(() => undefined);
    },
    anchor,
  );
  timeLeft.track(current.index, anchor);
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
  document.addEventListener('keydown', onKeyDown);
  client.onCommand(runCommand);
}

async function start(): Promise<void> {
  wireChrome();
  let startup: Startup;
  try {
    startup = await api.getStartup({});
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
