import assert from 'node:assert/strict';
import { test } from 'node:test';
import { externalUrl } from '../../../main/external-url';

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
