/**
 * The Electron security checklist applied to every webContents and the session: no navigation
 * away from the app, no new windows, no <webview>, no permissions, no downloads. Links to the
 * web and mail go to the system instead.
 */
import { app, session, shell } from 'electron';
import type { Session } from 'electron';
import { externalUrl } from '../common/external-url';
import { isAppUrl } from './urls';

/** Opens `url` in the system browser or mail client when it is http(s) or mailto; else ignores it. */
export function openIfExternal(url: string): void {
  const address = externalUrl(url);
  if (address === null) return;
  shell.openExternal(address).catch((error: unknown) => console.error(`Gloss: cannot open ${address}`, error));
}

/** Denies every permission request and check (camera, notifications, clipboard read, …) and every download. */
export function lockDownSession(ses: Session = session.defaultSession): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
}

/**
 * Guards every webContents the app ever creates (the window, and anything else Chromium makes):
 * navigation and redirects stay inside `gloss://app/`, window.open is denied (web links open in
 * the browser), and <webview> never attaches. Call before the first window exists.
 */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      // A plain link click in the article: the reader meant to visit it, in the browser.
      openIfExternal(event.url);
    });
    contents.on('will-redirect', (event) => {
      if (!isAppUrl(event.url)) event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      openIfExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
