/**
 * The bare viewer's server, the same kind as Gloss's browser mode: Node's http on 127.0.0.1,
 * each file read from disk per request and sent with the same security headers (CSP, no-store).
 * Run as its own process, as Gloss's server is: `node serve-bare-viewer.cjs SITE_DIR ARTICLES_DIR`
 * (the benchmark bundles it with esbuild); it prints "Bare viewer at http://127.0.0.1:PORT/".
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, join } from 'node:path';
import { SECURITY_HEADERS } from '../../../main/serve/http-security';

const [siteDir, articlesDir] = process.argv.slice(2) as [string, string];

const SITE_FILES: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/bare-viewer.js': { file: 'bare-viewer.js', type: 'text/javascript; charset=utf-8' },
  '/bare-viewer.css': { file: 'bare-viewer.css', type: 'text/css; charset=utf-8' },
};
const ARTICLES = '/articles/';

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');
  const site = SITE_FILES[pathname];
  const path = site ? join(siteDir, site.file) : pathname.startsWith(ARTICLES) ? join(articlesDir, basename(decodeURIComponent(pathname))) : null;
  const type = site?.type ?? 'text/markdown; charset=utf-8';
  if (path === null) {
    response.writeHead(404, SECURITY_HEADERS).end();
    return;
  }
  readFile(path).then(
    (body) => response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type }).end(body),
    () => response.writeHead(404, SECURITY_HEADERS).end(),
  );
});
server.listen(0, '127.0.0.1', () => console.log(`Bare viewer at http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
