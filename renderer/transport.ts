/**
 * How one GlossApi call reaches the main side and comes back as a raw ApiResult: over the
 * desktop preload's IPC, or over loopback HTTP with the tab's session token. The client (api.ts)
 * is built on these, and so is the startup script that index.html carries inline
 * (startup-script.ts), which is bundled on its own and shares no module instance with the page.
 * Neither ever rejects: a failure is an ApiResult too.
 */
import type { ApiMethod, ApiResult } from '../main/api';
import { SESSION_HEADER, sessionHeaderValue } from '../main/common/browser-session';
import type { GlossPreloadBridge } from '../main/electron/preload-bridge';

/** The desktop preload's `window.gloss`, or undefined in the browser mode. */
export function desktopBridge(): GlossPreloadBridge | undefined {
  return (window as unknown as { gloss?: GlossPreloadBridge }).gloss;
}

/** Sends a call over the desktop preload (its invokers never reject). */
export function callOverBridge(bridge: GlossPreloadBridge, method: ApiMethod, request: unknown): Promise<ApiResult<unknown>> {
  return (bridge[method] as (r: unknown) => Promise<ApiResult<unknown>>)(request);
}

const NO_SESSION: ApiResult<never> = {
  ok: false,
  error: { code: 'invalid-request', message: 'This page has no session with Gloss. Open the address Gloss printed when it started.' },
};

const UNREACHABLE: ApiResult<never> = { ok: false, error: { code: 'io', message: 'Gloss cannot reach its server. Is `npm run serve` still running?' } };

/** Sends a call to the browser mode's server with `token` (null: this tab has none). */
export async function callOverHttp(method: ApiMethod, request: unknown, token: string | null): Promise<ApiResult<unknown>> {
  if (token === null) return NO_SESSION;
  let response: Response;
  let text: string;
  try {
    response = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: sessionHeaderValue(token) },
      body: JSON.stringify(request),
      // Nothing ambient: the token header is the whole credential.
      credentials: 'omit',
    });
    if (response.status === 401) return NO_SESSION;
    text = await response.text();
  } catch {
    return UNREACHABLE;
  }
  try {
    return JSON.parse(text) as ApiResult<unknown>;
  } catch {
    return { ok: false, error: { code: 'io', message: `Gloss's server answered ${response.status}: ${text.slice(0, 200)}` } };
  }
}
