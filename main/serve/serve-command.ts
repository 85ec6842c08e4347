/**
 * `npm run serve -- [--port N] [--data-dir DIR] [FILE]`: Gloss in any browser, on 127.0.0.1 only,
 * with the same renderer, API and store as the desktop app.
 */
import { assetsDir, rendererDir } from '../app-paths';
import { defaultDataDir, findDocumentArgument, readFlag, resolveDataDir } from '../data-dir';
import { GlossError } from '../errors';
import { createGlossService } from '../service';
import { startBrowserServer } from './http-server';

const USAGE = 'Usage: npm run serve -- [--port N] [--data-dir DIR] [FILE.md|FILE.txt]';

function parsePort(value: string | null): number {
  if (value === null) return 0;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new GlossError('invalid-request', `--port takes a number from 0 to 65535, not "${value}".`);
  return port;
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const port = parsePort(readFlag(argv, 'port'));
  const dataDir = resolveDataDir(argv, process.env, defaultDataDir());
  const service = await createGlossService({
    dataDir,
    assetsDir: assetsDir(),
    initialDocumentPath: findDocumentArgument(argv),
    // Paths come from a web page here: it opens only what the library has or the command line named.
    documentAccess: 'library',
  });
  const server = await startBrowserServer({ service, rendererDir: rendererDir(), port });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Gloss stopped (${signal}).`);
    void server
      .close()
      .then(() => service.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  // Only once Ctrl+C is handled: pressed as soon as the address shows, it still closes the store.
  console.log(`Gloss is reading at ${server.url}`);
  console.log(`Data folder: ${dataDir}. Press Ctrl+C to stop.`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`gloss serve: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof GlossError && error.code === 'locked' ? 3 : 1);
});
