/**
 * The renderer's handle on GlossApi. In the desktop app the preload exposes `window.gloss`
 * (one named method per API call, over IPC); in the browser mode the same calls go over
 * loopback HTTP. Either way each call returns the value, or throws an ApiError carrying the
 * main side's code and message.
 */
import type { ApiMethod, ApiResult, GlossApi, GlossErrorCode, ShellCommand } from '../main/api';
import { browserAssetUrl, desktopAssetUrl } from '../main/common/asset-urls';
import { documentInAnswer } from '../main/common/document-answers';
import { earlyAnswerOr } from './early-startup';
import { reloadOnNewToken, takeSessionToken } from './session-token';
import { callOverBridge, callOverHttp, desktopBridge } from './transport';

/** An error reported by the main side, with a message written for the reader. */
export class ApiError extends Error {
  constructor(
    readonly code: GlossErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** GlossApi plus what differs between the desktop app and the browser mode. */
export interface GlossClient {
  api: GlossApi;
  mode: 'desktop' | 'browser';
  /** True on macOS, where shortcuts use Cmd. */
  isMac: boolean;
  /** URL of a file next to a document (an image, audio, video), or null when it cannot be loaded. */
  assetUrl(documentId: string, relativePath: string): string | null;
  /** Menu commands from the desktop shell; a no-op in the browser. */
  onCommand(callback: (command: ShellCommand) => void): void;
  /** The file's path on disk for a dropped file (desktop only), else null. */
  pathForFile(file: File): string | null;
}

function unwrap<T>(result: ApiResult<unknown>): T {
  if (result.ok) return result.value as T;
  throw new ApiError(result.error.code, result.error.message);
}

/** Builds a GlossApi whose every method goes through `call`. */
function apiOver(call: (method: ApiMethod, request: unknown) => Promise<ApiResult<unknown>>): GlossApi {
  return new Proxy({} as GlossApi, {
    get(_target, property) {
      if (typeof property !== 'string') return undefined;
      return async (request: unknown) => unwrap(await call(property as ApiMethod, request ?? {}));
    },
  });
}

/**
 * The browser mode's client: API calls carry the tab's session token in a header; the files
 * next to a document load from URLs signed for that document (an <img> or <video> cannot send a
 * header). The server puts the signature in every answer that hands over a document, so the
 * page computes nothing on the way to showing it.
 */
function connectToServer(): GlossClient {
  reloadOnNewToken();
  const token = takeSessionToken();
  const signatures = new Map<string, string>();
  return {
    api: apiOver(async (method, request) => {
      const result = await earlyAnswerOr(method, request, () => callOverHttp(method, request, token));
      const document = result.ok ? documentInAnswer(method, result.value) : null;
      if (document?.assetSignature !== undefined) signatures.set(document.id, document.assetSignature);
      return result;
    }),
    mode: 'browser',
    isMac: /Mac/.test(navigator.platform),
    assetUrl: (documentId, relativePath) => {
      const signature = signatures.get(documentId);
      return signature === undefined ? null : browserAssetUrl(documentId, signature, relativePath);
    },
    onCommand: () => undefined,
    pathForFile: () => null,
  };
}

/** Connects to the desktop preload when it is there, else to the browser-mode server. */
export function connectToGloss(): GlossClient {
  const bridge = desktopBridge();
  if (!bridge) return connectToServer();
  return {
    api: apiOver((method, request) => earlyAnswerOr(method, request, () => callOverBridge(bridge, method, request))),
    mode: 'desktop',
    isMac: bridge.platform === 'darwin',
    assetUrl: desktopAssetUrl,
    onCommand: (callback) => void bridge.onCommand(callback),
    pathForFile: (file) => bridge.pathForFile(file) || null,
  };
}
