/**
 * The real `gloss` command as `npm run build` makes it (dist/main/cli.cjs), run as a child process.
 * It is built first when it is missing or older than the sources, so the tests never run a stale
 * command.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const CLI = resolve('dist/main/cli.cjs');

function newestSource(): number {
  let newest = statSync('esbuild.config.mjs').mtimeMs;
  for (const entry of readdirSync('main', { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** The path of the built command, building it when it is missing or stale. */
export function builtCli(): string {
  const built = statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built < newestSource()) {
    const build = spawnSync(process.execPath, ['esbuild.config.mjs'], { encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
  return CLI;
}

/** What one run printed, and how it ended. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `gloss ...args` (the built command, in plain Node) in `cwd`, with GLOSS_DATA_DIR unset unless given. */
export function runGloss(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  if (options.env?.GLOSS_DATA_DIR === undefined) delete env.GLOSS_DATA_DIR;
  // Relative paths are meant from where the command is typed.
  delete env.INIT_CWD;
  return new Promise((resolveRun, reject) => {
    const child = spawn(process.execPath, [builtCli(), ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolveRun({ code, stdout, stderr }));
  });
}
