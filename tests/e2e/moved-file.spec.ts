/**
 * Reopening a file that moved, in Chromium through the browser mode: with the same content it
 * finds its annotations at once; edited as well, Gloss asks before attaching them. Either way
 * the library lists one document, at the new place.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { BOOKSHOPS, BOOKSHOPS_EDITED, highlightParagraph, libraryView, openPage, painted, ready, sidebar, withDocuments, withServer, type Documents } from './library-helpers';

/** Annotates bookshops.md in a first run of the server; returns the data folder and the file. */
async function annotateFirst(page: Page, docs: Documents): Promise<{ dataDir: string; file: string }> {
  const file = await docs.write('bookshops.md', BOOKSHOPS);
  const server = await withServer({ args: [file], keepData: true }, async (first) => {
    await openPage(page, first);
    await highlightParagraph(page, 'Owners credit events');
  });
  return { dataDir: server.dataDir, file };
}

test('a file moved and renamed, same content: its annotations are there at once, and the library follows it', async ({ page }) => {
  await withDocuments(async (docs) => {
    const { dataDir, file } = await annotateFirst(page, docs);
    await mkdir(join(docs.folder, 'archive'));
    const moved = join(docs.folder, 'archive', 'bookshops-2024.md');
    await rename(file, moved);
    await withServer({ dataDir, args: [moved] }, async (server) => {
      await page.goto(server.url);
      await ready(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
      await expect(page.locator('#toast-region')).toContainText('was found at its new place, with its annotations');
      await expect.poll(() => painted(page)).toEqual([expect.stringContaining('Owners credit events')]);
      await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'Owners credit events' })).toHaveCount(1);
      await page.keyboard.press('Control+Shift+L');
      const { list } = libraryView(page);
      await expect(list.getByRole('option')).toHaveCount(1);
      await expect(list.getByRole('option')).toContainText(join(docs.folder, 'archive'));
      await expect(list.getByRole('option')).toContainText('1 annotation');
    });
  });
});

test('a file moved and edited: Gloss asks “Attach them?”, and attaching brings the annotations to the new text', async ({ page }) => {
  await withDocuments(async (docs) => {
    const { dataDir, file } = await annotateFirst(page, docs);
    await rm(file);
    const edited = join(docs.folder, 'bookshops-updated.md');
    await writeFile(edited, BOOKSHOPS_EDITED);
    await withServer({ dataDir, args: [edited] }, async (server) => {
      await page.goto(server.url);
      const question = page.getByRole('alertdialog', { name: 'This looks like “Bookshops are back” that you annotated, 1 note. Attach them?' });
      await expect(question).toBeVisible();
      await expect(question).toContainText('bookshops-updated.md');
      await question.getByRole('button', { name: 'Attach them' }).click();
      await ready(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
      await expect.poll(() => painted(page)).toEqual([expect.stringContaining('owners credit events')]);
      await expect(page.locator('#toast-region')).toContainText('1 highlight moved');
      await page.keyboard.press('Control+Shift+L');
      const { list } = libraryView(page);
      await expect(list.getByRole('option')).toHaveCount(1);
      await expect(list.getByRole('option')).not.toContainText('File missing');
    });
  });
});

test('a file moved and edited, and the reader keeps it separate: a new document with no annotations', async ({ page }) => {
  await withDocuments(async (docs) => {
    const { dataDir } = await annotateFirst(page, docs);
    const copy = join(docs.folder, 'copy.md');
    await writeFile(copy, `${BOOKSHOPS}\nA paragraph only the copy has, added after it was copied.\n`);
    await withServer({ dataDir, args: [copy] }, async (server) => {
      await page.goto(server.url);
      const question = page.getByRole('alertdialog', { name: /Attach them\?$/ });
      await question.getByRole('button', { name: 'Keep separate' }).click();
      await ready(page);
      await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
      await expect(sidebar(page)).toHaveAttribute('aria-busy', 'false');
      expect(await painted(page)).toEqual([]);
      await page.keyboard.press('Control+Shift+L');
      await expect(libraryView(page).list.getByRole('option')).toHaveCount(2);
    });
  });
});
