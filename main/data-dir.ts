import { resolve } from 'node:path';
import { documentFormatOf } from './documents/document-format';


/** Reads the value of `--name VALUE` or `--name=VALUE` from argv, or null. */
export function readFlag(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === `--${name}`) return argv[i + 1] ?? null;
    if (arg.startsWith(`--${name}=`)) return arg.slice(name.length + 3);
  }
  return null;
}

/**
 * The folder relative paths on the command line are meant from. `npm run` and `npm start` run
 * in the package's folder, but say where the user was in INIT_CWD.
 */
export function invocationDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.INIT_CWD ?? process.cwd();
}

/**
 * The data folder: `--data-dir DIR` wins, then GLOSS_DATA_DIR, then the platform default
 * (the folder Electron's userData names for Gloss).
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDir: string): string {
  const chosen = readFlag(argv, 'data-dir') ?? env.GLOSS_DATA_DIR ?? defaultDir;
  return resolve(invocationDir(env), chosen);
}

/** Flags that take a value, so their value is not mistaken for a document path. */
const FLAGS_WITH_VALUES = new Set(['--data-dir', '--port', '--host', '--notes-folder']);

/** The first argument that names a document Gloss opens (documents/document-format), skipping flags and their values. */
export function findDocumentArgument(argv: readonly string[], base: string = invocationDir()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (FLAGS_WITH_VALUES.has(arg)) {
      i++;
      continue;
    }
    if (arg.startsWith('-')) continue;
    if (documentFormatOf(arg) !== null) return resolve(base, arg);
  }
  return null;
}

/**
 * The folder Electron's `app.getPath('userData')` names for Gloss, computed without Electron so
 * the browser mode and the CLI use the same library as the desktop app by default.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = env.HOME ?? env.USERPROFILE ?? '.'): string {
  if (platform === 'win32') return resolve(env.APPDATA ?? resolve(home, 'AppData', 'Roaming'), 'Gloss');
  if (platform === 'darwin') return resolve(home, 'Library', 'Application Support', 'Gloss');
  return resolve(env.XDG_CONFIG_HOME ?? resolve(home, '.config'), 'Gloss');
}
