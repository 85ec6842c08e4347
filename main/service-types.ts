import type { GlossApi } from './api';

/** Where and how big the desktop window was, remembered between launches. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A document-relative file (an image) read for the renderer. */
export interface DocumentAsset {
  bytes: Uint8Array;
  mimeType: string;
}

/**
 * GlossApi plus what only the transports need: assets, window state, shutdown.
 * The renderer never sees these methods.
 */
export interface GlossService extends GlossApi {
  /** Reads a file next to a document (an image, audio, video); refuses anything outside its folder, symlinks resolved. */
  readAsset(documentId: string, relativePath: string): Promise<DocumentAsset>;
  getWindowState(): WindowState | null;
  /** Empties the recent list (the desktop's File › Open Recent › Clear Recent); the library keeps every document. */
  clearRecent(): Promise<void>;
  saveWindowState(state: WindowState): Promise<void>;
  /** Flushes pending writes and releases the data-folder lock. */
  close(): Promise<void>;
}

/**
 * Which paths GlossApi.openDocument may open; each transport says which it needs.
 * - 'any-path': whatever the reader chose. The desktop: its window asks only for files picked in
 *   the system's Open dialog, dropped on it, listed in Recent, or handed over by the OS.
 * - 'library': only documents already in the library or named on the command line. The browser
 *   mode: there a path comes from a web page, which must not be able to read the disk through
 *   Gloss. Other files reach it by upload (importDocument).
 */
export type DocumentAccess = 'any-path' | 'library';

/** What a transport supplies when it creates the service. */
export interface ServiceOptions {
  /** Which paths openDocument opens. */
  documentAccess: DocumentAccess;
  /** Folder holding gloss.json, annotations/ and the lock. Created when missing. */
  dataDir: string;
  /** Folder holding the shipped assets (articles/, icons/). */
  assetsDir: string;
  /**
   * Opens an address in the system browser; absent in browser mode, where the renderer opens a
   * tab. The service has checked it with externalUrl (http, https, mailto, no credentials).
   */
  openExternal?: (url: string) => Promise<void>;
  /** A document named on the command line: opened at start instead of the last one read. */
  initialDocumentPath?: string | null;
}
