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
    // Kept once the script taking it has run, so the page's first request (startup-request.ts) is
    // on its way first: writing sessionStorage waits on the browser process, which on a busy
    // machine takes up to tens of milliseconds.
    queueMicrotask(() => {
      sessionStorage.setItem(STORAGE_KEY, fromAddress);
      history.replaceState(history.state, '', `${location.pathname}${withoutToken(location.hash)}`);
    });
    return fromAddress;
  }
  return sessionStorage.getItem(STORAGE_KEY);
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
