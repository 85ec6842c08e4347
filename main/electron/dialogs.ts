/**
 * The system dialogs the service asks for on the desktop (service-types.ts's ShellDialogs): the
 * Save dialog for exports and the folder picker for the notes folder, each attached to the
 * window when there is one. The browser mode has neither, so only the desktop saves exports where
 * the reader picks and chooses a notes folder.
 */
import type { BrowserWindow, Dialog, OpenDialogOptions, SaveDialogOptions } from 'electron';
import type { ShellDialogs } from '../service-types';

/** The dialogs, over Electron's `dialog` and the window of the moment. */
export function createShellDialogs(dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>, parent: () => BrowserWindow | null): ShellDialogs {
  return {
    async saveFile({ title, defaultPath, filters }) {
      const options: SaveDialogOptions = { title, defaultPath, filters, properties: ['createDirectory', 'showOverwriteConfirmation'] };
      const window = parent();
      const result = window === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(window, options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title, defaultPath }) {
      const options: OpenDialogOptions = { title, defaultPath, buttonLabel: 'Use This Folder', properties: ['openDirectory', 'createDirectory', 'promptToCreate'] };
      const window = parent();
      const result = window === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(window, options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
