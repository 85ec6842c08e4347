import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';

/** A running browser-mode server with its own temporary data folder. */
export interface GlossServer {
  url: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the server printed, for assertions and failure messages. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const SERVE_SCRIPT = resolve('dist/main/serve.cjs');

/**
 * Starts `node dist/main/serve.cjs --port 0 --data-dir DIR [args]` (the real server the README's
 * `npm run serve` runs) and waits for its "Gloss is reading at …" line.
 */
export async function startGlossServer(options: { dataDir?: string; args?: string[] } = {}): Promise<GlossServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'gloss-e2e-')));
  const child = spawn(process.execPath, [SERVE_SCRIPT, '--port', '0', '--data-dir', dataDir, ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 15_000);
    const check = () => {
      const match = /Gloss is reading at (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop(child.exitCode);
        child.once('exit', (code) => resolveStop(code));
        child.kill(signal);
      }),
  };
}

/** Removes a temporary data folder. */
export async function removeDataDir(dataDir: string): Promise<void> {
  await rm(dataDir, { recursive: true, force: true });
}

/** Playwright test with a fresh Gloss server (and data folder) per test. */
export const test = base.extend<{ gloss: GlossServer }>({
  gloss: async ({}, use) => {
    const server = await startGlossServer();
    await use(server);
    await server.stop();
    await removeDataDir(server.dataDir);
  },
});

export { expect } from '@playwright/test';
