/**
 * The open document's file changed on disk, in Chromium through the browser mode (the same long
 * poll the desktop uses over IPC): Gloss reloads it, keeps the reader's place, re-anchors the
 * highlights and says what moved; a file deleted while open stays on screen with a notice, and
 * its annotations stay.
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { expect, test } from './gloss-server';
import { BOOKSHOPS, highlightParagraph, openPage, painted, sidebar, withDocuments, withServer } from './library-helpers';

const LONG = `${BOOKSHOPS}\n${Array.from({ length: 60 }, (_, i) => `Paragraph ${i + 1} tells of shop number ${i + 1} and the readers who come back to it every week for the talks.`).join('\n\n')}\n`;

test('an edit on disk is reloaded at once: the reader’s place kept, the highlights re-anchored, the summary shown', async ({ page }) => {
  await withDocuments(async (docs) => {
    const file = await docs.write('bookshops.md', LONG);
    await withServer({ args: [file] }, async (server) => {
      await openPage(page, server);
      await highlightParagraph(page, 'Owners credit events');
      // Read down to paragraph 40.
      await page.locator('#article p').filter({ hasText: 'Paragraph 40 tells' }).evaluate((p) => p.scrollIntoView({ block: 'start' }));
      const topBefore = await page.locator('#article p').filter({ hasText: 'Paragraph 40 tells' }).evaluate((p) => p.getBoundingClientRect().top);

      // An editor saves a new version: a paragraph added at the top, a word changed in the highlight.
      const edited = (await readFile(file, 'utf8'))
        .replace('# Bookshops are back\n', '# Bookshops are back\n\nAn update written after the highlight was made, pushing everything below it down the page by a few lines.\n')
        .replace('Owners credit events', 'Shop owners credit events');
      await writeFile(`${file}.tmp`, edited);
      await rename(`${file}.tmp`, file);

      await expect(page.locator('#article')).toContainText('An update written after the highlight was made');
      await expect(page.locator('#toast-region')).toContainText('changed on disk, and Gloss reloaded it');
      await expect(page.locator('#toast-region')).toContainText('1 highlight moved');
      await expect.poll(() => painted(page)).toEqual([expect.stringContaining('Shop owners credit events')]);
      // The same words are still at the top of the view.
      const topAfter = await page.locator('#article p').filter({ hasText: 'Paragraph 40 tells' }).evaluate((p) => p.getBoundingClientRect().top);
      expect(Math.abs(topAfter - topBefore)).toBeLessThan(30);

      // And again: each save is seen, not only the first.
      await writeFile(file, edited.replace('Paragraph 1 tells', 'Paragraph one tells'));
      await expect(page.locator('#article')).toContainText('Paragraph one tells');
    });
  });
});

test('a file deleted while open stays on screen with a notice, and its annotations stay', async ({ page }) => {
  await withDocuments(async (docs) => {
    const file = await docs.write('bookshops.md', BOOKSHOPS);
    await withServer({ args: [file] }, async (server) => {
      await openPage(page, server);
      await highlightParagraph(page, 'Owners credit events');
      await rm(file);
      const notice = page.getByRole('status').filter({ hasText: 'The file is gone.' });
      await expect(notice).toBeVisible();
      await expect(notice).toContainText('bookshops.md');
      await expect(notice.getByRole('button', { name: 'Locate…' })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
      expect(await painted(page)).toEqual([expect.stringContaining('Owners credit events')]);
      await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'Owners credit events' })).toHaveCount(1);
      // Annotating still works while the file is gone.
      await highlightParagraph(page, 'Most shops sell new titles');

      // The file comes back (restored from the bin): the notice goes, and the document is read again.
      await writeFile(file, BOOKSHOPS);
      await expect(notice).toBeHidden();
      await expect.poll(async () => (await painted(page)).length).toBe(2);
    });
  });
});
