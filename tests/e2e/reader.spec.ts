import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { documentPickerAccept } from '../../main/common/document-formats';
import { SETTING_RANGES, THEME_LABELS, THEMES } from '../../main/common/limits';
import { expect, removeDataDir, startGlossServer, test } from './gloss-server';

const SAMPLE_TITLE = 'Kim Jong Un welcomes Putin in North Korea';
const SECTIONS = [
  'A Historic Visit',
  'The Breakthrough Agreement',
  'Strengthened Alliances',
  'Putin in North Korea',
  'International Reactions and Implications',
  'A Historical Context',
  'Frequently Asked Questions',
];
const QUESTIONS: [string, string, string, string] = [
  'Why did Vladimir Putin visit North Korea?',
  'What is the new strategic partnership agreement about?',
  'What is the history of North Korea and Russia?',
  'Did Kim Jong Un and Putin share any gifts?',
];

async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/**
 * Records the reading positions the main side confirmed saving (the page saves one once
 * scrolling settles), so a test can wait for the save of the position on screen instead of
 * sleeping for longer than the page's debounce.
 */
function watchPositionSaves(page: Page): { expectOnScreenSaved(): Promise<void> } {
  const saved: number[] = [];
  page.on('requestfinished', async (request) => {
    if (!request.url().endsWith('/api/saveReadingPosition')) return;
    // A page closed mid-answer has no body left to read: that save is simply not counted.
    const answer = (await request.response().then((response) => response?.json()).catch(() => undefined)) as { ok?: boolean } | undefined;
    if (answer?.ok) saved.push((request.postDataJSON() as { position: { fraction: number } }).position.fraction);
  });
  // The page reports how far through the article it is as ReadingProgress computes it.
  const onScreen = () =>
    page.locator('#reader').evaluate((reader) => Number((reader.scrollTop / (reader.scrollHeight - reader.clientHeight)).toFixed(4)));
  return {
    async expectOnScreenSaved() {
      await expect.poll(async () => saved.at(-1) === (await onScreen()), { message: 'the position on screen is saved' }).toBe(true);
    },
  };
}

test('the sample article opens on first launch with its title, Contents and FAQ', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await expect(contents.getByRole('link')).toHaveText(SECTIONS);
  const faq = page.getByRole('navigation', { name: 'FAQ' });
  await expect(faq.getByRole('link')).toHaveText(QUESTIONS);
  // Each link's accessible name, as Chromium itself computes it (CSS generated content
  // included), is exactly its question: the visible Q1… numbering is not part of it.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Accessibility.enable');
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const linkNames = nodes.filter((node) => node.role?.value === 'link').map((node) => String(node.name?.value ?? ''));
  expect(linkNames.slice(-QUESTIONS.length)).toEqual(QUESTIONS);
  // The promo lines are set apart, not read as body text, and the boilerplate is gone.
  await expect(page.locator('article').getByRole('note', { name: 'Related article' })).toHaveCount(2);
  await expect(page.locator('article')).not.toContainText('Leave a Comment');
  await expect(page).toHaveTitle(`${SAMPLE_TITLE} — Gloss`);
});

test('FAQ navigation by click, Enter, arrow keys and the ] / [ shortcuts', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const faq = page.getByRole('navigation', { name: 'FAQ' });

  await faq.getByRole('link', { name: QUESTIONS[2] }).click();
  const third = page.getByRole('heading', { name: QUESTIONS[2] });
  await expect(third).toBeFocused();
  await expect(third).toBeInViewport();

  // Keyboard: focus the first question's link, arrow down to the second, Enter.
  await faq.getByRole('link', { name: QUESTIONS[0] }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(faq.getByRole('link', { name: QUESTIONS[1] })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: QUESTIONS[1] })).toBeFocused();

  // From the article, ] goes to the next question and [ back.
  await page.keyboard.press(']');
  await expect(page.getByRole('heading', { name: QUESTIONS[2] })).toBeFocused();
  await page.keyboard.press('[');
  await expect(page.getByRole('heading', { name: QUESTIONS[1] })).toBeFocused();

  // The filter narrows the list.
  await faq.getByRole('searchbox', { name: 'Filter questions' }).fill('gifts');
  await expect(faq.getByRole('link')).toHaveText([QUESTIONS[3]]);
  await faq.getByRole('searchbox', { name: 'Filter questions' }).fill('no such question');
  await expect(faq.getByRole('link')).toHaveCount(0);
  await expect(faq).toContainText('No question matches');
});

test('? shows the shortcuts that work in the browser mode only', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await page.getByRole('main', { name: 'Article' }).focus();
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  // The page opens documents with Ctrl+O itself; closing the tab, zoom and the menu's text
  // size keys belong to the browser or the desktop menu, so the dialog does not offer them.
  await expect(dialog.getByRole('term').filter({ hasText: /^Ctrl\+O$/ })).toHaveCount(1);
  await expect(dialog.getByRole('definition').filter({ hasText: 'Open a document' })).toHaveCount(1);
  await expect(dialog).not.toContainText('Ctrl+W');
  await expect(dialog).not.toContainText('Zoom');
  await expect(dialog).not.toContainText('Ctrl+/');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('Contents links jump to sections and the current section is marked while scrolling', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  await contents.getByRole('link', { name: 'A Historical Context' }).click();
  await expect(page.getByRole('heading', { name: 'A Historical Context' })).toBeInViewport();
  await expect(contents.getByRole('link', { name: 'A Historical Context' })).toHaveAttribute('aria-current', 'location');
  await page.getByRole('article').getByRole('heading', { name: 'A Historic Visit' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('link', { name: 'A Historic Visit' })).toHaveAttribute('aria-current', 'location');
});

test('theme, text size and reading position survive a reload', async ({ page, gloss }) => {
  const saves = watchPositionSaves(page);
  await openReader(page, gloss.url);
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.getByRole('slider', { name: 'Text size' }).fill('23');
  await page.keyboard.press('Escape');
  await page.locator('#reader').evaluate((reader) => reader.scrollTo({ top: reader.scrollHeight / 2 }));
  // The position is saved once scrolling settles.
  await saves.expectOnScreenSaved();
  const before = await page.locator('#reader').evaluate((reader) => reader.scrollTop);
  expect(before).toBeGreaterThan(200);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  expect(await page.locator('article').evaluate((article) => getComputedStyle(article).fontSize)).toBe('23px');
  const after = await page.locator('#reader').evaluate((reader) => reader.scrollTop);
  // Restored by text offset: the same line is back at the top, within a line and a paragraph gap.
  expect(Math.abs(after - before)).toBeLessThan(80);
});

test('the reader keeps their place when the text size changes, and finds it again after a reload', async ({ page, gloss }) => {
  const saves = watchPositionSaves(page);
  await openReader(page, gloss.url);
  const heading = page.getByRole('heading', { name: 'A Historical Context' });
  const offsetFromTop = () =>
    heading.evaluate((element) => element.getBoundingClientRect().top - (document.getElementById('reader') as HTMLElement).getBoundingClientRect().top);
  await heading.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  expect(Math.abs(await offsetFromTop())).toBeLessThan(60);

  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('slider', { name: 'Text size' }).fill('28');
  await page.getByRole('slider', { name: 'Line width' }).fill('50');
  await page.keyboard.press('Escape');
  // The article reflowed a lot, yet the same heading is still at the top.
  expect(Math.abs(await offsetFromTop())).toBeLessThan(60);

  await saves.expectOnScreenSaved();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  expect(Math.abs(await offsetFromTop())).toBeLessThan(60);
});

test('the Appearance panel and the file picker offer what the main side accepts', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await expect(page.locator('#file-input')).toHaveAttribute('accept', documentPickerAccept());
  await page.getByRole('button', { name: 'Appearance' }).click();
  const themes = page.getByRole('group', { name: 'Theme' }).getByRole('radio');
  await expect(themes).toHaveCount(THEMES.length);
  for (const [index, theme] of THEMES.entries()) {
    await expect(themes.nth(index)).toHaveAccessibleName(THEME_LABELS[theme]);
  }
  const textSize = page.getByRole('slider', { name: 'Text size' });
  const lineWidth = page.getByRole('slider', { name: 'Line width' });
  await expect(textSize).toHaveAttribute('max', String(SETTING_RANGES.fontSize.max));
  await expect(lineWidth).toHaveAttribute('min', String(SETTING_RANGES.lineWidth.min));
  // The largest text size the slider offers is one the main side stores.
  const stored = page.waitForResponse((response) => response.url().endsWith('/api/updateSettings'));
  await textSize.fill(String(SETTING_RANGES.fontSize.max + 10));
  await expect(textSize).toHaveValue(String(SETTING_RANGES.fontSize.max));
  expect(await (await stored).json()).toMatchObject({ ok: true, value: { fontSize: SETTING_RANGES.fontSize.max } });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => page.locator('article').evaluate((article) => getComputedStyle(article).fontSize)).toBe(`${SETTING_RANGES.fontSize.max}px`);
});

test('dark theme follows the system when "System" is chosen', async ({ browser, gloss }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  const page = await context.newPage();
  await openReader(page, gloss.url);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await context.close();
});

test('the reading view has no serious or critical accessibility violations', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
});

test.describe('documents from disk', () => {
  test('a Markdown document full of script-injection attempts runs no script', async ({ page }) => {
    const folder = await mkdtemp(join(tmpdir(), 'gloss-xss-'));
    const file = join(folder, 'attack.md');
    await writeFile(
      file,
      [
        '# Attack',
        'Safe text before the attacks.',
        '![img](https://example.invalid/tracker.png)',
        '<script>window.__pwned = 1</script>',
        '<img src=x onerror="window.__pwned = 2">',
        '[click](javascript:window.__pwned=3)',
        '<svg onload="window.__pwned=4"></svg>',
        '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
        '<details open ontoggle="window.__pwned=6"><summary>x</summary></details>',
        '<a href="jav&#x61;script:window.__pwned=7">entity</a>',
        '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=8">',
        '<form action="javascript:window.__pwned=9"><button>go</button></form>',
        // Unclosed <iframe>/<math> swallow the rest of the page as inert text: the safe outcome.
      ].join('\n\n'),
    );
    const server = await startGlossServer({ args: [file] });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await openReader(page, server.url);
      await expect(page.getByRole('heading', { level: 1, name: 'Attack' })).toBeVisible();
      await expect(page.locator('article')).toContainText('Safe text before the attacks.');
      // The javascript: link keeps its text but loses its address.
      await expect(page.locator('article')).toContainText('click');
      const hrefs = await page.locator('article a').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
      expect(hrefs.filter((href) => /^\s*(javascript|data|vbscript):/i.test(href))).toEqual([]);
      await page.locator('article').getByText('click', { exact: true }).click();
      // Every image has loaded or failed, so an error handler that survived would have run.
      await expect.poll(() => page.locator('article img').evaluateAll((images) => images.every((image) => (image as HTMLImageElement).complete))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(dialogs).toEqual([]);
      await expect(page.locator('article script, article iframe, article form, article [onerror], article [onload]')).toHaveCount(0);
      // Remote content is never fetched.
      expect(requests.filter((url) => !url.startsWith('http://127.0.0.1'))).toEqual([]);
      await expect(page.locator('article')).toContainText('remote image was not loaded');
    } finally {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
  });

  test('a plain-text file named on the command line opens through the importer; external links open in a new tab', async ({ page, context }) => {
    const folder = await mkdtemp(join(tmpdir(), 'gloss-doc-'));
    const file = join(folder, 'notes.md');
    await writeFile(file, '# Linked\n\nSee [the site](https://example.invalid/page) for more.\n');
    const server = await startGlossServer({ args: [file] });
    try {
      await openReader(page, server.url);
      const link = page.getByRole('link', { name: 'the site' });
      await expect(link).toHaveAttribute('target', '_blank');
      await expect(link).toHaveAttribute('rel', /noopener/);
      await context.route('https://example.invalid/**', (route) => route.fulfill({ body: 'external' }));
      const [popup] = await Promise.all([context.waitForEvent('page'), link.click()]);
      await popup.close();
      // The reading view is still there.
      await expect(page.getByRole('heading', { level: 1, name: 'Linked' })).toBeVisible();
    } finally {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
  });
});

test.describe('plain-text articles through the importer', () => {
  const fixture = (name: string) => resolve('tests/fixtures/articles', name);

  test('section headings phrased as questions are in Contents, and only the FAQ’s questions in the FAQ', async ({ page }) => {
    const server = await startGlossServer({ args: [fixture('heatwave-question-headings.txt')] });
    try {
      await openReader(page, server.url);
      await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link')).toHaveText([
        'What Is Causing the Heatwave?',
        'How are cities coping with the heat?',
        'Health Warnings',
        'What happens next?',
        'Frequently Asked Questions',
      ]);
      await expect(page.getByRole('navigation', { name: 'FAQ' }).getByRole('link')).toHaveText([
        'What temperature did Delhi record?',
        'When will the monsoon arrive?',
        'How can people protect themselves?',
      ]);
    } finally {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
  });

  test('Q:/A: lines with no FAQ heading are listed in the FAQ, and no heading is made up for them', async ({ page }) => {
    const server = await startGlossServer({ args: [fixture('repo-rate-unheaded-qa.txt')] });
    try {
      await openReader(page, server.url);
      await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link')).toHaveText(['What the Decision Means']);
      await expect(page.getByRole('article').getByRole('heading', { name: /Frequently Asked Questions/ })).toHaveCount(0);
      const faq = page.getByRole('navigation', { name: 'FAQ' });
      await expect(faq.getByRole('link')).toHaveText(['What is the repo rate?', 'Will my EMI change?', 'When is the next policy meeting?']);
      await faq.getByRole('link', { name: 'Will my EMI change?' }).click();
      const question = page.getByRole('article').getByRole('paragraph').filter({ hasText: /^Q: Will my EMI change\?$/ });
      await expect(question).toBeInViewport();
      await expect(question).toBeFocused();
    } finally {
      await server.stop();
      await removeDataDir(server.dataDir);
    }
  });
});

test('images next to the document load; images outside its folder do not', async ({ page }) => {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-images-'));
  const onePixelPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await mkdir(join(folder, 'doc', 'images'), { recursive: true });
  await writeFile(join(folder, 'doc', 'images', 'pixel one.png'), onePixelPng);
  await writeFile(join(folder, 'outside.png'), onePixelPng);
  const file = join(folder, 'doc', 'article.md');
  await writeFile(file, '# Pictures\n\n![inside](images/pixel%20one.png)\n\n![outside](../outside.png)\n');
  const server = await startGlossServer({ args: [file] });
  try {
    await openReader(page, server.url);
    const inside = page.getByRole('img', { name: 'inside' });
    await expect(inside).toBeVisible();
    await expect.poll(() => inside.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const outside = page.locator('article img[alt="outside"]');
    if ((await outside.count()) > 0) {
      await expect.poll(() => outside.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(0);
    }
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
    await removeDataDir(folder);
  }
});

test.describe('bad input gets a clear message and the current document stays', () => {
  const cases: Array<{ name: string; file: string; bytes: Buffer; message: RegExp }> = [
    { name: 'binary', file: 'picture.txt', bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3]), message: /not a text file|binary/i },
    { name: 'invalid UTF-8', file: 'latin1.txt', bytes: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x63, 0x72, 0xe8, 0x6d, 0x65]), message: /UTF-8/ },
    { name: 'unsupported type', file: 'data.csv', bytes: Buffer.from('a,b\n1,2\n'), message: /\.md/ },
  ];
  for (const { name, file, bytes, message } of cases) {
    test(`${name} file`, async ({ page, gloss }) => {
      await openReader(page, gloss.url);
      await page.locator('#file-input').setInputFiles({ name: file, mimeType: 'application/octet-stream', buffer: bytes });
      await expect(page.getByRole('status')).toContainText(message);
      await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
    });
  }

  test('an empty file shows the empty state', async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    await page.locator('#file-input').setInputFiles({ name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('heading', { name: 'This document is empty' })).toBeVisible();
  });

  test('a file over 20 MB is refused', async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    await page.locator('#file-input').setInputFiles({ name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61) });
    await expect(page.getByRole('status')).toContainText(/over 20 MB/);
    await expect(page.getByRole('heading', { level: 1, name: SAMPLE_TITLE })).toBeVisible();
  });

  test('a missing last document shows why at the next start', async ({ page }) => {
    const folder = await mkdtemp(join(tmpdir(), 'gloss-missing-'));
    const file = join(folder, 'gone.md');
    await writeFile(file, '# Soon gone\n\nText.\n');
    const first = await startGlossServer({ args: [file] });
    await openReader(page, first.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Soon gone' })).toBeVisible();
    await first.stop();
    await removeDataDir(folder);
    const second = await startGlossServer({ dataDir: first.dataDir });
    try {
      await openReader(page, second.url);
      // The library is the start screen, and says why.
      const library = page.getByRole('region', { name: 'Library' });
      await expect(library.getByRole('heading', { name: 'The last document could not be opened' })).toBeVisible();
      await expect(library).toContainText('gone.md');
    } finally {
      await second.stop();
      await removeDataDir(second.dataDir);
    }
  });
});

test('an uploaded Markdown document opens and is listed in Recent', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await page.locator('#file-input').setInputFiles({ name: 'guide.md', mimeType: 'text/markdown', buffer: Buffer.from('# A Guide\n\n## Part one\n\nHello.\n\n**Q: Is it good?**\n\nA: Yes.\n') });
  await expect(page.getByRole('heading', { level: 1, name: 'A Guide' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'FAQ' }).getByRole('link')).toHaveText(['Is it good?']);
  await page.getByRole('button', { name: 'Recent' }).click();
  await expect(page.locator('#recent-menu').getByRole('button')).toHaveCount(2);
  await expect(page.locator('#recent-menu')).toContainText('A Guide');
  await expect(page.locator('#recent-menu')).toContainText(SAMPLE_TITLE);
});

test('a file dropped on the window opens', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['# Dropped In\n\nIt arrived by drag and drop.\n'], 'dropped.md', { type: 'text/markdown' }));
    return transfer;
  });
  await page.dispatchEvent('#reader', 'dragenter', { dataTransfer });
  await expect(page.locator('#drop-overlay')).toBeVisible();
  await page.dispatchEvent('#reader', 'drop', { dataTransfer });
  await expect(page.getByRole('heading', { level: 1, name: 'Dropped In' })).toBeVisible();
  await expect(page.locator('#drop-overlay')).toBeHidden();
});

