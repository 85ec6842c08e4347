/**
 * `npm start`'s launcher, run as a real process: without Electron's binary it says so and how to
 * get it; with one (here a stand-in script at ELECTRON_OVERRIDE_DIST_PATH) it runs it on this
 * folder with the command line's files and passes its exit status on.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { MISSING_ELECTRON_MESSAGE } from '../../../../main/launch/start-desktop-message';

const LAUNCHER = resolve('main/launch/start-desktop.ts');

function launch(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', LAUNCHER, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
}

test('without the Electron binary it says what is missing, how to fetch it and how to read meanwhile, and exits 1', async (t) => {
  const empty = await mkdtemp(join(tmpdir(), 'gloss-no-electron-'));
  t.after(() => rm(empty, { recursive: true, force: true }));
  const run = launch(['article.md'], { ELECTRON_OVERRIDE_DIST_PATH: empty });
  assert.equal(run.status, 1);
  assert.equal(run.stderr.trim(), MISSING_ELECTRON_MESSAGE);
  assert.match(run.stderr, /node node_modules\/electron\/install\.js/);
  assert.match(run.stderr, /npm run serve/);
  assert.doesNotMatch(run.stderr, /at .*\(.*:\d+:\d+\)/, 'no stack trace');
});

test('with a binary it runs it on this folder with the files given, and passes its exit status on', { skip: process.platform === 'win32' }, async (t) => {
  const dist = await mkdtemp(join(tmpdir(), 'gloss-fake-electron-'));
  t.after(() => rm(dist, { recursive: true, force: true }));
  const binary = join(dist, 'electron');
  await writeFile(binary, '#!/bin/sh\necho "args: $*"\nexit 7\n');
  await chmod(binary, 0o755);
  const run = launch(['notes/article.md'], { ELECTRON_OVERRIDE_DIST_PATH: dist });
  assert.equal(run.stdout.trim(), 'args: . notes/article.md');
  assert.equal(run.status, 7);
});
