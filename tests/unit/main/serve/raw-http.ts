/**
 * Test helpers that talk to the browser-mode server the way an attacker on the same machine
 * would: raw HTTP requests with any headers (fetch forbids setting Host or Cookie), and raw
 * sockets that send as little, as slowly, as they like.
 */
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';

/** A reply to a raw HTTP request. */
export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends one HTTP request to 127.0.0.1:port exactly as given; a body gets its Content-Length, as browsers send it. */
export function send(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  const headers = options.body === undefined ? options.headers : { 'Content-Length': String(Buffer.byteLength(options.body)), ...options.headers };
  return new Promise((resolveReply, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers, agent: false }, (res) => {
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

/** A raw TCP connection to the server, with what it has received and whether it was closed. */
export interface RawClient {
  socket: Socket;
  received(): string;
  /** Resolves when the server (or the network) closes the connection. */
  closed: Promise<void>;
  isClosed(): boolean;
}

/** Opens a raw connection and, once connected, writes `initial` (if any). */
export function rawClient(port: number, initial?: string | Buffer): Promise<RawClient> {
  return new Promise((resolveClient, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let closed = false;
    const closedPromise = new Promise<void>((resolveClosed) =>
      socket.once('close', () => {
        closed = true;
        resolveClosed();
      }),
    );
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    // A reset while the test is still writing is one way of being cut off.
    socket.on('error', () => undefined);
    socket.once('connect', () => {
      if (initial !== undefined) socket.write(initial);
      resolveClient({ socket, received: () => received, closed: closedPromise, isClosed: () => closed });
    });
    socket.once('error', reject);
  });
}

/** Waits until `check` holds, polling; fails with `message` after `timeoutMs`. */
export async function waitFor(check: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolveTick) => setTimeout(resolveTick, 25));
  }
}

/**
 * Writes `chunk` to every client still open, every `intervalMs`, until they are all closed by the
 * server; fails with `message` if some are still open after `timeoutMs`.
 */
export async function trickleUntilClosed(clients: RawClient[], chunk: string, intervalMs: number, timeoutMs: number, message: string): Promise<void> {
  const drip = setInterval(() => {
    for (const client of clients) if (!client.isClosed()) client.socket.write(chunk);
  }, intervalMs);
  try {
    await waitFor(() => clients.every((client) => client.isClosed()), timeoutMs, message);
  } finally {
    clearInterval(drip);
  }
}
