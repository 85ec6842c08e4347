/**
 * The desktop app end to end: the real Electron shell (dist/main/electron.cjs) with its preload,
 * custom protocol, IPC, native menu and single-instance lock, driven the way a person uses it.
 * Native UI that Playwright cannot reach is driven from the main process: the Open dialog is
 * replaced there (Playwright's documented recipe), menu items are clicked through
 * Menu.getApplicationMenu() by their labels.
 *
 * Skipped when the Electron binary is not installed (npm installs here run with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1), except where GLOSS_REQUIRE_ELECTRON=1 (CI), where a missing
 * binary fails them. The browser-mode specs cover the renderer either way.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron, expect, test as base } from '@playwright/test';
import type { ElectronApplication, Locator, Page } from '@playwright/test';
import type { MenuItem, OpenDialogOptions } from 'electron';
import { API_METHODS } from '../../main/api';
import type { GlossPreloadBridge } from '../../main/electron/preload-bridge';
import { ELECTRON_MISSING_ERROR, ELECTRON_SKIP_REASON, electronExecutable, electronRequired } from './electron-binary';

const SAMPLE_TITLE = 'Kim Jong Un welcomes Putin in North Korea';
const MAIN_SCRIPT = path.resolve('dist/main/electron.cjs');

const electronPath = electronExecutable();
// Chromium refuses to start as root with its OS sandbox on (CI containers); the renderer
// sandbox Gloss asks for is a separate setting and stays on.
const SANDBOX_ARGS = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** The desktop app on a data folder of its own, which a test may restart on the same folder. */
class Desktop {
  app!: ElectronApplication;
  page!: Page;
  readonly output: string[] = [];

  constructor(readonly dataDir: string) {}

  /** A launch's command line after the executable: Chromium's switches, the main script, Gloss's arguments. */
  args(extra: readonly string[] = []): string[] {
    return [...SANDBOX_ARGS, MAIN_SCRIPT, '--data-dir', this.dataDir, ...extra];
  }

  async start(): Promise<void> {
    if (electronPath === null) throw new Error(ELECTRON_MISSING_ERROR);
    this.app = await _electron.launch({ executablePath: electronPath, args: this.args(), timeout: 30_000 });
    this.app.process().stdout?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.app.process().stderr?.on('data', (chunk: Buffer) => this.output.push(chunk.toString()));
    this.page = await this.app.firstWindow();
    await expect(this.page.locator('html')).toHaveAttribute('data-ready', 'true');
  }

  /** Quits (which flushes the store and releases the folder) and launches again. */
  async restart(): Promise<void> {
    await this.app.close();
    await this.start();
  }
}

const test = base.extend<{ desktop: Desktop }>({
  // Playwright reads a fixture's dependencies from this destructuring pattern; it needs none.
  desktop: async ({}, use, testInfo) => {
    expect(existsSync(MAIN_SCRIPT), `${MAIN_SCRIPT} is missing: run \`npm run build\` first`).toBe(true);
    const desktop = new Desktop(await mkdtemp(path.join(tmpdir(), 'gloss-electron-')));
    try {
      await desktop.start();
      await use(desktop);
    } finally {
      if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('electron output', { body: desktop.output.join('') });
      await desktop.app?.close();
      await rm(desktop.dataDir, { recursive: true, force: true });
    }
  },
});

test.skip(electronPath === null && !electronRequired(), ELECTRON_SKIP_REASON);

/**
 * Clicks an item of the application menu, found by its labels (`'File', 'Open…'`), from the main
 * process. Retries until the item exists and is enabled, since the menu is rebuilt after calls
 * that change it (Open Recent, the checked theme).
 */
async function clickMenu(app: ElectronApplication, ...labels: string[]): Promise<void> {
  await expect
    .poll(
      () =>
        app.evaluate(({ Menu }, path) => {
          let items: MenuItem[] = Menu.getApplicationMenu()?.items ?? [];
          let found: MenuItem | undefined;
          for (const label of path) {
            found = items.find((item) => item.label === label);
            if (found === undefined) return false;
            items = found.submenu?.items ?? [];
          }
          if (found === undefined || !found.enabled) return false;
          found.click();
          return true;
        }, labels),
      { message: `menu item ${labels.join(' › ')}` },
    )
    .toBe(true);
}

/** The labels of a submenu, e.g. File › Open Recent. */
function menuLabels(app: ElectronApplication, ...labels: string[]): Promise<string[]> {
  return app.evaluate(({ Menu }, path) => {
    let items: MenuItem[] = Menu.getApplicationMenu()?.items ?? [];
    for (const label of path) items = items.find((item) => item.label === label)?.submenu?.items ?? [];
    return items.map((item) => item.label);
  }, labels);
}

/** The checked item of a radio submenu, e.g. View › Theme. */
function checkedMenuItem(app: ElectronApplication, ...labels: string[]): Promise<string | null> {
  return app.evaluate(({ Menu }, path) => {
    let items: MenuItem[] = Menu.getApplicationMenu()?.items ?? [];
    for (const label of path) items = items.find((item) => item.label === label)?.submenu?.items ?? [];
    return items.find((item) => item.checked)?.label ?? null;
  }, labels);
}

/** Makes the main process's Open dialog answer `filePath`, and records the options it was asked with. */
async function stubOpenDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, chosen) => {
    const asked: OpenDialogOptions[] = [];
    (globalThis as { openDialogsAsked?: OpenDialogOptions[] }).openDialogsAsked = asked;
    // showOpenDialog(options) or showOpenDialog(window, options): the options come last.
    dialog.showOpenDialog = (async (...args: unknown[]) => {
      asked.push(args[args.length - 1] as OpenDialogOptions);
      return { canceled: false, filePaths: [chosen] };
    }) as typeof dialog.showOpenDialog;
  }, filePath);
}

function openDialogsAsked(app: ElectronApplication): Promise<OpenDialogOptions[]> {
  return app.evaluate(() => (globalThis as { openDialogsAsked?: OpenDialogOptions[] }).openDialogsAsked ?? []);
}

/** A Markdown file in a folder of the test's own; returns its path. */
async function writeDocument(folder: string, name: string, markdown: string): Promise<string> {
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, name);
  await writeFile(file, markdown);
  return file;
}

function documentHeading(page: Page, title: string): Locator {
  return page.getByRole('article').getByRole('heading', { level: 1, name: title });
}

function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/**
 * Drags across the first sentence of `paragraph`, from just inside its first character to just
 * inside its last, as a reader would; returns the sentence.
 */
async function dragAcrossFirstSentence(page: Page, paragraph: Locator): Promise<string> {
  await paragraph.scrollIntoViewIfNeeded();
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
  return sentence.text;
}

test('the window serves the sample article from gloss://app/ with a locked-down renderer', async ({ desktop }) => {
  const { app, page } = desktop;
  await expect(documentHeading(page, SAMPLE_TITLE)).toBeVisible();
  await expect(page).toHaveTitle(new RegExp(SAMPLE_TITLE));
  expect(page.url()).toMatch(/^gloss:\/\/app\//);

  // The protocol handler sends the strict policy with the page.
  const csp = await page.evaluate(async () => (await fetch(window.location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
  // Its one inline script (the startup request) is allowed by its hash, and no other inline code.
  const inlineHash = await page.evaluate(async () => {
    const inline = [...document.querySelectorAll('script:not([src])')].map((script) => script.textContent ?? '');
    if (inline.length !== 1) return `${inline.length} inline scripts`;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(inline[0])));
    return `'sha256-${btoa(String.fromCharCode(...digest))}'`;
  });
  expect(csp).toContain(`script-src 'self' ${inlineHash};`);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval/);

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
  // system browser, so the attempt uses a scheme that is neither the app nor the web.) A listener
  // added after the shell's guard sees the guard's decision.
  const refusedWindow = await page.evaluate(() => window.open('gloss://app/index.html') === null);
  expect(refusedWindow).toBe(true);
  await app.evaluate(({ BrowserWindow }) => {
    const decisions: { url: string; refused: boolean }[] = [];
    (globalThis as { navigationDecisions?: typeof decisions }).navigationDecisions = decisions;
    BrowserWindow.getAllWindows()[0]?.webContents.on('will-navigate', (event) => decisions.push({ url: event.url, refused: event.defaultPrevented }));
  });
  await page.evaluate(() => {
    window.location.href = 'gloss-asset://0000000000000000/elsewhere.png';
  });
  await expect
    .poll(() => app.evaluate(() => (globalThis as { navigationDecisions?: unknown[] }).navigationDecisions))
    .toEqual([{ url: 'gloss-asset://0000000000000000/elsewhere.png', refused: true }]);
  expect(page.url()).toMatch(/^gloss:\/\/app\//);
  await expect(documentHeading(page, SAMPLE_TITLE)).toBeVisible();
  expect(app.windows()).toHaveLength(1);
});

test('File › Open… opens the file chosen in the Open dialog; Close Document and Open Recent work from the menu', async ({ desktop }, testInfo) => {
  const { app, page } = desktop;
  const file = await writeDocument(testInfo.outputPath('documents'), 'field-notes.md', '# Field notes\n\nThe heron stood still in the shallows for an hour.\n');
  await stubOpenDialog(app, file);

  await clickMenu(app, 'File', 'Open…');
  await expect(documentHeading(page, 'Field notes')).toBeVisible();
  await expect(page).toHaveTitle(/Field notes/);
  const asked = await openDialogsAsked(app);
  expect(asked).toHaveLength(1);
  expect(asked[0]?.properties).toEqual(['openFile']);
  expect(asked[0]?.filters?.[0]?.extensions).toEqual(expect.arrayContaining(['md', 'markdown', 'txt']));

  await clickMenu(app, 'File', 'Close Document');
  await expect(page.getByRole('heading', { name: 'No document open' })).toBeVisible();
  await expect(documentHeading(page, 'Field notes')).toHaveCount(0);

  await expect.poll(() => menuLabels(app, 'File', 'Open Recent')).toContain('Field notes');
  await clickMenu(app, 'File', 'Open Recent', 'Field notes');
  await expect(documentHeading(page, 'Field notes')).toBeVisible();
  // Opening it from the menu did not ask the dialog again.
  expect(await openDialogsAsked(app)).toHaveLength(1);
});

test('the View and Help menus toggle the sidebar, set the theme and text size, and show the shortcuts', async ({ desktop }) => {
  const { app, page } = desktop;
  const toggle = page.getByRole('button', { name: 'Annotations' });
  await expect(sidebar(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await clickMenu(app, 'View', 'Toggle Sidebar');
  await expect(sidebar(page)).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await clickMenu(app, 'View', 'Toggle Sidebar');
  await expect(sidebar(page)).toBeVisible();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');

  await clickMenu(app, 'View', 'Theme', 'Dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The menu is rebuilt from the saved settings, so its radio follows.
  await expect.poll(() => checkedMenuItem(app, 'View', 'Theme')).toBe('Dark');
  await clickMenu(app, 'View', 'Theme', 'Sepia');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await expect.poll(() => checkedMenuItem(app, 'View', 'Theme')).toBe('Sepia');

  await page.getByRole('button', { name: 'Appearance' }).click();
  const textSize = page.getByRole('slider', { name: 'Text size' });
  const before = Number(await textSize.inputValue());
  await clickMenu(app, 'View', 'Larger Text');
  await expect(textSize).toHaveValue(String(before + 1));
  await clickMenu(app, 'View', 'Smaller Text');
  await expect(textSize).toHaveValue(String(before));
  await clickMenu(app, 'View', 'Smaller Text');
  await expect(textSize).toHaveValue(String(before - 1));
  await expect(page.getByRole('radio', { name: 'Sepia' })).toBeChecked();

  // Settings made from the menu are stored: a reload keeps them.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');

  await clickMenu(app, 'Help', 'Keyboard Shortcuts');
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await expect(shortcuts).toContainText('Show or hide the Annotations sidebar');
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeHidden();
});

test('a highlight and its note, made through the preload, are found again after a reload and a restart', async ({ desktop }) => {
  const article = desktop.page.getByRole('article');
  const sentence = await dragAcrossFirstSentence(desktop.page, article.getByRole('paragraph').nth(1));

  const toolbar = desktop.page.getByRole('toolbar', { name: 'Annotate' });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole('button', { name: 'Yellow', exact: true }).click();
  const entry = () => sidebar(desktop.page).getByRole('listitem').filter({ hasText: sentence.slice(0, 30) });
  await expect(entry()).toHaveCount(1);

  // Opening the entry opens its note editor; the note saves itself.
  await entry().getByRole('button', { name: new RegExp(sentence.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const editor = desktop.page.getByRole('dialog').filter({ has: desktop.page.getByRole('textbox', { name: 'Note' }) });
  await editor.getByRole('textbox', { name: 'Note' }).fill('Ask about the timeline.');
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await desktop.page.keyboard.press('Escape');
  await expect(editor).toBeHidden();
  await expect(entry()).toContainText('Ask about the timeline.');

  await desktop.page.reload();
  await expect(desktop.page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(entry()).toHaveCount(1);
  await expect(entry()).toContainText('Ask about the timeline.');

  // A restart reads them back from the data folder.
  await desktop.restart();
  await expect(documentHeading(desktop.page, SAMPLE_TITLE)).toBeVisible();
  await expect(entry()).toHaveCount(1);
  await expect(entry()).toContainText('Ask about the timeline.');
  await expect(entry()).toContainText('Yellow');
});

test('a second launch with a file hands it to the running window and quits', async ({ desktop }, testInfo) => {
  const { app, page } = desktop;
  const folder = testInfo.outputPath('elsewhere');
  await writeDocument(folder, 'handed-over.md', '# Handed over\n\nOpened by a second launch from another folder.\n');
  if (electronPath === null) throw new Error(ELECTRON_MISSING_ERROR);

  // Launched from the document's folder with a relative path, as from a terminal there: the second
  // process resolves it before handing it over.
  const second = spawn(electronPath, desktop.args(['handed-over.md']), { cwd: folder, env: { ...process.env, INIT_CWD: folder }, stdio: 'pipe' });
  // Attached with the first one's output if the test fails.
  for (const stream of [second.stdout, second.stderr]) stream.on('data', (chunk: Buffer) => desktop.output.push(`[second launch] ${chunk.toString()}`));
  try {
    await expect(documentHeading(page, 'Handed over')).toBeVisible({ timeout: 20_000 });
    await expect(page).toHaveTitle(/Handed over/);
    // The second process gave way instead of opening a window of its own.
    await expect.poll(() => second.exitCode !== null || second.signalCode !== null, { message: 'the second launch quits' }).toBe(true);
  } finally {
    if (second.exitCode === null && second.signalCode === null) second.kill();
  }
  expect(app.windows()).toHaveLength(1);
});

/** Makes a highlight with a note on the sample's second paragraph; returns the document's and the annotation's ids. */
async function highlightTheSample(desktop: Desktop, note: string): Promise<{ documentId: string; annotationId: string }> {
  const { page } = desktop;
  const sentence = await dragAcrossFirstSentence(page, page.getByRole('article').getByRole('paragraph').nth(1));
  await page.getByRole('toolbar', { name: 'Annotate' }).getByRole('button', { name: 'Yellow', exact: true }).click();
  const entry = sidebar(page).getByRole('listitem').filter({ hasText: sentence.slice(0, 30) });
  await entry.getByRole('button', { name: new RegExp(sentence.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).click();
  const editor = page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Note' }) });
  await editor.getByRole('textbox', { name: 'Note' }).fill(note);
  await expect(editor.getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  // The ids as the page's own bridge lists them (one named method per API call).
  return page.evaluate(async () => {
    const bridge = (window as unknown as { gloss: GlossPreloadBridge }).gloss;
    const documentId = document.documentElement.dataset.documentId ?? '';
    const listed = await bridge.listAnnotations({ documentId });
    if (!listed.ok || listed.value[0] === undefined) throw new Error('no annotation listed');
    return { documentId, annotationId: listed.value[0].id };
  });
}

test('an annotation link from a second launch opens its document and reveals it; one clicked in a note is caught, never served', async ({ desktop }, testInfo) => {
  const { app, page } = desktop;
  const ids = await highlightTheSample(desktop, 'Linked from elsewhere.');
  const link = `gloss://annotation/${ids.documentId}/${ids.annotationId}`;
  const elsewhere = await writeDocument(testInfo.outputPath('documents'), 'elsewhere.md', '# Elsewhere\n\nAnother document, so the link has to open the sample again.\n');
  await stubOpenDialog(app, elsewhere);
  await clickMenu(app, 'File', 'Open…');
  await expect(documentHeading(page, 'Elsewhere')).toBeVisible();
  if (electronPath === null) throw new Error(ELECTRON_MISSING_ERROR);

  // As Windows and Linux hand a link over: a second launch with the link as its argument.
  const second = spawn(electronPath, desktop.args([link]), { stdio: 'pipe' });
  for (const stream of [second.stdout, second.stderr]) stream.on('data', (chunk: Buffer) => desktop.output.push(`[second launch] ${chunk.toString()}`));
  const note = page.getByRole('dialog').getByRole('textbox', { name: 'Note' });
  try {
    await expect(documentHeading(page, SAMPLE_TITLE)).toBeVisible({ timeout: 20_000 });
    await expect(note).toHaveValue('Linked from elsewhere.');
    await expect.poll(() => second.exitCode !== null || second.signalCode !== null, { message: 'the second launch quits' }).toBe(true);
  } finally {
    if (second.exitCode === null && second.signalCode === null) second.kill();
  }
  expect(app.windows()).toHaveLength(1);
  await page.keyboard.press('Escape');

  // A link written in a note, clicked: will-navigate catches it and the window reveals it; the page never leaves gloss://app/.
  await clickMenu(app, 'File', 'Open…');
  await expect(documentHeading(page, 'Elsewhere')).toBeVisible();
  await sidebar(page).getByRole('button', { name: 'Add document note' }).click();
  await note.fill(`Back to [the sample](${link}).`);
  await expect(page.getByRole('dialog').getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await sidebar(page).getByRole('link', { name: 'the sample' }).click();
  await expect(documentHeading(page, SAMPLE_TITLE)).toBeVisible();
  await expect(note).toHaveValue('Linked from elsewhere.');
  expect(page.url()).toBe('gloss://app/index.html');
});

test('File › Export… saves where the Save dialog says and remembers the folder; File › Import Annotations… shows the summary', async ({ desktop }, testInfo) => {
  const { app, page } = desktop;
  await highlightTheSample(desktop, 'Exported from the desktop.');
  const target = testInfo.outputPath('exports', 'sample.json');
  await mkdir(path.dirname(target), { recursive: true });
  const saved: { defaultPath?: string }[] = await app.evaluate(({ dialog }, chosen) => {
    const asked: { defaultPath?: string }[] = [];
    (globalThis as { saveDialogsAsked?: unknown }).saveDialogsAsked = asked;
    dialog.showSaveDialog = (async (...args: unknown[]) => {
      asked.push(args[args.length - 1] as { defaultPath?: string });
      return { canceled: false, filePath: chosen };
    }) as typeof dialog.showSaveDialog;
    return asked;
  }, target);
  expect(saved).toEqual([]);

  await clickMenu(app, 'File', 'Export…');
  const exportDialog = page.getByRole('dialog', { name: 'Export annotations' });
  await exportDialog.getByRole('radio', { name: 'Gloss JSON (complete, for import)' }).check();
  await exportDialog.getByRole('button', { name: 'Save…' }).click();
  await expect(page.locator('#toast-region')).toContainText(`Saved 1 annotation to ${target}.`);
  const asked = await app.evaluate(() => (globalThis as { saveDialogsAsked?: { defaultPath?: string }[] }).saveDialogsAsked ?? []);
  expect(asked[0]?.defaultPath).toBe(`${SAMPLE_TITLE} — Gloss.json`);

  await stubOpenDialog(app, target);
  await clickMenu(app, 'File', 'Import Annotations…');
  await expect(page.locator('#toast-region')).toContainText('Imported from sample.json: 0 imported, 1 duplicate skipped, 0 orphaned.');
  expect((await openDialogsAsked(app))[0]?.filters?.[0]?.extensions).toEqual(['json', 'jsonld']);

  // The next Save dialog opens in the folder of the last export.
  await clickMenu(app, 'File', 'Export…');
  await exportDialog.getByRole('button', { name: 'Save…' }).click();
  await expect.poll(async () => (await app.evaluate(() => (globalThis as { saveDialogsAsked?: { defaultPath?: string }[] }).saveDialogsAsked ?? []))[1]?.defaultPath).toBe(
    path.join(path.dirname(target), `${SAMPLE_TITLE} — Gloss.json`),
  );
});
