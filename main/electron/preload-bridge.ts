/**
 * The shape of `window.gloss`: everything the preload exposes to the renderer, and nothing more.
 *
 * The renderer imports this file type-only, so it imports nothing but types from '../api':
 * no Electron, no Node, no runtime code.
 */
import type { ApiMethod, ApiRequest, ApiResult, GlossApi, ShellCommand } from '../api';

/** What a GlossApi method resolves to, e.g. `OpenedDocument` for `openDocument`. */
export type ApiResponse<M extends ApiMethod> = Awaited<ReturnType<GlossApi[M]>>;

/**
 * One function per GlossApi method. Each sends its request over IPC and resolves to an
 * ApiResult: it never rejects, so error codes reach the renderer intact.
 */
export type GlossInvokers = {
  readonly [M in ApiMethod]: (req: ApiRequest<M>) => Promise<ApiResult<ApiResponse<M>>>;
};

/** `process.platform` values, spelt out so the renderer needs no Node types. */
export type ShellPlatform =
  | 'aix'
  | 'android'
  | 'darwin'
  | 'freebsd'
  | 'haiku'
  | 'linux'
  | 'openbsd'
  | 'sunos'
  | 'win32'
  | 'cygwin'
  | 'netbsd';

/** Exactly what the preload exposes as `window.gloss`. */
export interface GlossPreloadBridge extends GlossInvokers {
  /**
   * Receives the shell's commands (menu items, files opened from the OS). Commands sent before
   * the first subscriber are kept and delivered to it, so none is lost while the renderer starts.
   * Returns a function that unsubscribes.
   */
  onCommand(callback: (command: ShellCommand) => void): () => void;
  /** The filesystem path of a dropped file ('' when it has none). */
  pathForFile(file: File): string;
  /** The OS, for platform conventions such as ⌘ vs Ctrl in shortcut hints. */
  readonly platform: ShellPlatform;
}

/** The global the bridge is exposed as: `window.gloss`. */
export const BRIDGE_GLOBAL = 'gloss';
