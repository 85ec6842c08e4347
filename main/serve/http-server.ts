import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ASSET_CSP } from '../content-security-policy';
import { dispatch } from '../dispatch';
import { toErrorInfo } from '../errors';
import { mimeTypeFor } from '../mime-types';
import { rendererFileForPath } from '../renderer-files';
import type { GlossService } from '../service-types';
import { SECURITY_HEADERS, isLoopbackHost, readCookie } from './http-security';

/** Largest request body: a 20 MB document, base64-encoded, plus JSON framing. */
const MAX_BODY_BYTES = 28 * 1024 * 1024;

export interface BrowserServer {
  /** The address to open, token included. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface BrowserServerOptions {
  service: GlossService;
  /** Built renderer folder (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

function tokensMatch(given: string | null, expected: string): boolean {
  if (!given || given.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, ...extra });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, text, 'text/plain; charset=utf-8');
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('too-large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser mode's transport: serves the built renderer and the GlossApi over HTTP on
 * 127.0.0.1 only. Like Jupyter's server, a random per-launch token in the printed URL is traded
 * for an HttpOnly, SameSite=Strict cookie; API calls also need a custom header (so another
 * origin cannot send them without a CORS preflight, which this server never approves), and every
 * request must name the loopback address in its Host header (DNS rebinding).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = randomBytes(24).toString('base64url');
  let port = options.port;
  // One cookie per port: cookies ignore ports, and two Gloss servers may run side by side.
  const cookieName = () => `gloss_token_${port}`;

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    const file = rendererFileForPath(pathname, options.rendererDir);
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) return sendText(response, 404, 'Not found');
    send(response, 200, body, mimeTypeFor(file));
  }

  async function serveApi(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST');
    if (request.headers['x-gloss-request'] !== '1') return sendText(response, 403, 'Missing X-Gloss-Request header');
    let payload: unknown;
    try {
      payload = JSON.parse((await readBody(request)) || '{}');
    } catch (error) {
      const tooLarge = error instanceof Error && error.message === 'too-large';
      const result = {
        ok: false,
        error: tooLarge
          ? { code: 'too-large', message: 'That file is over 20 MB; Gloss does not open it.' }
          : { code: 'invalid-request', message: 'The request body is not valid JSON.' },
      };
      return send(response, tooLarge ? 413 : 400, JSON.stringify(result), 'application/json; charset=utf-8');
    }
    const result = await dispatch(options.service, method, payload);
    send(response, 200, JSON.stringify(result), 'application/json; charset=utf-8');
  }

  async function serveAsset(pathname: string, response: ServerResponse): Promise<void> {
    const [, , documentId = '', ...rest] = pathname.split('/');
    try {
      const asset = await options.service.readAsset(documentId, rest.join('/'));
      send(response, 200, asset.bytes, asset.mimeType, { 'Content-Security-Policy': ASSET_CSP });
    } catch (error) {
      sendText(response, 404, toErrorInfo(error).message);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) return sendText(response, 403, 'Gloss answers only on 127.0.0.1.');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (tokensMatch(queryToken, token)) {
      // Trade the token for a cookie, then drop it from the address bar and history.
      response.writeHead(303, {
        ...SECURITY_HEADERS,
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname,
      });
      return void response.end();
    }
    if (!tokensMatch(readCookie(request, cookieName()), token)) {
      return sendText(response, 401, 'Open Gloss with the address it printed when it started (it carries a token).');
    }
    if (url.pathname.startsWith('/api/')) return serveApi(url.pathname.slice('/api/'.length), request, response);
    if (url.pathname.startsWith('/asset/')) return serveAsset(url.pathname, response);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    return serveStatic(url.pathname, response);
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('gloss serve:', error);
      if (!response.headersSent) sendText(response, 500, 'Gloss hit an unexpected error.');
      else response.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
