import { ELECTRON_FETCH_HINT, electronExecutable } from '../../main/launch/electron-binary';

export { electronExecutable };

/**
 * True where the desktop tests must run (CI sets GLOSS_REQUIRE_ELECTRON=1): there a missing
 * binary fails them instead of skipping them, so a broken install cannot pass as green.
 */
export function electronRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GLOSS_REQUIRE_ELECTRON === '1';
}

/** Why the Electron end-to-end tests are skipped on a machine without the binary. */
export const ELECTRON_SKIP_REASON = `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): node_modules/electron has no dist/ executable. To run the desktop tests, ${ELECTRON_FETCH_HINT}.`;

/** Why they fail instead where GLOSS_REQUIRE_ELECTRON=1. */
export const ELECTRON_MISSING_ERROR = `The desktop tests may not be skipped here (GLOSS_REQUIRE_ELECTRON=1), but: ${ELECTRON_SKIP_REASON}`;
