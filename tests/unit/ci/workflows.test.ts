import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';

const WORKFLOWS_DIR = path.resolve('.github/workflows');

/**
 * The script node_modules/.bin/action-validator links to, found through the package's own "bin"
 * field and run with this Node, so the same check runs on Windows (where .bin holds a .cmd shim).
 */
function validatorScript(): string {
  const manifestPath = createRequire(import.meta.url).resolve('@action-validator/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['action-validator'];
  assert.ok(bin, '@action-validator/cli has no action-validator binary');
  return path.resolve(path.dirname(manifestPath), bin);
}

const VALIDATOR = validatorScript();

function validate(file: string): { status: number | null; output: string } {
  const run = spawnSync(process.execPath, [VALIDATOR, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

async function workflowFiles(): Promise<string[]> {
  const names = await readdir(WORKFLOWS_DIR);
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(WORKFLOWS_DIR, name));
}

const scratch: string[] = [];
after(async () => {
  await Promise.all(scratch.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('GitHub Actions workflows', () => {
  test('there is a workflow, and every one is valid for GitHub Actions', async () => {
    const files = await workflowFiles();
    assert.ok(files.length > 0, `no workflow in ${WORKFLOWS_DIR}`);
    for (const file of files) {
      const { status, output } = validate(file);
      assert.equal(status, 0, `${path.basename(file)}:\n${output}`);
    }
  });

  test('the validator rejects each workflow once a key in it is misspelt, so the check above can fail', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gloss-workflows-'));
    scratch.push(dir);
    for (const file of await workflowFiles()) {
      const text = await readFile(file, 'utf8');
      assert.match(text, /^ {4}runs-on:/m, `${path.basename(file)} has a job with runs-on`);
      const broken = path.join(dir, path.basename(file));
      await writeFile(broken, text.replace(/^( {4})runs-on:/m, '$1runs_on:'));
      const { status, output } = validate(broken);
      assert.notEqual(status, 0, `${path.basename(file)} with runs_on was accepted`);
      assert.match(output, /runs_on/);
    }
  });
});
