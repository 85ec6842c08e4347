import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { FuseV1Options } from '@electron/fuses';
import { FuseState, SENTINEL } from '@electron/fuses/dist/constants';
import { PlatformPackager } from 'app-builder-lib';
import type { Configuration } from 'electron-builder';
import { checkPackagedFuses, expectedFuses, loadBuilderConfig } from '../../packaging/check-fuses';
import type { ExpectedFuse } from '../../packaging/check-fuses';

/** How many fuses the wire of the Electron this project packages carries. */
const WIRE_LENGTH = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key))).length;

const made: string[] = [];
after(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/**
 * Bytes laid out as in an Electron binary: code around the sentinel, then the wire's version (1),
 * its length and one state byte per fuse. @electron/fuses reads this exactly as it reads Electron.
 */
function electronBinary(states: readonly number[]): Buffer {
  const code = Buffer.from('\u007fELF machine code that is not the sentinel '.repeat(40));
  return Buffer.concat([code, Buffer.from(SENTINEL), Buffer.from([1, states.length, ...states]), code]);
}

/** A fuse wire with every fuse in `expected` as configured and the rest left enabled. */
function wireFor(expected: readonly ExpectedFuse[], length = WIRE_LENGTH): number[] {
  const states: number[] = Array.from({ length }, () => FuseState.ENABLE);
  for (const fuse of expected) if (fuse.index < length) states[fuse.index] = fuse.enabled ? FuseState.ENABLE : FuseState.DISABLE;
  return states;
}

/** A project folder with `files` (paths relative to it) written into it. */
async function project(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'gloss-fuses-'));
  made.push(dir);
  for (const [name, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), content);
  }
  return dir;
}

/** A project holding a copy of Gloss's own package.json and electron-builder.yml. */
async function glossProject(packaged: Record<string, Buffer>): Promise<string> {
  const dir = await project(packaged);
  await copyFile('package.json', path.join(dir, 'package.json'));
  await copyFile('electron-builder.yml', path.join(dir, 'electron-builder.yml'));
  return dir;
}

const READER_PACKAGE = JSON.stringify({ name: 'reader', productName: 'Reader', version: '1.0.0' });
const READER_CONFIG = ['productName: Reader', 'directories:', '  output: out', 'electronFuses:', '  runAsNode: true', '  onlyLoadAppFromAsar: false', ''].join('\n');

describe('the fuse check', () => {
  test('expects what Gloss’s electron-builder.yml sets, at the places electron-builder’s packager flips', async () => {
    const config = await loadBuilderConfig('.');
    const expected = expectedFuses(config);
    // What app-builder-lib hands @electron/fuses when it packages (a private method, called here
    // only to hold the check's table against the packager's).
    const packager = PlatformPackager.prototype as unknown as { generateFuseConfig(fuses: Configuration['electronFuses']): Promise<Record<string, unknown>> };
    const flipped = await packager.generateFuseConfig(config.electronFuses);
    const flippedFuses = Object.entries(flipped)
      .filter(([key, value]) => /^\d+$/.test(key) && value !== undefined)
      .map(([key, value]) => [Number(key), value]);
    assert.deepEqual(
      expected.map((fuse) => [fuse.index, fuse.enabled]).sort(([a], [b]) => Number(a) - Number(b)),
      flippedFuses.sort(([a], [b]) => Number(a) - Number(b)),
    );
    assert.ok(expected.length > 0);
  });

  test('passes a packaged Gloss whose fuses are as configured, and names each fuse that is not', async () => {
    const expected = expectedFuses(await loadBuilderConfig('.'));
    const good = await glossProject({ 'release/linux-unpacked/gloss': electronBinary(wireFor(expected)) });
    const passed = await checkPackagedFuses(good);
    assert.deepEqual(passed.problems, []);
    assert.deepEqual(passed.checked, [path.join(good, 'release', 'linux-unpacked', 'gloss')]);

    for (const fuse of expected) {
      const states = wireFor(expected);
      states[fuse.index] = fuse.enabled ? FuseState.DISABLE : FuseState.ENABLE;
      const bad = await glossProject({ 'release/linux-unpacked/gloss': electronBinary(states) });
      const { problems } = await checkPackagedFuses(bad);
      assert.equal(problems.length, 1, fuse.name);
      assert.match(problems[0] ?? '', new RegExp(`fuse ${fuse.name} should be ${fuse.enabled ? 'enabled' : 'disabled'} but is ${fuse.enabled ? 'disabled' : 'enabled'}`));
    }
  });

  test('reads the project’s own electron-builder.yml: its output folder, names and fuses', async () => {
    const expected = expectedFuses(await loadBuilderConfig(await project({ 'package.json': READER_PACKAGE, 'electron-builder.yml': READER_CONFIG })));
    assert.deepEqual(expected, [
      { name: 'runAsNode', index: FuseV1Options.RunAsNode, enabled: true },
      { name: 'onlyLoadAppFromAsar', index: FuseV1Options.OnlyLoadAppFromAsar, enabled: false },
    ]);
    // Gloss's values fail here: this project wants runAsNode on and onlyLoadAppFromAsar off.
    const glossExpected = expectedFuses(await loadBuilderConfig('.'));
    const dir = await project({
      'package.json': READER_PACKAGE,
      'electron-builder.yml': READER_CONFIG,
      'out/linux-unpacked/reader': electronBinary(wireFor(glossExpected)),
    });
    const { checked, problems } = await checkPackagedFuses(dir);
    assert.deepEqual(checked, [path.join(dir, 'out', 'linux-unpacked', 'reader')]);
    assert.deepEqual(problems, [
      `${checked[0]}: fuse runAsNode should be enabled but is disabled`,
      `${checked[0]}: fuse onlyLoadAppFromAsar should be disabled but is enabled`,
    ]);
  });

  test('finds the packaged app of every platform and architecture electron-builder writes', async () => {
    const wire = electronBinary(wireFor(expectedFuses(await loadBuilderConfig('.'))));
    const framework = 'Contents/Frameworks/Electron Framework.framework/Electron Framework';
    const dir = await glossProject({
      'release/linux-unpacked/gloss': wire,
      'release/linux-arm64-unpacked/gloss': wire,
      'release/win-unpacked/Gloss.exe': wire,
      [`release/mac/Gloss.app/${framework}`]: wire,
      [`release/mac-arm64/Gloss.app/${framework}`]: wire,
      // Installers and other files next to them are not apps.
      'release/Gloss-0.1.0.AppImage': Buffer.from('installer'),
      'release/builder-debug.yml': Buffer.from('x: 1'),
    });
    const { checked, problems } = await checkPackagedFuses(dir);
    assert.deepEqual(problems, []);
    assert.deepEqual(
      checked.map((file) => path.relative(path.join(dir, 'release'), file).split(path.sep).join('/')),
      ['linux-arm64-unpacked/gloss', 'linux-unpacked/gloss', 'mac-arm64/Gloss.app', 'mac/Gloss.app', 'win-unpacked/Gloss.exe'],
    );
  });

  test('fails when a fuse is missing from the wire or was removed from Electron', async () => {
    const expected = expectedFuses(await loadBuilderConfig('.'));
    const last = expected.reduce((a, b) => (a.index > b.index ? a : b));
    const short = await glossProject({ 'release/linux-unpacked/gloss': electronBinary(wireFor(expected, last.index)) });
    assert.deepEqual((await checkPackagedFuses(short)).problems.map((problem) => problem.replace(/^.*: fuse/, 'fuse')), [
      `fuse ${last.name} should be ${last.enabled ? 'enabled' : 'disabled'} but is not on its fuse wire`,
    ]);

    const states = wireFor(expected);
    states[last.index] = FuseState.REMOVED;
    const removed = await glossProject({ 'release/linux-unpacked/gloss': electronBinary(states) });
    assert.match((await checkPackagedFuses(removed)).problems.join('\n'), new RegExp(`fuse ${last.name} .* but is removed from this Electron`));
  });

  test('fails when nothing was packaged, or a packaged file is not an Electron binary', async () => {
    const empty = await glossProject({});
    assert.deepEqual((await checkPackagedFuses(empty)).problems, [`no packaged app in ${path.join(empty, 'release')}: run electron-builder first`]);

    const notElectron = await glossProject({ 'release/win-unpacked/Gloss.exe': Buffer.from('MZ just a stub') });
    assert.match((await checkPackagedFuses(notElectron)).problems.join('\n'), /Gloss\.exe: cannot read its fuses \(Could not find sentinel/);
  });

  test('refuses a configuration that names a fuse it does not know', () => {
    assert.throws(() => expectedFuses({ electronFuses: { runAsNode: false, enableEverything: true } as never }), /sets the fuse "enableEverything", which this check does not know/);
    assert.throws(() => expectedFuses({}), /sets no electronFuses/);
  });

  test('as a command, exits 1 and says which fuse is wrong, and 0 when all are right', async () => {
    const expected = expectedFuses(await loadBuilderConfig('.'));
    const states = wireFor(expected);
    const runAsNode = expected.find((fuse) => fuse.name === 'runAsNode');
    assert.ok(runAsNode);
    states[runAsNode.index] = runAsNode.enabled ? FuseState.DISABLE : FuseState.ENABLE;
    const run = (dir: string) => spawnSync(process.execPath, ['--import', 'tsx', path.resolve('tests/packaging/check-fuses.ts'), dir], { encoding: 'utf8' });

    const bad = run(await glossProject({ 'release/linux-unpacked/gloss': electronBinary(states) }));
    assert.equal(bad.status, 1, bad.stderr);
    assert.match(bad.stderr, /check-fuses: .*gloss: fuse runAsNode should be/);

    const good = run(await glossProject({ 'release/linux-unpacked/gloss': electronBinary(wireFor(expected)) }));
    assert.equal(good.status, 0, good.stderr);
    assert.match(good.stdout, /all 1 packaged app\(s\) have their fuses set as electron-builder.yml says/);
  });
});
