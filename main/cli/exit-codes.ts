/**
 * The `gloss` command's exit codes: one table, which the help prints and the README mirrors.
 */
import type { GlossErrorCode } from '../api';
import { GlossError } from '../errors';

/** What each exit code means, in the order the help lists them. */
export const EXIT_CODES = {
  ok: { code: 0, meaning: 'done' },
  failed: { code: 1, meaning: 'something failed: a file could not be read or written, or an unexpected error' },
  usage: { code: 2, meaning: 'bad usage: an unknown command or option, a missing or bad value (an unknown format, say)' },
  inUse: { code: 3, meaning: 'the data folder is in use by a running Gloss, so nothing was imported' },
  notFound: { code: 4, meaning: 'not found: the document or file named does not exist, or is not in the library' },
  refused: { code: 5, meaning: 'the file cannot be imported as it is (not JSON, a wrong shape, too large, over the limits); nothing was changed' },
} as const;

/** The exit code of a failure the command did not see coming by name. */
export function exitCodeFor(error: unknown): number {
  if (error instanceof UsageError) return EXIT_CODES.usage.code;
  if (!(error instanceof GlossError)) return EXIT_CODES.failed.code;
  const byCode: Partial<Record<GlossErrorCode, number>> = {
    locked: EXIT_CODES.inUse.code,
    'not-found': EXIT_CODES.notFound.code,
    'invalid-request': EXIT_CODES.refused.code,
    'too-large': EXIT_CODES.refused.code,
    'not-text': EXIT_CODES.refused.code,
    'bad-encoding': EXIT_CODES.refused.code,
  };
  return byCode[error.code] ?? EXIT_CODES.failed.code;
}

/** A command line the command cannot run: its message says what to type instead. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The command whose help to point at. */
    readonly command: string | null = null,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The exit codes as the help lists them. */
export function exitCodesHelp(): string {
  return Object.values(EXIT_CODES)
    .map(({ code, meaning }) => `  ${code}  ${meaning}`)
    .join('\n');
}
