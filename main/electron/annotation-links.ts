/**
 * Links back into Gloss on the desktop: `gloss://annotation/<document>/<annotation>`
 * (main/common/annotation-link.ts). The operating system hands them over four ways, each
 * turned into an 'open-annotation' ShellCommand for the window, which opens the document and
 * reveals the annotation with its own anchoring:
 *
 * - the first launch's command line (Windows and Linux start Gloss with the link as an argument);
 * - a second launch's, handed to the running Gloss by the single-instance lock;
 * - macOS's `open-url` event (before `ready` too);
 * - a link clicked inside the window: the navigation is caught in will-navigate and resolved,
 *   never served (`gloss://app/` is the renderer's own scheme; `gloss://annotation/` is not a
 *   page of it).
 *
 * Registration with the OS: electron-builder's `protocols` (Info.plist, the .desktop file, the
 * NSIS installer's registry keys) and `app.setAsDefaultProtocolClient` at start. Only a packaged
 * app registers itself: a development build must not claim the scheme for the Electron binary in
 * node_modules (on Linux that rewrites the desktop's own settings).
 *
 * Electron's objects come in as parameters, typed by Electron's own types, so every piece runs
 * in plain Node in the tests with fakes.
 */
import type { App } from 'electron';
import type { ShellCommand } from '../api';
import { ANNOTATION_LINK_SCHEME, parseAnnotationLink } from '../common/annotation-link';

/** The command that reveals the annotation `url` links to, or null when it is not an annotation link. */
export function annotationCommand(url: string): Extract<ShellCommand, { type: 'open-annotation' }> | null {
  const ref = parseAnnotationLink(url);
  return ref === null ? null : { type: 'open-annotation', documentId: ref.documentId, annotationId: ref.annotationId };
}

/** The annotation link on a command line (the OS passes it as an argument), or null. */
export function annotationLinkInArgv(argv: readonly string[]): string | null {
  return argv.find((arg) => parseAnnotationLink(arg) !== null) ?? null;
}

/**
 * The annotation link a second launch hands over: from the additional data it sent (it crosses a
 * process boundary, so it is read defensively), else from its command line.
 */
export function annotationLinkFromSecondInstance(additionalData: unknown, argv: readonly string[]): string | null {
  if (typeof additionalData === 'object' && additionalData !== null && 'annotationLink' in additionalData) {
    const { annotationLink } = additionalData;
    if (typeof annotationLink === 'string' && parseAnnotationLink(annotationLink) !== null) return annotationLink;
  }
  return annotationLinkInArgv(argv);
}

/**
 * Makes Gloss the OS's handler of annotation links, when packaged (see the module comment).
 * Returns whether it asked the OS.
 */
export function registerLinkScheme(app: Pick<App, 'isPackaged' | 'isDefaultProtocolClient' | 'setAsDefaultProtocolClient'>): boolean {
  if (!app.isPackaged) return false;
  if (!app.isDefaultProtocolClient(ANNOTATION_LINK_SCHEME)) app.setAsDefaultProtocolClient(ANNOTATION_LINK_SCHEME);
  return true;
}

/**
 * Listens for macOS's `open-url` (a link clicked in another app while Gloss runs, or that started
 * it). Call before `ready`: the link that launched Gloss arrives before it.
 */
export function listenForOpenUrl(app: Pick<App, 'on'>, onLink: (command: Extract<ShellCommand, { type: 'open-annotation' }>) => void): void {
  app.on('open-url', (event, url) => {
    const command = annotationCommand(url);
    if (command === null) return;
    event.preventDefault();
    onLink(command);
  });
}
