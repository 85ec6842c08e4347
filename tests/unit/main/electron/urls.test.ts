import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import {
  APP_CSP,
  APP_ENTRY_URL,
  APP_ORIGIN_PREFIX,
  isAppUrl,
  isExternalUrl,
  mimeTypeFor,
  parseAssetUrl,
  rendererFileForUrl,
} from '../../../../main/electron/urls';

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

describe('isExternalUrl', () => {
  test('accepts web and mail links, whatever the case of the scheme', () => {
    for (const url of ['https://example.com/article?id=1#p2', 'http://example.com', 'HTTPS://EXAMPLE.COM/', 'mailto:editor@example.com?subject=Hi']) {
      assert.equal(isExternalUrl(url), true, url);
    }
  });

  test('refuses schemes that run code or reach the disk when handed to the OS', () => {
    for (const url of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      'file:///etc/passwd',
      'file://server/share/payload.exe',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'search-ms:query=x',
      'ftp://example.com/',
      'blob:https://example.com/0b4c',
      'about:blank',
      'chrome://settings',
      'gloss://app/index.html',
      'gloss-asset://doc/image.png',
    ]) {
      assert.equal(isExternalUrl(url), false, url);
    }
  });

  test('judges the parsed scheme, so whitespace and controls cannot disguise javascript:', () => {
    // The URL parser drops tabs and newlines anywhere and strips leading spaces and C0 controls:
    // a prefix check on the raw text would see "java" or " " and miss what the URL really is.
    for (const url of ['java\tscript:alert(1)', 'java\nscript:alert(1)', ' javascript:alert(1)', '\u0000javascript:alert(1)', '\tjavascript:alert(1)']) {
      assert.equal(isExternalUrl(url), false, JSON.stringify(url));
    }
  });

  test('is not fooled by an http-looking prefix on another scheme', () => {
    for (const url of ['javascript://https://example.com/%0aalert(1)', 'file://https://example.com/', 'data:https://example.com', 'https:', 'https://']) {
      assert.equal(isExternalUrl(url), false, url);
    }
  });

  test('refuses strings that do not parse', () => {
    for (const url of ['', 'example.com', '//example.com/', 'http://exa mple.com/', 'https://[::1/']) {
      assert.equal(isExternalUrl(url), false, JSON.stringify(url));
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

describe('parseAssetUrl', () => {
  test('splits a document image URL into its id and its still-encoded path', () => {
    assert.deepEqual(parseAssetUrl('gloss-asset://doc-1/images/photo.png'), { documentId: 'doc-1', encodedPath: 'images/photo.png' });
    assert.deepEqual(parseAssetUrl('gloss-asset://AbC_9/My%20Photo%20%231.png'), { documentId: 'AbC_9', encodedPath: 'My%20Photo%20%231.png' });
  });

  test('keeps the document id exactly as written', () => {
    assert.equal(parseAssetUrl('gloss-asset://MixedCaseId/a.png')?.documentId, 'MixedCaseId');
  });

  test('round-trips the paths the renderer encodes segment by segment', () => {
    // renderer/api.ts builds asset URLs as path.split('/').map(encodeURIComponent).join('/').
    for (const relative of ['images/café.png', 'a b/c?d#e.png', 'images/100%.png', 'x/y/z/deep.webp', 'имя.png']) {
      const url = `gloss-asset://doc/${relative.split('/').map(encodeURIComponent).join('/')}`;
      const parsed = parseAssetUrl(url);
      assert.ok(parsed, url);
      assert.equal(decodeURIComponent(parsed.encodedPath), relative);
    }
  });

  test('drops the query and fragment, so neither can carry a path', () => {
    assert.deepEqual(parseAssetUrl('gloss-asset://doc/a.png?../../secret#../x'), { documentId: 'doc', encodedPath: 'a.png' });
    assert.deepEqual(parseAssetUrl('gloss-asset://doc/a.png#/../../secret'), { documentId: 'doc', encodedPath: 'a.png' });
  });

  test('resolves dot segments that stay inside the document folder', () => {
    assert.equal(parseAssetUrl('gloss-asset://doc/images/../photo.png')?.encodedPath, 'photo.png');
    assert.equal(parseAssetUrl('gloss-asset://doc/./images/./photo.png')?.encodedPath, 'images/photo.png');
    assert.equal(parseAssetUrl('gloss-asset://doc/a/b/%2e%2e/%2E./c.png')?.encodedPath, 'c.png');
    assert.equal(parseAssetUrl('gloss-asset://doc/a//b.png')?.encodedPath, 'a/b.png');
  });

  test('refuses climbing above the document folder, plainly or encoded', () => {
    for (const url of [
      'gloss-asset://doc/../secret.png',
      'gloss-asset://doc/images/../../secret.png',
      'gloss-asset://doc/a/b/../../../secret.png',
      'gloss-asset://doc/%2e%2e/secret.png',
      'gloss-asset://doc/%2E%2E/secret.png',
      'gloss-asset://doc/.%2e/secret.png',
      'gloss-asset://doc/%2e./secret.png',
      'gloss-asset://doc/./../secret.png',
    ]) {
      assert.equal(parseAssetUrl(url), null, url);
    }
  });

  test('refuses encoded slashes, backslashes, NUL and colons inside a segment', () => {
    for (const url of [
      'gloss-asset://doc/images%2F..%2F..%2Fsecret.png',
      'gloss-asset://doc/..%2fsecret.png',
      'gloss-asset://doc/%2Fetc%2Fpasswd',
      'gloss-asset://doc/..%5Csecret.png',
      'gloss-asset://doc/..\\secret.png',
      'gloss-asset://doc/images\\photo.png',
      'gloss-asset://doc/photo.png%00.txt',
      'gloss-asset://doc/photo\u0000.png',
      'gloss-asset://doc/C%3A/Windows/win.ini',
      'gloss-asset://doc/C:/Windows/win.ini',
      'gloss-asset://doc/photo.png:Zone.Identifier',
    ]) {
      assert.equal(parseAssetUrl(url), null, JSON.stringify(url));
    }
  });

  test('keeps a double-encoded ../ encoded once more, so the single decode downstream yields a literal name', () => {
    const parsed = parseAssetUrl('gloss-asset://doc/%252e%252e/secret.png');
    assert.deepEqual(parsed, { documentId: 'doc', encodedPath: '%252e%252e/secret.png' });
    assert.equal(decodeURIComponent(parsed.encodedPath), '%2e%2e/secret.png');
  });

  test('refuses document ids that are missing, empty or not plain ids', () => {
    for (const url of [
      'gloss-asset:///etc/passwd',
      'gloss-asset://doc',
      'gloss-asset://',
      'gloss-asset://../secret.png',
      'gloss-asset://./a.png',
      'gloss-asset://doc%2F..%2Fother/a.png',
      'gloss-asset://doc.id/a.png',
      'gloss-asset://user@doc/a.png',
      'gloss-asset://doc:80/a.png',
      `gloss-asset://${'a'.repeat(101)}/a.png`,
    ]) {
      assert.equal(parseAssetUrl(url), null, url);
    }
    assert.equal(parseAssetUrl(`gloss-asset://${'a'.repeat(100)}/a.png`)?.documentId, 'a'.repeat(100));
  });

  test('refuses URLs that name no file', () => {
    for (const url of ['gloss-asset://doc/', 'gloss-asset://doc/.', 'gloss-asset://doc/./', 'gloss-asset://doc/a/..', 'gloss-asset://doc/?a.png', 'gloss-asset://doc/#a.png']) {
      assert.equal(parseAssetUrl(url), null, url);
    }
  });

  test('refuses other schemes and spellings', () => {
    for (const url of ['GLOSS-ASSET://doc/a.png', 'gloss-asset:/doc/a.png', 'gloss-asset:doc/a.png', 'gloss://doc/a.png', 'file:///doc/a.png', ' gloss-asset://doc/a.png']) {
      assert.equal(parseAssetUrl(url), null, JSON.stringify(url));
    }
  });

  test('refuses malformed percent-encoding instead of throwing', () => {
    for (const url of ['gloss-asset://doc/%', 'gloss-asset://doc/%ZZ.png', 'gloss-asset://doc/%E0%A4%A.png', 'gloss-asset://doc/%C0%AE%C0%AE/secret.png']) {
      assert.equal(parseAssetUrl(url), null, url);
    }
  });
});

/** Parses a policy into directive -> sources, failing on a repeated directive (browsers ignore the repeat). */
function directivesOf(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name === undefined || name === '') continue;
    assert.equal(directives.has(name.toLowerCase()), false, `${name} appears twice`);
    directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

describe('APP_CSP', () => {
  const csp = directivesOf(APP_CSP);

  test('denies by default', () => {
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
  });

  test('runs only the app’s own scripts: no inline code, no eval, no hashes or nonces', () => {
    assert.deepEqual(csp.get('script-src'), ["'self'"]);
    assert.doesNotMatch(APP_CSP, /unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|strict-dynamic|'nonce-|'sha(256|384|512)-/i);
  });

  test('forbids frames, plugins, <base> and form posts', () => {
    assert.deepEqual(csp.get('frame-src'), ["'none'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'none'"]);
  });

  test('loads nothing from the network or the disk', () => {
    for (const [name, sources] of csp) {
      for (const source of sources) {
        assert.doesNotMatch(source, /^(\*|https?:|wss?:|file:|blob:|filesystem:|gloss:)|\*/i, `${name} allows ${source}`);
      }
    }
  });

  test('lets data: and document images in only as images', () => {
    assert.deepEqual(csp.get('img-src'), ["'self'", 'gloss-asset:', 'data:']);
    for (const [name, sources] of csp) {
      if (name === 'img-src') continue;
      assert.equal(sources.includes('data:'), false, `${name} allows data:`);
      assert.equal(sources.includes('gloss-asset:'), false, `${name} allows gloss-asset:`);
    }
  });

  test('is the same policy as the copy in renderer/index.html', async () => {
    const html = await readFile(path.resolve('renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html);
    assert.ok(meta, 'index.html has a CSP meta tag');
    assert.deepEqual(directivesOf(meta[1] ?? ''), csp);
  });
});

describe('mimeTypeFor', () => {
  test('gives scripts a JavaScript type, which module scripts require', () => {
    assert.equal(mimeTypeFor(inRoot('main.js')), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor(inRoot('chunk.mjs')), 'text/javascript; charset=utf-8');
    assert.equal(mimeTypeFor(inRoot('MAIN.JS')), 'text/javascript; charset=utf-8');
  });

  test('marks HTML as HTML, which is what gets the CSP header', () => {
    assert.equal(mimeTypeFor(inRoot('index.html')), 'text/html; charset=utf-8');
    assert.equal(mimeTypeFor(inRoot('Index.HTML')), 'text/html; charset=utf-8');
  });

  test('types the renderer’s styles, images and fonts', () => {
    assert.equal(mimeTypeFor(inRoot('styles', 'app.css')), 'text/css; charset=utf-8');
    assert.equal(mimeTypeFor(inRoot('favicon.svg')), 'image/svg+xml');
    assert.equal(mimeTypeFor(inRoot('icon.png')), 'image/png');
    assert.equal(mimeTypeFor(inRoot('fonts', 'serif.woff2')), 'font/woff2');
  });

  test('falls back to an opaque type for unknown, missing or disguised extensions', () => {
    // Never text/html: a file that is not known to be a page must not become one.
    for (const file of ['payload.exe', 'README', '.html', 'page.html.bak', 'page.htm', 'script.js.txt~', 'notes.xhtml']) {
      assert.equal(mimeTypeFor(inRoot(file)), 'application/octet-stream', file);
    }
  });
});
