/**
 * Search notes (Ctrl/Cmd+Shift+F) in Chromium through the browser mode, as a reader uses it:
 * prefix and typo queries, results grouped by document with the matched words marked, the tag
 * and color filters, the keyboard, opening a result at its highlight, and the index following
 * an edit and a delete.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './gloss-server';
import { BOOKSHOPS, HEATWAVE, openPage, sidebar, upload, withDocuments, withServer } from './library-helpers';
import { noteEditor, selectText, toolbar } from './reader-page';

test('search notes: prefix and typo, grouped and marked, filters, keyboard, opening at the highlight, kept in step with an edit and a delete', async ({ page }) => {
  await withDocuments(async (docs) => {
    await withServer({ args: [await docs.write('bookshops.md', BOOKSHOPS)] }, async (server) => {
      await openPage(page, server);
      // A yellow highlight with a note and a tag in the first document.
      await expect(sidebar(page)).toHaveAttribute('aria-busy', 'false');
      await page.locator('#article p').filter({ hasText: 'Some shops sell coffee' }).selectText();
      await page.keyboard.press('n');
      await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('A monsoon reading group?');
      await noteEditor(page).getByRole('textbox', { name: 'Add tag' }).fill('events');
      await page.keyboard.press('Enter');
      await noteEditor(page).getByRole('button', { name: 'Save' }).click();
      await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
      await page.keyboard.press('Escape');
      // A green highlight whose quote says "monsoon" in the second.
      await upload(page, 'heatwave.md', HEATWAVE);
      await expect(sidebar(page)).toHaveAttribute('aria-busy', 'false');
      await selectText(page, 'relief was unlikely before the monsoon reaches the plains');
      await toolbar(page).getByRole('button', { name: 'Green', exact: true }).click();
      await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);

      await page.keyboard.press('Control+Shift+F');
      const dialog = page.getByRole('dialog', { name: 'Search notes' });
      const box = dialog.getByRole('combobox', { name: 'Search notes' });
      await expect(box).toBeFocused();
      const results = dialog.getByRole('listbox', { name: 'Results' });
      const status = dialog.getByRole('status');

      // A prefix: both documents, each in its own group, the words marked.
      await box.fill('monso');
      await expect(status).toHaveText('2 notes in 2 documents');
      const groups = results.getByRole('group');
      await expect(groups).toHaveCount(2);
      await expect(results.getByRole('group', { name: 'A heatwave grips the north' }).getByRole('option')).toHaveCount(1);
      await expect(results.getByRole('group', { name: 'Bookshops are back' }).getByRole('option')).toHaveCount(1);
      await expect(results.locator('mark')).toHaveText(['monsoon', 'monsoon'], { ignoreCase: true });
      const audit = await new AxeBuilder({ page }).include('#notes-search-dialog').analyze();
      expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      // A typo.
      await box.fill('monsoom');
      await expect(status).toHaveText('2 notes in 2 documents');
      // Filters: a color, then a tag.
      await dialog.getByRole('checkbox', { name: 'Green' }).check();
      await expect(status).toHaveText('1 note in 1 document');
      await expect(groups).toHaveText([/A heatwave grips the north/]);
      await dialog.getByRole('checkbox', { name: 'Green' }).uncheck();
      await dialog.getByRole('searchbox', { name: 'Filter by tag' }).fill('Events');
      await expect(status).toHaveText('1 note in 1 document');
      await expect(groups).toHaveText([/Bookshops are back/]);
      await dialog.getByRole('searchbox', { name: 'Filter by tag' }).fill('');
      await expect(status).toHaveText('2 notes in 2 documents');

      // The keyboard: down to the Bookshops hit, Enter opens that document at that highlight.
      const order = await groups.evaluateAll((elements) => elements.map((element) => element.textContent ?? ''));
      const bookshopsAt = order.findIndex((text) => text.startsWith('Bookshops'));
      await box.focus();
      for (let i = 0; i <= bookshopsAt; i++) await box.press('ArrowDown');
      await expect(results.getByRole('option', { selected: true })).toContainText('monsoon reading group');
      await box.press('Enter');
      await expect(dialog).toBeHidden();
      await expect(page.locator('#document-title')).toHaveText('Bookshops are back');
      const note = noteEditor(page).getByRole('textbox', { name: 'Note' });
      await expect(note).toHaveValue('A monsoon reading group?');
      await expect(noteEditor(page)).toContainText('Some shops sell coffee');

      // An edit: the old words go, the new ones are found.
      await note.fill('A harvest festival?');
      await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Search', exact: true }).click();
      await box.fill('harvest');
      await expect(status).toHaveText('1 note in 1 document');
      await box.fill('monsoon');
      await expect(status).toHaveText('1 note in 1 document');
      await expect(groups).toHaveText([/A heatwave grips the north/]);
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // A delete.
      await sidebar(page).getByRole('listitem').filter({ hasText: 'Some shops sell coffee' }).getByRole('button', { name: 'Delete' }).click();
      await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
      await page.keyboard.press('Control+Shift+F');
      await box.fill('harvest');
      await expect(status).toHaveText('No notes found');
      await expect(results.getByRole('option')).toHaveCount(0);
    });
  });
});
