/**
 * What the library's end-to-end tests share: articles to read, a folder of files for the server
 * to open, and the reader's gestures (highlight a paragraph, open the library).
 */
import { mkdtemp, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, removeDataDir, startGlossServer, type GlossServer } from './gloss-server';

export { BOOKSHOPS, BOOKSHOPS_EDITED, HEATWAVE } from '../fixtures/library/articles';

/** A folder of documents for a test. */
export interface Documents {
  folder: string;
  /** Writes a file in the folder; returns its path. */
  write(name: string, text: string): Promise<string>;
}

/** Runs `body` with a fresh folder of documents, removed afterwards. */
export async function withDocuments(body: (docs: Documents) => Promise<void>): Promise<void> {
  const folder = await realpath(await mkdtemp(join(tmpdir(), 'gloss-library-e2e-')));
  try {
    await body({
      folder,
      write: async (name, text) => {
        const file = join(folder, name);
        await writeFile(file, text);
        return file;
      },
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * Runs `body` with the real browser-mode server, on `dataDir` (or a fresh data folder) and
 * reading `args`; stops it after, and removes the data folder unless `keepData`.
 */
export async function withServer(options: { dataDir?: string; args?: string[]; keepData?: boolean }, body: (server: GlossServer) => Promise<void>): Promise<GlossServer> {
  const server = await startGlossServer({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), args: options.args ?? [] });
  try {
    await body(server);
  } finally {
    await server.stop();
    if (!options.keepData) await removeDataDir(server.dataDir);
  }
  return server;
}

/** Opens the page on `server` and waits for its first document (or start screen). */
export async function openPage(page: Page, server: GlossServer): Promise<void> {
  await page.goto(server.url);
  await ready(page);
}

/** Waits until the page has shown its first document (or start screen) and the annotations are in. */
export async function ready(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
}

/** The Annotations sidebar. */
export function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/** Selects the article's paragraph that contains `text` and highlights it with H (in the last color used, yellow at first). */
export async function highlightParagraph(page: Page, text: string): Promise<void> {
  await expect(sidebar(page)).toHaveAttribute('aria-busy', 'false');
  const before = (await painted(page)).length;
  await page.locator('#article p').filter({ hasText: text }).selectText();
  await page.keyboard.press('h');
  await expect.poll(async () => (await painted(page)).length).toBe(before + 1);
  // Listed once its write is on disk.
  await expect(sidebar(page).getByRole('listitem').filter({ hasText: text.slice(0, 30) })).not.toHaveCount(0);
}

/** The text of every range painted in a CSS highlight (e.g. 'gloss-yellow'). */
export async function painted(page: Page, name = 'gloss-yellow'): Promise<string[]> {
  return page.evaluate((highlight) => {
    const registered = CSS.highlights.get(highlight) as unknown as Set<Range> | undefined;
    return registered ? [...registered].map((range) => range.toString()) : [];
  }, name);
}

/** The library view and its list. */
export function libraryView(page: Page): { region: Locator; list: Locator } {
  const region = page.getByRole('region', { name: 'Library' });
  return { region, list: region.getByRole('listbox', { name: 'Documents' }) };
}

/** Uploads a Markdown document through Open… (the browser mode's way of opening a file it was not given) and waits until it shows. */
export async function upload(page: Page, name: string, text: string): Promise<void> {
  const title = /^# (.+)$/m.exec(text)?.[1] ?? '';
  await page.locator('#file-input').setInputFiles({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) });
  await expect(page.locator('#document-title')).toHaveText(title);
}
