import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { useTempFolder } from './temp-folder';
import { GlossError } from '../../../../main/errors';
import { fileSystemError, readDocumentFile } from '../../../../main/documents/read-document';

const folder = useTempFolder('gloss-read-document-');
const { write } = folder;

/** Asserts that `promise` rejects with a GlossError of `code` whose message matches `message`. */
async function rejectsWith(promise: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof GlossError, `expected a GlossError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.match(error.message, message);
    return true;
  });
}

describe('readDocumentFile', () => {
  it('reads a Markdown file: real path, name, format, text, size and hash', async () => {
    const bytes = Buffer.from('# Notes\n\nSome *text*.\n');
    const file = await write('notes.md', bytes);
    assert.deepEqual(await readDocumentFile(file), {
      path: file,
      fileName: 'notes.md',
      format: 'markdown',
      text: '# Notes\n\nSome *text*.\n',
      byteLength: bytes.byteLength,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('resolves a relative path and symlinks to the real absolute path', async () => {
    const target = await write('real-article.txt', 'Title\n\nBody.\n');
    const link = path.join(folder.dir(), 'shortcut.txt');
    await fs.symlink(target, link);
    const viaLink = await readDocumentFile(link);
    assert.equal(viaLink.path, target);
    assert.equal(viaLink.fileName, 'real-article.txt');
    const viaRelative = await readDocumentFile(path.relative(process.cwd(), target));
    assert.equal(viaRelative.path, target);
    assert.equal(viaRelative.format, 'text');
  });

  it('normalises CRLF and CR line endings but hashes the raw bytes', async () => {
    const bytes = Buffer.from('Title\r\n\r\nFirst line.\r\nSecond line.\rThird.\r\n');
    const file = await write('windows.txt', bytes);
    const doc = await readDocumentFile(file);
    assert.equal(doc.text, 'Title\n\nFirst line.\nSecond line.\nThird.\n');
    assert.equal(doc.contentHash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(doc.byteLength, bytes.byteLength);
  });

  it('decodes UTF-16 LE and BE files with a byte-order mark (Windows Notepad)', async () => {
    const text = 'Notepad article\r\n\r\nCafé “quotes”.\r\n';
    const le = await write('le.txt', new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]));
    const be = await write('be.txt', new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]));
    const expected = 'Notepad article\n\nCafé “quotes”.\n';
    assert.equal((await readDocumentFile(le)).text, expected);
    assert.equal((await readDocumentFile(be)).text, expected);
  });

  it('strips a UTF-8 byte-order mark', async () => {
    const file = await write('bom.md', '\uFEFF# Title\n');
    assert.equal((await readDocumentFile(file)).text, '# Title\n');
  });

  it('returns empty text for an empty or whitespace-only file', async () => {
    const empty = await readDocumentFile(await write('empty.txt', ''));
    assert.equal(empty.text, '');
    assert.equal(empty.byteLength, 0);
    const blank = await readDocumentFile(await write('blank.md', '\n   \r\n\t\n'));
    assert.equal(blank.text, '');
    assert.equal(blank.byteLength, 8);
  });

  it('reports a missing file as not-found, naming it', async () => {
    const missing = path.join(folder.dir(), 'moved-away.md');
    await rejectsWith(readDocumentFile(missing), 'not-found', /^“moved-away\.md” does not exist at .*moved-away\.md\. It may have been moved/);
  });

  it('reports a path through a file as not-found', async () => {
    const file = await write('plain.txt', 'x');
    await rejectsWith(readDocumentFile(path.join(file, 'inner.md')), 'not-found', /“inner\.md” does not exist/);
  });

  it('refuses a folder, even one named like a document', async () => {
    const chapters = path.join(folder.dir(), 'chapters.md');
    await fs.mkdir(chapters);
    await rejectsWith(readDocumentFile(chapters), 'not-text', /^“chapters\.md” is a folder, not a document/);
  });

  it('refuses an unsupported extension, naming the types Gloss opens', async () => {
    const file = await write('page.html', '<p>Hello</p>');
    await rejectsWith(readDocumentFile(file), 'not-text', /“page\.html”.*\.md, \.markdown, \.mdown, \.mkd.*\.txt, \.text/);
  });

  it('refuses a device or pipe without opening it', { skip: !existsSync('/dev/null') }, async () => {
    const link = path.join(folder.dir(), 'device.txt');
    await fs.symlink('/dev/null', link);
    await rejectsWith(readDocumentFile(link), 'not-text', /“null” is not a regular file/);
  });

  it('checks the size with stat before reading: a 4 GB sparse file is refused as too-large', async () => {
    // readFile cannot even hold 4 GB (it fails past 2 GB), so 'too-large' proves nothing was read.
    const file = path.join(folder.dir(), 'huge.txt');
    const handle = await fs.open(file, 'w');
    await handle.truncate(4 * 1024 ** 3 + 1);
    await handle.close();
    await rejectsWith(readDocumentFile(file), 'too-large', /^“huge\.txt” is 4096\.0 MB; Gloss opens documents up to 20 MB\.$/);
  });

  it('refuses a file just over 20 MB as too-large', async () => {
    const file = path.join(folder.dir(), 'just-over.md');
    const handle = await fs.open(file, 'w');
    await handle.truncate(20 * 1024 * 1024 + 1);
    await handle.close();
    await rejectsWith(readDocumentFile(file), 'too-large', /“just-over\.md” is 20\.0 MB/);
  });

  it('refuses binary content as not-text', async () => {
    const file = await write('photo.md', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    await rejectsWith(readDocumentFile(file), 'not-text', /“photo\.md” looks like a binary file/);
  });

  it('refuses invalid UTF-8 as bad-encoding', async () => {
    const file = await write('latin1.txt', new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    await rejectsWith(readDocumentFile(file), 'bad-encoding', /“latin1\.txt” is not UTF-8 text/);
  });

  it('reports an unreadable file as io', { skip: process.getuid?.() === 0 ? 'root reads every file' : false }, async () => {
    const file = await write('secret.md', '# Secret\n');
    await fs.chmod(file, 0o000);
    try {
      await rejectsWith(readDocumentFile(file), 'io', /not allowed to read “secret\.md”/);
    } finally {
      await fs.chmod(file, 0o600);
    }
  });
});

describe('fileSystemError', () => {
  const errno = (code: string) => Object.assign(new Error(`${code}: failed`), { code });

  it('maps permission errors to io with advice', () => {
    for (const code of ['EACCES', 'EPERM']) {
      const error = fileSystemError(errno(code), '/docs/secret.md');
      assert.equal(error.code, 'io');
      assert.equal(error.message, 'Gloss is not allowed to read “secret.md”. Check the file\'s permissions and try again.');
    }
  });

  it('maps missing paths to not-found and folders to not-text', () => {
    assert.equal(fileSystemError(errno('ENOENT'), '/docs/a.md').code, 'not-found');
    assert.equal(fileSystemError(errno('ENOTDIR'), '/docs/a.md').code, 'not-found');
    assert.equal(fileSystemError(errno('EISDIR'), '/docs/a.md').code, 'not-text');
  });

  it('maps anything else to io, keeping the system detail', () => {
    const error = fileSystemError(errno('EIO'), '/docs/a.md');
    assert.equal(error.code, 'io');
    assert.equal(error.message, 'Gloss could not read “a.md”: EIO: failed');
  });

  it('passes a GlossError through unchanged', () => {
    const original = new GlossError('too-large', 'big');
    assert.equal(fileSystemError(original, '/x.md'), original);
  });
});
