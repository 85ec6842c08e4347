/**
 * What one webContents may navigate to: only pages of the app (`gloss://app/`). Anything else is
 * stopped; an annotation link (`gloss://annotation/…`, the same scheme but no page of the app)
 * goes to `onAnnotationLink` to be revealed, and a web or mail link to the system. Redirects
 * away from the app are stopped, window.open is always denied, <webview> never attaches.
 *
 * Electron is imported for its types only, so the guard runs in plain Node in the tests.
 */
import type { WebContents } from 'electron';
import { parseAnnotationLink } from '../common/annotation-link';
import { isAppUrl } from './urls';

/** Where stopped navigations go. */
export interface NavigationHandlers {
  /** A `gloss://annotation/…` link: reveal it. */
  onAnnotationLink(url: string): void;
  /** Anything else outside the app: open it in the system when it is a web or mail link. */
  openExternal(url: string): void;
}

/** The part of a WebContents the guard listens to. */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Hands a URL that is not the app's to the right handler. */
function handOver(url: string, handlers: NavigationHandlers): void {
  if (parseAnnotationLink(url) !== null) handlers.onAnnotationLink(url);
  else handlers.openExternal(url);
}

/** Guards `contents` (see the module comment). */
export function guardWebContents(contents: GuardedContents, handlers: NavigationHandlers): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A link clicked in the article or a note: the reader meant to follow it, outside the page.
    handOver(event.url, handlers);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    handOver(url, handlers);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
