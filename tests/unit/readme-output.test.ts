/**
 * The README quotes what `npm start` prints without Electron's binary and what `npm run serve`
 * prints: these tests hold the quotes to the real output, so the README stays true.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { MISSING_ELECTRON_MESSAGE } from '../../main/launch/start-desktop-message';

/** The code block right after `marker` in the README. */
async function blockAfter(marker: string): Promise<string> {
  const readme = await readFile('README.md', 'utf8');
  const at = readme.indexOf(marker);
  assert.ok(at >= 0, `the README says "${marker}"`);
  const block = /```\n([\s\S]*?)```/.exec(readme.slice(at + marker.length));
  assert.ok(block, `a code block follows "${marker}"`);
  return block[1]!.trimEnd();
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the README quotes npm start’s message without Electron word for word', async () => {
  assert.equal(await blockAfter('`npm start` then builds and prints'), MISSING_ELECTRON_MESSAGE);
});

test('npm run serve prints what the README says, and what it says when stopped', async (t) => {
  const quoted = (await blockAfter('[FILE]\n```\n\nprints')).split('\n');
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-readme-serve-'));
  t.after(() => rm(dataDir, { recursive: true, force: true, maxRetries: 5 }));
  const server = spawn(process.execPath, ['--import', 'tsx', resolve('main/serve/serve-command.ts'), '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  t.after(() => server.kill('SIGKILL'));
  const lines = createInterface({ input: server.stdout })[Symbol.asyncIterator]();
  for (const line of quoted) {
    const pattern = new RegExp(`^${escape(line).replace('PORT', '\\d+').replace('TOKEN', '[A-Za-z0-9_-]{20,}').replace('DIR', escape(dataDir))}$`);
    const printed = (await lines.next()).value as string;
    assert.match(printed, pattern);
  }
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGINT');
  assert.equal((await lines.next()).value, 'Gloss stopped (SIGINT).');
  // It closes the store (and writes its search snapshot) before it exits: only then is the folder removed.
  await exited;
  const readme = await readFile('README.md', 'utf8');
  assert.ok(readme.includes('`Gloss stopped (SIGINT).`'), 'the README says what it prints when stopped');
});
