import assert from 'node:assert/strict';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { readDocumentAsset } from '../../../../main/documents/document-asset';
import { useTempFolder } from './temp-folder';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==', 'base64');
const SECRET = 'the rest of the disk\n';

describe('readDocumentAsset', () => {
  const temp = useTempFolder('gloss-asset-');
  let documentPath = '';

  before(async () => {
    const root = temp.dir();
    const doc = join(root, 'doc');
    const outside = join(root, 'outside');
    await mkdir(join(doc, 'images'), { recursive: true });
    await mkdir(join(outside, 'private'), { recursive: true });
    documentPath = join(doc, 'article.md');
    await writeFile(documentPath, '# Article\n');
    await writeFile(join(doc, 'images', 'pixel.png'), PNG);
    await writeFile(join(doc, 'sound.wav'), Buffer.from('RIFF....WAVE'));
    await writeFile(join(doc, 'notes.txt'), 'not an image');
    // What a document next to these links must not reach:
    await writeFile(join(outside, 'passwd.png'), SECRET);
    await writeFile(join(outside, 'private', 'photo.png'), SECRET);
    await symlink(join(outside, 'passwd.png'), join(doc, 'leak.png'));
    await symlink('/etc/passwd', join(doc, 'etc-passwd.png'));
    await symlink(join(outside, 'private'), join(doc, 'linked-folder'));
    await mkdir(join(doc, 'gallery'));
    await symlink(join(outside, 'private'), join(doc, 'gallery', 'out'));
    await symlink(root, join(doc, 'images', 'up'));
    // Links that stay inside the folder are fine, as long as they point at what their name says.
    await symlink(join(doc, 'images', 'pixel.png'), join(doc, 'alias.png'));
    await symlink('images', join(doc, 'pictures'));
    await symlink(join(doc, 'notes.txt'), join(doc, 'disguised.png'));
  });

  test('serves images and media inside the document folder', async () => {
    const image = await readDocumentAsset(documentPath, 'images/pixel.png');
    assert.equal(image.mimeType, 'image/png');
    assert.deepEqual(Buffer.from(image.bytes), PNG);
    assert.equal((await readDocumentAsset(documentPath, 'sound.wav')).mimeType, 'audio/wav');
  });

  test('refuses a link to a file outside the folder', async () => {
    await assert.rejects(readDocumentAsset(documentPath, 'leak.png'), /inside the document's folder/);
    await assert.rejects(readDocumentAsset(documentPath, 'etc-passwd.png'), /inside the document's folder/);
  });

  test('refuses a linked folder that leads outside, at the top or deeper down', async () => {
    await assert.rejects(readDocumentAsset(documentPath, 'linked-folder/photo.png'), /inside the document's folder/);
    await assert.rejects(readDocumentAsset(documentPath, 'gallery/out/photo.png'), /inside the document's folder/);
    await assert.rejects(readDocumentAsset(documentPath, 'images/up/outside/passwd.png'), /inside the document's folder/);
  });

  test('follows links that stay inside the folder, but not to a file of another kind', async () => {
    assert.deepEqual(Buffer.from((await readDocumentAsset(documentPath, 'alias.png')).bytes), PNG);
    assert.deepEqual(Buffer.from((await readDocumentAsset(documentPath, 'pictures/pixel.png')).bytes), PNG);
    await assert.rejects(readDocumentAsset(documentPath, 'disguised.png'), /not the kind of file/);
  });

  test('refuses other kinds of files, paths that climb out, and files that are not there', async () => {
    await assert.rejects(readDocumentAsset(documentPath, 'notes.txt'), /not an image/);
    await assert.rejects(readDocumentAsset(documentPath, '../outside/passwd.png'), /inside the document's folder/);
    await assert.rejects(readDocumentAsset(documentPath, 'images/missing.png'), (error: Error & { code?: string }) => error.code === 'not-found');
    await assert.rejects(readDocumentAsset(documentPath, 'images'), /not an image/);
  });
});
