/**
 * The `gloss` command. Today it starts the browser mode and tells where data lives; exporting
 * notes from the command line builds on this entry point.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../app-paths';
import { defaultDataDir, resolveDataDir } from '../data-dir';

const HELP = `Usage: gloss <command> [options]

Commands:
  serve [--port N] [--data-dir DIR] [FILE]   Read in a browser at http://127.0.0.1 (same library as the app)
  where [--data-dir DIR]                     Print the data folder Gloss uses
  version                                    Print Gloss's version
  help                                       Show this help

The data folder is --data-dir DIR, else $GLOSS_DATA_DIR, else the desktop app's own folder.`;

function version(): string {
  const manifest = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  switch (command) {
    case 'serve':
      // The server reads process.argv itself; hand it the remaining arguments.
      process.argv = [process.argv[0] ?? 'node', process.argv[1] ?? 'gloss', ...rest];
      await import('../serve/serve-command');
      return -1;
    case 'where':
      console.log(resolveDataDir(rest, process.env, defaultDataDir()));
      return 0;
    case 'version':
    case '--version':
    case '-v':
      console.log(version());
      return 0;
    case 'help':
    case '--help':
    case '-h':
      console.log(HELP);
      return 0;
    default:
      console.error(`gloss: unknown command "${command}".\n\n${HELP}`);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
