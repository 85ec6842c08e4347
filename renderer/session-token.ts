/**
 * The browser mode's session token on the page's side (see main/common/browser-session.ts): taken
 * from the address Gloss printed once, then removed from the address bar (so it is neither shown,
 * bookmarked nor kept in history), and kept for this tab in sessionStorage, which belongs to this
 * origin alone (scheme, host and port), so a reload keeps working and no other server sees it.
 */
import { tokenFromAddress, withoutToken } from '../main/common/browser-session';

const STORAGE_KEY = 'gloss-session-token';

/**
 * This tab's token: a fresh one from the address, else the one kept for the tab, else null. What
 * else the fragment says (an annotation link, `#token=…&annotation=…`) stays in the address.
 */
export function takeSessionToken(): string | null {
  const fromAddress = tokenFromAddress(location.hash, location.search);
  if (fromAddress !== null) {
    // Kept later (keepSessionToken): writing sessionStorage waits on the browser process, which
    // on a busy machine takes up to tens of milliseconds, and the page's first frame should not
    // wait for it. Until then the address still holds the token, so a reload meanwhile finds it.
    unkept = fromAddress;
    window.addEventListener('pagehide', keepSessionToken, { once: true });
    window.setTimeout(keepSessionToken, KEEP_AT_THE_LATEST_MS);
    return fromAddress;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

/**
 * This tab's token as takeSessionToken finds it, without taking it: what the startup script
 * (startup-script.ts) sends before the page's own scripts have run.
 */
export function sessionTokenForTab(): string | null {
  return tokenFromAddress(location.hash, location.search) ?? sessionStorage.getItem(STORAGE_KEY);
}

/** A token taken from the address and not yet kept for the tab. */
let unkept: string | null = null;

/** When the token is kept if nothing has asked for it sooner: the page is long drawn by then. */
const KEEP_AT_THE_LATEST_MS = 2000;

/**
 * Keeps the token taken from the address for this tab and removes it from the address bar;
 * renderer/main.ts calls it once the first frame is drawn. Nothing to do when there is none.
 */
export function keepSessionToken(): void {
  if (unkept === null) return;
  sessionStorage.setItem(STORAGE_KEY, unkept);
  unkept = null;
  history.replaceState(history.state, '', `${location.pathname}${withoutToken(location.hash)}`);
}

/**
 * Starts afresh when a new address with a token is opened in this tab (a restarted server prints
 * a new one): an address that differs only in its fragment does not reload the page by itself.
 */
export function reloadOnNewToken(): void {
  window.addEventListener('hashchange', () => {
    if (tokenFromAddress(location.hash, '') !== null) location.reload();
  });
}
