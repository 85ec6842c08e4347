import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  browserAssetUrl,
  decodePathSegment,
  desktopAssetUrl,
  isWellEncodedPath,
  parseBrowserAssetPath,
  parseDesktopAssetUrl,
  signAssetAccess,
} from '../../../../main/common/asset-urls';

describe('parseDesktopAssetUrl', () => {
  test('splits a document image URL into its id and its still-encoded path', () => {
    assert.deepEqual(parseDesktopAssetUrl('gloss-asset://doc-1/images/photo.png'), { documentId: 'doc-1', encodedPath: 'images/photo.png' });
    assert.deepEqual(parseDesktopAssetUrl('gloss-asset://AbC_9/My%20Photo%20%231.png'), { documentId: 'AbC_9', encodedPath: 'My%20Photo%20%231.png' });
  });

  test('keeps the document id exactly as written', () => {
    assert.equal(parseDesktopAssetUrl('gloss-asset://MixedCaseId/a.png')?.documentId, 'MixedCaseId');
  });

  test('round-trips the paths the renderer encodes segment by segment', () => {
    for (const relative of ['images/café.png', 'a b/c?d#e.png', 'images/100%.png', 'x/y/z/deep.webp', 'имя.png']) {
      const url = desktopAssetUrl('doc', relative);
      const parsed = parseDesktopAssetUrl(url);
      assert.ok(parsed, url);
      assert.equal(decodeURIComponent(parsed.encodedPath), relative);
    }
  });

  test('drops the query and fragment, so neither can carry a path', () => {
    assert.deepEqual(parseDesktopAssetUrl('gloss-asset://doc/a.png?../../secret#../x'), { documentId: 'doc', encodedPath: 'a.png' });
    assert.deepEqual(parseDesktopAssetUrl('gloss-asset://doc/a.png#/../../secret'), { documentId: 'doc', encodedPath: 'a.png' });
  });

  test('resolves dot segments that stay inside the document folder', () => {
    assert.equal(parseDesktopAssetUrl('gloss-asset://doc/images/../photo.png')?.encodedPath, 'photo.png');
    assert.equal(parseDesktopAssetUrl('gloss-asset://doc/./images/./photo.png')?.encodedPath, 'images/photo.png');
    assert.equal(parseDesktopAssetUrl('gloss-asset://doc/a/b/%2e%2e/%2E./c.png')?.encodedPath, 'c.png');
    assert.equal(parseDesktopAssetUrl('gloss-asset://doc/a//b.png')?.encodedPath, 'a/b.png');
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
      assert.equal(parseDesktopAssetUrl(url), null, url);
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
      assert.equal(parseDesktopAssetUrl(url), null, JSON.stringify(url));
    }
  });

  test('keeps a double-encoded ../ encoded once more, so the single decode downstream yields a literal name', () => {
    const parsed = parseDesktopAssetUrl('gloss-asset://doc/%252e%252e/secret.png');
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
      assert.equal(parseDesktopAssetUrl(url), null, url);
    }
    assert.equal(parseDesktopAssetUrl(`gloss-asset://${'a'.repeat(100)}/a.png`)?.documentId, 'a'.repeat(100));
  });

  test('refuses URLs that name no file', () => {
    for (const url of ['gloss-asset://doc/', 'gloss-asset://doc/.', 'gloss-asset://doc/./', 'gloss-asset://doc/a/..', 'gloss-asset://doc/?a.png', 'gloss-asset://doc/#a.png']) {
      assert.equal(parseDesktopAssetUrl(url), null, url);
    }
  });

  test('refuses other schemes and spellings', () => {
    for (const url of ['GLOSS-ASSET://doc/a.png', 'gloss-asset:/doc/a.png', 'gloss-asset:doc/a.png', 'gloss://doc/a.png', 'file:///doc/a.png', ' gloss-asset://doc/a.png']) {
      assert.equal(parseDesktopAssetUrl(url), null, JSON.stringify(url));
    }
  });

  test('refuses malformed percent-encoding instead of throwing', () => {
    for (const url of ['gloss-asset://doc/%', 'gloss-asset://doc/%ZZ.png', 'gloss-asset://doc/%E0%A4%A.png', 'gloss-asset://doc/%C0%AE%C0%AE/secret.png']) {
      assert.equal(parseDesktopAssetUrl(url), null, url);
    }
  });
});

describe('signAssetAccess', () => {
  test('is HMAC-SHA256 of the document id keyed with the token, as Node computes it', async () => {
    const expected = createHmac('sha256', 'token-1').update('gloss-asset-access:doc-a').digest('base64url');
    assert.equal(await signAssetAccess('token-1', 'doc-a'), expected);
  });

  test('differs for every document and every launch', async () => {
    const signatures = new Set([
      await signAssetAccess('token-1', 'doc-a'),
      await signAssetAccess('token-1', 'doc-b'),
      await signAssetAccess('token-2', 'doc-a'),
    ]);
    assert.equal(signatures.size, 3);
  });
});

describe('parseBrowserAssetPath', () => {
  const signature = 'A'.repeat(43);

  /** What the server sees: the path the URL parser makes of the address the page built. */
  const served = (relative: string) => new URL(browserAssetUrl('doc1', signature, relative), 'http://127.0.0.1:9/').pathname;

  test('round-trips the addresses the page builds', () => {
    for (const relative of ['images/café.png', 'a b/c?d#e.png', 'images/100%.png', 'sounds/call.wav', 'имя.png']) {
      const parsed = parseBrowserAssetPath(served(relative));
      assert.ok(parsed, relative);
      assert.equal(parsed.documentId, 'doc1');
      assert.equal(parsed.signature, signature);
      assert.equal(decodeURIComponent(parsed.encodedPath), relative);
    }
  });

  test('refuses paths without a well-formed id, signature or file', () => {
    for (const path of [
      '/asset/doc1/a.png',
      `/asset/doc1/${signature}`,
      `/asset/doc1/${signature}/`,
      `/asset/doc.1/${signature}/a.png`,
      `/asset//${signature}/a.png`,
      `/asset/doc1/${'A'.repeat(42)}/a.png`,
      `/asset/doc1/${signature}/%2e%2e/secret.png`,
      `/asset/doc1/${signature}/..%2fsecret.png`,
      `/asset/doc1/${signature}/%E0%A4%A.png`,
      `/assets/doc1/${signature}/a.png`,
    ]) {
      assert.equal(parseBrowserAssetPath(path), null, path);
    }
  });
});

describe('path segments', () => {
  test('decode, refusing malformed escapes and decoded separators', () => {
    assert.equal(decodePathSegment('My%20Photo.png'), 'My Photo.png');
    for (const raw of ['%', '%E0%A4%A', '..%2F', '%5C', '%00', 'C%3A']) assert.equal(decodePathSegment(raw), null, raw);
  });

  test('a path with a malformed escape anywhere is not well encoded', () => {
    assert.equal(isWellEncodedPath('/asset/a/b/My%20Photo.png'), true);
    for (const path of ['/asset/%E0%A4%A', '/%', '/styles/%ZZ.css']) assert.equal(isWellEncodedPath(path), false, path);
  });
});
