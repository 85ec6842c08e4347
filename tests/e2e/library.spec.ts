/**
 * The library view in Chromium through the browser mode, as a reader uses it: the start screen,
 * View › Library's shortcut, sorting, filtering, the keyboard, opening at the reading position,
 * removing a document with its annotations and Undo, and a missing file found again by Locate….
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './gloss-server';
import { BOOKSHOPS, BOOKSHOPS_EDITED, HEATWAVE, highlightParagraph, libraryView, openPage, painted, ready, sidebar, upload, withDocuments, withServer } from './library-helpers';

const HARBOUR = `# Zebra crossings at the harbour

The harbour board painted three new zebra crossings on Monday after residents asked for safer routes to the ferry terminal and the market.

Drivers will be fined for stopping on the stripes, and the board will review the scheme after six months of traffic counts.
`;

test('the library: its shortcut, each document with location, progress and count, sort, filter, keyboard, and opening at the reading position', async ({ page }) => {
  await withDocuments(async (docs) => {
    const long = `${BOOKSHOPS}\n${'More about reading groups and their books. '.repeat(400)}\n`;
    await withServer({ args: [await docs.write('bookshops.md', long)] }, async (server) => {
        await openPage(page, server);
        await highlightParagraph(page, 'Owners credit events');
        await highlightParagraph(page, 'Some shops sell coffee');
        await highlightParagraph(page, 'Most shops sell new titles');
        // Read a third of the way down; the position is saved a moment after scrolling stops.
        await page.locator('#reader').evaluate((reader) => reader.scrollTo(0, (reader.scrollHeight - reader.clientHeight) / 3));
        await page.waitForTimeout(900);
        await upload(page, 'heatwave.md', HEATWAVE);
        await highlightParagraph(page, 'Large parts of the north');
        await highlightParagraph(page, 'The weather office');
        await upload(page, 'harbour.md', HARBOUR);

        await page.keyboard.press('Control+Shift+L');
        const { region, list } = libraryView(page);
        await expect(region).toBeVisible();
        const options = list.getByRole('option');
        await expect(options).toHaveCount(3);
        // Last opened first; each with its location, progress and count.
        await expect(options.nth(0)).toContainText('Zebra crossings at the harbour');
        await expect(options.nth(1)).toContainText('A heatwave grips the north');
        await expect(options.nth(1)).toContainText('2 annotations');
        await expect(options.nth(2)).toContainText('Bookshops are back');
        await expect(options.nth(2)).toContainText('3 annotations');
        await expect(options.nth(2)).toContainText(/3\d% read/);
        await expect(options.nth(2)).toContainText(docs.folder);
        await expect(region.getByRole('status')).toHaveText('3 documents');

        await region.getByRole('combobox', { name: 'Sort by' }).selectOption('Title');
        await expect(options).toHaveText([/^A heatwave/, /^Bookshops/, /^Zebra/]);
        await region.getByRole('combobox', { name: 'Sort by' }).selectOption('Annotations');
        await expect(options).toHaveText([/^Bookshops/, /^A heatwave/, /^Zebra/]);
        await region.getByRole('combobox', { name: 'Sort by' }).selectOption('Last opened');

        // Filter by words of the title or folder, accents and case ignored.
        await region.getByRole('searchbox', { name: 'Filter documents' }).fill('HARBOUR zébra');
        await expect(options).toHaveCount(1);
        await expect(region.getByRole('status')).toHaveText('1 of 3 documents');
        await region.getByRole('searchbox', { name: 'Filter documents' }).fill('');
        await expect(options).toHaveCount(3);

        // The keyboard: into the list, End, Home, Up and Down, Enter opens.
        await region.getByRole('searchbox', { name: 'Filter documents' }).press('ArrowDown');
        await expect(options.nth(0)).toBeFocused();
        await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
        await page.keyboard.press('End');
        await expect(options.nth(2)).toBeFocused();
        await page.keyboard.press('Home');
        await expect(options.nth(0)).toBeFocused();
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
        await expect(options.nth(1)).toHaveAttribute('aria-selected', 'false');
        await page.keyboard.press('Enter');
        await expect(region).toBeHidden();
        await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
        await expect.poll(async () => (await painted(page)).length).toBe(3);
        const fraction = await page.locator('#reader').evaluate((reader) => reader.scrollTop / (reader.scrollHeight - reader.clientHeight));
        expect(fraction).toBeGreaterThan(0.3);
        expect(fraction).toBeLessThan(0.37);

        // The shortcut again, then Escape: back to the document, where the reader was.
        await page.keyboard.press('Control+Shift+L');
        await expect(region).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(region).toBeHidden();
        await page.getByRole('button', { name: 'Library', exact: true }).click();
        await expect(region).toBeVisible();
        expect((await new AxeBuilder({ page }).include('#library').analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    });
  });
});

test('removing a document asks first, says how many annotations go with it, and Undo brings both back', async ({ page, gloss }) => {
  await page.goto(gloss.url);
  await ready(page);
  await upload(page, 'heatwave.md', HEATWAVE);
  await highlightParagraph(page, 'Large parts of the north');
  await highlightParagraph(page, 'Doctors advised people');
  await page.keyboard.press('Control+Shift+L');
  const { region, list } = libraryView(page);
  const heatwave = list.getByRole('option', { name: /A heatwave grips the north/ });
  await heatwave.click();
  await page.keyboard.press('Delete');

  const question = page.getByRole('alertdialog', { name: 'Remove “A heatwave grips the north” and its 2 annotations?' });
  await expect(question).toBeVisible();
  // Cancel is where the focus starts, and keeps everything.
  await expect(question.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(question).toBeHidden();
  await expect(heatwave).toHaveCount(1);

  await region.getByRole('button', { name: 'Remove “A heatwave grips the north”…' }).click();
  await question.getByRole('button', { name: 'Remove' }).click();
  await expect(heatwave).toHaveCount(0);
  // It was the open document: the library is the start screen now.
  await expect(region.getByRole('heading', { name: 'No document open' })).toBeVisible();
  const toast = page.locator('#toast-region').getByText('Removed “A heatwave grips the north” and its 2 annotations from the library.');
  await expect(toast).toBeVisible();
  await page.locator('#toast-region').getByRole('button', { name: 'Undo' }).click();
  await expect(heatwave).toHaveCount(1);
  await expect(heatwave).toContainText('2 annotations');
  await expect(page.locator('#toast-region')).toContainText('is back, with its 2 annotations');

  // Exactly as they were: open it, and both highlights are there.
  await heatwave.dblclick();
  await expect(page.getByRole('heading', { level: 1, name: 'A heatwave grips the north' })).toBeVisible();
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
  await expect.poll(async () => (await painted(page)).length).toBe(2);
});

test('a document whose file is gone shows as missing, keeps its annotations, and Locate… (an upload here) finds it again', async ({ page }) => {
  await withDocuments(async (docs) => {
    const file = await docs.write('bookshops.md', BOOKSHOPS);
    const first = await withServer({ args: [file], keepData: true }, async (server) => {
      await openPage(page, server);
      await highlightParagraph(page, 'Owners credit events');
    });
    await rm(file);
    await withServer({ dataDir: first.dataDir }, async (server) => {
      await openPage(page, server);
      const { region, list } = libraryView(page);
      await expect(region.getByRole('heading', { name: 'The last document could not be opened' })).toBeVisible();
      await expect(region).toContainText('bookshops.md');
      const entry = list.getByRole('option', { name: /Bookshops are back/ });
      await expect(entry).toContainText('File missing');
      await expect(entry).toContainText('1 annotation');
      await entry.click();
      await expect(region.getByRole('button', { name: 'Open “Bookshops are back”' })).toBeDisabled();
      await page.keyboard.press('Enter');
      await expect(page.locator('#toast-region')).toContainText('Use Locate… to show Gloss where it is now');

      // The browser mode cannot read a path a page names: Locate… uploads the file, judged by its content.
      const chooser = page.waitForEvent('filechooser');
      await region.getByRole('button', { name: 'Locate “Bookshops are back”…' }).click();
      await (await chooser).setFiles({ name: 'bookshops-found.md', mimeType: 'text/markdown', buffer: Buffer.from(BOOKSHOPS_EDITED) });
      await expect(page.getByRole('heading', { level: 1, name: 'Bookshops are back' })).toBeVisible();
      await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'Owners credit events' })).toHaveCount(1);
      await expect.poll(() => painted(page)).toEqual([expect.stringContaining('owners credit events')]);
      await page.keyboard.press('Control+Shift+L');
      await expect(list.getByRole('option')).toHaveCount(1);
      await expect(entry).not.toContainText('File missing');
      await expect(entry).toContainText('imported');
    });
  });
});

test('a document opened from the library shows the images next to it, though this page never opened it before', async ({ page }) => {
  const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAAABJRU5ErkJggg==', 'base64');
  await withDocuments(async (docs) => {
    await writeFile(join(docs.folder, 'map.png'), PIXEL);
    const pictured = await docs.write('pictured.md', '# A pictured story\n\n![The map](map.png)\n\nText under the map.\n');
    // A first launch files the pictured document in the library; the next opens another one.
    const first = await withServer({ args: [pictured], keepData: true }, async (server) => openPage(page, server));
    await withServer({ dataDir: first.dataDir, args: [await docs.write('plain.md', HEATWAVE)] }, async (server) => {
      await openPage(page, server);
      await page.keyboard.press('Control+Shift+L');
      const { list } = libraryView(page);
      await list.getByRole('option').filter({ hasText: 'A pictured story' }).dblclick();
      await expect(page.getByRole('heading', { level: 1, name: 'A pictured story' })).toBeVisible();
      const image = page.locator('#article img');
      await expect(image).toHaveCount(1);
      await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    });
  });
});
