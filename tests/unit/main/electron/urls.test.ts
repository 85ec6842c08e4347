import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { APP_ENTRY_URL, APP_ORIGIN_PREFIX, isAppUrl, rendererFileForUrl } from '../../../../main/electron/urls';

/** The folder gloss://app/ serves; it need not exist, since the mapping never touches the disk. */
const ROOT = path.resolve(tmpdir(), 'gloss-renderer');

function inRoot(...segments: string[]): string {
  return path.join(ROOT, ...segments);
}

/** True when `file` is ROOT itself or lies outside it. */
function escapesRoot(file: string): boolean {
  const relative = path.relative(ROOT, file);
  // "..." or "..foo" are names inside the folder; only ".." itself, or a path through it, climbs out.
  return relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative);
}

describe('isAppUrl', () => {
  test('accepts the entry page, the bare origin and other pages of gloss://app/', () => {
    assert.equal(isAppUrl('gloss://app/index.html'), true);
    assert.equal(isAppUrl(APP_ENTRY_URL), true);
    assert.equal(isAppUrl(APP_ORIGIN_PREFIX), true);
    assert.equal(isAppUrl('gloss://app/styles/app.css?v=2#top'), true);
    // An in-page anchor is still the app: the will-navigate guard must let it through.
    assert.equal(isAppUrl('gloss://app/index.html#reader'), true);
  });

  test('refuses look-alike hosts that a prefix match on "gloss://app" would let in', () => {
    for (const url of ['gloss://app.evil/', 'gloss://application/', 'gloss://app-evil/index.html', 'gloss://appx/', 'gloss://app:80/', 'gloss://app.']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  test('refuses credentials, in either place they can hide the real host', () => {
    for (const url of ['gloss://app@evil/', 'gloss://app:pw@evil/index.html', 'gloss://user:pass@app/', 'gloss://user@app/index.html']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  test('refuses other spellings of the host and scheme rather than normalising them', () => {
    // Node keeps a non-special scheme's host as written; Chromium canonicalises the real ones first.
    for (const url of ['gloss://APP/', 'gloss://App/index.html', 'GLOSS://app/', 'gloss://ap%70/', ' gloss://app/', 'gloss://app\\index.html']) {
      assert.equal(isAppUrl(url), false, JSON.stringify(url));
    }
  });

  test('refuses gloss URLs without the app host', () => {
    for (const url of ['gloss://app', 'gloss:app/index.html', 'gloss:///app/index.html', 'gloss:/app/index.html', 'gloss://', 'gloss:']) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  test('refuses every other scheme a page might navigate to', () => {
    for (const url of [
      'file:///etc/passwd',
      'file:///C:/Windows/win.ini',
      'http://app/',
      'https://app/index.html',
      'http://localhost:5173/',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'blob:gloss://app/0b4c',
      'gloss-asset://app/index.html',
      'about:blank',
      'chrome://settings',
      'devtools://devtools/bundled/inspector.html',
    ]) {
      assert.equal(isAppUrl(url), false, url);
    }
  });

  test('refuses strings that are not URLs at all', () => {
    for (const url of ['', 'index.html', '/index.html', '//app/index.html', 'gloss//app/']) {
      assert.equal(isAppUrl(url), false, JSON.stringify(url));
    }
  });
});

describe('rendererFileForUrl', () => {
  test('maps app URLs to files inside the renderer folder', () => {
    assert.equal(rendererFileForUrl('gloss://app/index.html', ROOT), inRoot('index.html'));
    assert.equal(rendererFileForUrl('gloss://app/styles/app.css', ROOT), inRoot('styles', 'app.css'));
    assert.equal(rendererFileForUrl('gloss://app/main.js?v=1#x', ROOT), inRoot('main.js'));
    // A name that merely starts with two dots is a file inside the folder.
    assert.equal(rendererFileForUrl('gloss://app/..foo.js', ROOT), inRoot('..foo.js'));
    assert.equal(rendererFileForUrl('gloss://app/fonts/My%20Font.woff2', ROOT), inRoot('fonts', 'My Font.woff2'));
  });

  test('serves index.html for the bare origin', () => {
    assert.equal(rendererFileForUrl('gloss://app/', ROOT), inRoot('index.html'));
  });

  test('resolves a relative renderer folder against the working directory', () => {
    assert.equal(rendererFileForUrl('gloss://app/main.js', 'dist/renderer'), path.resolve('dist/renderer', 'main.js'));
  });

  test('keeps plain dot segments inside the folder, as the URL parser resolves them', () => {
    // The parser collapses them before the path is seen, so none can climb above the origin.
    assert.equal(rendererFileForUrl('gloss://app/../../etc/passwd', ROOT), inRoot('etc', 'passwd'));
    assert.equal(rendererFileForUrl('gloss://app/%2e%2e/%2E%2E/etc/passwd', ROOT), inRoot('etc', 'passwd'));
    assert.equal(rendererFileForUrl('gloss://app/.%2e/.%2e/etc/passwd', ROOT), inRoot('etc', 'passwd'));
    assert.equal(rendererFileForUrl('gloss://app/styles/./../index.html', ROOT), inRoot('index.html'));
  });

  test('refuses an encoded slash that would rebuild ../ after decoding', () => {
    for (const url of [
      'gloss://app/..%2Fetc%2Fpasswd',
      'gloss://app/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'gloss://app/x%2F..%2F..%2F..%2Fetc%2Fpasswd',
      'gloss://app/styles/..%2F..%2F..%2Fsecret.txt',
      'gloss://app/%2Fetc%2Fpasswd',
      'gloss://app/%2F%2Fserver%2Fshare%2Ffile',
    ]) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('refuses backslashes, raw or encoded (a separator on Windows)', () => {
    for (const url of ['gloss://app/..\\..\\etc\\passwd', 'gloss://app/..%5C..%5Cetc%5Cpasswd', 'gloss://app/..%5c..%5cWindows%5Cwin.ini', 'gloss://app/styles%5Capp.css']) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('refuses NUL bytes, raw or encoded', () => {
    for (const url of ['gloss://app/index.html%00.png', 'gloss://app/index.html\u0000.png', 'gloss://app/%00']) {
      assert.equal(rendererFileForUrl(url, ROOT), null, JSON.stringify(url));
    }
  });

  test('refuses drive letters and alternate data streams', () => {
    for (const url of ['gloss://app/C:/Windows/win.ini', 'gloss://app/C%3A%5CWindows%5Cwin.ini', 'gloss://app/c%3a/x', 'gloss://app/index.html:$DATA', 'gloss://app/index.html%3A%24DATA']) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('refuses empty segments and folder URLs', () => {
    for (const url of ['gloss://app//etc/passwd', 'gloss://app/styles//app.css', 'gloss://app/styles/', 'gloss://app///']) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('refuses malformed percent-encoding instead of throwing', () => {
    for (const url of ['gloss://app/%', 'gloss://app/%ZZ.js', 'gloss://app/%E0%A4%A.js', 'gloss://app/%C0%AE%C0%AE/etc/passwd']) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('refuses every URL that is not the app, even when its path would be harmless', () => {
    for (const url of [
      'gloss://APP/index.html',
      'gloss://app.evil/index.html',
      'gloss://evil/index.html',
      'gloss://user:pw@app/index.html',
      'gloss://app@evil/index.html',
      'gloss-asset://app/index.html',
      'file:///index.html',
      'https://app/index.html',
      'not a url',
    ]) {
      assert.equal(rendererFileForUrl(url, ROOT), null, url);
    }
  });

  test('never returns the folder itself or anything outside it, whatever the URL', () => {
    const attempts = [
      'gloss://app/',
      'gloss://app/.',
      'gloss://app/..',
      'gloss://app/%2e',
      'gloss://app/%2e%2e',
      'gloss://app/...',
      'gloss://app/..%2f',
      'gloss://app/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'gloss://app/a%2f..',
      'gloss://app/a%2f..%2f',
      'gloss://app/a%2f..%2f..',
      'gloss://app/%2f',
      'gloss://app/~%2f.ssh%2fid_rsa',
      `gloss://app/${'a/'.repeat(50)}${'..%2f'.repeat(60)}etc%2fpasswd`,
      'gloss://app/%252e%252e/%252e%252e/etc/passwd',
    ];
    for (const url of attempts) {
      const file = rendererFileForUrl(url, ROOT);
      if (file !== null) assert.equal(escapesRoot(file), false, `${url} -> ${file}`);
    }
    // A double-encoded ../ is a literal file name, not a way up.
    assert.equal(rendererFileForUrl('gloss://app/%252e%252e/x', ROOT), inRoot('%2e%2e', 'x'));
  });
});
