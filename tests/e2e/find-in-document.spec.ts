/**
 * Find in document (Ctrl/Cmd+F) in Chromium through the browser mode, as a reader uses it: the
 * count, next and previous by key and button, accents ignored unless asked, the current match
 * painted apart from the others and shown (a folded section opened), and Escape giving the focus
 * back to where it was.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './gloss-server';
import { openPage, painted, withDocuments, withServer } from './library-helpers';

const CAFES = `# Cafés of the old town

The Café Müller opened in 1920 and still serves breakfast.

Most cafe owners say a CAFÉ needs a terrace; Muller disagrees.

<details>
<summary>More about the terrace</summary>

The terrace of the cafe faces the river.

</details>

A last café closes the list.
`;

test('find in document: count, next and previous, diacritics toggle, painted matches, a fold opened, Escape returns focus', async ({ page }) => {
  await withDocuments(async (docs) => {
    await withServer({ args: [await docs.write('cafes.md', CAFES)] }, async (server) => {
      await openPage(page, server);
      const opener = page.getByRole('button', { name: 'Appearance' });
      await opener.focus();
      await page.keyboard.press('Control+f');
      const box = page.getByRole('searchbox', { name: 'Find in document' });
      await expect(box).toBeFocused();
      const count = page.getByRole('search', { name: 'Find in document' }).getByRole('status');

      await box.fill('cafe');
      // Café (title), Café Müller, cafe, CAFÉ, the cafe in the fold, café.
      await expect(count).toHaveText('1 of 6');
      await expect.poll(() => painted(page, 'gloss-find')).toEqual(['Café', 'Café', 'cafe', 'CAFÉ', 'cafe', 'café']);
      await expect.poll(() => painted(page, 'gloss-find-current')).toEqual(['Café']);
      const audit = await new AxeBuilder({ page }).include('#find-anchor').analyze();
      expect(audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

      await box.press('Enter');
      await expect(count).toHaveText('2 of 6');
      await box.press('Enter');
      await box.press('Enter');
      await box.press('Enter');
      await expect(count).toHaveText('5 of 6');
      // The fifth is inside the closed <details>: it was opened to show it.
      await expect(page.locator('#article details')).toHaveAttribute('open', '');
      await expect(page.locator('#article').getByText('The terrace of the cafe faces the river.')).toBeInViewport();
      await box.press('Shift+Enter');
      await expect(count).toHaveText('4 of 6');
      await page.keyboard.press('F3');
      await expect(count).toHaveText('5 of 6');
      await page.keyboard.press('Shift+F3');
      await expect(count).toHaveText('4 of 6');
      await page.getByRole('button', { name: 'Next match' }).click();
      await expect(count).toHaveText('5 of 6');
      await page.getByRole('button', { name: 'Previous match' }).click();
      await expect(count).toHaveText('4 of 6');
      await page.getByRole('button', { name: 'Next match' }).click();
      await page.getByRole('button', { name: 'Next match' }).click();
      await page.getByRole('button', { name: 'Next match' }).click();
      // Next after the last goes round to the first.
      await expect(count).toHaveText('1 of 6');

      await box.fill('Muller');
      await expect(count).toHaveText('1 of 2');
      await expect.poll(() => painted(page, 'gloss-find')).toEqual(['Müller', 'Muller']);
      const diacritics = page.getByRole('button', { name: 'Match diacritics' });
      await diacritics.click();
      await expect(diacritics).toHaveAttribute('aria-pressed', 'true');
      await expect(count).toHaveText('1 of 1');
      await expect.poll(() => painted(page, 'gloss-find')).toEqual(['Muller']);
      await box.fill('zebra');
      await expect(count).toHaveText('No matches');
      await expect.poll(() => painted(page, 'gloss-find')).toEqual([]);
      await diacritics.click();
      await box.fill('CAFE');
      const matchCase = page.getByRole('button', { name: 'Match case' });
      await matchCase.click();
      await expect(count).toHaveText('1 of 1');
      await expect.poll(() => painted(page, 'gloss-find')).toEqual(['CAFÉ']);

      await box.press('Escape');
      await expect(box).toBeHidden();
      await expect(opener).toBeFocused();
      await expect.poll(() => painted(page, 'gloss-find')).toEqual([]);
      await expect.poll(() => painted(page, 'gloss-find-current')).toEqual([]);

      // Opened again, it keeps the query and its toggles.
      await page.locator('#reader').focus();
      await page.keyboard.press('Control+f');
      await expect(box).toHaveValue('CAFE');
      await expect(count).toHaveText('1 of 1');
      await page.keyboard.press('Escape');
      await expect(page.locator('#reader')).toBeFocused();
    });
  });
});
