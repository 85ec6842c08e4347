/**
 * `npm run screenshot`: starts the browser mode on a fresh data folder, highlights a few
 * passages of the sample article through the real UI, and saves the README's screenshots to
 * assets/screenshots/. Run it after changing how the reading view looks.
 */
import { chromium, type Page } from '@playwright/test';
import { removeDataDir, startGlossServer } from './gloss-server';
import config from '../../playwright.config';

const OUT = 'assets/screenshots';
const WIDE = { width: 1440, height: 900 };
const NARROW = { width: 700, height: 900 };

/** Selects the text `phrase` inside the article, as a reader's drag would. */
async function selectPhrase(page: Page, phrase: string): Promise<void> {
  await page.evaluate((text) => {
    const article = document.getElementById('article') as HTMLElement;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(text);
      if (at >= 0) {
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        const selection = window.getSelection() as Selection;
        selection.removeAllRanges();
        selection.addRange(range);
        const rect = range.getBoundingClientRect();
        article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: rect.right, clientY: rect.bottom }));
        return;
      }
    }
    throw new Error(`phrase not found: ${text}`);
  }, phrase);
}

async function main(): Promise<void> {
  const server = await startGlossServer();
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage({ viewport: WIDE, deviceScaleFactor: 1 });
    await page.goto(server.url);
    await page.locator('html[data-ready="true"]').waitFor();
    const highlights: Array<[string, string, string?]> = [
      ['assuring mutual defense along with deeper cooperation across various sectors', 'Yellow', 'The core of the deal: **mutual defense**.'],
      ['marks a dramatic elevation in relations between the two nations', 'Green'],
      ['The new strategic partnership has replaced previous agreements from 1961, 2000, and 2001.', 'Blue', 'Check the 1961 treaty text.'],
      ['remain subjects of rumor', 'Pink'],
    ];
    for (const [phrase, color, note] of highlights) {
      await selectPhrase(page, phrase);
      const toolbar = page.getByRole('toolbar', { name: 'Annotate' });
      await toolbar.getByRole('button', { name: color, exact: true }).click();
      await page.getByRole('list').filter({ hasText: phrase.slice(0, 30) }).first().waitFor();
      if (note) {
        // Clicking the new entry in the sidebar opens its note editor.
        await page.getByRole('complementary', { name: 'Annotations' }).getByText(phrase.slice(0, 30)).click();
        const editor = page.getByRole('textbox', { name: 'Note' });
        await editor.fill(note);
        await page.getByRole('button', { name: 'Save' }).click();
      }
      await page.keyboard.press('Escape');
    }
    await page.evaluate(() => window.getSelection()?.removeAllRanges());
    await page.locator('#reader').evaluate((reader) => reader.scrollTo({ top: 0 }));
    await page.waitForTimeout(300);
    const shots: string[] = [];
    const shoot = async (name: string) => {
      await page.waitForTimeout(400);
      await page.screenshot({ path: `${OUT}/${name}.png` });
      shots.push(`${OUT}/${name}.png`);
    };
    await shoot('reading-view');
    // A half-screen window: the side panels float over the article instead of squeezing it.
    await page.setViewportSize(NARROW);
    await shoot('reading-view-narrow');
    await page.getByRole('button', { name: 'Appearance' }).click();
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.keyboard.press('Escape');
    await shoot('reading-view-narrow-dark');
    await page.setViewportSize(WIDE);
    await page.getByRole('navigation', { name: 'FAQ' }).getByRole('link').nth(1).click();
    await shoot('reading-view-dark');
    console.log(`saved ${shots.join(', ')}`);
  } finally {
    await browser.close();
    await server.stop();
    await removeDataDir(server.dataDir);
  }
}

void main();
