/**
 * Keyboard and focus, end to end: popovers that close on Escape however they were opened, the
 * FAQ navigator opening a question folded in <details>, Contents that marks no section while the
 * reader is in the introduction, focus after H and N, next and previous highlight, the sidebar
 * following the reading position, and the anchoring toast's links.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { openReader, serveFile } from './reader-page';

for (const [name, opens] of [
  ['a click', (page: Page, button: string) => page.getByRole('button', { name: button }).click()],
  ['Enter', (page: Page, button: string) => page.getByRole('button', { name: button }).press('Enter')],
] as const) {
  test(`Escape closes Recent and Appearance opened by ${name}, and focus returns to the button`, async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    for (const [button, panel] of [
      ['Recent', '#recent-menu'],
      ['Appearance', '#appearance-panel'],
    ] as const) {
      await opens(page, button);
      await expect(page.locator(panel)).toBeVisible();
      await expect(page.getByRole('button', { name: button })).toHaveAttribute('aria-expanded', 'true');
      await page.keyboard.press('Escape');
      await expect(page.locator(panel)).toBeHidden();
      await expect(page.getByRole('button', { name: button })).toHaveAttribute('aria-expanded', 'false');
      await expect(page.getByRole('button', { name: button })).toBeFocused();
    }
    // From inside the panel too.
    await page.getByRole('button', { name: 'Appearance' }).click();
    await page.getByRole('slider', { name: 'Text size' }).focus();
    await page.keyboard.press('Escape');
    await expect(page.locator('#appearance-panel')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Appearance' })).toBeFocused();
  });
}

test('a FAQ question folded in <details> is opened when chosen from the FAQ navigator', async ({ page }) => {
  const markdown = [
    '# Help',
    'Answers to what people ask.',
    '<details><summary>How do I reset the device?</summary>\n\nHold the button for ten seconds.\n\n</details>',
    '<details><summary>Where is the manual?</summary>\n\nIn the box, under the tray.\n\n</details>',
  ].join('\n\n');
  const { server, cleanup } = await serveFile('help.md', markdown);
  try {
    await openReader(page, server.url);
    const answer = page.getByRole('article').getByText('In the box, under the tray.');
    await expect(answer).toBeHidden();
    await page.getByRole('navigation', { name: 'FAQ' }).getByRole('link', { name: 'Where is the manual?' }).click();
    await expect(answer).toBeVisible();
    await expect(page.getByRole('article').getByText('Where is the manual?')).toBeFocused();
    // The other question stays as it was.
    await expect(page.getByRole('article').getByText('Hold the button for ten seconds.')).toBeHidden();
  } finally {
    await cleanup();
  }
});

test('Contents marks no section while the reader is in the introduction above the first', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const contents = page.getByRole('navigation', { name: 'Contents' });
  const first = page.getByRole('article').getByRole('heading', { name: 'A Historic Visit' });
  // The introduction fills the top of the view; the first section starts below its top quarter.
  await page.locator('#reader').evaluate((reader) => reader.scrollTo({ top: 0 }));
  const [headingTop, quarter] = await first.evaluate((heading) => {
    const reader = document.getElementById('reader')!;
    return [heading.getBoundingClientRect().top, reader.getBoundingClientRect().top + reader.clientHeight / 4];
  });
  expect(headingTop).toBeGreaterThan(quarter);
  await expect(contents.locator('[aria-current]')).toHaveCount(0);
  await first.evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
  await expect(contents.getByRole('link', { name: 'A Historic Visit' })).toHaveAttribute('aria-current', 'location');
  await page.locator('#reader').evaluate((reader) => reader.scrollTo({ top: 0 }));
  await expect(contents.locator('[aria-current]')).toHaveCount(0);
});
