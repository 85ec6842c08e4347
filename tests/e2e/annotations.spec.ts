/**
 * Highlights and notes, end to end in the browser mode: made through the selection toolbar and
 * the keyboard, kept across reloads, re-anchored after the file is edited, orphaned (never lost)
 * when their passage is deleted, and brought back by Undo.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, removeDataDir, startGlossServer, test, type GlossServer } from './gloss-server';
import { noteEditor, openReader, painted, reopen, selectText, serveFile, sidebar, toolbar } from './reader-page';

const SAMPLE = 'assets/articles/000_d802b92d1a2a96bd.txt';
const SENTENCE = 'Putin praised the deal as a “breakthrough document,” reflecting a shared commitment to support each other amid international pressure.';
const EDITED_SENTENCE = SENTENCE.replace('praised', 'hailed');
const NEXT_SENTENCE = 'Kim described the deal as a “Watershed Moment” for bilateral relations.';

/** A server reading a copy of the sample article, so the test can edit the file. */
async function serveCopyOfSample(): Promise<{ server: GlossServer; file: string; cleanup: () => Promise<void> }> {
  return serveFile('article.txt', await readFile(SAMPLE, 'utf8'));
}

test('a highlight and its note survive a reload, follow an edited file, and are orphaned (not lost) when the passage goes', async ({ page }) => {
  const { server, file, cleanup } = await serveCopyOfSample();
  try {
    await openReader(page, server.url);
    await selectText(page, SENTENCE);
    await expect(toolbar(page)).toBeVisible();
    await toolbar(page).getByRole('button', { name: 'Yellow', exact: true }).click();
    expect(await painted(page, 'gloss-yellow')).toEqual([SENTENCE]);

    const item = sidebar(page).getByRole('listitem').filter({ hasText: 'Putin praised the deal' });
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('Yellow');
    await expect(item).toContainText('Important');
    await expect(sidebar(page)).toContainText('1 highlight');

    // Opening the entry opens its note editor; the note saves itself.
    await item.getByRole('button', { name: /^Putin praised the deal/ }).click();
    await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('check this');
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');
    await expect(noteEditor(page)).toBeHidden();
    await expect(item).toContainText('check this');

    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([SENTENCE]);
    await expect.poll(() => painted(page, 'gloss-note')).toEqual([SENTENCE]);
    await expect(item).toContainText('Putin praised the deal as a');
    await expect(item).toContainText('check this');

    // Edit the file: a new paragraph above, and a word changed inside the sentence.
    const original = await readFile(file, 'utf8');
    const edited = original
      .replace('The Breakthrough Agreement\n', 'The Breakthrough Agreement\n\nA paragraph written after the highlight was made, pushing everything below it down.\n')
      .replace(SENTENCE, EDITED_SENTENCE);
    expect(edited).not.toBe(original);
    await writeFile(file, edited);
    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([EDITED_SENTENCE]);
    await expect(page.getByRole('status').filter({ hasText: '1 highlight moved' })).toBeVisible();
    const moved = sidebar(page).getByRole('listitem').filter({ hasText: 'check this' });
    await expect(moved).toContainText('Putin hailed the deal');

    // Delete the sentence: the annotation is kept, under "Orphaned", with its quote and note.
    await writeFile(file, edited.replace(`${EDITED_SENTENCE} `, ''));
    await reopen(page);
    const orphaned = sidebar(page).getByRole('group', { name: 'Orphaned' });
    await expect(orphaned.getByRole('listitem')).toHaveCount(1);
    await expect(orphaned.getByRole('listitem')).toContainText('Putin hailed the deal');
    await expect(orphaned.getByRole('listitem')).toContainText('check this');
    expect(await painted(page, 'gloss-yellow')).toEqual([]);
    await expect(page.getByRole('status').filter({ hasText: 'orphaned' })).toBeVisible();

    // Re-attach it to the next sentence: it leaves "Orphaned" and is painted there.
    await selectText(page, NEXT_SENTENCE);
    await orphaned.getByRole('button', { name: 'Re-attach' }).click();
    await expect(sidebar(page).getByRole('group', { name: 'Orphaned' })).toHaveCount(0);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([NEXT_SENTENCE]);
    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([NEXT_SENTENCE]);
    await expect(sidebar(page).getByRole('listitem').filter({ hasText: 'check this' })).toContainText('Watershed Moment');
  } finally {
    await cleanup();
  }
});

test('Delete offers Undo in a toast, and Ctrl+Z brings a highlight back too', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, NEXT_SENTENCE);
  await toolbar(page).getByRole('button', { name: 'Blue', exact: true }).click();
  const item = sidebar(page).getByRole('listitem').filter({ hasText: 'Watershed Moment' });
  await expect(item).toHaveCount(1);

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);
  expect(await painted(page, 'gloss-blue')).toEqual([]);
  const toast = page.locator('#toast-region').getByText('Highlight deleted');
  await expect(toast).toBeVisible();
  await page.locator('#toast-region').getByRole('button', { name: 'Undo' }).click();
  await expect(item).toHaveCount(1);
  await expect.poll(() => painted(page, 'gloss-blue')).toEqual([NEXT_SENTENCE]);

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);
  // The deletion is undoable once the main side has confirmed it, which its toast says.
  await expect(toast).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(item).toHaveCount(1);
  await expect.poll(() => painted(page, 'gloss-blue')).toEqual([NEXT_SENTENCE]);

  // Undone deletions are durable: still there after a reload.
  await reopen(page);
  await expect(item).toHaveCount(1);
});

test('Ctrl+Z pressed before the main side has confirmed a deletion still brings the highlight back', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, NEXT_SENTENCE);
  await toolbar(page).getByRole('button', { name: 'Green', exact: true }).click();
  const item = sidebar(page).getByRole('listitem').filter({ hasText: 'Watershed Moment' });
  await expect(item).toHaveCount(1);
  // The deletion reaches the server only once Ctrl+Z has been pressed, as on a busy disk.
  let release = () => {};
  const pressed = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/deleteAnnotation', async (route) => {
    await pressed;
    await route.continue();
  });
  const deleted = page.waitForResponse((response) => response.url().endsWith('/api/deleteAnnotation'));

  await item.getByRole('button', { name: 'Delete' }).click();
  await expect(item).toHaveCount(0);
  await page.keyboard.press('Control+z');
  release();
  await deleted;
  await expect(item).toHaveCount(1);
  await expect.poll(() => painted(page, 'gloss-green')).toEqual([NEXT_SENTENCE]);
  // Nothing is left to undo, so no toast offers it.
  await expect(page.locator('#toast-region').getByText('Highlight deleted')).toHaveCount(0);
  await reopen(page);
  await expect(item).toHaveCount(1);
});

test('H and N highlight from the keyboard; overlapping highlights both stay painted; the toolbar works by keyboard', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const first = 'The new strategic partnership has replaced previous agreements from 1961, 2000, and 2001.';
  const overlapping = 'agreements from 1961, 2000, and 2001. It takes mutual assistance in case of an attack';

  await selectText(page, first);
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('h');
  await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([first]);
  await expect(toolbar(page)).toBeHidden();

  // The toolbar by keyboard: Tab reaches it, arrows move, Enter presses.
  await selectText(page, overlapping);
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(toolbar(page).getByRole('button', { name: 'Highlight' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(toolbar(page).getByRole('button', { name: 'Green', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => painted(page, 'gloss-green')).toEqual([overlapping]);
  // The overlap keeps both.
  expect(await painted(page, 'gloss-yellow')).toEqual([first]);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);

  // Green is now the last used color: H uses it.
  await selectText(page, 'Thousands of North Koreans');
  await page.keyboard.press('h');
  await expect.poll(async () => (await painted(page, 'gloss-green')).sort()).toEqual([overlapping, 'Thousands of North Koreans'].sort());

  // N highlights and opens the note editor, focused.
  await selectText(page, NEXT_SENTENCE);
  await page.keyboard.press('n');
  const note = noteEditor(page).getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await page.keyboard.type('A *turning point*, says Kim.');
  await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  await expect(noteEditor(page)).toBeHidden();
  const item = sidebar(page).getByRole('listitem').filter({ hasText: 'Watershed Moment' });
  await expect(item.locator('em')).toHaveText('turning point');
  await expect.poll(() => painted(page, 'gloss-note')).toEqual([NEXT_SENTENCE]);

  // Escape closes the toolbar and leaves the text alone.
  await selectText(page, 'Pyongyang');
  await expect(toolbar(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(toolbar(page)).toBeHidden();

  // A click on a painted highlight opens its note.
  await page.evaluate(() => document.getSelection()?.removeAllRanges());
  const point = await page.evaluate((text) => {
    const ranges = [...(CSS.highlights.get('gloss-yellow') as unknown as Set<Range>)];
    const range = ranges.find((r) => r.toString() === text)!;
    const box = range.getClientRects()[0]!;
    return { x: box.left + 12, y: box.top + box.height / 2 };
  }, first);
  await page.mouse.click(point.x, point.y);
  await expect(noteEditor(page)).toBeVisible();
  await expect(noteEditor(page)).toContainText('The new strategic partnership');
});

test('document notes, tags, filters, colour meanings and color changes', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const panel = sidebar(page);

  await panel.getByRole('button', { name: 'Add document note' }).click();
  await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('Read the **1961 treaty** next.');
  await noteEditor(page).getByRole('textbox', { name: 'Add tag' }).fill('treaty');
  await page.keyboard.press('Enter');
  await expect(noteEditor(page).getByRole('button', { name: 'Remove tag treaty' })).toBeVisible();
  await noteEditor(page).getByRole('button', { name: 'Save' }).click();
  await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
  const notes = panel.getByRole('group', { name: 'Document notes' });
  await expect(notes.getByRole('listitem')).toHaveCount(1);
  await expect(notes.locator('strong')).toHaveText('1961 treaty');
  await expect(notes).toContainText('treaty');

  await selectText(page, SENTENCE);
  await toolbar(page).getByRole('button', { name: 'Pink', exact: true }).click();
  const highlight = panel.getByRole('listitem').filter({ hasText: 'Putin praised the deal' });
  await expect(highlight).toContainText('Doubt');

  // A new meaning for pink shows on the entry.
  await panel.getByRole('button', { name: 'Edit color meanings' }).click();
  await panel.getByRole('textbox', { name: 'Pink' }).fill('Questionable');
  await panel.getByRole('textbox', { name: 'Pink' }).press('Tab');
  await expect(highlight).toContainText('Questionable');

  // Recolor through the editor.
  await highlight.getByRole('button', { name: /^Putin praised the deal/ }).click();
  await noteEditor(page).getByRole('radio', { name: 'Purple' }).click();
  await expect(highlight).toContainText('Purple');
  await expect.poll(() => painted(page, 'gloss-purple')).toEqual([SENTENCE]);
  expect(await painted(page, 'gloss-pink')).toEqual([]);
  await page.keyboard.press('Escape');

  // Filters: by text, by color, by tag.
  await panel.getByRole('searchbox', { name: 'Filter annotations' }).fill('praised');
  await expect(panel.getByRole('listitem').filter({ hasText: 'Putin' })).toHaveCount(1);
  await expect(notes).toHaveCount(0);
  await panel.getByRole('searchbox', { name: 'Filter annotations' }).fill('');
  const tags = panel.getByRole('group', { name: /^Tags/ });
  await tags.getByRole('checkbox', { name: 'treaty' }).check();
  await expect(panel.getByRole('group', { name: 'Document notes' })).toHaveCount(1);
  await expect(highlight).toHaveCount(0);
  await tags.getByRole('checkbox', { name: 'treaty' }).uncheck();
  await panel.getByRole('checkbox', { name: 'Purple: Follow up' }).check();
  await expect(highlight).toHaveCount(1);
  await expect(panel.getByRole('group', { name: 'Document notes' })).toHaveCount(0);

  await reopen(page);
  await expect(panel.getByRole('group', { name: 'Document notes' }).getByRole('listitem')).toHaveCount(1);
  await expect(panel.getByRole('listitem').filter({ hasText: 'Putin praised the deal' })).toContainText('Purple');
  await expect(panel).toContainText('1 highlight · 1 note');
});

test('the annotation views have no serious accessibility violations', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, SENTENCE);
  await toolbar(page).getByRole('button', { name: 'Green', exact: true }).click();
  await selectText(page, NEXT_SENTENCE);
  await expect(toolbar(page)).toBeVisible();
  const withToolbar = await new AxeBuilder({ page }).include('#reader').include('#annotations-panel').analyze();
  await page.keyboard.press('n');
  await expect(noteEditor(page)).toBeVisible();
  const withEditor = await new AxeBuilder({ page }).include('#reader').include('#annotations-panel').analyze();
  const serious = [...withToolbar.violations, ...withEditor.violations].filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
});

test('highlights cross paragraphs, inline formatting, list items, table cells and headings, and are listed by section', async ({ page }) => {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-rich-'));
  const file = join(folder, 'guide.md');
  await writeFile(
    file,
    [
      '# Field guide',
      '## Birds',
      'The **robin** sings _early_ in the morning.',
      '- First item about sparrows\n- Second item about finches',
      '| Bird | Song |\n| --- | --- |\n| Wren | Loud trill |',
      '### Closing words',
      'The end of the guide.',
    ].join('\n\n'),
  );
  const server = await startGlossServer({ args: [file] });
  try {
    await openReader(page, server.url);
    await selectText(page, 'sings', 'Loud');
    await toolbar(page).getByRole('button', { name: 'Purple', exact: true }).click();
    await selectText(page, 'words', 'The end');
    await toolbar(page).getByRole('button', { name: 'Green', exact: true }).click();
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);

    const check = async () => {
      const [across] = await painted(page, 'gloss-purple');
      expect(across).toMatch(/^sings early in the morning\.\s+First item about sparrows\s+Second item about finches\s+Bird\s+Song\s+Wren\s+Loud$/);
      const [heading] = await painted(page, 'gloss-green');
      expect(heading).toMatch(/^words\s+The end$/);
      // The color reaches the text inside inline formatting and table cells too.
      const colors = await page.evaluate(() =>
        ['#article', '#article em', '#article li', '#article td'].map((selector) => getComputedStyle(document.querySelector(selector)!, '::highlight(gloss-purple)').backgroundColor),
      );
      expect(new Set(colors).size, colors.join(' / ')).toBe(1);
      expect(colors[0]).toMatch(/^rgba?\(/);
      expect(colors[0]).not.toBe('rgba(0, 0, 0, 0)');
      // Chromium passes the article's highlight styles on, so they are not given to every element.
      await expect(page.locator('html')).toHaveAttribute('data-highlight-styles', 'inherited');
      await expect(sidebar(page).getByRole('group', { name: 'Birds' }).getByRole('listitem')).toContainText('sings early');
      await expect(sidebar(page).getByRole('group', { name: 'Closing words' }).getByRole('listitem')).toContainText('The end');
    };
    await check();
    await reopen(page);
    await expect.poll(async () => (await painted(page, 'gloss-purple')).length).toBe(1);
    await check();
  } finally {
    await server.stop();
    await removeDataDir(server.dataDir);
    await rm(folder, { recursive: true, force: true });
  }
});

test('a highlight that cannot be saved is unpainted and the reader is told why', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, NEXT_SENTENCE);
  await expect(toolbar(page)).toBeVisible();
  await gloss.stop();
  await toolbar(page).getByRole('button', { name: 'Yellow', exact: true }).click();
  await expect(page.locator('#toast-region')).toContainText('cannot reach its server');
  await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([]);
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(0);
});

test('a mouse drag over a sentence shows the toolbar next to it, and a click elsewhere hides it', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const paragraph = page.getByRole('article').getByText(NEXT_SENTENCE.slice(0, 20), { exact: false });
  await paragraph.scrollIntoViewIfNeeded();
  const ends = await page.evaluate((sentence) => {
    const article = document.getElementById('article')!;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(sentence);
      if (at < 0) continue;
      const box = (offset: number) => {
        const range = document.createRange();
        range.setStart(node!, offset);
        range.setEnd(node!, offset + 1);
        return range.getBoundingClientRect();
      };
      const first = box(at);
      const last = box(at + sentence.length - 1);
      return { from: { x: first.left + 1, y: first.top + first.height / 2 }, to: { x: last.right - 1, y: last.top + last.height / 2 } };
    }
    throw new Error('sentence not found');
  }, NEXT_SENTENCE);
  await page.mouse.move(ends.from.x, ends.from.y);
  await page.mouse.down();
  await page.mouse.move(ends.to.x, ends.to.y, { steps: 8 });
  await page.mouse.up();
  await expect(toolbar(page)).toBeVisible();
  // Next to the selection: its box ends just above (or below) the selected line.
  const bar = (await toolbar(page).boundingBox())!;
  expect(Math.min(Math.abs(bar.y + bar.height - ends.from.y), Math.abs(bar.y - ends.to.y))).toBeLessThan(60);
  await toolbar(page).getByRole('button', { name: 'Highlight' }).click();
  await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([NEXT_SENTENCE]);
  await expect(toolbar(page)).toBeHidden();

  await selectText(page, 'Pyongyang');
  await expect(toolbar(page)).toBeVisible();
  await page.getByRole('heading', { level: 1 }).click();
  await expect(toolbar(page)).toBeHidden();
});
