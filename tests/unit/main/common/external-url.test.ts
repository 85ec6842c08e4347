import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { externalUrl } from '../../../../main/common/external-url';

test('web and mail links are handed on in their parsed form', () => {
  assert.equal(externalUrl('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(externalUrl('HTTP://Example.org'), 'http://example.org/');
  assert.equal(externalUrl('mailto:reader@example.org'), 'mailto:reader@example.org');
});

test('other schemes, non-URLs and links with credentials are refused', () => {
  for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'smb://host/share', 'ms-msdt:foo', 'not a url', '', 'https://user:pw@evil.example/', 'https://bank.example@evil.example/']) {
    assert.equal(externalUrl(url), null, url);
  }
});

describe('externalUrl, the one check of what Gloss hands to the system', () => {
  test('accepts web and mail links, whatever the case of the scheme', () => {
    for (const url of ['https://example.com/article?id=1#p2', 'http://example.com', 'HTTPS://EXAMPLE.COM/', 'mailto:editor@example.com?subject=Hi']) {
      assert.equal(externalUrl(url) !== null, true, url);
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
      assert.equal(externalUrl(url), null, url);
    }
  });

  test('judges the parsed scheme, so whitespace and controls cannot disguise javascript:', () => {
    // The URL parser drops tabs and newlines anywhere and strips leading spaces and C0 controls:
    // a prefix check on the raw text would see "java" or " " and miss what the URL really is.
    for (const url of ['java\tscript:alert(1)', 'java\nscript:alert(1)', ' javascript:alert(1)', '\u0000javascript:alert(1)', '\tjavascript:alert(1)']) {
      assert.equal(externalUrl(url), null, JSON.stringify(url));
    }
  });

  test('is not fooled by an http-looking prefix on another scheme', () => {
    for (const url of ['javascript://https://example.com/%0aalert(1)', 'file://https://example.com/', 'data:https://example.com', 'https:', 'https://']) {
      assert.equal(externalUrl(url), null, url);
    }
  });

  test('refuses strings that do not parse', () => {
    for (const url of ['', 'example.com', '//example.com/', 'http://exa mple.com/', 'https://[::1/']) {
      assert.equal(externalUrl(url), null, JSON.stringify(url));
    }
  });
});
