/**
 * The Electron security checklist applied to every webContents and the session: no navigation
 * away from the app, no new windows, no <webview>, no permissions, no downloads. Links to the
 * web and mail go to the system instead.
 */
import { app, session, shell } from 'electron';
import type { Session } from 'electron';
import { externalUrl } from '../common/external-url';
import { guardWebContents } from './navigation-guard';

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
 * Guards every webContents the app ever creates (the window, and anything else Chromium makes)
 * with navigation-guard.ts: nothing leaves `gloss://app/`; a link to an annotation goes to
 * `onAnnotationLink`, which reveals it. Call before the first window exists.
 */
export function guardAllWebContents(onAnnotationLink: (url: string) => void = () => undefined): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, { onAnnotationLink, openExternal: openIfExternal }));
}
