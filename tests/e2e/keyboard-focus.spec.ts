/**
 * Keyboard and focus, end to end: popovers that close on Escape however they were opened, the
 * FAQ navigator opening a question folded in <details>, Contents that marks no section while the
 * reader is in the introduction, focus after H and N, next and previous highlight, the sidebar
 * following the reading position, and the anchoring toast's links.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { noteEditor, openReader, painted, selectText, serveFile, sidebar, toolbar } from './reader-page';

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

/** Whether the reading pane draws a focus ring around itself (an outline or an inset frame of its own). */
async function paneFramed(page: Page): Promise<boolean> {
  return page.getByRole('main', { name: 'Article' }).evaluate((reader) => {
    const style = getComputedStyle(reader);
    return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
  });
}

/** The text of the ranges painted in a CSS highlight. */
const paintedIn = (page: Page, name: string) => painted(page, name);

test('after H the keyboard is on the new highlight, after N in its note; the pane never gets a focus frame', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const reader = page.getByRole('main', { name: 'Article' });
  const first = 'The new strategic partnership has replaced previous agreements from 1961, 2000, and 2001.';
  await reader.click({ position: { x: 5, y: 5 } });
  await selectText(page, first);
  await page.keyboard.press('h');
  await expect.poll(() => paintedIn(page, 'gloss-yellow')).toEqual([first]);
  // Focus stays in the reading view, marked on the highlight rather than around the pane.
  await expect(reader).toBeFocused();
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([first]);
  expect(await paneFramed(page)).toBe(false);

  await selectText(page, NEXT);
  await page.keyboard.press('n');
  const note = noteEditor(page).getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await page.keyboard.type('A turning point.');
  await page.keyboard.press('Escape');
  await expect(noteEditor(page)).toBeHidden();
  await expect(reader).toBeFocused();
  expect(await paneFramed(page)).toBe(false);
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([NEXT]);
  // Escape once more lets go of the highlight.
  await page.keyboard.press('Escape');
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([]);
});

const NEXT = 'Kim described the deal as a “Watershed Moment” for bilateral relations.';

test('J and K move through the highlights, Enter opens one; the sidebar marks the entry on screen and has the same arrows', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const passages = [
    'Putin arrived around noon for a welcome event',
    NEXT,
    'Putin presented Kim with a Russian-made Aurus limousine',
  ];
  for (const passage of passages) {
    await selectText(page, passage);
    await toolbar(page).getByRole('button', { name: 'Green', exact: true }).click();
  }
  await expect(sidebar(page).getByRole('listitem')).toHaveCount(3);
  const entry = (text: string) => sidebar(page).getByRole('listitem').filter({ hasText: text.slice(0, 30) });
  const reader = page.getByRole('main', { name: 'Article' });
  await reader.evaluate((element) => element.scrollTo({ top: 0 }));
  await reader.focus();
  await page.keyboard.press('Escape');

  await page.keyboard.press('j');
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([passages[0]]);
  await expect(entry(passages[0]!)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([passages[1]]);
  await expect(entry(passages[1]!)).toHaveAttribute('aria-current', 'true');
  await expect(entry(passages[0]!)).not.toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([passages[1]]);
  const onScreen = () =>
    page.evaluate(() => {
      const range = [...(CSS.highlights.get('gloss-current') as unknown as Set<Range>)][0]!;
      const rect = range.getBoundingClientRect();
      const view = document.getElementById('reader')!.getBoundingClientRect();
      return rect.top >= view.top && rect.bottom <= view.bottom;
    });
  await expect.poll(onScreen).toBe(true);
  await page.keyboard.press('Enter');
  await expect(noteEditor(page)).toBeVisible();
  await expect(noteEditor(page)).toContainText('Watershed Moment');
  await page.keyboard.press('Escape');
  await expect(reader).toBeFocused();

  // Scrolling the article by hand: the sidebar follows what is on screen.
  await page.keyboard.press('Escape');
  await page.getByRole('article').getByText(passages[2]!.slice(0, 30)).evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await expect(entry(passages[2]!)).toHaveAttribute('aria-current', 'true');

  // The sidebar's arrows do what J and K do.
  await sidebar(page).getByRole('button', { name: 'Previous highlight' }).click();
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([passages[1]]);
  await sidebar(page).getByRole('button', { name: 'Next highlight' }).click();
  await expect.poll(() => paintedIn(page, 'gloss-current')).toEqual([passages[2]]);
});

const WINDS = 'the westerly winds bring clouds in from the ocean';
const FIELD_NOTES = [
  '# Field notes',
  'Rain falls mostly in autumn, when the westerly winds bring clouds in from the ocean and the valley fills with fog for days.',
  'At the market on Saturday she bought a tea set for her mother, and a basket of plums for the road home.',
  ...Array.from({ length: 12 }, (_, i) => `Observation number ${i + 1} of the season, written down the evening it was made.`),
].join('\n\n');

test('the anchoring toast links to Needs review and Orphaned; the sidebar header stays in view and no count splits', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  const { server, write, cleanup } = await serveFile('field-notes.md', FIELD_NOTES);
  try {
    await openReader(page, server.url);
    for (const passage of [WINDS, 'a tea set', ...Array.from({ length: 12 }, (_, i) => `Observation number ${i + 1} of the season`)]) {
      await selectText(page, passage);
      await page.keyboard.press('h');
    }
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(14);
    await write(FIELD_NOTES.replace(WINDS, 'the western winds carry clouds in off the ocean').replace('a tea set', 'a tea service'));
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');

    const toast = page.locator('#toast-region');
    // The words above the highlights moved them; the two that need the reader link to their groups.
    await expect(toast).toContainText('highlights moved, 1 needs review, 1 orphaned');
    await toast.getByRole('button', { name: '1 needs review' }).click();
    const reviewHeading = sidebar(page).getByRole('heading', { name: 'Needs review' });
    await expect(reviewHeading).toBeFocused();
    await expect(reviewHeading).toBeInViewport();

    // Scrolled to its end, the list still shows its header, counts and filters above it.
    const panel = page.locator('#annotations-panel');
    await panel.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    const panelBox = (await panel.boundingBox())!;
    for (const part of [sidebar(page).getByRole('heading', { name: 'Annotations' }), sidebar(page).getByRole('searchbox', { name: 'Filter annotations' }), sidebar(page).getByText(/14 highlights/)]) {
      const box = (await part.boundingBox())!;
      expect(box.y).toBeGreaterThanOrEqual(panelBox.y);
      expect(box.y + box.height).toBeLessThan(panelBox.y + 200);
    }
    // Each count keeps its number and its words on one line.
    const lines = await sidebar(page).locator('#annotations-counts').evaluate((counts) => {
      const text = counts.textContent ?? '';
      const walker = document.createTreeWalker(counts, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
      const at = (offset: number) => {
        let seen = 0;
        for (const node of nodes) {
          if (offset <= seen + node.length) return { node, offset: offset - seen };
          seen += node.length;
        }
        throw new Error('past the end');
      };
      return text.split(' · ').map((part) => {
        const start = at(text.indexOf(part));
        const end = at(text.indexOf(part) + part.length);
        const range = document.createRange();
        range.setStart(start.node, start.offset);
        range.setEnd(end.node, end.offset);
        return [part, new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size] as const;
      });
    });
    expect(lines.map(([part]) => part)).toEqual(['14 highlights', '0 notes', '1 needs review', '1 orphaned']);
    expect(lines.filter(([, count]) => count !== 1)).toEqual([]);

    // The passage under review deleted in a later edit: its link goes to the Orphaned group the same way.
    await write(FIELD_NOTES.replace(/^Rain falls.*$/m, '').replace('a tea set', 'a tea service'));
    await page.reload();
    await page.locator('#toast-region').getByRole('button', { name: '1 orphaned' }).click();
    const orphanedHeading = sidebar(page).getByRole('heading', { name: 'Orphaned' });
    await expect(orphanedHeading).toBeFocused();
    await expect(orphanedHeading).toBeInViewport();
  } finally {
    await cleanup();
  }
});
