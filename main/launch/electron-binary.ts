/**
 * Where the Electron binary is, found the way electron/index.js finds it (its path.txt, or
 * ELECTRON_OVERRIDE_DIST_PATH) but without requiring that module: when the binary is missing,
 * requiring it starts a download, which must not happen from `npm start` or a test run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** How to get the binary later, for people: one wording for `npm start` and the tests. */
export const ELECTRON_FETCH_HINT =
  'run `node node_modules/electron/install.js` where github.com can be reached (or set ELECTRON_OVERRIDE_DIST_PATH to a folder holding an Electron build)';

/** The Electron executable installed for this project, or null when it was not downloaded. */
export function electronExecutable(env: NodeJS.ProcessEnv = process.env, fromDir: string = process.cwd()): string | null {
  let packageDir: string;
  try {
    packageDir = path.dirname(createRequire(path.join(fromDir, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override ? path.join(override, executable ?? 'electron') : executable && path.join(packageDir, 'dist', executable);
  return candidate && existsSync(candidate) ? candidate : null;
}
