/**
 * The `gloss` command (bundled to dist/main/cli.cjs; `npx gloss` in a checkout): plain Node on the
 * same data folder as the app, no Electron. Each command lives in its own module; this file reads
 * the command, prints help, and turns failures into a message and an exit code (exit-codes.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultDataDir, resolveDataDir } from '../data-dir';
import { glossRoot } from './cli-library';
import { exportCommand, EXPORT_HELP } from './export-command';
import { EXIT_CODES, exitCodeFor, exitCodesHelp, UsageError } from './exit-codes';
import { importCommand, IMPORT_HELP } from './import-command';
import { listCommand, LIST_HELP } from './list-command';

const HELP = `Usage: gloss <command> [options]

Commands:
  export --format FORMAT [--doc FILE | --all] [--out FILE | --folder DIR]
                         Write your annotations as md, json, w3c, html, csv, readwise-csv or anki
  import FILE [--doc FILE] [--dry-run]
                         Import Gloss JSON, W3C Web Annotation or Hypothesis JSON
  list [--json]          The library's documents, with their annotation counts
  serve [--port N] [--notes-folder DIR] [FILE]
                         Read in a browser at http://127.0.0.1 (the same library as the app)
  where                  Print the data folder Gloss uses
  version                Print Gloss's version
  help [COMMAND]         Show this help, or a command's

Every command takes --data-dir DIR; the data folder is --data-dir DIR, else $GLOSS_DATA_DIR,
else the desktop app's own. \`gloss help COMMAND\` (or \`gloss COMMAND --help\`) explains a command.

Exit codes:
${exitCodesHelp()}`;

const SERVE_HELP = `Usage: gloss serve [--port N] [--data-dir DIR] [--notes-folder DIR] [FILE.md|FILE.txt]

Serves Gloss to a browser on 127.0.0.1 only, and prints the address to open (with its session
token). --port 0, the default, picks a free port. --notes-folder DIR keeps DIR in step with your
annotations, one Markdown file per document (a web page cannot choose that folder). FILE opens
first. Stop it with Ctrl+C.`;

const WHERE_HELP = `Usage: gloss where [--data-dir DIR]

Prints the data folder Gloss uses: --data-dir DIR, else $GLOSS_DATA_DIR, else the desktop app's own.`;

/** Each command's help, for `gloss help COMMAND`. */
const COMMAND_HELP: Readonly<Record<string, string>> = {
  export: EXPORT_HELP,
  import: IMPORT_HELP,
  list: LIST_HELP,
  serve: SERVE_HELP,
  where: WHERE_HELP,
  version: 'Usage: gloss version\n\nPrints the version of Gloss.',
  help: 'Usage: gloss help [COMMAND]\n\nShows the help of Gloss, or of one command.',
};

function version(): string {
  const manifest = JSON.parse(readFileSync(join(glossRoot(), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function help(topic: string | undefined): number {
  if (topic === undefined) {
    console.log(HELP);
    return EXIT_CODES.ok.code;
  }
  const text = COMMAND_HELP[topic];
  if (text === undefined) throw new UsageError(`There is no command “${topic}”.`);
  console.log(text);
  return EXIT_CODES.ok.code;
}

async function main(argv: string[]): Promise<number> {
  const [command = 'help', ...rest] = argv;
  switch (command) {
    case 'export':
      return exportCommand(rest);
    case 'import':
      return importCommand(rest);
    case 'list':
      return listCommand(rest);
    case 'serve':
      if (rest.includes('--help') || rest.includes('-h')) return help('serve');
      // The server reads process.argv itself; hand it the remaining arguments.
      process.argv = [process.argv[0] ?? 'node', process.argv[1] ?? 'gloss', ...rest];
      await import('../serve/serve-command');
      return -1;
    case 'where':
      if (rest.includes('--help')) return help('where');
      console.log(resolveDataDir(rest, process.env, defaultDataDir()));
      return EXIT_CODES.ok.code;
    case 'version':
    case '--version':
    case '-v':
      console.log(version());
      return EXIT_CODES.ok.code;
    case 'help':
      if (rest.length > 1) throw new UsageError('gloss help takes one command name at most.');
      return help(rest[0]);
    case '--help':
    case '-h':
      return help(undefined);
    default:
      throw new UsageError(`Unknown command “${command}”.`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`gloss: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof UsageError) console.error(error.command === null ? 'Run `gloss help` to see the commands.' : `Run \`gloss help ${error.command}\` to see how.`);
    process.exitCode = exitCodeFor(error);
  },
);
