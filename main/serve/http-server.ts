import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WAITING_METHODS, type ApiMethod, type ApiResult } from '../api';
import { MAX_IMPORT_MEGABYTES } from '../common/import-files';
import { ASSET_ROUTE, isWellEncodedPath, parseBrowserAssetPath } from '../common/asset-urls';
import { sessionAddress } from '../common/browser-session';
import { documentInAnswer } from '../common/document-answers';
import { ASSET_CSP, pageCsp } from '../content-security-policy';
import { dispatch } from '../dispatch';
import { GlossError, toErrorInfo } from '../errors';
import { mimeTypeFor } from '../mime-types';
import { rendererFileForPath } from '../renderer-files';
import type { GlossService } from '../service-types';
import { BodyBudget, DEFAULT_SERVER_LIMITS, declaredLength, readBody, type BodyRefusal, type ServerLimits } from './http-limits';
import { BrowserSession, SECURITY_HEADERS, isLoopbackHost } from './http-security';

const API_ROUTE = '/api/';
const JSON_TYPE = 'application/json; charset=utf-8';

export interface BrowserServer {
  /** The address to open, token included (in its fragment). */
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
  /** Defaults to DEFAULT_SERVER_LIMITS; tests pass smaller ones. */
  limits?: Partial<ServerLimits>;
}

function send(response: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  // Encoded once: given a string, Node would encode it to count its bytes, then again to send them.
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': String(bytes.byteLength), ...extra });
  response.end(bytes);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  send(response, status, text, 'text/plain; charset=utf-8');
}

function sendResult(response: ServerResponse, status: number, result: ApiResult<unknown>, extra: Record<string, string> = {}): void {
  send(response, status, JSON.stringify(result), JSON_TYPE, extra);
}

const REFUSED_BODIES: Record<BodyRefusal, { status: number; code: 'invalid-request' | 'too-large' | 'io'; message: string }> = {
  'length-required': { status: 411, code: 'invalid-request', message: 'Gloss takes a request body only with a Content-Length.' },
  'too-large': { status: 413, code: 'too-large', message: 'That file is over 20 MB; Gloss does not open it.' },
  busy: { status: 503, code: 'io', message: 'Gloss is busy receiving other files. Try again in a moment.' },
};

/** The API call that carries an import file, which may be larger than a document. */
const IMPORT_METHOD = 'importAnnotations';
const IMPORT_TOO_LARGE = { status: 413, code: 'too-large', message: `That file is over ${MAX_IMPORT_MEGABYTES} MB; Gloss imports files of up to ${MAX_IMPORT_MEGABYTES} MB.` } as const;

const ASSET_STATUS: Partial<Record<string, number>> = { 'invalid-request': 403, 'not-found': 404, 'not-text': 415, 'too-large': 413 };

/**
 * The browser mode's transport: serves the built renderer and the GlossApi over HTTP on
 * 127.0.0.1 only.
 * - Every request must name the loopback address in its Host header (DNS rebinding).
 * - The renderer's own files (the public app) are served to anyone; the API only to requests
 *   carrying the launch's token in the Authorization header, and a document's files only at
 *   URLs signed for that document with it (http-security.ts). No cookie is set.
 * - Bodies are bounded in size, in number and in bytes held at once, and slow clients are cut
 *   off (http-limits.ts); a malformed URL gets 400.
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const limits: ServerLimits = { ...DEFAULT_SERVER_LIMITS, ...options.limits };
  const session = new BrowserSession();
  const budget = new BodyBudget(limits);
  let port = options.port;

  async function serveStatic(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const file = rendererFileForPath(pathname, options.rendererDir);
    const body = file === null ? null : await readFile(file).catch(() => null);
    if (file === null || body === null) return sendText(response, 404, 'Not found');
    const type = mimeTypeFor(file);
    // The page's policy allows its own inline script by hash: computed from the page itself.
    const policy: Record<string, string> = type.startsWith('text/html') ? { 'Content-Security-Policy': pageCsp(body.toString('utf8')) } : {};
    send(response, 200, request.method === 'HEAD' ? '' : body, type, policy);
  }

  async function serveApi(method: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'POST') return sendText(response, 405, 'Use POST');
    if (!session.isAuthorized(request)) {
      const message = 'This page has no session with Gloss. Open the address Gloss printed when it started.';
      return sendResult(response, 401, { ok: false, error: { code: 'invalid-request', message } }, { Connection: 'close' });
    }
    const length = declaredLength(request);
    const importing = method === IMPORT_METHOD;
    const release = budget.reserve(length, importing ? limits.maxImportBodyBytes : limits.maxBodyBytes);
    if (typeof release === 'string') {
      const refusal = release === 'too-large' && importing ? IMPORT_TOO_LARGE : REFUSED_BODIES[release];
      // The body is never kept. A busy server lets Node read and drop it, so the page gets this
      // answer rather than a reset connection; anything else is not worth receiving.
      const extra: Record<string, string> = release === 'busy' ? { 'Retry-After': '1' } : { Connection: 'close' };
      return sendResult(response, refusal.status, { ok: false, error: { code: refusal.code, message: refusal.message } }, extra);
    }
    // Held until the call is answered, so the parsed and decoded copies count too, and a client
    // that sends a body and leaves cannot start another import while this one runs.
    try {
      await answerApiCall(method, request, response, length ?? 0, release);
    } finally {
      release();
    }
  }

  async function answerApiCall(method: string, request: IncomingMessage, response: ServerResponse, length: number, release: () => void): Promise<void> {
    let body: Buffer;
    try {
      body = await readBody(request, length);
    } catch {
      // The client went away (or was cut off) before its body arrived: there is no one to answer.
      return void response.destroy();
    }
    let payload: unknown;
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendResult(response, 400, { ok: false, error: { code: 'invalid-request', message: 'The request body is not valid JSON.' } });
    }
    // A long poll holds its small body for as long as it waits: it must not keep others out.
    if (WAITING_METHODS.has(method as ApiMethod)) release();
    const result = await dispatch(options.service, method, payload);
    // A document handed over comes with its asset signature: the page need not compute one on the way to showing it.
    const document = result.ok ? documentInAnswer(method as ApiMethod, result.value) : null;
    if (document) document.assetSignature = await session.assetSignature(document.id);
    sendResult(response, 200, result);
  }

  async function serveAsset(pathname: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed');
    const asset = parseBrowserAssetPath(pathname);
    if (asset === null) return sendText(response, 404, 'Not found');
    if (!(await session.mayReadAssets(asset.documentId, asset.signature))) return sendText(response, 403, 'This address is not signed for that document.');
    try {
      const { bytes, mimeType } = await options.service.readAsset(asset.documentId, asset.encodedPath);
      send(response, 200, request.method === 'HEAD' ? '' : bytes, mimeType, { 'Content-Security-Policy': ASSET_CSP });
    } catch (error) {
      const info = toErrorInfo(error);
      if (!(error instanceof GlossError)) console.error('gloss serve: cannot read an asset:', error);
      sendText(response, ASSET_STATUS[info.code] ?? 500, info.message);
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host, port)) return sendText(response, 403, 'Gloss answers only on 127.0.0.1.');
    let pathname: string;
    try {
      pathname = new URL(request.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    } catch {
      return sendText(response, 400, 'Bad request address');
    }
    if (!isWellEncodedPath(pathname)) return sendText(response, 400, 'Bad percent-encoding in the request address');
    if (pathname.startsWith(API_ROUTE)) return serveApi(pathname.slice(API_ROUTE.length), request, response);
    if (pathname.startsWith(ASSET_ROUTE)) return serveAsset(pathname, request, response);
    return serveStatic(pathname, request, response);
  }

  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      connectionsCheckingInterval: limits.timeoutCheckIntervalMs,
    },
    (request, response) => {
      handle(request, response).catch((error: unknown) => {
        console.error('gloss serve:', error);
        if (!response.headersSent) sendText(response, 500, 'Gloss hit an unexpected error.');
        else response.destroy();
      });
    },
  );
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: sessionAddress(`http://127.0.0.1:${port}`, session.token),
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
