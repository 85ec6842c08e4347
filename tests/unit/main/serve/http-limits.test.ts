/**
 * The browser-mode server's limits, each tested with real sockets against the real server: what
 * a hostile or broken client on the same machine can hold, and for how long.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { DEFAULT_SERVER_LIMITS, type ServerLimits } from '../../../../main/serve/http-limits';
import { startBrowserServer, type BrowserServer } from '../../../../main/serve/http-server';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';
import { rawClient, send, trickleUntilClosed, waitFor, type RawClient } from './raw-http';

describe('browser-mode server limits', () => {
  let dataDir: string;
  let service: GlossService;
  const servers: BrowserServer[] = [];
  const clients: RawClient[] = [];

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'gloss-limits-'));
    service = await createGlossService({ dataDir, assetsDir: resolve('assets'), documentAccess: 'library' });
  });

  afterEach(() => {
    for (const client of clients.splice(0)) client.socket.destroy();
  });

  after(async () => {
    for (const server of servers) await server.close();
    await service.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(limits: Partial<ServerLimits> = {}) {
    const server = await startBrowserServer({ service, rendererDir: resolve('renderer'), port: 0, limits });
    servers.push(server);
    const token = new URLSearchParams(new URL(server.url).hash.slice(1)).get('token') ?? '';
    return { server, port: server.port, token };
  }

  /** Request headers for an upload of `length` bytes, as the page sends it. */
  function uploadHead(port: number, token: string, length: number): string {
    return [
      'POST /api/importDocument HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      `Content-Length: ${length}`,
      '',
      '{"fileName":"big.txt","dataBase64":"',
    ].join('\r\n');
  }

  async function open(port: number, initial?: string): Promise<RawClient> {
    const client = await rawClient(port, initial);
    clients.push(client);
    return client;
  }

  /** Gives the server time to answer (or not) what it has been sent, by a request it must answer. */
  async function roundTrip(port: number): Promise<void> {
    assert.equal((await send(port, '/', { headers: { Host: `127.0.0.1:${port}` } })).status, 200);
  }

  test('holds one full-size upload at a time: a second is refused before a byte of it is kept', async () => {
    const { port, token } = await start();
    const full = DEFAULT_SERVER_LIMITS.maxBodyBytes;
    const first = await open(port, uploadHead(port, token, full));
    await roundTrip(port);
    const second = await open(port, uploadHead(port, token, full));
    await waitFor(() => second.received().startsWith('HTTP/1.1 503'), 5000, `no 503 for the second upload: ${second.received()}`);
    assert.match(second.received(), /Retry-After: 1/i);
    assert.match(second.received(), /busy receiving other files/);
    await second.closed;
    assert.equal(first.received(), '', 'the first upload is still being received');
    // The page's small calls still get through beside it.
    const small = await open(port, uploadHead(port, token, 1000));
    await roundTrip(port);
    assert.equal(small.received(), '');
    // When the upload goes away its room is free again.
    first.socket.destroy();
    await first.closed;
    await roundTrip(port);
    const third = await open(port, uploadHead(port, token, full));
    await roundTrip(port);
    assert.equal(third.received(), '', 'the next upload is taken');
    assert.ok(!third.isClosed());
  });

  test('receives at most so many bodies at once, however small', async () => {
    const { port, token } = await start();
    const held: RawClient[] = [];
    for (let i = 0; i < DEFAULT_SERVER_LIMITS.maxBodiesInFlight; i += 1) held.push(await open(port, uploadHead(port, token, 1000)));
    await roundTrip(port);
    const extra = await open(port, uploadHead(port, token, 1000));
    await waitFor(() => extra.received().startsWith('HTTP/1.1 503'), 5000, `no 503 past the limit: ${extra.received()}`);
    for (const client of held) assert.equal(client.received(), '');
  });

  test('refuses a body declared over the limit, and one without a length, without reading them', async () => {
    const { port, token } = await start();
    const huge = await open(port, uploadHead(port, token, DEFAULT_SERVER_LIMITS.maxBodyBytes + 1));
    await waitFor(() => huge.received().startsWith('HTTP/1.1 413'), 5000, `no 413: ${huge.received()}`);
    await huge.closed;
    const chunked = await open(
      port,
      `POST /api/getSettings HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n`,
    );
    await waitFor(() => chunked.received().startsWith('HTTP/1.1 411'), 5000, `no 411: ${chunked.received()}`);
  });

  test('closes clients that never finish their headers: silent ones and ones that trickle', async () => {
    const { port } = await start({ headersTimeoutMs: 600, requestTimeoutMs: 1200, timeoutCheckIntervalMs: 100 });
    const silent: RawClient[] = [];
    const trickling: RawClient[] = [];
    for (let i = 0; i < 100; i += 1) silent.push(await open(port));
    for (let i = 0; i < 100; i += 1) trickling.push(await open(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`));
    await Promise.all([
      trickleUntilClosed(trickling, 'X-Slow: 1\r\n', 100, 8000, 'trickling clients are still connected'),
      waitFor(() => silent.every((client) => client.isClosed()), 8000, 'silent clients are still connected'),
    ]);
    assert.match(trickling[0]?.received() ?? '', /^HTTP\/1\.1 408/);
    await roundTrip(port);
  });

  test('cuts off a body trickled one byte at a time', async () => {
    const { port, token } = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1000, timeoutCheckIntervalMs: 100 });
    const slow = await open(port, uploadHead(port, token, 1000));
    await trickleUntilClosed([slow], 'a', 200, 8000, 'the trickled body is still being received');
    assert.doesNotMatch(slow.received(), /HTTP\/1\.1 200/);
    // Its room is given back: a full-size upload is taken again.
    const next = await open(port, uploadHead(port, token, DEFAULT_SERVER_LIMITS.maxBodyBytes));
    await roundTrip(port);
    assert.equal(next.received(), '');
  });

  test('long polls of the open document (watchDocument) wait without holding room for bodies', async () => {
    const { port, token } = await start();
    const doc = await service.importDocument({ fileName: 'watched.md', dataBase64: Buffer.from('# Watched\n\nText.\n').toString('base64') });
    const body = JSON.stringify({ documentId: doc.id, contentHash: doc.contentHash });
    const poll = [
      'POST /api/watchDocument HTTP/1.1',
      `Host: 127.0.0.1:${port}`,
      `Authorization: Bearer ${token}`,
      'Content-Type: application/json',
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ].join('\r\n');
    const polls: RawClient[] = [];
    for (let i = 0; i < DEFAULT_SERVER_LIMITS.maxBodiesInFlight + 2; i += 1) polls.push(await open(port, poll));
    await roundTrip(port);
    const settings = await send(port, '/api/getSettings', { method: 'POST', headers: { Host: `127.0.0.1:${port}`, Authorization: `Bearer ${token}` }, body: '{}' });
    assert.equal(settings.status, 200, 'another call is answered while the polls wait');
    for (const client of polls) assert.equal(client.received(), '', 'each poll is still waiting');
  });

  test('closes a client that keeps sending a body the server has refused to read', async () => {
    const { port } = await start({ headersTimeoutMs: 500, requestTimeoutMs: 1000, timeoutCheckIntervalMs: 100 });
    const unauthorised = await open(port, uploadHead(port, 'not-the-token', 1_000_000));
    await trickleUntilClosed([unauthorised], 'a', 100, 8000, 'the refused client is still connected');
    assert.match(unauthorised.received(), /^HTTP\/1\.1 401/);
  });
});
