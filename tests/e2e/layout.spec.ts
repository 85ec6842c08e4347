/**
 * The reading window at every size, end to end: side panels that float over the article where
 * docking them would squeeze it, words never broken, floating toolbars and editors inside the
 * reading area, panels resized by drag and keyboard and remembered, and a line-width setting
 * whose every step shows.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { noteEditor, openReader, selectText, serveFile, sidebar, toolbar } from './reader-page';

const NARROW = { width: 700, height: 900 };

/** The article's text width and one `ch` of its font, in pixels. */
async function measureLine(page: Page): Promise<{ width: number; ch: number }> {
  return page.getByRole('article').evaluate((article) => {
    const style = getComputedStyle(article);
    const width = article.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const probe = document.createElement('span');
    probe.textContent = '0'.repeat(100);
    probe.setAttribute('aria-hidden', 'true');
    article.parentElement!.append(probe);
    probe.style.setProperty('font', style.font);
    probe.style.setProperty('position', 'absolute');
    probe.style.setProperty('white-space', 'nowrap');
    const ch = probe.getBoundingClientRect().width / 100;
    probe.remove();
    return { width, ch };
  });
}

/** Characters a line the article holds. */
async function charsPerLine(page: Page): Promise<number> {
  const { width, ch } = await measureLine(page);
  return width / ch;
}

/** Words of the article's title and first paragraphs that the layout broke across lines. */
async function brokenWords(page: Page): Promise<string[]> {
  return page.getByRole('article').evaluate((article) => {
    const broken: string[] = [];
    for (const block of Array.from(article.querySelectorAll('h1, h2, p')).slice(0, 12)) {
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (const match of node.data.matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  });
}

/** Whether `inner`'s box lies inside `outer`'s (within a pixel). */
async function expectInside(inner: Locator, outer: Locator, what: string): Promise<void> {
  const a = (await inner.boundingBox())!;
  const b = (await outer.boundingBox())!;
  expect(a.x, `${what}: left edge`).toBeGreaterThanOrEqual(b.x - 1);
  expect(a.y, `${what}: top edge`).toBeGreaterThanOrEqual(b.y - 1);
  expect(a.x + a.width, `${what}: right edge`).toBeLessThanOrEqual(b.x + b.width + 1);
  expect(a.y + a.height, `${what}: bottom edge`).toBeLessThanOrEqual(b.y + b.height + 1);
}

const focusIsIn = (locator: Locator) => locator.evaluate((element) => element.contains(document.activeElement));

test.describe('at 700 × 900', () => {
  test.use({ viewport: NARROW });

  test('the panels float over the article instead of squeezing it; Escape, a click outside and a choice close them', async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    const reader = page.getByRole('main', { name: 'Article' });
    const navigation = page.locator('#navigation-panel');
    const contentsButton = page.getByRole('button', { name: 'Contents and FAQ' });
    // Nothing docked: the sidebar is not open by default at this size.
    await expect(sidebar(page)).toBeHidden();
    await expect(navigation).toBeHidden();
    const alone = await charsPerLine(page);
    expect(alone).toBeGreaterThanOrEqual(45);
    const articleBox = await page.getByRole('article').boundingBox();

    await contentsButton.click();
    await expect(navigation).toBeVisible();
    await expect(contentsButton).toHaveAttribute('aria-expanded', 'true');
    // Over the article, which keeps its width and its words whole.
    expect(await page.getByRole('article').boundingBox()).toEqual(articleBox);
    expect(await charsPerLine(page)).toBeCloseTo(alone, 5);
    expect(await brokenWords(page)).toEqual([]);
    expect(await focusIsIn(navigation)).toBe(true);
    // The article behind is out of reach while the panel is over it.
    expect(await reader.evaluate((element) => (element as HTMLElement).inert)).toBe(true);

    await page.keyboard.press('Escape');
    await expect(navigation).toBeHidden();
    await expect(contentsButton).toBeFocused();
    await expect(contentsButton).toHaveAttribute('aria-expanded', 'false');

    await contentsButton.click();
    await page.mouse.click(NARROW.width - 40, NARROW.height / 2);
    await expect(navigation).toBeHidden();

    await contentsButton.click();
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'A Historical Context' }).click();
    await expect(navigation).toBeHidden();
    const heading = page.getByRole('article').getByRole('heading', { name: 'A Historical Context' });
    await expect(heading).toBeFocused();
    await expect(heading).toBeInViewport();

    const annotationsButton = page.getByRole('button', { name: 'Annotations', exact: true });
    await annotationsButton.click();
    await expect(sidebar(page)).toBeVisible();
    expect(await focusIsIn(sidebar(page))).toBe(true);
    await page.keyboard.press('Escape');
    await expect(sidebar(page)).toBeHidden();
    await expect(annotationsButton).toBeFocused();
  });

  test('the selection toolbar and the note editor stay inside the reading area, whole', async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    const reader = page.getByRole('main', { name: 'Article' });
    // A passage ending at the right edge of its line pushes the toolbar towards the edge.
    await selectText(page, 'Kim described the deal as a “Watershed Moment” for bilateral relations.');
    await expect(toolbar(page)).toBeVisible();
    await expectInside(toolbar(page), reader, 'the toolbar');
    await expect(toolbar(page).getByRole('button', { name: 'Copy' })).toBeVisible();
    await expectInside(toolbar(page).getByRole('button', { name: 'Copy' }), reader, 'Copy');

    await page.keyboard.press('n');
    const editor = noteEditor(page);
    await expect(editor).toBeVisible();
    await expectInside(editor, reader, 'the note editor');
    expect((await editor.boundingBox())!.width).toBeGreaterThanOrEqual(320);
    for (const color of ['Yellow', 'Green', 'Blue', 'Pink', 'Purple']) await expectInside(editor.getByRole('radio', { name: color }), editor, `the ${color} swatch`);
    await page.keyboard.press('Escape');

    // Opened from the floating sidebar, the note shows in the article and focus comes back to the button.
    const annotationsButton = page.getByRole('button', { name: 'Annotations', exact: true });
    await annotationsButton.click();
    await sidebar(page).getByRole('button', { name: /^Kim described the deal as a “Watershed Moment”/ }).click();
    await expect(sidebar(page)).toBeHidden();
    await expect(editor.getByRole('textbox', { name: 'Note' })).toBeFocused();
    await expectInside(editor, reader, 'the note editor opened from the sidebar');
    await page.keyboard.press('Escape');
    await expect(annotationsButton).toBeFocused();
  });

  test('the top bar keeps the whole title readable: its buttons wrap to a row of their own, and none leaves the window', async ({ page, gloss }) => {
    await openReader(page, gloss.url);
    const title = page.locator('#document-title');
    await expect(title).toHaveText('Kim Jong Un welcomes Putin in North Korea');
    const cut = await title.evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(cut, 'the title is cut short').toBe(false);
    const bar = (await page.getByRole('banner').boundingBox())!;
    const titleBox = (await title.boundingBox())!;
    for (const name of ['Library', 'Search', 'Open…', 'Recent', 'Appearance', 'Settings', 'Annotations']) {
      const button = (await page.getByRole('banner').getByRole('button', { name, exact: true }).boundingBox())!;
      expect(button.x + button.width, `${name} leaves the window`).toBeLessThanOrEqual(NARROW.width);
      expect(button.y + button.height, `${name} leaves the top bar`).toBeLessThanOrEqual(bar.y + bar.height);
      expect(button.y, `${name} is beside the title`).toBeGreaterThanOrEqual(titleBox.y + titleBox.height);
    }
    // The article starts below the taller bar, not under it.
    const article = (await page.getByRole('main', { name: 'Article' }).boundingBox())!;
    expect(article.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  });
});

test('panels are resized by dragging their edge or by the keyboard, within bounds, and keep their widths', async ({ page, gloss }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openReader(page, gloss.url);
  const navigation = page.locator('#navigation-panel');
  const width = (panel: Locator) => panel.evaluate((element) => Math.round(element.getBoundingClientRect().width));
  const sidebarEdge = page.getByRole('separator', { name: 'Resize Annotations' });
  const navigationEdge = page.getByRole('separator', { name: 'Resize Contents and FAQ' });

  const sidebarBefore = await width(sidebar(page));
  await expect(sidebarEdge).toHaveAttribute('aria-valuenow', String(sidebarBefore));
  await sidebarEdge.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => width(sidebar(page))).toBe(sidebarBefore + 32);
  await expect(sidebarEdge).toHaveAttribute('aria-valuenow', String(sidebarBefore + 32));
  await page.keyboard.press('Home');
  await expect.poll(() => width(sidebar(page))).toBe(Number(await sidebarEdge.getAttribute('aria-valuemin')));
  await page.keyboard.press('End');
  const widest = Number(await sidebarEdge.getAttribute('aria-valuemax'));
  await expect.poll(() => width(sidebar(page))).toBe(widest);
  // As wide as it goes, the article still holds 45 characters a line.
  expect(await charsPerLine(page)).toBeGreaterThanOrEqual(45);
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => width(sidebar(page))).toBe(widest - 64);

  const navigationBefore = await width(navigation);
  const edge = (await navigationEdge.boundingBox())!;
  await page.mouse.move(edge.x + edge.width / 2, edge.y + 200);
  await page.mouse.down();
  await page.mouse.move(edge.x + edge.width / 2 + 30, edge.y + 200, { steps: 3 });
  await page.mouse.move(edge.x + edge.width / 2 + 60, edge.y + 200, { steps: 3 });
  const stored = page.waitForResponse((response) => response.url().endsWith('/api/updateSettings') && response.request().postData()?.includes('navigationWidth') === true);
  await page.mouse.up();
  await expect.poll(() => width(navigation)).toBe(navigationBefore + 60);
  await stored;

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await expect.poll(() => width(sidebar(page))).toBe(widest - 64);
  await expect.poll(() => width(navigation)).toBe(navigationBefore + 60);
});

for (const size of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`at ${size.width} px every step of the line width slider changes the article's width`, async ({ page, gloss }) => {
    await page.setViewportSize(size);
    await openReader(page, gloss.url);
    await page.getByRole('button', { name: 'Appearance' }).click();
    const slider = page.getByRole('slider', { name: 'Line width' });
    const articleWidth = () => page.getByRole('article').evaluate((article) => article.getBoundingClientRect().width);
    const max = Number(await slider.getAttribute('max'));
    const min = Number(await slider.getAttribute('min'));
    const widths: number[] = [];
    for (const value of [min, Math.round((min + max) / 4) * 2, max - 2, max]) {
      await slider.fill(String(value));
      await expect(slider).toHaveValue(String(value));
      widths.push(await articleWidth());
    }
    // Each wider setting gives a wider article, up to the slider's end: none is lost to the column.
    for (let i = 1; i < widths.length; i++) expect(widths[i]!, `${widths.join(' < ')}`).toBeGreaterThan(widths[i - 1]!);
    // And the slider ends where the column does: at its end the line is within a step of filling it.
    const column = await page.getByRole('main', { name: 'Article' }).evaluate((reader) => reader.clientWidth);
    const { ch } = await measureLine(page);
    expect(widths.at(-1)!).toBeLessThanOrEqual(column);
    expect(widths.at(-1)!).toBeGreaterThan(column - 3 * ch);
  });
}

/** An article of 219 section headings three levels deep (3 parts × 8 chapters × 8 sections), then five FAQ questions. */
function longOutline(): string {
  const lines = ['# The Long Manual', 'An introduction before the first part.'];
  for (let p = 1; p <= 3; p++) {
    lines.push(`## Part ${p}`, `Opening words of part ${p}.`);
    for (let c = 1; c <= 8; c++) {
      lines.push(`### Chapter ${p}.${c}`, `What chapter ${p}.${c} covers.`);
      for (let s = 1; s <= 8; s++) {
        // Each section taller than a quarter of the view, so the one at the top is the one read.
        const paragraph = `The text of section ${p}.${c}.${s}, long enough to be read as a paragraph of its own. `.repeat(4);
        lines.push(`#### Section ${p}.${c}.${s}`, paragraph, paragraph);
      }
    }
  }
  for (let q = 1; q <= 5; q++) lines.push(`<details><summary>Question number ${q}?</summary>\n\nAnswer number ${q}.\n\n</details>`);
  return lines.join('\n\n');
}

test('Contents and the FAQ each have their own region: 219 headings fold by level and never bury the FAQ', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const { server, cleanup } = await serveFile('manual.md', longOutline());
  try {
    await openReader(page, server.url);
    const contents = page.getByRole('navigation', { name: 'Contents' });
    const faq = page.getByRole('navigation', { name: 'FAQ' });
    const visibleLinks = () => contents.getByRole('link').evaluateAll((links) => links.filter((link) => (link as HTMLElement).offsetParent !== null).length);
    // The FAQ is in view beside a long Contents, with all its questions.
    await expect(faq.getByRole('link')).toHaveCount(5);
    await expect(faq.getByRole('link', { name: 'Question number 1?' })).toBeInViewport();
    // A long outline opens as an overview: parts and chapters, the sections folded.
    const depth = contents.getByRole('combobox', { name: 'Show headings down to' });
    await expect(depth).toHaveValue('2');
    expect(await visibleLinks()).toBe(3 + 24);
    await depth.selectOption({ label: 'Top level only' });
    expect(await visibleLinks()).toBe(3);
    await depth.selectOption({ label: 'All levels' });
    expect(await visibleLinks()).toBe(219);
    // The Contents scrolls in its own box; the panel itself does not.
    const box = page.locator('#contents-body');
    expect(await box.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
    expect(await page.locator('#navigation-panel').evaluate((panel) => panel.scrollHeight <= panel.clientHeight)).toBe(true);
    await expect(faq.getByRole('link', { name: 'Question number 1?' })).toBeInViewport();

    // One branch folds and opens by its own button.
    await depth.selectOption({ label: 'Top level only' });
    const partTwo = contents.getByRole('button', { name: 'Subsections of Part 2' });
    await expect(partTwo).toHaveAttribute('aria-expanded', 'false');
    await partTwo.click();
    await expect(partTwo).toHaveAttribute('aria-expanded', 'true');
    expect(await visibleLinks()).toBe(3 + 8);
    await expect(contents.getByRole('link', { name: 'Chapter 2.5' })).toBeVisible();

    // Reading deep in the last part: the section read is marked and kept in view in the Contents;
    // folded away, the nearest heading that shows above it is marked instead.
    await page.getByRole('article').getByRole('heading', { name: 'Section 3.7.4' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect(contents.getByRole('link', { name: 'Part 3' })).toHaveAttribute('aria-current', 'location');
    await depth.selectOption({ label: 'All levels' });
    const marked = contents.getByRole('link', { name: 'Section 3.7.4' });
    await expect(marked).toHaveAttribute('aria-current', 'location');
    const inside = async () => {
      const link = (await marked.boundingBox())!;
      const region = (await box.boundingBox())!;
      return link.y >= region.y && link.y + link.height <= region.y + region.height;
    };
    await expect.poll(inside).toBe(true);

    // Folding the whole Contents gives its room to the FAQ.
    const faqHeight = (await page.locator('#faq-body').boundingBox())!.height;
    await contents.getByRole('button', { name: 'Contents' }).click();
    await expect(box).toBeHidden();
    await expect.poll(async () => (await page.locator('#faq-body').boundingBox())!.height).toBeGreaterThanOrEqual(faqHeight);
  } finally {
    await cleanup();
  }
});
