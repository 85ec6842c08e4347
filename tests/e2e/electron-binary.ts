import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Where `require('electron')` would point, worked out the way electron/index.js does (path.txt,
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring it: when the binary is missing, that module
 * tries to download it, which must not happen from a test run.
 */
export function electronExecutable(): string | null {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, executable ?? 'electron') : executable && path.join(packageDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : null;
}

/**
 * True where the desktop tests must run (CI sets GLOSS_REQUIRE_ELECTRON=1): there a missing
 * binary fails them instead of skipping them, so a broken install cannot pass as green.
 */
export function electronRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.GLOSS_REQUIRE_ELECTRON === '1';
}

/** Why the Electron end-to-end tests are skipped on a machine without the binary. */
export const ELECTRON_SKIP_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD=1): node_modules/electron has no dist/ executable. ' +
  'Run `node node_modules/electron/install.js` (or set ELECTRON_OVERRIDE_DIST_PATH) to run the desktop tests.';

/** Why they fail instead where GLOSS_REQUIRE_ELECTRON=1. */
export const ELECTRON_MISSING_ERROR = `The desktop tests may not be skipped here (GLOSS_REQUIRE_ELECTRON=1), but: ${ELECTRON_SKIP_REASON}`;
