import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createHash } from 'node:crypto';
import { APP_CSP, ASSET_CSP, pageCsp } from '../../../main/content-security-policy';

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

  test('lets data: in only as images, and document files only as images and media', () => {
    assert.deepEqual(csp.get('img-src'), ["'self'", 'gloss-asset:', 'data:']);
    // Local <audio> and <video> next to a document: the desktop's scheme, the browser mode's /asset/.
    assert.deepEqual(csp.get('media-src'), ["'self'", 'gloss-asset:']);
    for (const [name, sources] of csp) {
      if (name !== 'img-src') assert.equal(sources.includes('data:'), false, `${name} allows data:`);
      if (name !== 'img-src' && name !== 'media-src') assert.equal(sources.includes('gloss-asset:'), false, `${name} allows gloss-asset:`);
    }
  });

  test('may not be framed', () => {
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
  });

});

describe('pageCsp', () => {
  const sha256 = (code: string) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`;

  test('is APP_CSP for a page with no inline script', () => {
    assert.equal(pageCsp('<!doctype html><head><script type="module" src="main.js"></script></head><body></body>'), APP_CSP);
  });

  test('allows each inline script of the page by its hash, and nothing else inline', () => {
    const first = '(()=>{window.a=1})();';
    const second = 'console.log("é")';
    const policy = pageCsp(`<head><script>${first}</script><script src="x.js"></script></head><body><script type="text/javascript">${second}</script></body>`);
    assert.deepEqual(directivesOf(policy).get('script-src'), ["'self'", sha256(first), sha256(second)]);
    assert.doesNotMatch(policy, /unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|'nonce-/i);
    // Every other directive is APP_CSP's.
    const rest = (csp: string) => [...directivesOf(csp)].filter(([name]) => name !== 'script-src');
    assert.deepEqual(rest(policy), rest(APP_CSP));
  });

  test('hashes a script as the browser reads it: CRLF and CR line ends as LF', () => {
    const policy = pageCsp('<head><script>\r\nwindow.a = 1;\rwindow.b = 2;\r\n</script></head>');
    assert.deepEqual(directivesOf(policy).get('script-src'), ["'self'", sha256('\nwindow.a = 1;\nwindow.b = 2;\n')]);
  });

  test('does not take a script written inside an HTML comment', () => {
    assert.equal(pageCsp('<head><!-- <script>alert(1)</script> --></head>'), APP_CSP);
  });
});

describe('ASSET_CSP', () => {
  test('runs nothing in a document’s file opened on its own', () => {
    const csp = directivesOf(ASSET_CSP);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    assert.deepEqual(csp.get('sandbox'), []);
    assert.equal(csp.has('script-src'), false);
  });
});
