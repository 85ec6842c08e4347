import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { GlossError } from '../../../../main/errors';
import { removeStaleTempFiles, saveFailure, writeFileDurably } from '../../../../main/store/durable-write';
import { makeTempDir } from './fixtures/temp-dir';

const systemError = (code: string) => Object.assign(new Error(`${code}: something, write`), { code });

test('writeFileDurably writes bytes, creating the folder, and leaves no temp file', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'imported', 'a.txt');
  await writeFileDurably(file, 'first');
  await writeFileDurably(file, new TextEncoder().encode('second'));
  assert.equal(await readFile(file, 'utf8'), 'second');
  assert.deepEqual(await readdir(join(dir, 'imported')), ['a.txt'], 'no backup, no temp file');
});

test('concurrent writes of one file never share a temp file: the file is one of them, whole', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'a.txt');
  const versions = Array.from({ length: 20 }, (_, i) => `version ${i} `.repeat(5_000));
  await Promise.all(versions.map((text) => writeFileDurably(file, text)));
  assert.ok(versions.includes(await readFile(file, 'utf8')));
  assert.deepEqual(await readdir(dir), ['a.txt']);
});

test('a refusing check leaves the old file and no temp file', async (t) => {
  const dir = await makeTempDir(t);
  const file = join(dir, 'a.txt');
  await writeFileDurably(file, 'old');
  const refusal = new GlossError('locked', 'not yours');
  await assert.rejects(
    writeFileDurably(file, 'new', () => {
      throw refusal;
    }),
    (error: unknown) => error === refusal,
  );
  assert.equal(await readFile(file, 'utf8'), 'old');
  assert.deepEqual(await readdir(dir), ['a.txt']);
});

test('stale temp files are removed; links are removed, never followed; anything else stays', async (t) => {
  const dir = await makeTempDir(t);
  const outside = join(await makeTempDir(t), 'keep.txt');
  await writeFile(outside, 'outside');
  await writeFile(join(dir, '.doc.json.0123456789abcdef.tmp'), 'half a write');
  await writeFile(join(dir, '.doc.json.tmp'), 'from an older Gloss');
  await symlink(outside, join(dir, '.planted.json.tmp'));
  await writeFile(join(dir, 'doc.json'), '{}');
  await writeFile(join(dir, 'notes.tmp'), 'not ours: no leading dot');
  await mkdir(join(dir, '.folder.tmp'));
  assert.equal(await removeStaleTempFiles(dir), 3);
  assert.deepEqual((await readdir(dir)).sort(), ['.folder.tmp', 'doc.json', 'notes.tmp']);
  assert.equal(await readFile(outside, 'utf8'), 'outside');
  assert.equal(await removeStaleTempFiles(join(dir, 'missing')), 0);
});

test('save failures are told in plain words; a GlossError passes through', () => {
  const cases: [string, RegExp][] = [
    ['ENOSPC', /: the disk is full\. Free some space and try again\.$/],
    ['EDQUOT', /: the disk quota is used up\. Free some space and try again\.$/],
    ['EROFS', /: the disk is read-only\.$/],
    ['EACCES', /: Gloss is not allowed to write to its data folder\.$/],
    ['EPERM', /: Gloss is not allowed to write to its data folder\.$/],
    ['EIO', /: EIO: something, write$/],
  ];
  for (const [code, expected] of cases) {
    const failure = saveFailure(systemError(code), 'annotations/x.json', 'so the last change was not kept');
    assert.equal(failure.code, 'io');
    assert.match(failure.message, /^Gloss could not save annotations\/x\.json, so the last change was not kept: /);
    assert.match(failure.message, expected);
  }
  const locked = new GlossError('locked', 'taken');
  assert.equal(saveFailure(locked, 'x', 'y'), locked);
});

test('a new folder is made durable: its parent is fsync\'d after it is created (annotations/, imported/)', async (t) => {
  if (process.platform !== 'linux' || spawnSync('strace', ['-V']).status !== 0) return t.skip('needs strace (Linux) to watch the system calls');
  const dataDir = join(await makeTempDir(t), 'data');
  await mkdir(dataDir);
  const trace = join(dirname(dataDir), 'trace');
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
  // One file per thread (-ff), and one libuv worker thread, so every file operation is traced in
  // order in one file: with -f, threads' calls interleave and split across lines.
  const run = spawnSync(
    'strace',
    ['-ff', '-qq', '-e', 'trace=mkdir,mkdirat,openat,fsync', '-o', trace, process.execPath, '--import', 'tsx', join(root, 'tests/unit/main/store/fixtures/first-writes.ts'), dataDir],
    { cwd: root, encoding: 'utf8', env: { ...process.env, UV_THREADPOOL_SIZE: '1' } },
  );
  if (run.status !== 0 && /ptrace|Operation not permitted/.test(run.stderr)) return t.skip(`strace cannot trace here: ${run.stderr.trim()}`);
  assert.equal(run.status, 0, run.stderr);
  const traces = (await readdir(dirname(trace))).filter((name) => name.startsWith('trace.'));
  const texts = await Promise.all(traces.map((name) => readFile(join(dirname(trace), name), 'utf8')));
  const lines = texts.find((text) => text.includes(`"${join(dataDir, 'annotations')}"`))?.split('\n') ?? [];
  for (const folder of ['annotations', 'imported']) {
    const made = lines.findIndex((line) => /mkdir(at)?\(/.test(line) && line.includes(`"${join(dataDir, folder)}"`) && / = 0$/.test(line));
    assert.ok(made >= 0, `${folder}/ was created`);
    // After the folder is made: the data folder opened (as fd N), then fsync(N) before N is reused.
    const after = lines.slice(made);
    const open = after.findIndex((line) => line.includes(`openat(AT_FDCWD, "${dataDir}", O_RDONLY`));
    const fd = / = (\d+)$/.exec(after[open] ?? '')?.[1];
    assert.ok(open >= 0 && fd !== undefined, `the data folder was opened after ${folder}/ was created`);
    const next = after.slice(open + 1).find((line) => line.includes(`fsync(${fd}`) || line.endsWith(` = ${fd}`));
    assert.match(next ?? '', new RegExp(`fsync\\(${fd}[ )]`), `the data folder was fsync'd after ${folder}/ was created`);
  }
});
