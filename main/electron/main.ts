/**
 * The Electron entry point (bundled to dist/main/electron.cjs): app lifecycle only. It claims the
 * single-instance lock, opens the service on the data folder, wires protocols, IPC, menu and
 * window, routes documents opened from outside to the renderer, and closes the service on quit.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeTheme, shell } from 'electron';
import type { WebContents } from 'electron';
import type { ApiMethod, ShellCommand, Theme } from '../api';
import { invocationDir, resolveDataDir } from '../data-dir';
import { GlossError, toErrorInfo } from '../errors';
import { createGlossService } from '../service';
import type { GlossService } from '../service-types';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate } from './menu';
import type { MenuActions } from './menu';
import { MENU_CHANGING_METHODS, recentDocumentPath } from './recent-documents';
import { chooseDocument, documentPathFromArgv, documentPathFromSecondInstance, listenForOpenFile } from './open-files';
import type { SecondInstanceData } from './open-files';
import { assetsDir, rendererDir, windowIconPath } from './paths';
import { handleAppProtocol, handleAssetProtocol, registerPrivilegedSchemes } from './protocol';
import { guardAllWebContents, lockDownSession } from './security';
import { backgroundColorFor, createMainWindow } from './window';
import type { MainWindow } from './window';

/** How long quitting waits for the service to flush before giving up on it. */
const SHUTDOWN_TIMEOUT_MS = 5000;

// Everything below must happen before `ready`.
app.enableSandbox();
registerPrivilegedSchemes();
guardAllWebContents();

const defaultDataDir = app.getPath('userData');
const dataDir = path.resolve(resolveDataDir(process.argv, process.env, defaultDataDir));
if (dataDir !== path.resolve(defaultDataDir)) {
  // A separate data folder is a separate Gloss: its own single-instance lock and Chromium profile
  // (kept in a subfolder, out of the way of gloss.json and annotations/).
  app.setPath('userData', path.join(dataDir, 'electron-profile'));
}

// `npm start -- notes.md` runs in the package folder; INIT_CWD is where the user typed it.
const launchDocument = documentPathFromArgv(process.argv, invocationDir());
const secondInstanceData: SecondInstanceData = { documentPath: launchDocument };

if (app.requestSingleInstanceLock({ ...secondInstanceData })) {
  runApp();
} else {
  // The running instance got our document through 'second-instance' and will show it.
  app.quit();
}

function runApp(): void {
  let service: GlossService | null = null;
  let mainWindow: MainWindow | null = null;
  let flushLastWindow: (() => Promise<void>) | null = null;
  let theme: Theme = 'system';
  /**
   * Documents to open once a window exists (macOS's open-file before launch finished, a second
   * launch while starting). The launch's own document goes to the service as its initial one.
   */
  const pendingPaths: string[] = [];

  const isOwnWebContents = (contents: WebContents): boolean =>
    mainWindow !== null && !mainWindow.window.isDestroyed() && mainWindow.window.webContents.id === contents.id;

  function ensureWindow(): MainWindow | null {
    if (service === null) return null;
    if (mainWindow !== null && !mainWindow.window.isDestroyed()) return mainWindow;
    const svc = service;
    const created = createMainWindow({ state: svc.getWindowState(), theme, saveState: (state) => svc.saveWindowState(state) });
    mainWindow = created;
    flushLastWindow = created.flushState;
    created.window.on('closed', () => {
      if (mainWindow === created) mainWindow = null;
    });
    for (const filePath of pendingPaths.splice(0)) created.commands.send({ type: 'open-path', path: filePath });
    return created;
  }

  function reveal(target: MainWindow): void {
    // A window still waiting for its first paint shows itself on 'ready-to-show'.
    if (!target.window.isVisible()) return;
    if (target.window.isMinimized()) target.window.restore();
    target.window.focus();
  }

  function sendCommand(command: ShellCommand): void {
    const target = ensureWindow();
    if (target === null) {
      if (command.type === 'open-path') pendingPaths.push(command.path);
      return;
    }
    target.commands.send(command);
    if (command.type === 'open-path') reveal(target);
  }

  const menuActions: MenuActions = {
    send: sendCommand,
    chooseAndOpen: () => {
      const parent = mainWindow !== null && !mainWindow.window.isDestroyed() ? mainWindow.window : null;
      chooseDocument(parent)
        .then((filePath) => {
          if (filePath !== null) sendCommand({ type: 'open-path', path: filePath });
        })
        .catch((error: unknown) => console.error('Gloss: the Open dialog failed', error));
    },
    clearRecent: () => {
      app.clearRecentDocuments();
      void service
        ?.clearRecent()
        .then(() => refreshMenu())
        .catch((error: unknown) => console.error('Gloss: cannot clear the recent documents', error));
    },
  };

  function applyTheme(next: Theme): void {
    theme = next;
    // Native menus, dialogs and the title bar follow the reading theme; sepia is a light theme.
    nativeTheme.themeSource = next === 'sepia' ? 'light' : next;
    if (mainWindow !== null && !mainWindow.window.isDestroyed()) mainWindow.window.setBackgroundColor(backgroundColorFor(next));
  }

  let menuRefresh: Promise<void> = Promise.resolve();
  /** Rebuilds the menu from the service (Open Recent, the checked theme); refreshes run in order. */
  function refreshMenu(): Promise<void> {
    menuRefresh = menuRefresh.then(async () => {
      if (service === null) return;
      try {
        const [recent, settings] = await Promise.all([service.listRecent({}), service.getSettings({})]);
        applyTheme(settings.theme);
        Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ recent, theme: settings.theme }, menuActions, { platform: process.platform, isPackaged: app.isPackaged })));
      } catch (error) {
        console.error('Gloss: cannot rebuild the menu', error);
      }
    });
    return menuRefresh;
  }

  function afterApiCall(method: ApiMethod, value: unknown, sender: WebContents): void {
    if (MENU_CHANGING_METHODS.has(method)) void refreshMenu();
    const window = BrowserWindow.fromWebContents(sender);
    if (method === 'closeDocument') window?.setRepresentedFilename('');
    if ((method === 'openDocument' || method === 'openSample') && hasPath(value)) {
      // The title bar's proxy icon on macOS.
      if (process.platform === 'darwin') window?.setRepresentedFilename(value.path);
    }
    // The OS's own recent list (Dock, jump list).
    const recentPath = recentDocumentPath(method, value);
    if (recentPath !== null) app.addRecentDocument(recentPath);
  }

  // Registered before `ready`: a document opened from Finder arrives before it.
  listenForOpenFile((filePath) => sendCommand({ type: 'open-path', path: filePath }));

  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    const documentPath = documentPathFromSecondInstance(additionalData, argv, workingDirectory);
    if (documentPath !== null) {
      sendCommand({ type: 'open-path', path: documentPath });
      return;
    }
    const target = ensureWindow();
    if (target !== null) reveal(target);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    // macOS: clicking the Dock icon with no window open brings one back.
    if (app.isReady()) ensureWindow();
  });

  /** The service while it is being created; quitting then waits for it, to release the lock. */
  let starting: Promise<GlossService | null> | null = null;
  let shutDown = false;
  app.on('will-quit', (event) => {
    if (shutDown) return;
    const closing = service !== null ? Promise.resolve(service) : starting;
    if (closing === null) return;
    event.preventDefault();
    service = null;
    starting = null;
    void closing
      .then((svc) => (svc === null ? undefined : closeService(svc, flushLastWindow)))
      .finally(() => {
        shutDown = true;
        app.quit();
      });
  });

  void app.whenReady().then(async () => {
    // Created after `ready` so that on macOS a document opened from Finder (open-file arrives
    // before `ready`) can be the first one shown, instead of flashing the last one read.
    const initialDocumentPath = launchDocument ?? pendingPaths.shift() ?? null;
    const creating = createGlossService({
      dataDir,
      assetsDir: assetsDir(),
      openExternal,
      initialDocumentPath,
      // Paths reach the service only from the system's Open dialog, a drop, the OS and the command line.
      documentAccess: 'any-path',
    }).catch((error: unknown) => {
      reportStartupFailure(error);
      app.exit(1);
      return null;
    });
    starting = creating;
    const svc = await creating;
    // Null also when the app began quitting meanwhile: will-quit took the service and closes it.
    if (svc === null || starting !== creating) return;
    starting = null;
    service = svc;
    if (process.platform === 'win32') app.setAppUserModelId('app.gloss.reader');
    app.setAboutPanelOptions({ applicationName: 'Gloss', applicationVersion: app.getVersion(), iconPath: windowIconPath() });
    lockDownSession();
    handleAppProtocol(rendererDir());
    handleAssetProtocol(svc);
    registerIpcHandlers(ipcMain, { api: svc, isOwnWebContents, onSuccess: afterApiCall });
    await refreshMenu();
    ensureWindow();
  });
}

/** Hands a link to the system; the service has already checked it with externalUrl (GlossApi.openExternal). */
async function openExternal(address: string): Promise<void> {
  await shell.openExternal(address);
}

function hasPath(value: unknown): value is { path: string } {
  return typeof value === 'object' && value !== null && 'path' in value && typeof value.path === 'string';
}

/** Tells the reader why Gloss did not start: another Gloss holds the data folder, or an error. */
function reportStartupFailure(error: unknown): void {
  if (error instanceof GlossError && error.code === 'locked') {
    dialog.showErrorBox('Gloss is already using this data folder', error.message);
    return;
  }
  console.error('Gloss: cannot start', error);
  dialog.showErrorBox('Gloss could not start', toErrorInfo(error).message);
}

/** Writes the last window state, then flushes and unlocks the store; gives up after a timeout. */
async function closeService(service: GlossService, flushWindow: (() => Promise<void>) | null): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      console.error('Gloss: the data folder took too long to close');
      resolve();
    }, SHUTDOWN_TIMEOUT_MS);
  });
  const close = (async () => {
    await flushWindow?.();
    await service.close();
  })().catch((error: unknown) => console.error('Gloss: cannot close the data folder cleanly', error));
  await Promise.race([close, timeout]);
  clearTimeout(timer);
}
