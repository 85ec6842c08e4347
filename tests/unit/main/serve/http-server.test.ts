import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startBrowserServer, type BrowserServer } from '../../../../main/serve/http-server';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so the Host header can be set to anything (fetch forbids that). */
function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolveReply, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolveReply({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe('browser-mode server', () => {
  let dataDir: string;
  let service: GlossService;
  let server: BrowserServer;
  let cookie: string;
  let host: string;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gloss-serve-'));
    service = await createGlossService({ dataDir, assetsDir: resolve('assets') });
    server = await startBrowserServer({ service, rendererDir: resolve('renderer'), port: 0 });
    host = `127.0.0.1:${server.port}`;
    const token = new URL(server.url).searchParams.get('token') ?? '';
    const reply = await send(server.port, `/?token=${token}`, { headers: { Host: host } });
    assert.equal(reply.status, 303);
    const setCookie = String(reply.headers['set-cookie']);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    cookie = setCookie.split(';')[0] ?? '';
  });

  after(async () => {
    await server.close();
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    send(server.port, `/api/${method}`, {
      method: 'POST',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json', 'X-Gloss-Request': '1', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  test('prints a loopback URL carrying a random token', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{20,}$/);
  });

  test('refuses requests without the token or its cookie', async () => {
    const reply = await send(server.port, '/', { headers: { Host: host } });
    assert.equal(reply.status, 401);
    assert.match(reply.body, /address it printed/);
    const wrong = await send(server.port, '/?token=not-the-token', { headers: { Host: host } });
    assert.equal(wrong.status, 401);
  });

  test('refuses a Host header that is not the loopback address (DNS rebinding)', async () => {
    const reply = await send(server.port, '/', { headers: { Host: `evil.example:${server.port}`, Cookie: cookie } });
    assert.equal(reply.status, 403);
    const otherPort = await send(server.port, '/', { headers: { Host: '127.0.0.1:1', Cookie: cookie } });
    assert.equal(otherPort.status, 403);
  });

  test('serves the renderer with a strict Content-Security-Policy', async () => {
    const reply = await send(server.port, '/', { headers: { Host: host, Cookie: cookie } });
    assert.equal(reply.status, 200);
    assert.match(reply.body, /<article/);
    const csp = String(reply.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.match(csp, /frame-src 'none'/);
  });

  test('does not serve files outside the renderer folder', async () => {
    const reply = await send(server.port, '/..%2f..%2fpackage.json', { headers: { Host: host, Cookie: cookie } });
    assert.equal(reply.status, 404);
  });

  test('API calls need the custom header, so other origins cannot send them without a preflight', async () => {
    const reply = await send(server.port, '/api/getSettings', { method: 'POST', headers: { Host: host, Cookie: cookie, 'Content-Type': 'text/plain' }, body: '{}' });
    assert.equal(reply.status, 403);
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

    // Nothing a refused call carried was stored (the library file may not even exist yet).
    const stored = JSON.parse(await readFile(join(dataDir, 'gloss.json'), 'utf8').catch(() => '{}'));
    assert.notEqual(stored.settings?.theme, 'neon');
    assert.notEqual(stored.settings?.theme, 'dark');
  });

  test('a valid settings change is stored on disk before the reply', async () => {
    const reply = JSON.parse((await api('updateSettings', { theme: 'sepia', fontSize: 22 })).body);
    assert.equal(reply.ok, true);
    const stored = JSON.parse(await readFile(join(dataDir, 'gloss.json'), 'utf8'));
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
    assert.match(output, /^Gloss is reading at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/m);

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
