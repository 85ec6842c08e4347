/**
 * The startup request, sent before the page's scripts have even arrived. index.html carries a
 * tiny inline script (startup-script.ts, put there by the build) that the parser runs at once:
 * it sends getStartup and leaves the pending answer on the window. The client (api.ts) answers
 * the page's first getStartup with it, so the main side reads and renders the document while
 * the browser fetches and compiles the renderer's bundle, and its answer is usually in by the
 * time that bundle asks.
 */
import type { ApiMethod, ApiResult } from '../main/api';
import { sessionTokenForTab } from './session-token';
import { callOverBridge, callOverHttp, desktopBridge } from './transport';

/** The window property the startup script leaves its pending answer in, for the client to take. */
const EARLY_STARTUP = 'glossEarlyStartup';

type Holder = Record<typeof EARLY_STARTUP, Promise<ApiResult<unknown>> | undefined>;

/** Sends getStartup the way the client would (desktop bridge, else HTTP with the tab's token) and leaves the answer on the window. */
export function sendEarlyStartup(): void {
  const bridge = desktopBridge();
  const answer = bridge ? callOverBridge(bridge, 'getStartup', {}) : callOverHttp('getStartup', {}, sessionTokenForTab());
  (window as unknown as Holder)[EARLY_STARTUP] = answer;
}

/**
 * The answer to `method` called with `request`: the page's first getStartup (with no request
 * fields: what the startup script sent) takes the answer the startup script is waiting for;
 * every other call, and getStartup when there is none, is sent now by `send`.
 */
export function earlyAnswerOr(method: ApiMethod, request: unknown, send: () => Promise<ApiResult<unknown>>): Promise<ApiResult<unknown>> {
  if (method !== 'getStartup' || !isEmptyRequest(request)) return send();
  const holder = window as unknown as Holder;
  const early = holder[EARLY_STARTUP];
  // Taken once: a later getStartup (none is made today) asks afresh.
  holder[EARLY_STARTUP] = undefined;
  return early instanceof Promise ? early : send();
}

function isEmptyRequest(request: unknown): boolean {
  return typeof request === 'object' && request !== null && Object.keys(request).length === 0;
}
