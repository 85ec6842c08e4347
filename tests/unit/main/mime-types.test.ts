import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { documentFileType, mimeTypeFor } from '../../../main/mime-types';

const ROOT = join(tmpdir(), 'gloss-renderer');

describe('mimeTypeFor', () => {
  test('gives scripts a JavaScript type, which module scripts require', () => {
    assert.equal(mimeTypeFor(join(ROOT, 'main.js')), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor(join(ROOT, 'chunk.mjs')), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor(join(ROOT, 'MAIN.JS')), 'text/javascript; charset=utf-8');
  });

  test('marks HTML as HTML, which is what gets the CSP header', () => {
    assert.equal(mimeTypeFor(join(ROOT, 'index.html')), 'text/html; charset=utf-8');
    assert.equal(mimeTypeFor(join(ROOT, 'Index.HTML')), 'text/html; charset=utf-8');
  });

  test('types the renderer’s styles, images and fonts', () => {
    assert.equal(mimeTypeFor(join(ROOT, 'styles', 'app.css')), 'text/css; charset=utf-8');
    assert.equal(mimeTypeFor(join(ROOT, 'favicon.svg')), 'image/svg+xml');
    assert.equal(mimeTypeFor(join(ROOT, 'icon.png')), 'image/png');
    assert.equal(mimeTypeFor(join(ROOT, 'fonts', 'serif.woff2')), 'font/woff2');
  });

  test('falls back to an opaque type for unknown, missing or disguised extensions', () => {
    // Never text/html: a file that is not known to be a page must not become one.
    for (const file of ['payload.exe', 'README', '.html', 'page.html.bak', 'page.htm', 'script.js.txt~', 'notes.xhtml']) {
      assert.equal(mimeTypeFor(join(ROOT, file)), 'application/octet-stream', file);
    }
  });
});

describe('documentFileType', () => {
  test('types the images, audio, video and captions a document may show', () => {
    assert.equal(documentFileType('photo.PNG'), 'image/png');
    assert.equal(documentFileType('figure.svg'), 'image/svg+xml');
    assert.equal(documentFileType('talk.mp3'), 'audio/mpeg');
    assert.equal(documentFileType('birdsong.wav'), 'audio/wav');
    assert.equal(documentFileType('clip.webm'), 'video/webm');
    assert.equal(documentFileType('clip.mp4'), 'video/mp4');
    assert.equal(documentFileType('clip.en.vtt'), 'text/vtt; charset=utf-8');
  });

  test('refuses everything else next to a document, the app’s own file types included', () => {
    for (const file of ['notes.txt', 'page.html', 'script.js', 'styles.css', 'data.json', 'secret', '.png', 'id_rsa', 'photo.png.exe']) {
      assert.equal(documentFileType(file), null, file);
    }
  });
});
