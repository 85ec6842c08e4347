// Saving on a real full disk, a read-only disk and a folder Gloss may not write to: the reader is
// told why in plain words, no temp file is left behind, and what was confirmed stays. The disks
// are small tmpfs mounts, so these tests need root (they skip without it).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import type { TestContext } from 'node:test';
import type { Annotation } from '../../../../main/api';
import { dispatch } from '../../../../main/dispatch';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';
import { openStoreReadOnly } from '../../../../main/store/read-only-store';
import { makeAnnotation } from './fixtures/make-annotation';
import { startServiceProcess } from './fixtures/service-process';
import { makeTempDir } from './fixtures/temp-dir';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;

/**
 * Runs `body` with a fresh tmpfs of `size` mounted, unmounting it afterwards; skips the test when
 * mounting is not permitted.
 */
async function withTmpfs(t: TestContext, size: string, body: (disk: string) => Promise<void>): Promise<void> {
  const disk = join(await makeTempDir(t), 'disk');
  await mkdir(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', disk], { stdio: 'pipe' });
  } catch {
    return t.skip('mounting a tmpfs is not permitted here');
  }
  try {
    await body(disk);
  } finally {
    execFileSync('umount', ['-l', disk]);
  }
}

async function article(t: TestContext): Promise<string> {
  const folder = await makeTempDir(t);
  await chmod(folder, 0o755);
  const path = join(folder, 'article.md');
  await writeFile(path, '# An article\n\nWords to highlight.\n');
  return path;
}

async function tempFilesIn(folder: string): Promise<string[]> {
  return (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.tmp'));
}

const createRequest = (documentId: string, n: number, note = '') => ({
  documentId,
  kind: 'highlight',
  color: 'yellow',
  note,
  target: makeAnnotation(documentId, 'unused', n).target,
});

async function importRequest(service: GlossService, bytes: number) {
  const text = `# Upload\n\n${'Some words to read. '.repeat(Math.ceil(bytes / 20))}`;
  return dispatch(service, 'importDocument', { fileName: 'upload.md', dataBase64: Buffer.from(text).toString('base64') });
}

test('a full disk: the reader is told the disk is full, no temp file stays, nothing confirmed is lost', { skip: !isRoot && 'needs root to mount a small tmpfs' }, (t) =>
  withTmpfs(t, '1m', async (disk) => {
    const dataDir = join(disk, 'data');
    const service = await createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: 'any-path' });
    const doc = await service.openDocument({ path: await article(t) });
    const confirmed: string[] = [];
    let failure: { code: string; message: string } | null = null;
    for (let n = 0; n < 60 && failure === null; n += 1) {
      const result = await dispatch(service, 'createAnnotation', createRequest(doc.id, n, 'a long note. '.repeat(4_000)));
      if (result.ok) confirmed.push((result.value as Annotation).id);
      else failure = result.error;
    }
    assert.ok(confirmed.length > 0 && failure !== null, 'the disk filled up after some creates');
    assert.equal(failure.code, 'io');
    assert.match(failure.message, /^Gloss could not save the annotation file of "An article" \(annotations\/\w+\.json\), so the last change was not kept: the disk is full\./);
    assert.deepEqual(await tempFilesIn(join(dataDir, 'annotations')), [], 'the partial temp file is removed');
    assert.deepEqual((await service.listAnnotations({ documentId: doc.id })).map((a) => a.id), confirmed, 'memory is what is on disk');

    const upload = await importRequest(service, 700_000);
    assert.equal(upload.ok, false);
    if (!upload.ok) {
      assert.equal(upload.error.code, 'io');
      assert.equal(upload.error.message, 'Gloss could not save imported/upload.md, so the document was not opened: the disk is full. Free some space and try again.');
    }
    assert.deepEqual(await tempFilesIn(join(dataDir, 'imported')), []);
    await service.close();

    const onDisk = await openStoreReadOnly(dataDir);
    assert.deepEqual((await onDisk.annotationsOf(doc.id)).map((a) => a.id), confirmed);
  }));

test('a read-only disk: the reader is told so, and saving works again once it is writable', { skip: !isRoot && 'needs root to mount a small tmpfs' }, (t) =>
  withTmpfs(t, '4m', async (disk) => {
    const dataDir = join(disk, 'data');
    const service = await createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: 'any-path' });
    try {
      const doc = await service.openDocument({ path: await article(t) });
      assert.equal((await dispatch(service, 'createAnnotation', createRequest(doc.id, 0))).ok, true);

      execFileSync('mount', ['-o', 'remount,ro', disk]);
      const refused = await dispatch(service, 'createAnnotation', createRequest(doc.id, 1));
      assert.equal(refused.ok, false);
      if (!refused.ok) assert.match(refused.error.message, /, so the last change was not kept: the disk is read-only\.$/);
      const upload = await importRequest(service, 2_000);
      assert.equal(upload.ok, false);
      if (!upload.ok) assert.equal(upload.error.message, 'Gloss could not save imported/upload.md, so the document was not opened: the disk is read-only.');

      execFileSync('mount', ['-o', 'remount,rw', disk]);
      assert.equal((await dispatch(service, 'createAnnotation', createRequest(doc.id, 2))).ok, true);
      assert.equal((await service.listAnnotations({ documentId: doc.id })).length, 2);
      assert.deepEqual(await tempFilesIn(join(dataDir, 'annotations')), []);
    } finally {
      await service.close();
    }
  }));

test('a folder Gloss may not write to: the reader is told so', { skip: !isRoot && 'needs root to run Gloss as another user', timeout: 30_000 }, async (t) => {
  const root = await makeTempDir(t);
  await chmod(root, 0o755);
  const dataDir = join(root, 'data');
  await mkdir(dataDir);
  await chown(dataDir, 65534, 65534);
  const child = startServiceProcess(dataDir, await article(t), ['--as-nobody']);
  t.after(() => child.kill());
  assert.equal((await child.started).ready, true, child.stderr());
  assert.equal((await child.run('create 1'))[0]?.created !== undefined, true);

  // As if the folder had been copied from another account, or locked down by an administrator.
  await chmod(join(dataDir, 'annotations'), 0o555);
  await chmod(dataDir, 0o555);
  const refused = (await child.run('create 1'))[0]?.refused;
  assert.equal(refused?.code, 'io');
  assert.match(refused?.message ?? '', /, so the last change was not kept: Gloss is not allowed to write to its data folder\.$/);
  const upload = (await child.run('import 2000'))[0]?.refused;
  assert.equal(upload?.message, 'Gloss could not save imported/upload.md, so the document was not opened: Gloss is not allowed to write to its data folder.');

  await chmod(dataDir, 0o755);
  await chmod(join(dataDir, 'annotations'), 0o755);
  await child.close();
});
