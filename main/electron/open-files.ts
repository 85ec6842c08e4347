/**
 * How documents reach Gloss from outside the window: the command line (first launch and second
 * launches), macOS's open-file event (Finder, the Dock), and File › Open….
 */
import path from 'node:path';
import { app, dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions } from 'electron';
import { findDocumentArgument } from '../data-dir';
import { DOCUMENT_EXTENSIONS } from '../documents/document-format';

/** Dialog filters take extensions without their dot. */
const withoutDot = (extensions: readonly string[]) => extensions.map((extension) => extension.slice(1));

/**
 * The document named on a command line, as an absolute path. Relative arguments are resolved
 * against the directory the command ran in (a second launch's differs from ours) before
 * findDocumentArgument() judges them.
 */
export function documentPathFromArgv(argv: readonly string[], workingDirectory: string): string | null {
  const resolved = argv.map((arg) => (arg.startsWith('-') ? arg : path.resolve(workingDirectory, arg)));
  return findDocumentArgument(resolved);
}

/** What a second launch hands the running instance (`requestSingleInstanceLock`'s additional data). */
export interface SecondInstanceData {
  documentPath: string | null;
  /** A `gloss://annotation/…` link it was started with (annotation-links.ts). */
  annotationLink: string | null;
}

/** Reads a second launch's additional data defensively: it crosses a process boundary. */
export function documentPathFromSecondInstance(additionalData: unknown, argv: readonly string[], workingDirectory: string): string | null {
  if (typeof additionalData === 'object' && additionalData !== null && 'documentPath' in additionalData) {
    const { documentPath } = additionalData;
    if (typeof documentPath === 'string' && path.isAbsolute(documentPath)) return documentPath;
  }
  // Chromium may append switches to argv, which findDocumentArgument skips.
  return documentPathFromArgv(argv, workingDirectory);
}

/**
 * Listens for macOS's open-file (a document dropped on the Dock icon or opened from Finder).
 * Call at startup, before `ready`: the first file of a launch arrives before it.
 */
export function listenForOpenFile(onPath: (filePath: string) => void): void {
  app.on('open-file', (event, filePath) => {
    event.preventDefault();
    onPath(filePath);
  });
}

/** Asks for a file of annotations to import (JSON, JSON-LD) with the system's Open dialog; null when the reader cancels. */
export async function chooseImportFile(parent: BrowserWindow | null, defaultPath: string | undefined): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Import Annotations',
    properties: ['openFile'],
    defaultPath,
    filters: [
      { name: 'Annotations (Gloss JSON, W3C Web Annotation, Hypothesis)', extensions: ['json', 'jsonld'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Asks for a document with the system's Open dialog; null when the reader cancels. */
export async function chooseDocument(parent: BrowserWindow | null): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: 'Open Document',
    properties: ['openFile'],
    filters: [
      { name: 'Markdown and text', extensions: withoutDot([...DOCUMENT_EXTENSIONS.markdown, ...DOCUMENT_EXTENSIONS.text]) },
      { name: 'Markdown', extensions: withoutDot(DOCUMENT_EXTENSIONS.markdown) },
      { name: 'Plain text', extensions: withoutDot(DOCUMENT_EXTENSIONS.text) },
    ],
  };
  const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
