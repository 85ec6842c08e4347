import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { useTempFolder } from './temp-folder';
import { loadForReading, loadFromBytes } from '../../../../main/documents/load-document';
import { importPlainText } from '../../../../main/documents/plain-text-import';

const SAMPLE = new URL('../../../../assets/articles/000_d802b92d1a2a96bd.txt', import.meta.url);

const folder = useTempFolder('gloss-load-document-');
const { write } = folder;

describe('loadForReading', () => {
  it('imports a plain-text article into Markdown with its title', async () => {
    const bytes = await fs.readFile(SAMPLE);
    const file = await write('putin-visit.txt', bytes);
    const doc = await loadForReading(file);
    assert.equal(doc.path, file);
    assert.equal(doc.fileName, 'putin-visit.txt');
    assert.equal(doc.format, 'text');
    assert.equal(doc.title, 'Kim Jong Un welcomes Putin in North Korea');
    assert.equal(doc.markdown, importPlainText(bytes.toString('utf8')).markdown);
    assert.equal(doc.text, bytes.toString('utf8'));
    assert.equal(doc.contentHash, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(doc.byteLength, bytes.byteLength);
  });

  it('imports a CRLF plain-text file the same as its LF twin', async () => {
    const text = (await fs.readFile(SAMPLE, 'utf8')).replace(/\n/g, '\r\n');
    const doc = await loadForReading(await write('crlf.txt', text));
    assert.equal(doc.markdown, importPlainText(await fs.readFile(SAMPLE, 'utf8')).markdown);
    assert.doesNotMatch(doc.markdown, /\r/);
  });

  it('shows a Markdown file as it is, titled by its first heading', async () => {
    const markdown = '# Reading *Notes*\n\nSome **bold** text.\n';
    const doc = await loadForReading(await write('notes.md', markdown));
    assert.equal(doc.format, 'markdown');
    assert.equal(doc.markdown, markdown);
    assert.equal(doc.title, 'Reading Notes');
  });

  it('titles empty documents by their file name', async () => {
    const text = await loadForReading(await write('empty-article.txt', ''));
    assert.deepEqual([text.markdown, text.title], ['', 'empty-article']);
    const markdown = await loadForReading(await write('blank-notes.md', '\n\n'));
    assert.deepEqual([markdown.markdown, markdown.title], ['', 'blank-notes']);
  });

  it('passes on reading errors', async () => {
    await assert.rejects(loadForReading(path.join(folder.dir(), 'gone.txt')), { code: 'not-found', message: /“gone\.txt” does not exist/ });
  });
});

describe('loadFromBytes', () => {
  it('prepares an uploaded UTF-16 text file, filed under the given path', () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Uploaded Story\r\n\r\nIt begins here.\r\n', 'utf16le')]);
    const doc = loadFromBytes(bytes, 'C:\\fakepath\\story.txt', '/data/uploads/story.txt');
    assert.equal(doc.path, '/data/uploads/story.txt');
    assert.equal(doc.fileName, 'story.txt');
    assert.equal(doc.title, 'Uploaded Story');
    assert.equal(doc.markdown, '# Uploaded Story\n\nIt begins here.\n');
    assert.equal(doc.byteLength, bytes.byteLength);
  });

  it('prepares an uploaded Markdown file', () => {
    const doc = loadFromBytes(Buffer.from('Title\n=====\n\nBody.\n'), 'essay.markdown', '/uploads/essay.markdown');
    assert.equal(doc.format, 'markdown');
    assert.equal(doc.title, 'Title');
  });

  it('refuses what a file on disk would be refused for', () => {
    assert.throws(() => loadFromBytes(new Uint8Array([1, 0, 2]), 'data.txt', '/u/data.txt'), { code: 'not-text' });
    assert.throws(() => loadFromBytes(Buffer.from('x'), 'photo.jpg', '/u/photo.jpg'), { code: 'not-text', message: /“photo\.jpg”/ });
    assert.throws(() => loadFromBytes(new Uint8Array([0xe9]), 'latin.md', '/u/latin.md'), { code: 'bad-encoding' });
  });
});
