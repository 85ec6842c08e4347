/**
 * The IPC side of GlossApi: one `ipcMain.handle('gloss:<method>')` per API method. Every call
 * first proves it comes from the main frame of one of Gloss's own windows showing `gloss://app/`
 * (as electron/fiddle's ipc.ts and VS Code's validatedIpcMain do), then goes through dispatch(),
 * which checks the payload against requestSchemas and turns every failure into an ApiResult.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { API_METHODS } from '../api';
import type { ApiMethod, ApiResult, GlossApi } from '../api';
import { dispatch } from '../dispatch';
import { toErrorInfo } from '../errors';
import { apiChannel } from './channels';
import { isAppUrl } from './urls';

/**
 * The part of Electron's `ipcMain` the handlers are registered on. main.ts passes the real one;
 * tests pass a fake, so this module imports Electron for its types only.
 */
export type IpcHandlerRegistry = Pick<IpcMain, 'handle' | 'removeHandler'>;

/** What the IPC layer needs from the rest of the shell. */
export interface IpcOptions {
  api: GlossApi;
  /** True for the webContents of Gloss's own windows; nothing else may call the API. */
  isOwnWebContents(contents: WebContents): boolean;
  /** Runs after each successful call, e.g. to rebuild the Open Recent menu after an open. */
  onSuccess?(method: ApiMethod, value: unknown, sender: WebContents): void;
}

const REFUSED: ApiResult<never> = {
  ok: false,
  error: { code: 'invalid-request', message: 'This request did not come from a Gloss window.' },
};

/**
 * True when the call comes from the current main frame (not an iframe, not a frame that has
 * since navigated away) of one of our windows, and that frame shows the app itself.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, isOwnWebContents: (contents: WebContents) => boolean): boolean {
  try {
    // Null once the sending frame has navigated away or been destroyed.
    const frame = event.senderFrame;
    if (frame === null) return false;
    if (frame.detached || frame.parent !== null) return false;
    if (event.sender.isDestroyed() || !isOwnWebContents(event.sender)) return false;
    if (event.sender.mainFrame.frameToken !== frame.frameToken) return false;
    return isAppUrl(frame.url);
  } catch {
    // A frame torn down mid-call throws on access: it is not a sender we answer.
    return false;
  }
}

/** Registers one handler per API method on `ipc`; returns a function that removes them all. */
export function registerIpcHandlers(ipc: IpcHandlerRegistry, options: IpcOptions): () => void {
  for (const method of API_METHODS) {
    ipc.handle(apiChannel(method), async (event, payload: unknown): Promise<ApiResult<unknown>> => {
      if (!isTrustedSender(event, options.isOwnWebContents)) return REFUSED;
      let result: ApiResult<unknown>;
      try {
        result = await dispatch(options.api, method, payload);
      } catch (error) {
        // dispatch() promises never to throw; if it ever does, the renderer still gets an ApiResult.
        result = { ok: false, error: toErrorInfo(error) };
      }
      if (result.ok && options.onSuccess !== undefined) {
        try {
          options.onSuccess(method, result.value, event.sender);
        } catch (error) {
          console.error(`Gloss: after ${method}`, error);
        }
      }
      return result;
    });
  }
  return () => {
    for (const method of API_METHODS) ipc.removeHandler(apiChannel(method));
  };
}
