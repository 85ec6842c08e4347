/**
 * Every text of the app readable in every theme: axe (all its rules, color-contrast among them:
 * 4.5:1, 3:1 for large text) on each view of the reading window, in Light, Sepia and Dark. The
 * sidebar holds what it can show (highlights, a note, tags, a document note, an orphan, a
 * passage needing review), so each kind of card is measured; the library with a missing
 * document, and its Remove question, likewise.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { highlightText as highlight, noteEditor, openReader, reopen, selectText, serveFile, sidebar, toolbar } from './reader-page';

const THEMES = ['Light', 'Sepia', 'Dark'] as const;

const ARTICLE = [
  '# Weather notes',
  'Rain falls mostly in autumn, when the westerly winds bring clouds in from the ocean and the valley fills with fog for days.',
  '## Summer',
  'Summer is dry, and by the end of August the rivers run low enough to cross on foot without wetting a knee.',
  'A [link to elsewhere](https://example.invalid/weather), `a bit of code`, and a quote:',
  '> The valley keeps its own weather.',
  '## Questions',
  '**Q: When does the fog lift?**',
  'A: Usually by noon.',
].join('\n\n');
const WINDS = 'the westerly winds bring clouds in from the ocean';
const RIVERS = 'the rivers run low enough to cross on foot';
const FOG = 'the valley fills with fog for days';
const GONE = 'without wetting a knee';

/** Fails with every serious or critical violation axe finds on the page as it is now. */
async function expectNoSeriousViolations(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  // color-contrast must have run: a view where axe skipped it would pass for the wrong reason.
  expect([...results.passes, ...results.violations, ...results.incomplete].some((rule) => rule.id === 'color-contrast'), `${view}: color-contrast ran`).toBe(true);
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  // Soft: every view and theme is measured, and all that fails is reported at once.
  expect.soft(
    serious.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ')}`)),
    view,
  ).toEqual([]);
}

async function chooseTheme(page: Page, theme: (typeof THEMES)[number]): Promise<void> {
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('radio', { name: theme }).check();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('radio', { name: theme })).toBeHidden();
}

test('every view meets WCAG AA contrast in Light, Sepia and Dark', async ({ page }) => {
  // 21 axe runs, each several seconds on a loaded machine.
  test.setTimeout(300_000);
  const { server, write, cleanup } = await serveFile('weather.md', ARTICLE);
  try {
    await openReader(page, server.url);
    await highlight(page, WINDS, 'Yellow');
    await highlight(page, RIVERS, 'Green');
    await highlight(page, FOG, 'Blue');
    await highlight(page, GONE, 'Pink');
    // A note with tags on one highlight, and a document note.
    await sidebar(page).getByRole('button', { name: new RegExp(`^${FOG.slice(0, 20)}`) }).click();
    await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('Fog, *every* autumn.');
    await noteEditor(page).getByRole('textbox', { name: 'Add tag' }).fill('weather, valley');
    await page.keyboard.press('Enter');
    await noteEditor(page).getByRole('button', { name: 'Save' }).click();
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');
    await sidebar(page).getByRole('button', { name: 'Add document note' }).click();
    await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('Compare with last year.');
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');

    // One passage reworded (needs review), one deleted (orphaned).
    await write(ARTICLE.replace('the westerly winds bring clouds in from the ocean', 'the western winds carry clouds in off the ocean').replace(` ${GONE}`, ''));
    await reopen(page);
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' })).toBeVisible();
    await expect(sidebar(page).getByRole('group', { name: 'Orphaned' })).toBeVisible();

    for (const theme of THEMES) {
      await chooseTheme(page, theme);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme.toLowerCase());
      await page.evaluate(() => document.getSelection()?.removeAllRanges());
      await expectNoSeriousViolations(page, `${theme}: reading view and sidebar`);

      await selectText(page, 'Summer is dry');
      await expect(toolbar(page)).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: selection toolbar`);
      await page.keyboard.press('Escape');

      await sidebar(page).getByRole('button', { name: new RegExp(`^${FOG.slice(0, 20)}`) }).click();
      await expect(noteEditor(page)).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: note editor`);
      await page.keyboard.press('Escape');
      await expect(noteEditor(page)).toBeHidden();

      await page.getByRole('button', { name: 'Recent' }).click();
      await expect(page.locator('#recent-menu')).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: Recent`);
      await page.getByRole('button', { name: 'Recent' }).click();

      await page.getByRole('button', { name: 'Appearance' }).click();
      await expect(page.getByRole('radio', { name: theme })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: Appearance`);
      await page.getByRole('button', { name: 'Appearance' }).click();

      await sidebar(page).getByRole('button', { name: 'Manage tags' }).click();
      const tags = page.getByRole('dialog', { name: 'Manage tags' });
      await expect(tags.getByRole('textbox', { name: 'New name for weather' })).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: Manage tags`);
      await page.keyboard.press('Escape');
      await expect(tags).toBeHidden();

      await page.getByRole('main', { name: 'Article' }).focus();
      await page.keyboard.press('?');
      const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await expect(shortcuts).toBeVisible();
      await expectNoSeriousViolations(page, `${theme}: keyboard shortcuts`);
      await page.keyboard.press('Escape');
      await expect(shortcuts).toBeHidden();
    }
  } finally {
    await cleanup();
  }
});

test('the empty state, the notice above an upload and the library meet WCAG AA contrast in Light, Sepia and Dark', async ({ page, gloss }) => {
  // 12 axe runs.
  test.setTimeout(180_000);
  await openReader(page, gloss.url);
  // A document whose file is gone, so the library shows a missing entry and its Locate… too.
  await page.locator('#file-input').setInputFiles({ name: 'gone.md', mimeType: 'text/markdown', buffer: Buffer.from('# Gone away\n\nIts file will be removed.\n') });
  await expect(page.locator('#document-title')).toHaveText('Gone away');
  await rm(join(gloss.dataDir, 'imported', 'gone.md'));
  const library = page.getByRole('region', { name: 'Library' });
  const documents = library.getByRole('listbox', { name: 'Documents' });
  for (const theme of THEMES) {
    await chooseTheme(page, theme);
    await page.locator('#file-input').setInputFiles({ name: 'empty.md', mimeType: 'text/markdown', buffer: Buffer.alloc(0) });
    await expect(page.getByRole('heading', { name: 'This document is empty' })).toBeVisible();
    await expectNoSeriousViolations(page, `${theme}: empty state`);
    await page.locator('#file-input').setInputFiles({ name: 'pictures.md', mimeType: 'text/markdown', buffer: Buffer.from('# Pictures\n\n![A map](map.png)\n\nText.\n') });
    await expect(page.getByRole('note').filter({ hasText: 'cannot be read from an upload' })).toBeVisible();
    await expectNoSeriousViolations(page, `${theme}: upload notice and image placeholder`);

    await page.getByRole('button', { name: 'Library', exact: true }).click();
    await expect(library).toBeVisible();
    await expect(documents.getByRole('option', { name: /Gone away/ })).toContainText('File missing');
    await documents.getByRole('option', { name: /Pictures/ }).click();
    await expectNoSeriousViolations(page, `${theme}: library`);
    await page.keyboard.press('Delete');
    const question = page.getByRole('alertdialog', { name: /^Remove “Pictures”/ });
    await expect(question).toBeVisible();
    await expectNoSeriousViolations(page, `${theme}: library's Remove question`);
    await page.keyboard.press('Escape');
    await expect(question).toBeHidden();
    await page.keyboard.press('Escape');
    await expect(library).toBeHidden();
  }
});
