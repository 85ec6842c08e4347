/**
 * The native application menu. Items that concern the document or the reading view become
 * ShellCommands for the renderer; editing, zoom and window items use Electron's roles, which
 * bring the platform's own labels and accelerators (zoom's come from the keymap). Pure: it
 * imports Electron's types only, so it can be inspected in tests; main.ts installs it.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { DocumentSummary, ShellCommand, Theme } from '../api';
import { KEYMAP, menuAccelerator, type KeyCommand } from '../common/keymap';
import { THEME_LABELS, THEMES } from '../common/limits';

/** What the menu shows that can change while the app runs. */
export interface MenuState {
  recent: readonly DocumentSummary[];
  theme: Theme;
}

/** What menu items do. */
export interface MenuActions {
  /** Sends a command to the window's renderer (creating the window if there is none). */
  send(command: ShellCommand): void;
  /** File › Open…: the system dialog, then 'open-path'. */
  chooseAndOpen(): void;
  /** File › Open Recent › Clear Recent: empties Gloss's recent list and the operating system's. */
  clearRecent(): void;
}

/** What differs between platforms and builds. */
export interface MenuEnvironment {
  platform: NodeJS.Platform;
  /** Developer items (reload, dev tools) only appear when false. */
  isPackaged: boolean;
}

/** How many recent documents File › Open Recent lists. */
const MAX_RECENT_ITEMS = 10;

/** Longest recent-document label before it is shortened with an ellipsis. */
const MAX_LABEL_LENGTH = 60;

function shorten(text: string): string {
  return text.length <= MAX_LABEL_LENGTH ? text : `${text.slice(0, MAX_LABEL_LENGTH - 1).trimEnd()}…`;
}

/**
 * Labels of the recent documents: the title (what the reader saw; file names of saved articles
 * are often opaque), plus the file name when two titles are the same. On Windows and Linux `&`
 * marks a mnemonic, so a literal one is doubled.
 */
function recentLabels(recent: readonly DocumentSummary[], platform: NodeJS.Platform): string[] {
  const titleOf = (doc: DocumentSummary): string => doc.title.trim() || doc.fileName;
  const counts = new Map<string, number>();
  for (const doc of recent) counts.set(titleOf(doc), (counts.get(titleOf(doc)) ?? 0) + 1);
  return recent.map((doc) => {
    const title = titleOf(doc);
    const shared = (counts.get(title) ?? 0) > 1 && title !== doc.fileName;
    const label = shared ? `${shorten(title)} — ${doc.fileName}` : shorten(title);
    return platform === 'darwin' ? label : label.replaceAll('&', '&&');
  });
}

function recentSubmenu(state: MenuState, actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const recent = state.recent.slice(0, MAX_RECENT_ITEMS);
  // Clear Recent stays even when Gloss's list is empty: the system's list may still hold some.
  const clear: MenuItemConstructorOptions[] = [{ type: 'separator' }, { label: 'Clear Recent', click: () => actions.clearRecent() }];
  if (recent.length === 0) return [{ label: 'No Recent Documents', enabled: false }, ...clear];
  const labels = recentLabels(recent, env.platform);
  const items: MenuItemConstructorOptions[] = recent.map((doc, index) => ({
    label: labels[index] ?? doc.fileName,
    toolTip: doc.path,
    click: () => actions.send({ type: 'open-path', path: doc.path }),
  }));
  return [...items, ...clear];
}

/** The menu as a template: pure apart from the click handlers, so it can be inspected in tests. */
export function buildMenuTemplate(state: MenuState, actions: MenuActions, env: MenuEnvironment): MenuItemConstructorOptions[] {
  const isMac = env.platform === 'darwin';
  const send = (command: ShellCommand) => () => actions.send(command);
  // Every accelerator comes from the keymap, so the shortcuts dialog lists what the menu does.
  const keys = (command: KeyCommand) => menuAccelerator(KEYMAP, command, isMac);

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Open…', accelerator: keys('open-document'), click: () => actions.chooseAndOpen() },
      { label: 'Open Recent', submenu: recentSubmenu(state, actions, env) },
      { type: 'separator' },
      { label: 'Close Document', accelerator: keys('close-document'), click: send({ type: 'close-document' }) },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { label: 'Library', accelerator: keys('show-library'), click: send({ type: 'show-library' }) },
      { label: 'Toggle Sidebar', accelerator: keys('toggle-sidebar'), click: send({ type: 'toggle-sidebar' }) },
      {
        label: 'Theme',
        submenu: THEMES.map((theme) => ({
          label: THEME_LABELS[theme],
          type: 'radio',
          checked: state.theme === theme,
          click: send({ type: 'set-theme', theme }),
        })),
      },
      { type: 'separator' },
      { label: 'Larger Text', accelerator: keys('larger-text'), click: send({ type: 'font-size', delta: 1 }) },
      { label: 'Smaller Text', accelerator: keys('smaller-text'), click: send({ type: 'font-size', delta: -1 }) },
      { type: 'separator' },
      { role: 'resetZoom', accelerator: keys('reset-zoom') },
      { role: 'zoomIn', accelerator: keys('zoom-in') },
      { role: 'zoomOut', accelerator: keys('zoom-out') },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(env.isPackaged ? [] : [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: keys('show-shortcuts'), click: send({ type: 'show-shortcuts' }) },
      // macOS has About in the app menu.
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'about', label: 'About Gloss' } as const]),
    ],
  };

  return [...(isMac ? [{ role: 'appMenu' } as const] : []), file, edit, view, ...(isMac ? [{ role: 'windowMenu' } as const] : []), help];
}
