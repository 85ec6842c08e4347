import type { GlossErrorCode, GlossErrorInfo } from './api';

/**
 * An error the reader should see as it is: its message is written for people, and its code
 * lets the renderer choose how to show it. Anything else thrown in main becomes 'internal'.
 */
export class GlossError extends Error {
  constructor(
    readonly code: GlossErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GlossError';
  }

  /** The plain form sent over IPC and HTTP. */
  toInfo(): GlossErrorInfo {
    return { code: this.code, message: this.message };
  }
}

/** Turns anything thrown into the plain error info a transport carries. */
export function toErrorInfo(error: unknown): GlossErrorInfo {
  if (error instanceof GlossError) return error.toInfo();
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: `Gloss hit an unexpected error: ${message}` };
}
