/**
 * IPC channel names shared by the main process and the preload. No imports with runtime
 * effects: the sandboxed preload bundles this file, and must not pull in zod or Node.
 */
import type { ApiMethod } from '../api';

/** The channel of one GlossApi method: `gloss:<method>`. */
export type ApiChannel = `gloss:${ApiMethod}`;

/** The invoke channel for `method`. */
export function apiChannel(method: ApiMethod): ApiChannel {
  return `gloss:${method}`;
}

/** Main → renderer: a ShellCommand (menu item, file opened from the OS). */
export const COMMAND_CHANNEL = 'gloss:command';
