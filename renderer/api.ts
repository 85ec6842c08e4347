/**
 * The renderer's handle on GlossApi. In the desktop app the preload exposes `window.gloss`
 * (one named method per API call, over IPC); in the browser mode the same calls go over
 * loopback HTTP. Either way each call returns the value, or throws an ApiError carrying the
 * main side's code and message.
 */
import type { ApiMethod, ApiResult, GlossApi, GlossErrorCode, ShellCommand } from '../main/api';
import { desktopAssetUrl, encodeAssetPath } from '../main/common/asset-urls';
import type { GlossPreloadBridge } from '../main/electron/preload-bridge';

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
  /** URL of an image next to a document. */
  assetUrl(documentId: string, relativePath: string): string;
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

async function callOverHttp(method: ApiMethod, request: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Gloss-Request': '1' },
      body: JSON.stringify(request),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, error: { code: 'io', message: 'Gloss cannot reach its server. Is `npm run serve` still running?' } };
  }
  if (response.status === 401) {
    return { ok: false, error: { code: 'invalid-request', message: 'This page lost its session. Open the address Gloss printed when it started.' } };
  }
  const text = await response.text();
  try {
    return JSON.parse(text) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'io', message: `Gloss's server answered ${response.status}: ${text.slice(0, 200)}` } };
  }
}

/** Connects to the desktop preload when it is there, else to the browser-mode server. */
export function connectToGloss(): GlossClient {
  const bridge = (window as unknown as { gloss?: GlossPreloadBridge }).gloss;
  if (bridge) {
    return {
      api: apiOver((method, request) => (bridge[method] as (r: unknown) => Promise<ApiResult<unknown>>)(request)),
      mode: 'desktop',
      isMac: bridge.platform === 'darwin',
      assetUrl: desktopAssetUrl,
      onCommand: (callback) => void bridge.onCommand(callback),
      pathForFile: (file) => bridge.pathForFile(file) || null,
    };
  }
  return {
    api: apiOver(callOverHttp),
    mode: 'browser',
    isMac: /Mac/.test(navigator.platform),
    assetUrl: (documentId, relativePath) => `/asset/${documentId}/${encodeAssetPath(relativePath)}`,
    onCommand: () => undefined,
    pathForFile: () => null,
  };
}
