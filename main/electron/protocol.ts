/**
 * The two custom schemes: `gloss://app/…` serves the built renderer (never file://, so the page
 * has a real origin and no reach into the disk), and `gloss-asset://<documentId>/<path>` serves a
 * document's images and media through the service, which refuses files outside the document's
 * folder (symlinks resolved).
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import type { GlossErrorCode } from '../api';
import { GlossError } from '../errors';
import type { GlossService } from '../service-types';
import { ASSET_SCHEME, parseDesktopAssetUrl } from '../common/asset-urls';
import { ASSET_CSP, pageCsp } from '../content-security-policy';
import { mimeTypeFor } from '../mime-types';
import { APP_SCHEME, rendererFileForUrl } from './urls';

/**
 * Declares both schemes before the app is ready (Electron allows this only once, only then).
 * `gloss` is standard and secure so the renderer gets an origin, relative URLs and module
 * scripts; it is not CORS-enabled, so no other origin can read it. `gloss-asset` stays
 * non-standard so document ids keep their case (standard schemes lower-case the host), and
 * streams, which <audio> and <video> need to play from it.
 */
export function registerPrivilegedSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    { scheme: ASSET_SCHEME, privileges: { secure: true, stream: true } },
  ]);
}

const COMMON_HEADERS = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' } as const;

function textResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** A response body over the same memory (a copy only for SharedArrayBuffer-backed bytes). */
function bodyOf(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : new Uint8Array(bytes);
}

function isReadMethod(request: Request): boolean {
  return request.method === 'GET' || request.method === 'HEAD';
}

function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Serves `gloss://app/…` from `rendererDir`, with the strict CSP on every HTML page (its inline script allowed by hash alone). */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (!isReadMethod(request)) return textResponse(405, 'Method not allowed');
    const file = rendererFileForUrl(request.url, rendererDir);
    if (file === null) return textResponse(404, 'Not found');
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (error) {
      const code = errnoCode(error);
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') return textResponse(404, 'Not found');
      console.error(`Gloss: cannot read ${file}`, error);
      return textResponse(500, 'Cannot read the file');
    }
    const contentType = mimeTypeFor(file);
    const headers: Record<string, string> = { ...COMMON_HEADERS, 'Content-Type': contentType, 'Cache-Control': 'no-cache' };
    if (contentType.startsWith('text/html')) headers['Content-Security-Policy'] = pageCsp(bytes.toString('utf8'));
    return new Response(request.method === 'HEAD' ? null : bodyOf(bytes), { status: 200, headers });
  });
}

const ASSET_STATUS: Partial<Record<GlossErrorCode, number>> = {
  'invalid-request': 403,
  'not-found': 404,
  'not-text': 415,
  'too-large': 413,
};

/** Serves `gloss-asset://<documentId>/<relative path>` through `service.readAsset`, the browser mode's path too. */
export function handleAssetProtocol(service: Pick<GlossService, 'readAsset'>): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    if (!isReadMethod(request)) return textResponse(405, 'Method not allowed');
    const asset = parseDesktopAssetUrl(request.url);
    if (asset === null) return textResponse(400, 'Bad asset URL');
    try {
      const { bytes, mimeType } = await service.readAsset(asset.documentId, asset.encodedPath);
      return new Response(request.method === 'HEAD' ? null : bodyOf(bytes), {
        status: 200,
        headers: { ...COMMON_HEADERS, 'Content-Type': mimeType, 'Content-Security-Policy': ASSET_CSP },
      });
    } catch (error) {
      if (error instanceof GlossError) return textResponse(ASSET_STATUS[error.code] ?? 500, error.message);
      console.error(`Gloss: cannot read asset ${request.url}`, error);
      return textResponse(500, 'Cannot read the image');
    }
  });
}
