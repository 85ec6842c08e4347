/**
 * The main window: created hidden with the locked-down webPreferences, shown on its first paint,
 * and its size and position remembered between launches (saved debounced while it moves, and
 * once more when it closes).
 */
import { BrowserWindow, nativeTheme, screen } from 'electron';
import type { Theme } from '../api';
import type { WindowState } from '../service-types';
import { CommandSender } from './commands';
import { preloadPath, windowIconPath } from './paths';
import { APP_ENTRY_URL } from './urls';
import { fitWindowState, MIN_WINDOW_SIZE, sameWindowState } from './window-state';

/** Page colors per theme, painted before the renderer's stylesheet so no white flash shows. */
const BACKGROUNDS = { light: '#fbfaf7', dark: '#1c1d21', sepia: '#f4ecd8' } as const;

/** Quiet period after the last move or resize before the window state is written. */
const SAVE_DELAY_MS = 600;

/** The window background for `theme`, following the OS for 'system'. */
export function backgroundColorFor(theme: Theme): string {
  if (theme === 'system') return nativeTheme.shouldUseDarkColors ? BACKGROUNDS.dark : BACKGROUNDS.light;
  return BACKGROUNDS[theme];
}

/** What the window needs from the rest of the shell. */
export interface MainWindowOptions {
  /** The state remembered from last time, or null on first launch. */
  state: WindowState | null;
  theme: Theme;
  saveState(state: WindowState): Promise<void>;
}

/** A created window, its command channel, and a way to write its state now. */
export interface MainWindow {
  window: BrowserWindow;
  commands: CommandSender;
  /** Writes the current state if it changed; resolves when written (never rejects). */
  flushState(): Promise<void>;
}

/** Creates the main window and starts loading `gloss://app/index.html`. */
export function createMainWindow(options: MainWindowOptions): MainWindow {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const state = fitWindowState(options.state, workAreas);
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Gloss',
    backgroundColor: backgroundColorFor(options.theme),
    icon: process.platform === 'linux' ? windowIconPath() : undefined,
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    },
  });

  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.webContents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    if (!isMainFrame) return;
    console.error(`Gloss: cannot load ${url}: ${description} (${code})`);
    // Better a visible window than an app that seems not to have started.
    if (!window.isVisible()) window.show();
  });
  window.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Gloss: the page stopped (${details.reason}, exit code ${details.exitCode})`);
  });

  const flushState = trackWindowState(window, state, options.saveState);
  const commands = new CommandSender(window.webContents);
  void window.loadURL(APP_ENTRY_URL).catch((error: unknown) => console.error('Gloss: cannot load the app', error));
  return { window, commands, flushState };
}

function captureState(window: BrowserWindow): WindowState {
  // Normal bounds, so a maximized window remembers the size to restore to.
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}

/** Saves the window's state debounced on move and resize, and at once on close. */
function trackWindowState(window: BrowserWindow, initial: WindowState, save: (state: WindowState) => Promise<void>): () => Promise<void> {
  let saved: WindowState | null = initial;
  let latest: WindowState | null = null;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  const flush = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (!window.isDestroyed()) latest = captureState(window);
    const next = latest;
    if (next === null || sameWindowState(saved, next)) return writing;
    saved = next;
    // Chained, so writes land in order and the last one wins.
    writing = writing
      .then(() => save(next))
      .catch((error: unknown) => console.error('Gloss: cannot save the window state', error));
    return writing;
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  window.on('resize', schedule);
  window.on('move', schedule);
  window.on('maximize', schedule);
  window.on('unmaximize', schedule);
  window.on('close', () => void flush());
  return flush;
}
