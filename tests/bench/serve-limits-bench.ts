/**
 * What hostile clients on the same machine can make the browser-mode server hold, measured on the
 * real server process (`node dist/main/serve.cjs`):
 * - memory: ten uploads of a 20 MB document (27 MB of base64) sent at once; the server's peak
 *   resident memory (VmHWM, Linux) over its idle baseline, and how many it took or refused;
 * - time: 1,000 clients that connect and trickle their headers, and how many are still connected
 *   after 15 s.
 *
 *   npx tsx tests/bench/serve-limits-bench.ts [path/to/serve.cjs]
 *
 * The argument measures another build (say the one before the limits) the same way; the session
 * is taken from the printed address, as a cookie or as a header, whichever that build uses.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const UPLOADS = Number(process.env.UPLOADS ?? 10);
const SLOW_CLIENTS = 1000;
const SLOW_WAIT_MS = 15_000;

interface Session {
  port: number;
  headers: Record<string, string>;
}

async function startServer(script: string, dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [script, '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start line: ${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Gloss is reading at (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
  });
  return { child, url };
}

/** The credential the page would use: a header from the fragment, or the cookie an older build trades the query for. */
function openSession(url: string): Promise<Session> {
  const address = new URL(url);
  const port = Number(address.port);
  const host = `127.0.0.1:${port}`;
  const fromFragment = new URLSearchParams(address.hash.slice(1)).get('token');
  if (fromFragment) return Promise.resolve({ port, headers: { Host: host, Authorization: `Bearer ${fromFragment}` } });
  return new Promise((resolveSession, reject) => {
    request({ host: '127.0.0.1', port, path: address.pathname + address.search, headers: { Host: host } }, (response) => {
      response.resume();
      const cookie = String(response.headers['set-cookie'] ?? '').split(';')[0] ?? '';
      resolveSession({ port, headers: { Host: host, Cookie: cookie, 'X-Gloss-Request': '1' } });
    })
      .on('error', reject)
      .end();
  });
}

function post(session: Session, method: string, body: string): Promise<number> {
  return new Promise((resolveStatus) => {
    const req = request(
      { host: '127.0.0.1', port: session.port, path: `/api/${method}`, method: 'POST', headers: { ...session.headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) } },
      (response) => {
        response.resume();
        response.on('end', () => resolveStatus(response.statusCode ?? 0));
      },
    );
    // A refused upload may be cut off while it is still being sent.
    req.on('error', () => resolveStatus(0));
    req.end(body);
  });
}

async function residentKiB(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
}

async function measureUploads(child: ChildProcess, session: Session): Promise<string> {
  const pid = child.pid ?? 0;
  // A 20 MB plain-text document, as the page uploads it.
  const text = `${'A line of an article that someone wants to read closely. '.repeat(20)}\n`;
  const document = Buffer.from(text.repeat(Math.floor((20 * 1024 * 1024 - 1024) / text.length)));
  const body = JSON.stringify({ fileName: 'large.txt', dataBase64: document.toString('base64') });
  const before = await residentKiB(pid, 'VmRSS');
  const statuses = await Promise.all(Array.from({ length: UPLOADS }, (_, i) => post(session, 'importDocument', body.replace('large.txt', `large-${i}.txt`))));
  const peak = await residentKiB(pid, 'VmHWM');
  const taken = statuses.filter((status) => status === 200).length;
  return `${UPLOADS} concurrent uploads of ${(body.length / 2 ** 20).toFixed(1)} MB: ${taken} taken, ${UPLOADS - taken} refused (statuses ${statuses.join(' ')}); peak resident memory ${(peak / 1024).toFixed(0)} MB, ${((peak - before) / 1024).toFixed(0)} MB over the idle ${(before / 1024).toFixed(0)} MB`;
}

async function measureSlowClients(port: number): Promise<string> {
  const sockets: Socket[] = [];
  let closed = 0;
  for (let i = 0; i < SLOW_CLIENTS; i += 1) {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.once('close', () => (closed += 1));
    socket.once('connect', () => socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`));
    sockets.push(socket);
  }
  const drip = setInterval(() => {
    for (const socket of sockets) if (!socket.destroyed) socket.write('X-Slow: 1\r\n');
  }, 1000);
  await new Promise((resolveWait) => setTimeout(resolveWait, SLOW_WAIT_MS));
  clearInterval(drip);
  const open = SLOW_CLIENTS - closed;
  for (const socket of sockets) socket.destroy();
  return `${SLOW_CLIENTS} clients trickling their headers: ${closed} closed by the server, ${open} still connected after ${SLOW_WAIT_MS / 1000} s`;
}

async function main(): Promise<void> {
  const script = resolve(process.argv[2] ?? 'dist/main/serve.cjs');
  const dataDir = await mkdtemp(join(tmpdir(), 'gloss-serve-bench-'));
  const { child, url } = await startServer(script, dataDir);
  try {
    const session = await openSession(url);
    console.log(`browser-mode server limits (${script})`);
    console.log(`  ${await measureUploads(child, session)}`);
    console.log(`  ${await measureSlowClients(session.port)}`);
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolveExit) => child.once('exit', resolveExit));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
