/**
 * Export, import, Copy as Markdown, the notes folder and links back into Gloss, end to end in
 * Chromium through the browser mode, driven as a reader drives them: by role and accessible name.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, removeDataDir, startGlossServer, test, type GlossServer } from './gloss-server';

const ARTICLE = `# Margins

## Talking back

The margin is where the reader talks back to the page.

Another paragraph, with nothing marked in it.

## Later

A sentence near the end of the essay.

The last paragraph, which closes the essay.
`;
const SENTENCE = 'The margin is where the reader talks back to the page.';
const NOTE = 'Marginalia are a *conversation*.';

/** A folder of the test's own holding the article; removed with the server. */
async function serveArticle(extraArgs: string[] = []): Promise<{ server: GlossServer; folder: string; file: string; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-export-e2e-'));
  const file = join(folder, 'margins.md');
  await writeFile(file, ARTICLE);
  const server = await startGlossServer({ args: [file, ...extraArgs] });
  return {
    server,
    folder,
    file,
    cleanup: async () => {
      await server.stop();
      await removeDataDir(server.dataDir);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

function noteEditor(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Note' }) });
}

function toasts(page: Page): Locator {
  return page.locator('#toast-region');
}

async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect(sidebar(page)).toHaveAttribute('aria-busy', 'false');
}

/** Selects a paragraph as a reader does (three clicks), presses N and writes a note. */
async function highlightWithNote(page: Page, paragraph: string, note: string): Promise<void> {
  await page.getByRole('article').getByText(paragraph).click({ clickCount: 3 });
  await expect(page.getByRole('toolbar', { name: 'Annotate' })).toBeVisible();
  await page.keyboard.press('n');
  await expect(noteEditor(page).getByRole('textbox', { name: 'Note' })).toBeFocused();
  await page.keyboard.type(note);
  await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await expect(sidebar(page).getByRole('listitem').filter({ hasText: paragraph.slice(0, 30) })).toHaveCount(1);
}

/** Exports through the sidebar's Export… dialog and returns the downloaded file's name and text. */
async function download(page: Page, format: string, scope: RegExp): Promise<{ name: string; text: string }> {
  await sidebar(page).getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export annotations' });
  await dialog.getByRole('radio', { name: format }).check();
  await dialog.getByRole('radio', { name: scope }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download' }).click();
  const file = await downloading;
  const path = await file.path();
  await expect(dialog).toBeHidden();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

test('highlight a sentence, write a note, export Markdown: both are in the downloaded file', async ({ page }) => {
  const { server, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    const { name, text } = await download(page, 'Markdown (Obsidian, Logseq)', /This document/);
    expect(name).toBe('Margins — Gloss.md');
    expect(text).toContain(`> ${SENTENCE}`);
    expect(text).toContain(NOTE);
    expect(text).toMatch(/^---\ntitle: "Margins"\n/);
    expect(text).toMatch(/\[Open in Gloss\]\(gloss:\/\/annotation\/[0-9a-f]{16}\/[0-9a-f-]{36}\)/);
    await expect(toasts(page)).toContainText('Downloaded Margins — Gloss.md (1 annotation).');
  } finally {
    await cleanup();
  }
});

test('every format downloads, for the document or the library; CSV carries its BOM', async ({ page }) => {
  const { server, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    const formats: [string, string][] = [
      ['Gloss JSON (complete, for import)', 'Gloss library — Gloss.json'],
      ['W3C Web Annotation (JSON-LD)', 'Gloss library — Gloss.jsonld'],
      ['HTML page (printable)', 'Gloss library — Gloss.html'],
      ['CSV (spreadsheets)', 'Gloss library — Gloss.csv'],
      ['CSV for Readwise', 'Gloss library — Gloss (Readwise).csv'],
      ['Anki cards (text import)', 'Gloss library — Gloss (Anki).txt'],
    ];
    for (const [format, fileName] of formats) {
      const { name, text } = await download(page, format, /The whole library/);
      expect(name).toBe(fileName);
      expect(text, format).toContain('The margin is where the reader talks back');
    }
    const csv = await download(page, 'CSV (spreadsheets)', /This document/);
    expect(csv.text.startsWith('\ufeffid,document,section,quote,note,tags,color,meaning,created,modified,link')).toBe(true);
    const html = await download(page, 'HTML page (printable)', /This document/);
    expect(html.text).toContain('<em>conversation</em>');
  } finally {
    await cleanup();
  }
});

test('Copy as Markdown copies the open annotation, else all that the filter shows', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { server, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    await highlightWithNote(page, 'A sentence near the end of the essay.', 'The ending.');
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

    await sidebar(page).getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(toasts(page)).toContainText('Copied 2 annotations as Markdown.');
    const both = await clipboard();
    expect(both).toContain(NOTE);
    expect(both).toContain('The ending.');
    expect(both).toContain('## Later');

    await sidebar(page).getByRole('searchbox', { name: 'Filter annotations' }).fill('ending');
    await sidebar(page).getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect(toasts(page)).toContainText('Copied 1 annotation as Markdown.');
    const filtered = await clipboard();
    expect(filtered).toContain('The ending.');
    expect(filtered).not.toContain(NOTE);
    await sidebar(page).getByRole('searchbox', { name: 'Filter annotations' }).fill('');

    await sidebar(page).getByRole('listitem').filter({ hasText: 'The margin is where' }).getByRole('button', { name: /^The margin is where/ }).click();
    await expect(noteEditor(page)).toBeVisible();
    await sidebar(page).getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(clipboard).toMatch(new RegExp(`^> ${SENTENCE}\\n\\n\\^gloss-`));
    expect(await clipboard()).not.toContain('The ending.');
  } finally {
    await cleanup();
  }
});

test('Import… reads a file back: duplicates are skipped, a file for another page is imported into this one when asked', async ({ page }) => {
  const { server, folder, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    const json = await download(page, 'Gloss JSON (complete, for import)', /This document/);
    const exported = join(folder, 'export.json');
    await writeFile(exported, json.text);

    const importFile = async (path: string) => {
      const choosing = page.waitForEvent('filechooser');
      await sidebar(page).getByRole('button', { name: 'Import…' }).click();
      await (await choosing).setFiles(path);
    };
    await importFile(exported);
    await expect(toasts(page)).toContainText('Imported from export.json: 0 imported, 1 duplicate skipped, 0 orphaned.');

    const hypothesis = join(folder, 'hypothesis.json');
    await writeFile(
      hypothesis,
      JSON.stringify({
        export_date: '2025-01-02T03:04:05.678901+00:00',
        export_userid: 'acct:reader@hypothes.is',
        client_version: '1.0',
        annotations: [{ id: 'AbCdEfGhIjKlMnOpQrStUv', uri: 'https://example.com/margins', text: 'From the web.', tags: ['web'], target: [{ source: 'https://example.com/margins', selector: [{ type: 'TextQuoteSelector', exact: 'Another paragraph' }] }] }],
      }),
    );
    await importFile(hypothesis);
    await expect(toasts(page)).toContainText('Nothing was imported. 1 annotation is for a document not in your library: (https://example.com/margins).');
    await toasts(page).getByRole('button', { name: 'Import into “Margins”' }).click();
    await expect(toasts(page)).toContainText('Imported from hypothesis.json: 1 imported, 0 duplicates skipped, 0 orphaned.');
    await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'From the web.' })).toHaveCount(1);
    await expect(sidebar(page)).toContainText('2 highlights');

    await writeFile(join(folder, 'broken.json'), '{"format": "gloss-annotations",');
    await importFile(join(folder, 'broken.json'));
    await expect(toasts(page)).toContainText('This file cannot be imported: it is not valid JSON');
  } finally {
    await cleanup();
  }
});

test('a link to an annotation opens its document and reveals it, beside the session token too, after an edit, and says why when it cannot', async ({ page, browser }) => {
  const { server, file, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    const markdown = (await download(page, 'Markdown (Obsidian, Logseq)', /This document/)).text;
    const [, documentId, annotationId] = /gloss:\/\/annotation\/([0-9a-f]{16})\/([0-9a-f-]{36})/.exec(markdown)!;
    const origin = new URL(server.url).origin;

    // The first address of a tab: the printed one, with the link beside the token.
    const fresh = await browser.newPage();
    await fresh.goto(`${server.url}&annotation=${documentId}/${annotationId}`);
    await expect(noteEditor(fresh).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
    await expect(fresh.getByRole('article').getByRole('heading', { level: 1 })).toHaveText('Margins');
    expect(new URL(fresh.url()).hash).toBe('');
    // The token was kept for the tab: a reload still has a session.
    await fresh.reload();
    await expect(fresh.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(sidebar(fresh)).toContainText('1 highlight');
    await fresh.close();

    // The article is edited: the link, opened afresh in the tab, still finds the passage through the app's own anchoring.
    await writeFile(file, ARTICLE.replace('## Talking back\n', '## Talking back\n\nA new paragraph written since.\n'));
    await page.goto('about:blank');
    await page.goto(`${origin}/#annotation=${documentId}/${annotationId}`);
    await expect(noteEditor(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
    await expect(page.getByRole('article')).toContainText('A new paragraph written since.');
    await page.keyboard.press('Escape');

    await page.goto(`${origin}/#annotation=${documentId}/00000000-0000-4000-8000-000000000000`);
    await expect(toasts(page)).toContainText('The annotation this link points to is not in “Margins” any more');
    await page.goto(`${origin}/#annotation=0123456789abcdef/${annotationId}`);
    await expect(toasts(page)).toContainText('This link points to a document that is not in your Gloss library.');

    // The passage is gone: the document opens, the highlight waits under Orphaned, and the reader is told.
    await writeFile(file, ARTICLE.replace(SENTENCE, 'Something else entirely.'));
    await page.goto('about:blank');
    await page.goto(`${origin}/#annotation=${documentId}/${annotationId}`);
    await expect(toasts(page)).toContainText('The passage of this highlight is no longer in “Margins”.');
    const orphan = sidebar(page).getByRole('group', { name: 'Orphaned' }).getByRole('listitem');
    await expect(orphan.getByRole('button', { name: /^The margin is where/ })).toBeFocused();
  } finally {
    await cleanup();
  }
});

test('a link to an annotation written in a note follows in the page', async ({ page }) => {
  const { server, cleanup } = await serveArticle();
  try {
    await openReader(page, server.url);
    await highlightWithNote(page, SENTENCE, NOTE);
    const markdown = (await download(page, 'Markdown (Obsidian, Logseq)', /This document/)).text;
    const link = /gloss:\/\/annotation\/[0-9a-f]{16}\/[0-9a-f-]{36}/.exec(markdown)![0];
    await highlightWithNote(page, 'A sentence near the end of the essay.', `See [the margin](${link}).`);
    await sidebar(page).getByRole('listitem').filter({ hasText: 'A sentence near the end' }).getByRole('link', { name: 'the margin' }).click();
    await expect(noteEditor(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE);
  } finally {
    await cleanup();
  }
});

test('Settings › Export folder: named on the command line, it gets every change; the page cannot choose one', async ({ page }) => {
  const vault = await mkdtemp(join(tmpdir(), 'gloss-vault-'));
  const { server, cleanup } = await serveArticle(['--notes-folder', vault]);
  try {
    await openReader(page, server.url);
    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Export folder' });
    await expect(settings).toContainText(`Gloss keeps one Markdown file per annotated document in ${vault}`);
    await expect(settings).toContainText('a web page cannot choose where Gloss writes');
    await expect(settings.getByRole('button', { name: /Choose/ })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await highlightWithNote(page, SENTENCE, NOTE);
    await expect.poll(async () => (await readdir(vault)).join(','), { timeout: 15_000 }).toBe('Margins.md');
    await expect.poll(() => readFile(join(vault, 'Margins.md'), 'utf8'), { timeout: 15_000 }).toContain(NOTE);

    await page.getByRole('button', { name: 'Settings' }).click();
    await settings.getByRole('button', { name: 'Stop keeping it' }).click();
    await expect(settings).toContainText('Gloss keeps no notes folder.');
  } finally {
    await cleanup();
    await rm(vault, { recursive: true, force: true });
  }
});
