/**
 * What the browser mode's server lets a client hold: how long it may take to send a request, how
 * big a body may be, and how many bodies, and how many bytes of them, it handles at once. Without
 * them, ten concurrent 27 MB uploads held 520 MB of memory and a thousand clients that never
 * finished their headers were never closed.
 */
import type { IncomingMessage } from 'node:http';
import { MAX_IMPORT_BODY_BYTES } from '../common/import-files';
import { LIMITS } from '../common/limits';

/** The server's limits; tests pass smaller ones. */
export interface ServerLimits {
  /** Largest request body. */
  maxBodyBytes: number;
  /** Largest body of an import (importAnnotations), whose files may be larger than documents. */
  maxImportBodyBytes: number;
  /** Request bodies being received or handled at once; more are refused until one is done. */
  maxBodiesInFlight: number;
  /** Bytes of request bodies (as declared by Content-Length) received or handled at once. */
  maxBodyBytesInFlight: number;
  /**
   * A body larger than this (an upload, an import) is received only while no other such body is:
   * one large body at a time, whatever the byte budget would hold.
   */
  largeBodyBytes: number;
  /** Time a client has to send its request line and headers, from when it connects. */
  headersTimeoutMs: number;
  /** Time a client has to send a whole request, body included: a trickled body is cut off. */
  requestTimeoutMs: number;
  /** Time an idle kept-alive connection stays open between requests. */
  keepAliveTimeoutMs: number;
  /** How often the server looks for connections past their header or request time. */
  timeoutCheckIntervalMs: number;
}

/** The largest body: a 20 MB document, base64-encoded (4/3), plus JSON framing. */
const MAX_BODY_BYTES = Math.ceil((LIMITS.maxDocumentBytes * 4) / 3) + 64 * 1024;

/** The limits `npm run serve` runs with. */
export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  maxBodyBytes: MAX_BODY_BYTES,
  maxImportBodyBytes: MAX_IMPORT_BODY_BYTES,
  // A reader uploads one file at a time; the page's own calls are small and quick.
  maxBodiesInFlight: 8,
  // The largest body (an import file; importing a 20 MB text file peaks near 300 MB), and room for
  // the page's small calls beside it.
  maxBodyBytesInFlight: Math.max(MAX_BODY_BYTES, MAX_IMPORT_BODY_BYTES) + 1024 * 1024,
  // The page's own calls are far smaller; an upload or an import is larger, one at a time.
  largeBodyBytes: 1024 * 1024,
  headersTimeoutMs: 10_000,
  // A 28 MB body crosses the loopback in well under a second; a minute is generous.
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  timeoutCheckIntervalMs: 1_000,
};

/** Why a body was not taken. */
export type BodyRefusal = 'length-required' | 'too-large' | 'busy';

/**
 * Hands out room for request bodies within the limits. A request reserves its declared length
 * before a byte of its body is read and gives it back once its call is answered (or its body
 * never arrives), so what is held includes the parsed and decoded copies, not only the bytes on
 * the wire.
 */
export class BodyBudget {
  private bodies = 0;
  private bytes = 0;
  private large = 0;

  constructor(private readonly limits: ServerLimits) {}

  /**
   * Reserves room for a body of `declaredLength` bytes, at most `maxBytes` (the request's own
   * limit); returns a release function, or why not.
   */
  reserve(declaredLength: number | null, maxBytes: number = this.limits.maxBodyBytes): (() => void) | BodyRefusal {
    if (declaredLength === null) return 'length-required';
    if (declaredLength > maxBytes) return 'too-large';
    const large = declaredLength > this.limits.largeBodyBytes ? 1 : 0;
    if (this.bodies + 1 > this.limits.maxBodiesInFlight || this.bytes + declaredLength > this.limits.maxBodyBytesInFlight || this.large + large > 1) return 'busy';
    this.bodies += 1;
    this.bytes += declaredLength;
    this.large += large;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.bodies -= 1;
      this.bytes -= declaredLength;
      this.large -= large;
    };
  }
}

/** The Content-Length a request declares, or null when it has none (or a malformed one). */
export function declaredLength(request: IncomingMessage): number | null {
  const header = request.headers['content-length'];
  if (header === undefined || !/^\d{1,15}$/.test(header)) return null;
  return Number(header);
}

/**
 * Reads a body of exactly `length` bytes into one buffer (no list of chunks to join, so no
 * second copy). Node's parser ends the body at Content-Length, so it cannot run over.
 */
export async function readBody(request: IncomingMessage, length: number): Promise<Buffer> {
  const body = Buffer.allocUnsafe(length);
  let offset = 0;
  for await (const chunk of request) {
    offset += (chunk as Buffer).copy(body, offset);
  }
  if (offset !== length) throw new Error('The request body ended early.');
  return body;
}
