/**
 * Which API calls put a file on the operating system's recent-documents list (the Dock's and the
 * taskbar's jump lists, `app.addRecentDocument`), and which change what File › Open Recent or
 * the View menu show. Pure, so the shell's rules are tested without Electron.
 */
import type { ApiMethod } from '../api';

/** Calls whose result is a document opened from a file the reader chose, found or located. */
const OPENS_A_FILE: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['openDocument', 'openLibraryDocument', 'locateDocument', 'resolveSimilar', 'openAnnotationLink']);

/** Calls after which the Open Recent list or the theme may have changed. */
export const MENU_CHANGING_METHODS: ReadonlySet<ApiMethod> = new Set<ApiMethod>([
  'getStartup',
  'openDocument',
  'importDocument',
  'openSample',
  'closeDocument',
  'updateSettings',
  'openLibraryDocument',
  'locateDocument',
  'resolveSimilar',
  'removeDocument',
  'restoreDocument',
  'openAnnotationLink',
]);

/**
 * The path to add to the system's recent documents after `method` answered `value`, or null. A
 * file Gloss is still asking about ("Attach them?") is added once the reader has answered; an
 * empty file is not added.
 */
export function recentDocumentPath(method: ApiMethod, value: unknown): string | null {
  if (!OPENS_A_FILE.has(method) || typeof value !== 'object' || value === null) return null;
  const opened = value as { path?: unknown; similarTo?: unknown; isSample?: unknown; isEmpty?: unknown };
  if (typeof opened.path !== 'string' || opened.similarTo !== undefined || opened.isSample === true) return null;
  // Nothing to come back to: an empty file stays out of Recent, the system's too.
  if (opened.isEmpty === true) return null;
  return opened.path;
}
