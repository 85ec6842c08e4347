/**
 * The browser mode lets nobody else in, and a document stays a document: attacks replayed for
 * real in Chromium and from a second process on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, removeDataDir, startGlossServer, test, type GlossServer } from './gloss-server';

const SECRET = 'PRIVATE-7c1e: a file on this machine that no page may read';

async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** A folder holding `files`, removed with the test's data folder by the caller. */
async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-e2e-doc-'));
  for (const [name, content] of Object.entries(files)) {
    await mkdir(join(folder, name, '..'), { recursive: true });
    await writeFile(join(folder, name), content);
  }
  return folder;
}

/** Sends one request from a separate Node process, as another program on the machine would. */
function requestFromAnotherProcess(url: string, method: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> {
  const script = `
    const [url, method, headers, body] = process.argv.slice(1);
    const request = require('node:http').request(url, { method, headers: JSON.parse(headers) }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => console.log(JSON.stringify({ status: response.statusCode, body: text })));
    });
    request.end(body);`;
  return new Promise((resolveReply, reject) => {
    const child = spawn(process.execPath, ['-e', script, url, method, JSON.stringify(headers), body], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', () => {
      try {
        resolveReply(JSON.parse(output) as { status: number; body: string });
      } catch {
        reject(new Error(`no reply from the other process: ${output}`));
      }
    });
  });
}

/** A server on another port of 127.0.0.1 that records what the browser sends it. */
async function listeningPage(): Promise<{ origin: string; received: IncomingHttpHeaders[]; close: () => Promise<void> }> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    response.writeHead(200, { 'Content-Type': 'text/html' });
    response.end('<!doctype html><title>Another local page</title><p>hello</p>');
  });
  await new Promise<void>((resolveListening) => server.listen(0, '127.0.0.1', resolveListening));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolveClosed) => server.close(() => resolveClosed())),
  };
}

test.describe('nothing the browser would send to another local port opens Gloss', () => {
  let gloss: GlossServer;
  let folder: string;

  test.beforeEach(async () => {
    folder = await folderWith({ 'secret.txt': `${SECRET}\n`, 'article.md': '# Reading\n\nA document.\n' });
    gloss = await startGlossServer({ args: [join(folder, 'article.md')] });
  });

  test.afterEach(async () => {
    await gloss.stop();
    await removeDataDir(gloss.dataDir);
    await removeDataDir(folder);
  });

  test('a page on another port gets no credential, and what it gets opens no file and writes nothing', async ({ page, context }) => {
    await openReader(page, gloss.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Reading' })).toBeVisible();
    // The token left the address bar for the tab's own storage, and no cookie was ever set.
    expect(page.url()).not.toMatch(/token/);
    const printedToken = new URLSearchParams(new URL(gloss.url).hash.slice(1)).get('token');
    expect(printedToken).toBeTruthy();
    expect(await page.evaluate(() => sessionStorage.getItem('gloss-session-token'))).toBe(printedToken);
    expect(await context.cookies()).toEqual([]);

    // The reader visits another local page in the same browser: it sees whatever the browser
    // sends to 127.0.0.1 (cookies ignore ports; SameSite counts every port as the same site).
    const other = await listeningPage();
    try {
      const otherTab = await context.newPage();
      await otherTab.goto(`${other.origin}/`);
      const glossOrigin = new URL(gloss.url).origin;
      // From its own page it tries the API with everything the browser adds on its own.
      await otherTab.evaluate(async (target) => {
        const body = JSON.stringify({ documentId: 'x', kind: 'note', color: null, note: 'planted', target: null });
        await fetch(`${target}/api/createAnnotation`, { method: 'POST', mode: 'no-cors', credentials: 'include', body }).catch(() => undefined);
      }, glossOrigin);
      const sent = other.received[0] ?? {};
      // Then another process replays it all against Gloss.
      const replayed: Record<string, string> = { Host: new URL(glossOrigin).host, 'Content-Type': 'application/json', 'X-Gloss-Request': '1' };
      for (const name of ['cookie', 'authorization', 'user-agent']) {
        const value = sent[name];
        if (typeof value === 'string') replayed[name] = value;
      }
      const read = await requestFromAnotherProcess(`${glossOrigin}/api/openDocument`, 'POST', replayed, JSON.stringify({ path: join(folder, 'secret.txt') }));
      expect(read.status).toBe(401);
      expect(read.body).not.toContain('PRIVATE-7c1e');
      const startup = await requestFromAnotherProcess(`${glossOrigin}/api/getStartup`, 'POST', replayed, '{}');
      expect(startup.status).toBe(401);
      await otherTab.close();
    } finally {
      await other.close();
    }

    // Nothing was planted: the reader's own page, reloaded, still has no annotations.
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByRole('heading', { level: 1, name: 'Reading' })).toBeVisible();
    await expect(page.getByRole('complementary', { name: 'Annotations' })).not.toContainText('planted');
  });

  test('the page itself cannot open a file it names, even with its own token', async ({ page }) => {
    await openReader(page, gloss.url);
    const reply = await page.evaluate(async (path) => {
      const token = sessionStorage.getItem('gloss-session-token') ?? '';
      const response = await fetch('/api/openDocument', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ path }),
      });
      return response.text();
    }, join(folder, 'secret.txt'));
    expect(JSON.parse(reply)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(reply).not.toContain('PRIVATE-7c1e');
  });
});

/** The layout of the app's own parts, to compare between two documents. */
async function appLayout(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(() => {
    const box = (id: string) => {
      const element = document.getElementById(id);
      if (!element) return null;
      const rect = element.getBoundingClientRect();
      const style = getComputedStyle(element);
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height, display: style.display, position: style.position };
    };
    const fixedInArticle = Array.from(document.querySelectorAll('#article *')).filter((element) => ['fixed', 'sticky'].includes(getComputedStyle(element).position)).length;
    return {
      app: box('app'),
      navigation: box('navigation-panel'),
      reader: box('reader'),
      annotations: box('annotations-panel'),
      toasts: box('toast-region'),
      overlay: box('drop-overlay'),
      fixedInArticle,
    };
  });
}

test('a document that borrows the app’s classes and ids changes nothing of the app’s layout', async ({ page }) => {
  const plain = '# Borrowed names\n\nSome text.\n\n<div><p>Drop a file here</p></div>\n\n<div><p>Inside</p></div>\n\n<p>Status</p>\n';
  const impostor = [
    '# Borrowed names',
    '',
    'Some text.',
    '',
    '<div class="drop-overlay"><p>Drop a file here</p></div>',
    '',
    '<div class="app"><p id="reader">Inside</p></div>',
    '',
    '<p id="toast-region" class="toast toast-error">Status</p>',
    '',
    '## Annotations panel',
    '',
    'See [the top](#reader).',
  ].join('\n');
  const folder = await folderWith({ 'plain.md': plain.replace('<p>Status</p>', '<p>Status</p>\n\n## Annotations panel\n\nSee the top.'), 'impostor.md': impostor });
  const servers = [await startGlossServer({ args: [join(folder, 'plain.md')] }), await startGlossServer({ args: [join(folder, 'impostor.md')] })];
  try {
    await openReader(page, servers[0]!.url);
    const expected = await appLayout(page);
    await openReader(page, servers[1]!.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Borrowed names' })).toBeVisible();
    expect(await appLayout(page)).toEqual(expected);
    // The borrowed names are the article's own, and the app's elements are still the only ones.
    await expect(page.locator('#reader')).toHaveCount(1);
    await expect(page.locator('#toast-region')).toHaveCount(1);
    await expect(page.locator('.drop-overlay')).toHaveCount(1);
    await expect(page.locator('#drop-overlay')).toBeHidden();
    // The document's own in-page link still reaches its target, inside the article.
    await page.getByRole('link', { name: 'the top' }).click();
    await expect(page.locator('article').getByText('Inside')).toBeInViewport();
    // The app still works: a file dragged in shows the app's overlay, not the document's.
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['# Dropped\n'], 'dropped.md', { type: 'text/markdown' }));
      return transfer;
    });
    await page.dispatchEvent('#reader', 'dragenter', { dataTransfer });
    await expect(page.locator('#drop-overlay')).toBeVisible();
    await page.dispatchEvent('#reader', 'drop', { dataTransfer });
    await expect(page.getByRole('heading', { level: 1, name: 'Dropped' })).toBeVisible();
  } finally {
    for (const server of servers) {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
    await removeDataDir(folder);
  }
});

/** Half a second of silence as 8 kHz, 16-bit mono PCM WAV. */
function silentWav(): Buffer {
  const samples = 4000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  return Buffer.concat([header, Buffer.alloc(samples * 2)]);
}

test('local audio next to a document plays; remote media stay blocked', async ({ page }) => {
  const folder = await folderWith({
    'media/birdsong.wav': silentWav(),
    'listen.md': '# Listen\n\n<audio controls src="media/birdsong.wav"></audio>\n\n<video controls src="https://example.invalid/clip.mp4"></video>\n',
  });
  const server = await startGlossServer({ args: [join(folder, 'listen.md')] });
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  try {
    await openReader(page, server.url);
    const audio = page.locator('article audio');
    await expect(audio).toHaveCount(1);
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.readyState), { message: 'the audio loads' }).toBeGreaterThanOrEqual(1);
    expect(await audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeCloseTo(0.5, 2);
    await expect(page.getByRole('img', { name: 'Remote video not loaded' })).toBeVisible();
    expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
    await removeDataDir(folder);
  }
});

test('the page’s one inline script, the startup request, runs by its hash; an inline script the page did not ship does not', async ({ page, gloss }) => {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await openReader(page, gloss.url);
  const timing = await page.evaluate(() => {
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const startup = entries.filter((entry) => entry.name.endsWith('/api/getStartup'));
    const parsed = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive;
    return { startups: startup.length, sentAt: startup[0]?.startTime ?? NaN, parsed };
  });
  // One startup request, sent by the inline script while the page was parsed: before any module
  // script, which runs only once parsing is done, had run.
  expect(timing.startups).toBe(1);
  expect(timing.sentAt).toBeLessThanOrEqual(timing.parsed);
  expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
  const ran = await page.evaluate(async () => {
    const refused = new Promise<string>((resolve) => document.addEventListener('securitypolicyviolation', (event) => resolve(event.violatedDirective), { once: true }));
    const script = document.createElement('script');
    script.textContent = 'window.injected = true;';
    // An inline script that may run runs as it is inserted.
    document.head.append(script);
    return { injected: (window as unknown as { injected?: boolean }).injected ?? false, refusedBy: await refused };
  });
  expect(ran).toEqual({ injected: false, refusedBy: 'script-src-elem' });
});
