/**
 * The preload: runs sandboxed before the renderer and exposes `window.gloss`, one named function
 * per GlossApi method plus the shell-command subscription. It never hands out `ipcRenderer` or
 * an IPC event (electron/fiddle's preload does the same).
 *
 * Bundled by esbuild into dist/main/preload.cjs. A sandboxed preload may only require
 * 'electron', so this file imports types from '../api' and nothing with runtime weight.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { ApiMethod, ApiRequest, ApiResult, ShellCommand } from '../api';
import { apiChannel, COMMAND_CHANNEL } from './channels';
import { BRIDGE_GLOBAL } from './preload-bridge';
import type { ApiResponse, GlossPreloadBridge } from './preload-bridge';

/** Commands kept while nobody listens yet; far more than a starting renderer ever misses. */
const MAX_PENDING_COMMANDS = 100;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The renderer-side function of one API method. It resolves to an ApiResult, never rejects. */
function invoker<M extends ApiMethod>(method: M): (req: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>> {
  const channel = apiChannel(method);
  return async (req) => {
    try {
      // The main side answers with dispatch()'s ApiResult, already checked against the schemas.
      return (await ipcRenderer.invoke(channel, req)) as ApiResult<ApiResponse<M>>;
    } catch (error) {
      // Only reached when IPC itself fails, e.g. a request that cannot be structured-cloned.
      return { ok: false, error: { code: 'internal', message: `Gloss could not reach its main process: ${messageOf(error)}` } };
    }
  };
}

type CommandCallback = (command: ShellCommand) => void;
const subscribers = new Set<CommandCallback>();
const pendingCommands: ShellCommand[] = [];

// Listening from the start means a command sent while the renderer is still booting (a file
// given on the command line, a second launch) waits here for the first subscriber.
ipcRenderer.on(COMMAND_CHANNEL, (_event: IpcRendererEvent, command: ShellCommand) => {
  if (subscribers.size === 0) {
    if (pendingCommands.length < MAX_PENDING_COMMANDS) pendingCommands.push(command);
    return;
  }
  for (const callback of [...subscribers]) deliver(callback, command);
});

/** Calls one subscriber; a throwing subscriber must not keep the command from the others. */
function deliver(callback: CommandCallback, command: ShellCommand): void {
  try {
    callback(command);
  } catch (error) {
    console.error('Gloss: a shell command handler failed', error);
  }
}

function onCommand(callback: CommandCallback): () => void {
  if (typeof callback !== 'function') throw new TypeError('gloss.onCommand needs a function');
  subscribers.add(callback);
  const queued = pendingCommands.splice(0);
  // Delivered after onCommand returns, so a subscriber that keeps the unsubscribe function is set up.
  if (queued.length > 0) queueMicrotask(() => queued.forEach((command) => deliver(callback, command)));
  return () => {
    subscribers.delete(callback);
  };
}

const bridge: GlossPreloadBridge = {
  getStartup: invoker('getStartup'),
  openDocument: invoker('openDocument'),
  importDocument: invoker('importDocument'),
  openSample: invoker('openSample'),
  closeDocument: invoker('closeDocument'),
  listRecent: invoker('listRecent'),
  getSettings: invoker('getSettings'),
  updateSettings: invoker('updateSettings'),
  saveReadingPosition: invoker('saveReadingPosition'),
  listAnnotations: invoker('listAnnotations'),
  takeNotices: invoker('takeNotices'),
  createAnnotation: invoker('createAnnotation'),
  updateAnnotation: invoker('updateAnnotation'),
  deleteAnnotation: invoker('deleteAnnotation'),
  restoreAnnotation: invoker('restoreAnnotation'),
  saveAnchoring: invoker('saveAnchoring'),
  openExternal: invoker('openExternal'),
  listLibrary: invoker('listLibrary'),
  openLibraryDocument: invoker('openLibraryDocument'),
  removeDocument: invoker('removeDocument'),
  restoreDocument: invoker('restoreDocument'),
  locateDocument: invoker('locateDocument'),
  resolveSimilar: invoker('resolveSimilar'),
  watchDocument: invoker('watchDocument'),
  onCommand,
  pathForFile: (file) => webUtils.getPathForFile(file),
  platform: process.platform,
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
