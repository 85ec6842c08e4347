/**
 * The renderer's handle on GlossApi. In the desktop app the preload exposes `window.gloss`
 * (one named method per API call, over IPC); in the browser mode the same calls go over
 * loopback HTTP. Either way each call returns the value, or throws an ApiError carrying the
 * main side's code and message.
 */
import type { ApiMethod, ApiResult, GlossApi, GlossErrorCode, OpenedDocument, ShellCommand, Startup } from '../main/api';
import { browserAssetUrl, desktopAssetUrl, signAssetAccess } from '../main/common/asset-urls';
import type { ApiResponse } from '../main/electron/preload-bridge';
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

/** The API methods that answer with a document to show. */
type DocumentMethod = { [M in ApiMethod]: ApiResponse<M> extends OpenedDocument ? M : never }[ApiMethod];

/**
 * Every method that answers with a document, listed so the compiler holds the list to the API:
 * leaving one out (as openLibraryDocument once was) would show its document without its images.
 */
const ANSWERS_WITH_A_DOCUMENT: Record<DocumentMethod, true> = {
  openDocument: true,
  importDocument: true,
  openSample: true,
  openLibraryDocument: true,
  locateDocument: true,
  resolveSimilar: true,
  openAnnotationLink: true,
};

/** The document an API result hands the page to show, whose files it will then load. */
function documentIn(method: ApiMethod, value: unknown): OpenedDocument | null {
  if (method === 'getStartup') return (value as Startup).document;
  return Object.hasOwn(ANSWERS_WITH_A_DOCUMENT, method) ? (value as OpenedDocument) : null;
}

/**
 * The browser mode's client: API calls carry the tab's session token in a header; the files
 * next to a document load from URLs signed for that document, made (with the token) when the
 * document arrives, before the page shows it. An <img> or <video> cannot send a header.
 */
function connectToServer(): GlossClient {
  reloadOnNewToken();
  const token = takeSessionToken();
  const signatures = new Map<string, string>();
  return {
    api: apiOver(async (method, request) => {
      const result = await earlyAnswerOr(method, request, () => callOverHttp(method, request, token));
      const document = result.ok ? documentIn(method, result.value) : null;
      if (token !== null && document !== null && !signatures.has(document.id)) signatures.set(document.id, await signAssetAccess(token, document.id));
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
