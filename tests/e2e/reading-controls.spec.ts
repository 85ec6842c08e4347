/**
 * The reading controls of the Appearance panel, end to end: typeface (OpenDyslexic bundled),
 * paragraph spacing, margins, justification in the document's language, reading speed and the
 * time-left readout, all by keyboard and all remembered; the OS's reduced motion and increased
 * contrast; and axe on the views these change, in the three themes.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { noteEditor, openReader, reopen, selectText, serveFile, sidebar, toolbar } from './reader-page';

const articleStyle = (page: Page, property: string) => page.getByRole('article').evaluate((article, name) => getComputedStyle(article).getPropertyValue(name), property);
const paragraphStyle = (page: Page, property: string) =>
  page.getByRole('article').locator('p').nth(1).evaluate((paragraph, name) => getComputedStyle(paragraph).getPropertyValue(name), property);

test('typeface, paragraph spacing, margins, justification and reading speed work by keyboard and are remembered', async ({ page, gloss }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await openReader(page, gloss.url);
  await page.getByRole('button', { name: 'Appearance' }).press('Enter');
  const panel = page.getByRole('group', { name: 'Appearance' });

  // Typeface: a radio group; the arrow keys move along it.
  const typefaces = panel.getByRole('group', { name: 'Typeface' }).getByRole('radio');
  await expect(typefaces).toHaveCount(4);
  await panel.getByRole('radio', { name: 'Serif', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: 'Sans-serif' })).toBeChecked();
  expect(await articleStyle(page, 'font-family')).toContain('sans-serif');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(panel.getByRole('radio', { name: 'OpenDyslexic' })).toBeChecked();
  expect(await articleStyle(page, 'font-family')).toMatch(/^OpenDyslexic/);
  // The bundled font loads from the app itself (the CSP allows only 'self').
  await expect.poll(() => page.evaluate(() => document.fonts.check('16px OpenDyslexic') && [...document.fonts].some((face) => face.family === 'OpenDyslexic' && face.status === 'loaded'))).toBe(true);

  // Sliders: labelled, stepped by the arrow keys.
  const spacing = panel.getByRole('slider', { name: 'Paragraph spacing' });
  const before = parseFloat(await paragraphStyle(page, 'margin-bottom'));
  await spacing.focus();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(spacing).toHaveValue('15');
  await expect(spacing).toHaveAttribute('aria-valuetext', '1.5 em');
  expect(parseFloat(await paragraphStyle(page, 'margin-bottom'))).toBeCloseTo(before * 1.5, 0);

  const margins = panel.getByRole('slider', { name: 'Margins' });
  await margins.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(margins).toHaveValue('48');
  expect(await articleStyle(page, 'padding-left')).toBe('48px');

  const speed = panel.getByRole('slider', { name: 'Reading speed' });
  const readout = page.locator('#time-left');
  const minutes = async () => Number(/(\d+) min left in the article/.exec((await readout.textContent()) ?? '')?.[1]);
  const atDefault = await minutes();
  await speed.focus();
  await page.keyboard.press('End');
  await expect(speed).toHaveValue('600');
  await expect.poll(minutes).toBeLessThan(atDefault);
  await expect(readout).toHaveAttribute('title', /600 words a minute/);

  // Justification: a checkbox; hyphenation in the article's language, as far as the engine can.
  const justify = panel.getByRole('checkbox', { name: 'Justify and hyphenate' });
  await justify.focus();
  await page.keyboard.press('Space');
  await expect(justify).toBeChecked();
  expect(await paragraphStyle(page, 'text-align')).toBe('justify');
  expect(await paragraphStyle(page, 'hyphens')).toBe('auto');
  await expect(page.getByRole('article')).toHaveAttribute('lang', /^en/);
  // What the panel says about hyphenation is what this engine does: measured here independently.
  const hyphenates = await page.evaluate(() => {
    const box = document.createElement('p');
    box.lang = 'en';
    box.textContent = 'internationalization';
    document.body.append(box);
    box.style.setProperty('hyphens', 'auto');
    box.style.setProperty('width', '5em');
    box.style.setProperty('position', 'absolute');
    const fits = box.scrollWidth <= box.clientWidth + 1;
    box.remove();
    return fits;
  });
  await expect(panel).toContainText(hyphenates ? 'Long words are hyphenated' : 'no hyphenation dictionary');

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  await page.getByRole('button', { name: 'Appearance' }).click();
  await expect(panel.getByRole('radio', { name: 'OpenDyslexic' })).toBeChecked();
  await expect(spacing).toHaveValue('15');
  await expect(margins).toHaveValue('48');
  await expect(speed).toHaveValue('600');
  await expect(justify).toBeChecked();
  expect(await paragraphStyle(page, 'text-align')).toBe('justify');
});

test('the time left beside the title counts the words after the reading position, at the reading speed', async ({ page }) => {
  const paragraph = 'word '.repeat(240).trim();
  const markdown = ['# Timing', paragraph, '## First', paragraph, paragraph, '## Second', paragraph, paragraph, paragraph].join('\n\n');
  const { server, cleanup } = await serveFile('timing.md', markdown);
  try {
    await openReader(page, server.url);
    const readout = page.locator('#time-left');
    // Six paragraphs of 240 words (and three of headings), at 240 words a minute; no section yet in the introduction.
    await expect(readout).toHaveText('6 min left in the article');
    await page.getByRole('article').getByRole('heading', { name: 'Second' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect(readout).toHaveText('3 min left in this section · 3 min left in the article');
    await page.getByRole('article').getByRole('heading', { name: 'First' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await expect(readout).toHaveText('2 min left in this section · 5 min left in the article');
    await page.locator('#reader').evaluate((reader) => reader.scrollTo({ top: reader.scrollHeight }));
    await expect(readout).toHaveText('0 min left in this section · 0 min left in the article');
    await expect(page.getByRole('progressbar', { name: 'Reading progress' })).toHaveAccessibleDescription(/left in the article/);
  } finally {
    await cleanup();
  }
});

test('an article is marked up in the language its front matter names, else the app\'s', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('lingua.md', '---\nlang: pt_BR\n---\n\n# Língua\n\nUma frase em português.\n');
  try {
    await openReader(page, server.url);
    await expect(page.getByRole('article')).toHaveAttribute('lang', 'pt-BR');
    // Without front matter the article is in the window's language (this Chromium's: English).
    await write('# Língua\n\nUma frase.\n');
    await reopen(page);
    await expect(page.getByRole('article')).toHaveAttribute('lang', /^en/);
  } finally {
    await cleanup();
  }
});

test('with reduced motion asked for, jumps are instant and nothing flashes', async ({ page, gloss }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openReader(page, gloss.url);
  const reader = page.locator('#reader');
  // Instant: the heading is at the top in the same task as the click.
  const top = await page.evaluate(() => {
    const link = [...document.querySelectorAll('a')].find((a) => a.textContent === 'A Historical Context')!;
    link.click();
    const heading = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'A Historical Context')!;
    return heading.getBoundingClientRect().top - document.getElementById('reader')!.getBoundingClientRect().top;
  });
  expect(Math.abs(top)).toBeLessThan(60);
  await selectText(page, 'Kim described the deal as a “Watershed Moment” for bilateral relations.');
  await toolbar(page).getByRole('button', { name: 'Blue', exact: true }).click();
  await reader.evaluate((element) => element.scrollTo({ top: 0 }));
  await sidebar(page).getByRole('button', { name: /^Kim described the deal as a “Watershed Moment”/ }).click();
  await expect(noteEditor(page)).toBeVisible();
  expect(await page.evaluate(() => (CSS.highlights.get('gloss-flash') as unknown as Set<Range>).size)).toBe(0);
  // And no animation runs on the floating parts.
  expect(await noteEditor(page).evaluate((editor) => getComputedStyle(editor).animationName)).toBe('none');
});

/** WCAG contrast ratio of two CSS colors (rgb/rgba of an opaque text over its background). */
function contrast(foreground: string, background: string): number {
  const channels = (color: string) => (color.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const luminance = (color: string) => {
    const [r, g, b] = channels(color).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

test('with more contrast asked for, muted text and borders are stronger in every theme; forced colors keep highlights visible', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, 'Kim described the deal as a “Watershed Moment” for bilateral relations.');
  await toolbar(page).getByRole('button', { name: 'Yellow', exact: true }).click();
  const muted = () =>
    page.evaluate(() => {
      const time = document.querySelector('#annotations-panel time')!;
      return [getComputedStyle(time).color, getComputedStyle(document.getElementById('annotations-panel')!).backgroundColor];
    });
  for (const theme of ['Light', 'Sepia', 'Dark']) {
    await page.getByRole('button', { name: 'Appearance' }).click();
    await page.getByRole('radio', { name: theme }).check();
    await page.keyboard.press('Escape');
    await page.emulateMedia({ contrast: 'no-preference' });
    const [normalText, normalBackground] = await muted();
    await page.emulateMedia({ contrast: 'more' });
    const [moreText, moreBackground] = await muted();
    expect(contrast(moreText!, moreBackground!), theme).toBeGreaterThan(contrast(normalText!, normalBackground!));
    expect(contrast(moreText!, moreBackground!), theme).toBeGreaterThanOrEqual(7);
  }
  await page.emulateMedia({ contrast: 'no-preference', forcedColors: 'active' });
  const [highlight, mark] = await page.evaluate(() => {
    const probe = document.createElement('span');
    document.body.append(probe);
    probe.style.setProperty('background-color', 'Mark');
    const system = getComputedStyle(probe).backgroundColor;
    probe.remove();
    return [getComputedStyle(document.getElementById('article')!, '::highlight(gloss-yellow)').backgroundColor, system];
  });
  expect(highlight).toBe(mark);
});

for (const theme of ['Light', 'Sepia', 'Dark']) {
  test(`axe finds nothing serious on the panels, the Appearance popover, the sidebar and the note editor (${theme})`, async ({ page, gloss }) => {
    await page.setViewportSize({ width: 700, height: 900 });
    await openReader(page, gloss.url);
    const audit = async (what: string) => {
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
      expect(serious.map((v) => `${what}: ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
    };
    await page.getByRole('button', { name: 'Appearance' }).click();
    await page.getByRole('radio', { name: theme }).check();
    await audit('Appearance');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Contents and FAQ' }).click();
    await audit('floating Contents');
    await page.keyboard.press('Escape');
    await selectText(page, 'Kim described the deal as a “Watershed Moment” for bilateral relations.');
    await page.keyboard.press('n');
    await expect(noteEditor(page)).toBeVisible();
    await audit('note editor');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Annotations', exact: true }).click();
    await audit('floating sidebar');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(sidebar(page)).toBeVisible();
    await audit('docked panels');
  });
}
