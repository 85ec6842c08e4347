import assert from 'node:assert/strict';
import { mkdtemp, realpath, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createGlossService } from '../../../main/service';
import type { DocumentAccess, GlossService } from '../../../main/service-types';

const ASSETS = resolve('assets');

describe('which paths openDocument opens', () => {
  let root: string;
  let secret: string;
  let launched: string;
  let service: GlossService | null = null;

  const start = async (documentAccess: DocumentAccess) => {
    service = await createGlossService({ dataDir: join(root, 'data'), assetsDir: ASSETS, documentAccess, initialDocumentPath: launched });
    return service;
  };

  beforeEach(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'gloss-access-')));
    secret = join(root, 'secret.txt');
    await writeFile(secret, 'Private\n\nA private file the page must not read.\n');
    launched = join(root, 'launched.md');
    await writeFile(launched, '# Launched\n\nNamed on the command line.\n');
  });

  afterEach(async () => {
    await service?.close();
    service = null;
    await rm(root, { recursive: true, force: true });
  });

  test("'library' refuses a path the page makes up, without a word about what is there", async () => {
    const api = await start('library');
    await api.getStartup({});
    const refusals = [];
    for (const path of [secret, join(root, 'missing.txt'), '/etc/hostname', join(root, 'data', 'gloss.json')]) {
      const error = await api.openDocument({ path }).then(
        () => assert.fail(`opened ${path}`),
        (thrown: Error & { code?: string }) => thrown,
      );
      assert.equal(error.code, 'invalid-request', path);
      refusals.push(error.message);
    }
    // The same words whether the file exists or not.
    assert.equal(new Set(refusals).size, 1);
    assert.doesNotMatch(refusals[0] ?? '', /private/i);
  });

  test("'library' opens the command line's document, the library's, the sample and uploads", async () => {
    const api = await start('library');
    const startup = await api.getStartup({});
    assert.equal(startup.document?.title, 'Launched');
    assert.equal((await api.openDocument({ path: launched })).title, 'Launched');
    const uploaded = await api.importDocument({ fileName: 'essay.md', dataBase64: Buffer.from('# Essay\n\nUploaded.\n').toString('base64') });
    const sample = await api.openSample({});
    // Every entry of the Recent list opens again by its path, as the page asks for it.
    for (const entry of await api.listRecent({})) assert.ok((await api.openDocument({ path: entry.path })).id, entry.path);
    assert.deepEqual(new Set((await api.listRecent({})).map((entry) => entry.id)), new Set([startup.document?.id, uploaded.id, sample.id]));
  });

  test("'library' refuses a library path that has become a link to somewhere else", async () => {
    const api = await start('library');
    await api.getStartup({});
    const uploaded = await api.importDocument({ fileName: 'essay.txt', dataBase64: Buffer.from('Essay\n\nUploaded.\n').toString('base64') });
    await unlink(uploaded.path);
    await symlink(secret, uploaded.path);
    await assert.rejects(api.openDocument({ path: uploaded.path }), (error: Error & { code?: string }) => error.code === 'invalid-request');
  });

  test("'any-path' opens whatever the reader picked (the desktop's Open dialog)", async () => {
    const api = await start('any-path');
    assert.equal((await api.openDocument({ path: secret })).title, 'Private');
  });
});
