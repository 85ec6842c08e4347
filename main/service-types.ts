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
  /** Reads an image next to a document; refuses paths outside the document's folder. */
  readAsset(documentId: string, relativePath: string): Promise<DocumentAsset>;
  getWindowState(): WindowState | null;
  saveWindowState(state: WindowState): Promise<void>;
  /** Flushes pending writes and releases the data-folder lock. */
  close(): Promise<void>;
}

/** What a transport supplies when it creates the service. */
export interface ServiceOptions {
  /** Folder holding gloss.json, annotations/ and the lock. Created when missing. */
  dataDir: string;
  /** Folder holding the shipped assets (articles/, icons/). */
  assetsDir: string;
  /** Opens a URL in the system browser; absent in browser mode, where the renderer opens a tab. */
  openExternal?: (url: string) => Promise<void>;
  /** A document named on the command line: opened at start instead of the last one read. */
  initialDocumentPath?: string | null;
}
