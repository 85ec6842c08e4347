import assert from 'node:assert/strict';
import { mkdir, open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { GlossError } from '../../../../../main/errors';
import { parseImport, parseJsonSafely, readImportFile } from '../../../../../main/export/import/read-import';
import { makeTempDir } from '../../store/fixtures/temp-dir';

const bytes = (text: string) => new TextEncoder().encode(text);

/** Asserts that `run` refuses with a GlossError of `code` whose message matches `message`. */
async function refuses(run: () => unknown, code: string, message: RegExp): Promise<void> {
  await assert.rejects(
    async () => run(),
    (error: unknown) => {
      assert.ok(error instanceof GlossError, String(error));
      assert.equal(error.code, code, error.message);
      assert.match(error.message, message);
      return true;
    },
  );
}

describe('reading an import file', () => {
  it('refuses a file over 50 MB before reading it', async (t) => {
    const dir = await makeTempDir(t);
    const file = join(dir, 'huge.json');
    // A sparse file: its size is what stat reports, no 50 MB is ever written or read.
    const handle = await open(file, 'w');
    await handle.truncate(50 * 1024 * 1024 + 1);
    await handle.close();
    await refuses(() => readImportFile(file), 'too-large', /“huge\.json” is 50\.0 MB; Gloss imports files of up to 50 MB/);
  });

  it('says clearly when the file is missing or a folder', async (t) => {
    const dir = await makeTempDir(t);
    await refuses(() => readImportFile(join(dir, 'nope.json')), 'not-found', /“nope\.json” does not exist/);
    await mkdir(join(dir, 'folder.json'));
    await refuses(() => readImportFile(join(dir, 'folder.json')), 'invalid-request', /not a file/);
  });

  it('reads a file with a byte order mark', async (t) => {
    const dir = await makeTempDir(t);
    const file = join(dir, 'bom.json');
    await writeFile(file, '\ufeff[]');
    assert.equal((await readImportFile(file)).annotations.length, 0);
  });

  it('explains malformed JSON, text that is not UTF-8 and JSON of another kind', async () => {
    await refuses(() => parseImport(bytes('{"format": "gloss-annotations", ')), 'invalid-request', /not valid JSON/);
    await refuses(() => parseImport(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])), 'bad-encoding', /not UTF-8/);
    await refuses(() => parseImport(bytes('{"hello": "world"}')), 'invalid-request', /not a format Gloss imports/);
    await refuses(() => parseImport(bytes('42')), 'invalid-request', /not a format Gloss imports/);
  });

  it('refuses __proto__, constructor and prototype keys at any depth', async () => {
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      await refuses(() => parseImport(bytes(`[{"type": "Annotation", "target": {"source": "x", "deep": [{"${key}": {"polluted": true}}]}}]`)), 'invalid-request', new RegExp(`"${key}" key`));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('refuses JSON nested too deeply to read, without crashing', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    await refuses(() => parseJsonSafely(deep), 'invalid-request', /nested too deeply/);
  });
});
