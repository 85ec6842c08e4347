import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { signAssetAccess } from '../../../../main/common/asset-urls';
import { startBrowserServer, type BrowserServer } from '../../../../main/serve/http-server';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';
import { send, type Reply } from './raw-http';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==', 'base64');
const SECRET_TEXT = 'PRIVATE-NOTES-7f3a: the reader never opened this file';

/** A stack trace in a reply would tell an attacker about the machine. */
function assertNoStack(reply: Reply): void {
  assert.doesNotMatch(reply.body, /\n\s+at |node:internal|\.ts:\d+/);
}

describe('browser-mode server', () => {
  let root: string;
  let service: GlossService;
  let server: BrowserServer;
  let token: string;
  let host: string;
  let documentId: string;
  let secretFile: string;

  before(async () => {
    root = await realpath(await mkdtemp(join(tmpdir(), 'gloss-serve-')));
    const folder = join(root, 'doc');
    await mkdir(join(folder, 'images'), { recursive: true });
    await writeFile(join(folder, 'images', 'pixel.png'), PNG);
    await writeFile(join(folder, 'article.md'), '# Article\n\n![pixel](images/pixel.png)\n');
    secretFile = join(root, 'secret.txt');
    await writeFile(secretFile, `${SECRET_TEXT}\n`);
    await symlink('/etc/passwd', join(folder, 'passwd.png'));
    await symlink(join(root), join(folder, 'images', 'up'));
    await writeFile(join(root, 'outside.png'), SECRET_TEXT);
    service = await createGlossService({ dataDir: join(root, 'data'), assetsDir: resolve('assets'), initialDocumentPath: join(folder, 'article.md'), documentAccess: 'library' });
    server = await startBrowserServer({ service, rendererDir: resolve('renderer'), port: 0 });
    host = `127.0.0.1:${server.port}`;
    token = new URLSearchParams(new URL(server.url).hash.slice(1)).get('token') ?? '';
    const startup = JSON.parse((await api('getStartup', {})).body);
    documentId = startup.value.document.id;
  });

  after(async () => {
    await server.close();
    await service.close();
    await rm(root, { recursive: true, force: true });
  });

  const authorization = () => ({ Authorization: `Bearer ${token}` });

  const api = (method: string, body: unknown, headers: Record<string, string> = authorization()) =>
    send(server.port, `/api/${method}`, {
      method: 'POST',
      headers: { Host: host, 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const assetPath = async (id: string, path: string, signedFor = id) => `/asset/${id}/${await signAssetAccess(token, signedFor)}/${path}`;

  test('the page and the API answer with headers that keep them out of frames and other origins', async () => {
    for (const reply of [await send(server.port, '/', { headers: { Host: host } }), await api('listRecent', {})]) {
      assert.equal(reply.status, 200);
      assert.match(String(reply.headers['content-security-policy']), /frame-ancestors 'none'/);
      assert.match(String(reply.headers['content-security-policy']), /script-src 'self'/);
      assert.equal(reply.headers['x-frame-options'], 'DENY');
      assert.equal(reply.headers['cross-origin-resource-policy'], 'same-origin');
      assert.equal(reply.headers['x-content-type-options'], 'nosniff');
      assert.equal(reply.headers['referrer-policy'], 'no-referrer');
      assert.equal(reply.headers['cache-control'], 'no-store');
    }
  });

  test('an answer states its length in UTF-8 bytes, not in characters', async () => {
    const note = 'Café — naïve 日本語 😀';
    const created = await api('createAnnotation', { documentId, kind: 'note', color: null, note, target: null });
    assert.equal(created.status, 200);
    assert.equal(JSON.parse(created.body).value.note, note);
    assert.equal(Number(created.headers['content-length']), Buffer.byteLength(created.body));
    assert.ok(Buffer.byteLength(created.body) > created.body.length);
    await api('deleteAnnotation', { documentId, id: JSON.parse(created.body).value.id });
  });

  test('prints a loopback address whose random token rides in the fragment, which browsers never send', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[A-Za-z0-9_-]{40,}$/);
  });

  test('a browser that opens the printed address gets no cookie, and nothing it would send to another port opens the API', async () => {
    // What a browser sends for the printed address: its path and query; the fragment stays in the tab.
    const address = new URL(server.url);
    const cookies: string[] = [];
    let path = address.pathname + address.search;
    for (let hop = 0; hop < 5; hop += 1) {
      const reply = await send(server.port, path, { headers: { Host: host, ...(cookies.length ? { Cookie: cookies.join('; ') } : {}) } });
      for (const line of [reply.headers['set-cookie'] ?? []].flat()) cookies.push(line.split(';')[0] ?? '');
      const location = reply.headers.location;
      if (reply.status < 300 || reply.status >= 400 || typeof location !== 'string') break;
      path = location;
    }
    assert.deepEqual(cookies, [], 'the server sets no cookie at all');
    // A page on another port of 127.0.0.1 receives every cookie this origin has and may add any
    // header it likes; all it lacks is the token. It replays what it has, from another client.
    const replayed = { Cookie: cookies.join('; '), 'X-Gloss-Request': '1', Origin: 'http://127.0.0.1:1' };
    const read = await api('openDocument', { path: secretFile }, replayed);
    assert.equal(read.status, 401);
    assert.doesNotMatch(read.body, /PRIVATE-NOTES/);
    const create = await api('createAnnotation', { documentId, kind: 'note', color: null, note: 'planted', target: null }, replayed);
    assert.equal(create.status, 401);
    assert.deepEqual(JSON.parse((await api('listAnnotations', { documentId })).body).value, []);
  });

  test('API calls need the token in the Authorization header: no other header, query or wrong token does', async () => {
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer not-the-token' },
      { Authorization: `Basic ${token}` },
      { 'X-Gloss-Token': token },
      { Cookie: `gloss_token_${server.port}=${token}` },
    ];
    for (const headers of attempts) {
      const reply = await api('getSettings', {}, headers);
      assert.equal(reply.status, 401, JSON.stringify(headers));
      assert.match(JSON.parse(reply.body).error.message, /address Gloss printed/);
    }
    assert.equal((await send(server.port, `/api/getSettings?token=${token}`, { method: 'POST', headers: { Host: host }, body: '{}' })).status, 401);
    assert.equal((await api('getSettings', {})).status, 200);
  });

  test('refuses a Host header that is not the loopback address (DNS rebinding)', async () => {
    assert.equal((await send(server.port, '/', { headers: { Host: `evil.example:${server.port}` } })).status, 403);
    assert.equal((await send(server.port, '/', { headers: { Host: '127.0.0.1:1' } })).status, 403);
    assert.equal((await api('getSettings', {}, { ...authorization(), Host: `evil.example:${server.port}` })).status, 403);
  });

  test('serves the renderer, the public app, without the token and with the strict policy', async () => {
    const page = await send(server.port, '/', { headers: { Host: host } });
    assert.equal(page.status, 200);
    assert.match(page.body, /<article/);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /media-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers['set-cookie'], undefined);
    const styles = await send(server.port, '/styles/app.css', { headers: { Host: host } });
    assert.equal(styles.status, 200);
    assert.match(String(styles.headers['content-type']), /^text\/css/);
  });

  test('does not serve files outside the renderer folder', async () => {
    for (const path of ['/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/styles/..%5c..%5cpackage.json']) {
      assert.equal((await send(server.port, path, { headers: { Host: host } })).status, 404, path);
    }
  });

  test('malformed escapes in the address get 400, never a 500 with a stack trace', async () => {
    const asset = await assetPath(documentId, '%E0%A4%A');
    for (const [method, path] of [
      ['GET', '/asset/%E0%A4%A'],
      ['GET', asset],
      ['GET', '/%E0%A4%A'],
      ['GET', '/styles/%ZZ.css'],
      ['POST', '/api/%E0%A4%A'],
    ] as const) {
      const reply = await send(server.port, path, { method, headers: { Host: host, ...authorization() }, body: method === 'POST' ? '{}' : undefined });
      assert.equal(reply.status, 400, path);
      assertNoStack(reply);
    }
  });

  test('openDocument opens only the library and the command line, never a path the page makes up', async () => {
    const reply = JSON.parse((await api('openDocument', { path: secretFile })).body);
    assert.equal(reply.ok, false);
    assert.equal(reply.error.code, 'invalid-request');
    assert.doesNotMatch(JSON.stringify(reply), /PRIVATE-NOTES/);
    assert.equal(JSON.parse((await api('openDocument', { path: '/etc/hostname' })).body).ok, false);
    const launched = JSON.parse((await api('openDocument', { path: join(root, 'doc', 'article.md') })).body);
    assert.equal(launched.value.title, 'Article');
    const upload = JSON.parse((await api('importDocument', { fileName: 'upload.md', dataBase64: Buffer.from('# Uploaded\n').toString('base64') })).body);
    assert.equal(upload.value.title, 'Uploaded');
  });

  test('serves a document’s image only at an address signed for that document', async () => {
    const image = await send(server.port, await assetPath(documentId, 'images/pixel.png'), { headers: { Host: host } });
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.match(String(image.headers['content-security-policy']), /sandbox/);
    assert.equal(image.headers['cross-origin-resource-policy'], 'same-origin');
    // Unsigned, signed for another document, or signed with another launch's token: refused.
    assert.equal((await send(server.port, `/asset/${documentId}/images/pixel.png`, { headers: { Host: host } })).status, 404);
    assert.equal((await send(server.port, await assetPath(documentId, 'images/pixel.png', 'another-document'), { headers: { Host: host } })).status, 403);
    const otherLaunch = `/asset/${documentId}/${await signAssetAccess('another-token', documentId)}/images/pixel.png`;
    assert.equal((await send(server.port, otherLaunch, { headers: { Host: host } })).status, 403);
  });

  test('hands the page each document with the signature of its asset addresses, which serves its images', async () => {
    const startup = JSON.parse((await api('getStartup', {})).body).value;
    const reopened = JSON.parse((await api('openLibraryDocument', { documentId })).body).value;
    // The startup document is whichever was open last (an earlier test may have opened another).
    assert.equal(startup.document.assetSignature, await signAssetAccess(token, startup.document.id));
    assert.equal(reopened.id, documentId);
    assert.equal(reopened.assetSignature, await signAssetAccess(token, documentId));
    const image = await send(server.port, `/asset/${documentId}/${reopened.assetSignature}/images/pixel.png`, { headers: { Host: host } });
    assert.equal(image.status, 200);
    // An answer that hands over no document carries no signature.
    assert.doesNotMatch((await api('listRecent', {})).body, /assetSignature/);
  });

  test('never serves a file outside the document’s folder through a symlink next to it', async () => {
    for (const path of ['passwd.png', 'images/up/outside.png', '..%2foutside.png', '%2e%2e/outside.png']) {
      const reply = await send(server.port, await assetPath(documentId, path), { headers: { Host: host } });
      assert.notEqual(reply.status, 200, path);
      assert.doesNotMatch(reply.body, /root:|PRIVATE-NOTES/, path);
    }
  });

  test('answers API calls with ApiResults and validates payloads', async () => {
    const settings = JSON.parse((await api('getSettings', {})).body);
    assert.equal(settings.ok, true);
    assert.equal(settings.value.theme, 'system');

    const bad = JSON.parse((await api('updateSettings', { theme: 'neon' })).body);
    assert.equal(bad.ok, false);
    assert.equal(bad.error.code, 'invalid-request');
    assert.match(bad.error.message, /theme/);

    const proto = JSON.parse((await api('updateSettings', '{"__proto__": {"theme": "dark"}}')).body);
    assert.equal(proto.ok, false);
    assert.match(proto.error.message, /__proto__/);

    const unknown = JSON.parse((await api('deleteEverything', {})).body);
    assert.equal(unknown.ok, false);
    assert.match(unknown.error.message, /Unknown request/);

    const notJson = JSON.parse((await api('getSettings', '{oops')).body);
    assert.equal(notJson.error.code, 'invalid-request');

    const stored = JSON.parse(await readFile(join(root, 'data', 'gloss.json'), 'utf8').catch(() => '{}'));
    assert.notEqual(stored.settings?.theme, 'neon');
    assert.notEqual(stored.settings?.theme, 'dark');
  });

  test('a valid settings change is stored on disk before the reply', async () => {
    const reply = JSON.parse((await api('updateSettings', { theme: 'sepia', fontSize: 22 })).body);
    assert.equal(reply.ok, true);
    const stored = JSON.parse(await readFile(join(root, 'data', 'gloss.json'), 'utf8'));
    assert.equal(stored.settings.theme, 'sepia');
    assert.equal(stored.settings.fontSize, 22);
  });
});

describe('npm run serve as a process', () => {
  test('prints one "Gloss is reading at" line, refuses a second server on the same data folder, and stops on SIGINT', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'gloss-serve-proc-'));
    const start = () => spawn(process.execPath, ['--import', 'tsx', 'main/serve/serve-command.ts', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    const first = start();
    let output = '';
    first.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolveStarted, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start line: ${output}`)), 20_000);
      first.stdout.on('data', () => {
        if (output.includes('Gloss is reading at')) {
          clearTimeout(timer);
          resolveStarted();
        }
      });
    });
    assert.match(output, /^Gloss is reading at http:\/\/127\.0\.0\.1:\d+\/#token=\S+$/m);

    const second = start();
    let secondError = '';
    second.stderr.on('data', (chunk: Buffer) => (secondError += chunk.toString()));
    const secondCode = await new Promise<number | null>((resolveExit) => second.once('exit', resolveExit));
    assert.notEqual(secondCode, 0);
    assert.match(secondError, new RegExp(`in use by Gloss \\(process ${first.pid}, started `));

    const exited = new Promise<number | null>((resolveExit) => first.once('exit', resolveExit));
    first.kill('SIGINT');
    assert.equal(await exited, 0);
    await rm(dataDir, { recursive: true, force: true });
  });
});

describe('browser-mode server, the page\'s policy', () => {
  test('allows the page\'s inline startup script by its hash alone, computed from the page as served', async () => {
    const root = await realpath(await mkdtemp(join(tmpdir(), 'gloss-serve-page-')));
    const rendererDir = join(root, 'renderer');
    await mkdir(rendererDir);
    const inline = 'window.glossEarlyStartup = Promise.resolve(1);';
    await writeFile(join(rendererDir, 'index.html'), `<!doctype html><head><script>${inline}</script><script type="module" src="main.js"></script></head><body></body>`);
    await writeFile(join(rendererDir, 'main.js'), 'export {};');
    const service = await createGlossService({ dataDir: join(root, 'data'), assetsDir: resolve('assets'), documentAccess: 'library' });
    const server = await startBrowserServer({ service, rendererDir, port: 0 });
    try {
      const host = `127.0.0.1:${server.port}`;
      const hash = `'sha256-${createHash('sha256').update(inline).digest('base64')}'`;
      const page = await send(server.port, '/', { headers: { Host: host } });
      assert.match(String(page.headers['content-security-policy']), new RegExp(`script-src 'self' ${hash.replace(/[+/]/g, '\\$&')};`));
      // A page changed on disk is served with its own hash: the policy follows the page.
      const changed = 'window.glossEarlyStartup = Promise.resolve(2);';
      await writeFile(join(rendererDir, 'index.html'), `<!doctype html><head><script>${changed}</script></head><body></body>`);
      const again = String((await send(server.port, '/', { headers: { Host: host } })).headers['content-security-policy']);
      assert.doesNotMatch(again, new RegExp(hash.replace(/[+/]/g, '\\$&')));
      assert.match(again, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+';/);
      // The app's other files get the plain policy.
      const script = await send(server.port, '/main.js', { headers: { Host: host } });
      assert.match(String(script.headers['content-security-policy']), /script-src 'self';/);
    } finally {
      await server.close();
      await service.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});
