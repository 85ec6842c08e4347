/**
 * Import files may be larger than documents (50 MB against 20 MB): the server takes an import's
 * body up to its own limit, and says which limit a refused body broke.
 */
import assert from 'node:assert/strict';
import { mkdtemp, realpath, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { DEFAULT_SERVER_LIMITS } from '../../../../main/serve/http-limits';
import { startBrowserServer, type BrowserServer } from '../../../../main/serve/http-server';
import { createGlossService } from '../../../../main/service';
import type { GlossService } from '../../../../main/service-types';
import { rawClient, send, waitFor } from './raw-http';

let root: string;
let service: GlossService;
let server: BrowserServer;

before(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'gloss-serve-import-')));
  service = await createGlossService({ dataDir: join(root, 'data'), assetsDir: resolve('assets'), documentAccess: 'library' });
  server = await startBrowserServer({ service, rendererDir: resolve('renderer'), port: 0, limits: { maxBodyBytes: 2_000, maxImportBodyBytes: 20_000, maxBodyBytesInFlight: 40_000, largeBodyBytes: 1_000 } });
});

after(async () => {
  await server.close();
  await service.close();
  await rm(root, { recursive: true, force: true });
});

function call(method: string, body: string) {
  const token = new URLSearchParams(new URL(server.url).hash.slice(1)).get('token') ?? '';
  return send(server.port, `/api/${method}`, { method: 'POST', headers: { Host: `127.0.0.1:${server.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body });
}

test('an import body over the document limit but within its own is taken', async () => {
  const text = JSON.stringify([{ type: 'Annotation', id: 'urn:x', target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'x'.repeat(5_000) } } }]);
  const reply = await call('importAnnotations', JSON.stringify({ fileName: 'big.jsonld', text, dryRun: true }));
  assert.equal(reply.status, 200);
  // Taken, and judged by the importer: no document of this library is named.
  assert.match(JSON.parse(reply.body).error.message, /^Nothing was imported\./);
  const document = await call('importDocument', JSON.stringify({ fileName: 'big.md', dataBase64: 'A'.repeat(5_000) }));
  assert.equal(document.status, 413);
  assert.equal(JSON.parse(document.body).error.message, 'That file is over 20 MB; Gloss does not open it.');
});

test('an import body over its own limit is refused with the import limit named', async () => {
  const reply = await call('importAnnotations', JSON.stringify({ fileName: 'huge.json', text: 'x'.repeat(25_000) }));
  assert.equal(reply.status, 413);
  assert.deepEqual(JSON.parse(reply.body).error, { code: 'too-large', message: 'That file is over 50 MB; Gloss imports files of up to 50 MB.' });
});

test('the default limits take a 50 MB import file in base64, beside the page\'s small calls', () => {
  assert.ok(DEFAULT_SERVER_LIMITS.maxImportBodyBytes >= Math.ceil((50 * 1024 * 1024 * 4) / 3));
  assert.ok(DEFAULT_SERVER_LIMITS.maxBodyBytesInFlight >= DEFAULT_SERVER_LIMITS.maxImportBodyBytes + DEFAULT_SERVER_LIMITS.largeBodyBytes);
});

test('one large body at a time: an upload waits while an import is received, the page\'s small calls do not', async () => {
  const token = new URLSearchParams(new URL(server.url).hash.slice(1)).get('token') ?? '';
  const head = (method: string, length: number) =>
    [`POST /api/${method} HTTP/1.1`, `Host: 127.0.0.1:${server.port}`, `Authorization: Bearer ${token}`, 'Content-Type: application/json', `Content-Length: ${length}`, '', '{"fileName":"x","text":"'].join('\r\n');
  const importing = await rawClient(server.port, head('importAnnotations', 15_000));
  try {
    await send(server.port, '/', { headers: { Host: `127.0.0.1:${server.port}` } });
    const upload = await rawClient(server.port, head('importDocument', 1_500));
    await waitFor(() => upload.received().startsWith('HTTP/1.1 503'), 5000, `no 503 for the upload: ${upload.received()}`);
    upload.socket.destroy();
    const small = await call('getNotesFolder', '{}');
    assert.equal(small.status, 200);
    assert.equal(importing.received(), '', 'the import is still being received');
  } finally {
    importing.socket.destroy();
  }
});
