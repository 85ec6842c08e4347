/**
 * The desktop app end to end: the real Electron shell (dist/main/electron.cjs) with its preload,
 * custom protocol and IPC, driven the way a person uses it.
 *
 * Skipped when the Electron binary is not installed (npm installs here run with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1); the browser-mode specs cover the renderer either way.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test as base } from '@playwright/test';
import type { ElectronApplication, Page } from '@playwright/test';
import { API_METHODS } from '../../main/api';
import type { GlossPreloadBridge } from '../../main/electron/preload-bridge';
import { ELECTRON_SKIP_REASON, electronExecutable } from './electron-binary';

const SAMPLE_TITLE = 'Kim Jong Un welcomes Putin in North Korea';
const MAIN_SCRIPT = path.resolve('dist/main/electron.cjs');

const electronPath = electronExecutable();

/** A running desktop app on a fresh data folder, and its window. */
interface Desktop {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
}

const test = base.extend<{ desktop: Desktop }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern; it needs none.
  desktop: async ({}, use, testInfo) => {
    expect(existsSync(MAIN_SCRIPT), `${MAIN_SCRIPT} is missing: run \`npm run build\` first`).toBe(true);
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gloss-electron-'));
    // Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer
    // sandbox Gloss asks for is a separate setting and stays on.
    const asRoot = process.platform === 'linux' && process.getuid?.() === 0;
    const app = await _electron.launch({
      executablePath: electronPath ?? undefined,
      args: [...(asRoot ? ['--no-sandbox'] : []), MAIN_SCRIPT, '--data-dir', dataDir],
      timeout: 30_000,
    });
    const output: string[] = [];
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    app.process().stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      const page = await app.firstWindow();
      await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
      await use({ app, page, dataDir });
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('electron output', { body: output.join('') });
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  },
});

test.skip(electronPath === null, ELECTRON_SKIP_REASON);

test('the window serves the sample article from gloss://app/ with a locked-down renderer', async ({ desktop }) => {
  const { app, page } = desktop;
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(SAMPLE_TITLE));
  expect(page.url()).toMatch(/^gloss:\/\/app\//);

  // The protocol handler sends the strict policy with the page.
  const csp = await page.evaluate(async () => (await fetch(window.location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");

  // The page sees the bridge and nothing of Node or Electron.
  const surface = await page.evaluate(() => {
    const scope = globalThis as unknown as Record<string, unknown>;
    const bridge = scope.gloss as Record<string, unknown>;
    return {
      members: Object.fromEntries(Object.keys(bridge).map((key) => [key, typeof bridge[key]])),
      platform: bridge.platform,
      require: typeof scope.require,
      process: typeof scope.process,
      module: typeof scope.module,
      buffer: typeof scope.Buffer,
    };
  });
  const expected: Record<string, string> = Object.fromEntries(API_METHODS.map((method) => [method, 'function']));
  Object.assign(expected, { onCommand: 'function', pathForFile: 'function', platform: 'string' });
  expect(surface.members).toEqual(expected);
  expect(surface.platform).toBe(await app.evaluate(() => process.platform));
  expect({ require: surface.require, process: surface.process, module: surface.module, buffer: surface.buffer }).toEqual({
    require: 'undefined',
    process: 'undefined',
    module: 'undefined',
    buffer: 'undefined',
  });

  // Calls go through the schemas: a good request answers, a bad one is refused with a code.
  const answers = await page.evaluate(async () => {
    const gloss = (globalThis as unknown as { gloss: GlossPreloadBridge }).gloss;
    const settings = await gloss.getSettings({});
    const refused = await gloss.openDocument({ path: 42 } as never);
    return { settingsOk: settings.ok, refused };
  });
  expect(answers.settingsOk).toBe(true);
  expect(answers.refused).toMatchObject({ ok: false, error: { code: 'invalid-request' } });

  // No new windows, and no navigation away from the app. (A web URL would be handed to the
  // system browser, so the attempt uses a scheme that is neither the app nor the web.)
  const refusedWindow = await page.evaluate(() => window.open('gloss://app/index.html') === null);
  expect(refusedWindow).toBe(true);
  await page.evaluate(() => {
    window.location.href = 'gloss-asset://0000000000000000/elsewhere.png';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toMatch(/^gloss:\/\/app\//);
  expect(app.windows()).toHaveLength(1);
});

test('a highlight made through the preload is still listed after a reload', async ({ desktop }) => {
  const { page } = desktop;
  const article = page.getByRole('article');
  const paragraph = article.getByRole('paragraph').nth(1);
  await paragraph.scrollIntoViewIfNeeded();

  // Drag across the paragraph's first sentence, from just inside its first character to just
  // inside its last, as a reader would.
  const sentence = await paragraph.evaluate((element) => {
    const text = element.textContent ?? '';
    const stop = /[.!?](?=\s|$)/.exec(text);
    const length = stop ? stop.index + 1 : text.length;
    // The on-screen boxes of the sentence's first and last characters.
    const rects: DOMRect[] = [];
    for (const offset of [0, length - 1]) {
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const size = (node as Text).length;
        if (offset < seen + size) {
          const range = document.createRange();
          range.setStart(node, offset - seen);
          range.setEnd(node, offset - seen + 1);
          rects.push(range.getBoundingClientRect());
          break;
        }
        seen += size;
      }
    }
    const [first, last] = rects;
    if (!first || !last) throw new Error('the sentence is not in the paragraph');
    return {
      text: text.slice(0, length),
      from: { x: first.left + 1, y: first.top + first.height / 2 },
      to: { x: last.right - 1, y: last.top + last.height / 2 },
    };
  });
  expect(sentence.text.length).toBeGreaterThan(20);
  await page.mouse.move(sentence.from.x, sentence.from.y);
  await page.mouse.down();
  await page.mouse.move(sentence.to.x, sentence.to.y, { steps: 8 });
  await page.mouse.up();
  expect((await page.evaluate(() => document.getSelection()?.toString() ?? '')).trim()).toBe(sentence.text.trim());

  const toolbar = page.getByRole('toolbar', { name: 'Annotate' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Yellow', exact: true }).click();

  const sidebar = page.getByRole('complementary', { name: 'Annotations' });
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  await expect(sidebar.getByRole('listitem')).toHaveCount(1);
  await expect(sidebar).toContainText(sentence.text.slice(0, 30));
});
