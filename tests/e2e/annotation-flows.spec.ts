/**
 * Annotation flows that forgive mistakes, end to end in the browser mode: every change undone
 * and redone, a highlight moved to another passage, a document note that exists only once
 * written, tags without a doubled '#', renamed and merged across the library and filtered
 * together, true times, a note editor that leaves its passage in view, and sidebar actions that
 * say what they act on.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, removeDataDir, startGlossServer, test } from './gloss-server';
import { highlightText, noteEditor, openReader, painted, reopen, selectText, serveFile, sidebar, toolbar } from './reader-page';
import { RIVERS, WEATHER, WINDS, WINDS_NOW } from './weather-article';

const MARKET = [
  '# Market day',
  'At the market on Saturday she bought a tea set for her mother, and a basket of plums for the road home.',
  'On the way back the rain started, and they sheltered under the bridge until it stopped.',
  'The plums were gone before they reached the village, and nobody admitted to eating them.',
].join('\n\n');
const TEA = 'a tea set';
const PLUMS = 'a basket of plums';
const RAIN = 'the rain started';
const BRIDGE = 'they sheltered under the bridge';

function toasts(page: Page) {
  return page.locator('#toast-region');
}

function card(page: Page, text: string) {
  return sidebar(page).getByRole('listitem').filter({ hasText: text });
}

/** The tags a card shows are exactly `tags`, each one word for word (the '#' before each is decoration). */
/** Gives the highlight of `text` the tags typed as `tags` in its note editor, as a reader does. */
async function tagHighlight(page: Page, text: string, tags: string): Promise<void> {
  await card(page, text).getByRole('button', { name: new RegExp(`^${text}`) }).click();
  await noteEditor(page).getByRole('textbox', { name: 'Add tag' }).fill(tags);
  await page.keyboard.press('Enter');
  await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
  await page.keyboard.press('Escape');
}

async function expectTags(page: Page, text: string, tags: string[]): Promise<void> {
  const entry = card(page, text);
  for (const tag of tags) await expect(entry.getByText(tag, { exact: true })).toBeVisible();
  await expect(entry.getByText(/^Tags:/)).toHaveCount(1);
  await expect(entry.getByText(/^Tags:/).locator('xpath=..')).toHaveText(`Tags: ${tags.join('')}`);
}

function highlight(page: Page, text: string, color = 'Yellow'): Promise<void> {
  return highlightText(page, text, color);
}

/** The stored annotations of every document in a data folder. */
async function stored(dataDir: string): Promise<Array<{ note: string; tags: string[]; color: string | null; createdAt: string; updatedAt: string; target: { quote: { exact: string } } | null }>> {
  const folder = join(dataDir, 'annotations');
  const files = (await readdir(folder)).filter((name) => name.endsWith('.json'));
  const all = await Promise.all(files.map(async (name) => JSON.parse(await readFile(join(folder, name), 'utf8')).annotations));
  return all.flat();
}

test('every change is undone by Ctrl+Z and redone by Ctrl+Shift+Z or Ctrl+Y, one note-editing session a step', async ({ page }) => {
  const { server, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    const reader = page.getByRole('main', { name: 'Article' });

    // Creating a highlight is undone and redone.
    await highlight(page, TEA);
    await reader.focus();
    await page.keyboard.press('Control+z');
    await expect(card(page, TEA)).toHaveCount(0);
    expect(await painted(page, 'gloss-yellow')).toEqual([]);
    await expect(toasts(page)).toContainText('Undone');
    await page.keyboard.press('Control+Shift+z');
    await expect(card(page, TEA)).toHaveCount(1);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([TEA]);

    // A color change.
    await card(page, TEA).getByRole('button', { name: new RegExp(`^${TEA}`) }).click();
    await noteEditor(page).getByRole('radio', { name: 'Green' }).click();
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([TEA]);
    await page.keyboard.press('Escape');
    await reader.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([TEA]);
    await page.keyboard.press('Control+y');
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([TEA]);

    // A note typed in one sitting, keystroke by keystroke, and a tag: one step.
    await card(page, TEA).getByRole('button', { name: new RegExp(`^${TEA}`) }).click();
    const note = noteEditor(page).getByRole('textbox', { name: 'Note' });
    await note.pressSequentially('for mum');
    await noteEditor(page).getByRole('textbox', { name: 'Add tag' }).fill('gift');
    await page.keyboard.press('Enter');
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');
    await expect(card(page, TEA)).toContainText('for mum');
    await reader.focus();
    await page.keyboard.press('Control+z');
    await expect(card(page, TEA)).not.toContainText('for mum');
    await expect(card(page, TEA)).not.toContainText('gift');
    // The step before it was the color change, not part of the typing.
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([TEA]);
    await page.keyboard.press('Control+Shift+z');
    await expect(card(page, TEA)).toContainText('for mum');
    await expect(card(page, TEA)).toContainText('gift');

    // Re-attaching (now possible for any highlight) is undone: the highlight goes back.
    await selectText(page, PLUMS);
    await card(page, TEA).getByRole('button', { name: /Re-attach/ }).click();
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([PLUMS]);
    await reader.focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([TEA]);
    await expect(card(page, TEA)).toContainText('for mum');

    // Undone and redone changes are durable: what a reload shows is the last state.
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([PLUMS]);
    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-green')).toEqual([PLUMS]);
    await expect(card(page, PLUMS)).toContainText('for mum');
    const [annotation] = await stored(server.dataDir);
    expect(annotation).toMatchObject({ note: 'for mum', tags: ['gift'], color: 'green', target: { quote: { exact: PLUMS } } });
  } finally {
    await cleanup();
  }
});

test('while the library covers the document, Ctrl+Z and H leave the hidden highlights alone', async ({ page }) => {
  const { server, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, TEA);
    await highlight(page, RAIN, 'Green');
    await selectText(page, BRIDGE);
    await page.keyboard.press('Control+Shift+L');
    const library = page.getByRole('region', { name: 'Library' });
    await expect(library).toBeVisible();
    await library.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
    await page.keyboard.press('Control+z');
    await page.keyboard.press('h');
    await page.keyboard.press('Escape');
    await expect(library).toBeHidden();
    // Undo and redo in the article: steps run in order, so had the library's Ctrl+Z undone the
    // green highlight, this undo would take the yellow one and the redo bring only that back.
    await page.getByRole('main', { name: 'Article' }).focus();
    await page.keyboard.press('Control+z');
    await expect(card(page, RAIN)).toHaveCount(0);
    await page.keyboard.press('Control+Shift+z');
    await expect(card(page, RAIN)).toHaveCount(1);
    await expect(card(page, TEA)).toHaveCount(1);
    await expect(card(page, BRIDGE)).toHaveCount(0);
    expect((await stored(server.dataDir)).map((a) => a.target?.quote.exact).sort()).toEqual([TEA, RAIN].sort());
  } finally {
    await cleanup();
  }
});

test('accepting a passage that needs review is undone, and the highlight needs review again', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('weather.md', WEATHER);
  try {
    await openReader(page, server.url);
    await highlight(page, WINDS, 'Blue');
    await write(WEATHER.replace(WINDS, WINDS_NOW));
    await reopen(page);
    const review = sidebar(page).getByRole('group', { name: 'Needs review' });
    await expect(review.getByRole('listitem')).toHaveCount(1);
    await review.getByRole('button', { name: /Accept/ }).click();
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' })).toHaveCount(0);
    await expect.poll(() => painted(page, 'gloss-blue')).toEqual([WINDS_NOW]);
    await page.getByRole('main', { name: 'Article' }).focus();
    await page.keyboard.press('Control+z');
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' }).getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => painted(page, 'gloss-review-blue')).toEqual([WINDS_NOW]);
    await reopen(page);
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' }).getByRole('listitem')).toHaveCount(1);
  } finally {
    await cleanup();
  }
});

test('an open highlight moves to a new selection with "Move highlight here", by keyboard too, and Undo moves it back', async ({ page }) => {
  const { server, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, 'the rain', 'Pink');
    await card(page, 'the rain').getByRole('button', { name: /^the rain/ }).click();
    await expect(noteEditor(page)).toBeVisible();
    // The reader extends the passage: selects the longer one while the highlight is open.
    await selectText(page, RAIN);
    await expect(toolbar(page)).toBeVisible();
    await page.keyboard.press('Tab');
    const move = toolbar(page).getByRole('button', { name: 'Move highlight here' });
    await expect(toolbar(page).getByRole('button', { name: 'Highlight', exact: true })).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(move).toBeFocused();
    await page.keyboard.press('Enter');
    await expect.poll(() => painted(page, 'gloss-pink')).toEqual([RAIN]);
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
    await page.getByRole('main', { name: 'Article' }).focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => painted(page, 'gloss-pink')).toEqual(['the rain']);
    // Without an open highlight the toolbar offers no move.
    await selectText(page, BRIDGE);
    await expect(toolbar(page)).toBeVisible();
    await expect(toolbar(page).getByRole('button', { name: 'Move highlight here' })).toHaveCount(0);
  } finally {
    await cleanup();
  }
});

test('"Add document note" creates nothing until something is typed', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  const panel = sidebar(page);
  await expect(panel).toContainText('0 highlights · 0 notes');
  await panel.getByRole('button', { name: 'Add document note' }).click();
  await expect(noteEditor(page)).toBeVisible();
  await expect(panel.getByRole('group', { name: 'Document notes' })).toHaveCount(0);
  await expect(panel).toContainText('0 highlights · 0 notes');
  await expect(panel).not.toContainText('Empty note');
  // Closed without a word: nothing was made, nothing is left.
  await page.keyboard.press('Escape');
  await expect(noteEditor(page)).toBeHidden();
  await expect(panel.getByRole('group', { name: 'Document notes' })).toHaveCount(0);
  await reopen(page);
  await expect(panel).toContainText('0 highlights · 0 notes');

  await panel.getByRole('button', { name: 'Add document note' }).click();
  await noteEditor(page).getByRole('textbox', { name: 'Note' }).pressSequentially('Read again');
  await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
  await expect(panel.getByRole('group', { name: 'Document notes' }).getByRole('listitem')).toHaveCount(1);
  await expect(panel).toContainText('0 highlights · 1 note');
  await page.keyboard.press('Escape');
  await reopen(page);
  await expect(panel.getByRole('group', { name: 'Document notes' }).getByRole('listitem')).toContainText('Read again');
  // Writing it is one step: Undo takes the note away again.
  await page.getByRole('main', { name: 'Article' }).focus();
  await panel.getByRole('group', { name: 'Document notes' }).getByRole('button', { name: /Edit/ }).click();
  // The last save reaches the main side only once Ctrl+Z has been pressed (a busy disk): the
  // undo waits for it and takes this sitting back, not the step before it.
  let release = () => {};
  const pressed = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/updateAnnotation', async (route) => {
    await pressed;
    await route.continue();
  });
  await noteEditor(page).getByRole('textbox', { name: 'Note' }).pressSequentially(' soon');
  await page.keyboard.press('Escape');
  await page.getByRole('main', { name: 'Article' }).focus();
  await page.keyboard.press('Control+z');
  release();
  await expect(panel.getByRole('group', { name: 'Document notes' }).getByRole('listitem')).toContainText('Read again');
  await expect(panel.getByRole('group', { name: 'Document notes' }).getByRole('listitem')).not.toContainText('soon');
});

test('a tag typed as "#idea" is stored and shown as one #idea; tags are renamed and merged across the library; the list filters by several tags', async ({ page }) => {
  const { server, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, TEA);
    await highlight(page, PLUMS, 'Green');
    await highlight(page, BRIDGE, 'Blue');
    await tagHighlight(page, TEA, '#idea, gift');
    await tagHighlight(page, PLUMS, 'Idea, fruit');
    await tagHighlight(page, BRIDGE, 'ideas');
    await expectTags(page, TEA, ['idea', 'gift']);
    await expect(card(page, TEA)).not.toContainText('##');
    expect((await stored(server.dataDir)).find((a) => a.target?.quote.exact === TEA)?.tags).toEqual(['idea', 'gift']);

    // Several tags: only annotations carrying all of them.
    const tags = sidebar(page).getByRole('group', { name: /Tags/ });
    await tags.getByRole('checkbox', { name: 'idea', exact: true }).check();
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(2);
    await tags.getByRole('checkbox', { name: 'gift', exact: true }).check();
    await expect(sidebar(page).getByRole('listitem')).toHaveCount(1);
    await expect(card(page, TEA)).toHaveCount(1);
    await expect(sidebar(page)).toContainText('all of');
    await tags.getByRole('checkbox', { name: 'gift', exact: true }).uncheck();
    await tags.getByRole('checkbox', { name: 'idea', exact: true }).uncheck();

    // "idea" merged into "ideas", in every document of the library.
    await sidebar(page).getByRole('button', { name: 'Manage tags' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: 'New name for idea', exact: true }).fill('ideas');
    await dialog.getByRole('button', { name: 'Merge idea into ideas' }).click();
    await expect(dialog).toContainText('2 annotations');
    await page.keyboard.press('Escape');
    await expectTags(page, TEA, ['ideas', 'gift']);
    await expectTags(page, PLUMS, ['ideas', 'fruit']);
    await expectTags(page, BRIDGE, ['ideas']);
    // And a rename.
    await sidebar(page).getByRole('button', { name: 'Manage tags' }).click();
    await dialog.getByRole('textbox', { name: 'New name for fruit', exact: true }).fill('#plums');
    await dialog.getByRole('button', { name: 'Rename fruit to plums' }).click();
    await expect(dialog).toContainText('1 annotation');
    await page.keyboard.press('Escape');
    await reopen(page);
    await expectTags(page, PLUMS, ['ideas', 'plums']);
  } finally {
    await cleanup();
  }
});

test('Manage tags opened again offers no stale rows while its tags load, and a name typed in one row survives a rename in another', async ({ page }) => {
  const { cleanup, server } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, TEA);
    await tagHighlight(page, TEA, 'fruit, gift');
    const open = () => sidebar(page).getByRole('button', { name: 'Manage tags' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage tags' });
    await open();
    await expect(dialog.getByRole('textbox', { name: 'New name for fruit', exact: true })).toBeVisible();
    await page.keyboard.press('Escape');

    // The tags of the second opening are held back: until they come, there is nothing to type into.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/listTags', async (route) => {
      await held;
      await route.continue();
    });
    await open();
    await expect(dialog).toContainText('Loading tags…');
    await expect(dialog.getByRole('textbox')).toHaveCount(0);
    release();
    await dialog.getByRole('textbox', { name: 'New name for gift', exact: true }).fill('present');
    await page.unroute('**/api/listTags');

    // Renaming another tag draws the rows again: the name being typed for "gift" stays.
    await dialog.getByRole('textbox', { name: 'New name for fruit', exact: true }).fill('plums');
    await dialog.getByRole('button', { name: 'Rename fruit to plums' }).click();
    await expect(dialog).toContainText('Renamed “fruit” to “plums”');
    await expect(dialog.getByRole('textbox', { name: 'New name for gift', exact: true })).toHaveValue('present');
    await dialog.getByRole('button', { name: 'Rename gift to present' }).click();
    await expect(dialog).toContainText('Renamed “gift” to “present”');
    await page.keyboard.press('Escape');
    await expectTags(page, TEA, ['plums', 'present']);
  } finally {
    await cleanup();
  }
});

test('times stay true: re-anchoring leaves "created" alone, and an edited note shows when it changed', async ({ page }) => {
  const { server, file, cleanup } = await serveFile('market.md', MARKET);
  let second: Awaited<ReturnType<typeof startGlossServer>> | null = null;
  try {
    await openReader(page, server.url);
    await highlight(page, BRIDGE, 'Blue');
    await server.stop();
    // Made three days ago: rewrite its times in the file and its backup.
    const old = new Date(Date.now() - 3 * 24 * 3600_000).toISOString();
    const folder = join(server.dataDir, 'annotations');
    for (const name of (await readdir(folder)).filter((n) => n.endsWith('.json') || n.endsWith('.json.bak'))) {
      const data = JSON.parse(await readFile(join(folder, name), 'utf8'));
      for (const annotation of data.annotations) Object.assign(annotation, { createdAt: old, updatedAt: old });
      await writeFile(join(folder, name), JSON.stringify(data));
    }
    // The file changed since: re-anchoring moves the highlight.
    await writeFile(file, MARKET.replace('# Market day', '# Market day\n\nA new first paragraph, written later.'));
    second = await startGlossServer({ dataDir: server.dataDir, args: [file] });
    await openReader(page, second.url);
    await expect(toasts(page)).toContainText('1 highlight moved');
    const entry = card(page, BRIDGE);
    await expect(entry).not.toContainText('just now');
    await expect(entry.locator('time').first()).toHaveAttribute('datetime', old);
    expect((await stored(second.dataDir))[0]?.updatedAt).toBe(old);
    await expect(entry).not.toContainText('edited');

    // A note written now: created stays, and the card says when it was edited.
    await entry.getByRole('button', { name: new RegExp(`^${BRIDGE}`) }).click();
    await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('Good bridge.');
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');
    await expect(entry).toContainText(/edited just now/i);
    await expect(entry.locator('time').first()).toHaveAttribute('datetime', old);
  } finally {
    await second?.stop();
    await removeDataDir(server.dataDir);
    await cleanup();
  }
});

for (const width of [1440, 1024]) {
  test(`the note editor never covers its passage (${width} px wide)`, async ({ page }) => {
    const { server, cleanup } = await serveFile('market.md', [MARKET, ...Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of the long walk home, where nothing much happened and the road went on.`)].join('\n\n'));
    try {
      await page.setViewportSize({ width, height: 800 });
      await openReader(page, server.url);
      for (const text of [RAIN, 'Paragraph 11 of the long walk home', 'Paragraph 5 of the long walk']) {
        await selectText(page, text);
        await page.keyboard.press('n');
        await expect(noteEditor(page)).toBeVisible();
        await expect(noteEditor(page).getByRole('textbox', { name: 'Note' })).toBeFocused();
        await page.waitForFunction(() => !document.getAnimations().length);
        // The passage and the rest of its paragraph stay readable: no line of either is under the editor.
        const lines = await page.evaluate((wanted) => {
          const editor = document.querySelector('.note-editor')!.getBoundingClientRect();
          const ranges = [...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Set<Range>)]);
          const range = ranges.find((r) => r.toString() === wanted)!;
          const paragraph = document.createRange();
          paragraph.selectNodeContents(range.startContainer.parentElement!.closest('p')!);
          const view = document.getElementById('reader')!.getBoundingClientRect();
          const covered = (line: DOMRect) => line.right > editor.left && line.left < editor.right && line.bottom > editor.top && line.top < editor.bottom;
          return {
            passage: [...range.getClientRects()].map((line) => ({ covered: covered(line), inView: line.top >= view.top && line.bottom <= view.bottom })),
            paragraphCovered: [...paragraph.getClientRects()].filter(covered).length,
            editorInView: editor.top >= view.top && editor.top < view.bottom,
          };
        }, text);
        expect(lines.passage.length).toBeGreaterThan(0);
        expect(lines.passage.every((line) => !line.covered && line.inView), `${text}: ${JSON.stringify(lines)}`).toBe(true);
        expect(lines.paragraphCovered, `${text}: ${JSON.stringify(lines)}`).toBe(0);
        expect(lines.editorInView).toBe(true);
        await page.keyboard.press('Escape');
      }
    } finally {
      await cleanup();
    }
  });
}

test('the note editor says what Delete deletes, and "Remove note" keeps the highlight', async ({ page, gloss }) => {
  await openReader(page, gloss.url);
  await selectText(page, 'Kim described the deal');
  await page.keyboard.press('n');
  const editor = noteEditor(page);
  await editor.getByRole('textbox', { name: 'Note' }).fill('A bold claim.');
  await expect(editor.getByRole('button', { name: 'Delete highlight', exact: true })).toBeVisible();
  await editor.getByRole('button', { name: 'Remove note', exact: true }).click();
  await expect(editor.getByRole('textbox', { name: 'Note' })).toHaveValue('');
  await page.keyboard.press('Escape');
  const entry = card(page, 'Kim described the deal');
  await expect(entry).toHaveCount(1);
  await expect(entry).not.toContainText('A bold claim.');
  await expect.poll(() => painted(page, 'gloss-note')).toEqual([]);

  await sidebar(page).getByRole('button', { name: 'Add document note' }).click();
  await editor.getByRole('textbox', { name: 'Note' }).fill('About the whole thing.');
  await expect(editor.getByRole('button', { name: 'Delete note', exact: true })).toBeVisible();
  await expect(editor.getByRole('button', { name: 'Delete highlight' })).toHaveCount(0);
  await expect(editor.getByRole('button', { name: 'Remove note' })).toHaveCount(0);
});

test('a failed then successful action leaves only the latest toast showing', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, TEA);
    await write(MARKET.replace(' she bought a tea set for her mother, and', ''));
    await reopen(page);
    const orphan = sidebar(page).getByRole('group', { name: 'Orphaned' });
    await expect(orphan.getByRole('listitem')).toHaveCount(1);
    // The anchoring summary is a notice of its own, which answers do not replace: put it away first.
    await expect(toasts(page)).toContainText('orphaned');
    await toasts(page).getByRole('button', { name: 'Dismiss message' }).click();
    await expect(toasts(page).getByRole('button', { name: 'Dismiss message' })).toHaveCount(0);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    await orphan.getByRole('button', { name: /Re-attach/ }).click();
    await expect(toasts(page)).toContainText('First select the passage');
    await selectText(page, PLUMS);
    await orphan.getByRole('button', { name: /Re-attach/ }).click();
    await expect(toasts(page)).toContainText('re-attached');
    // Read at once, not polled: the earlier toasts would time out on their own after a few seconds.
    expect(await toasts(page).getByRole('button', { name: 'Dismiss message' }).count()).toBe(1);
    expect(await toasts(page).textContent()).not.toContain('First select the passage');
  } finally {
    await cleanup();
  }
});

test('sidebar actions name the annotation they act on', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('weather.md', WEATHER);
  try {
    await openReader(page, server.url);
    await highlight(page, 'without wetting a knee');
    await highlight(page, WINDS, 'Green');
    await highlight(page, RIVERS, 'Blue');
    await sidebar(page).getByRole('button', { name: 'Add document note' }).click();
    await noteEditor(page).getByRole('textbox', { name: 'Note' }).fill('Shopping list');
    await expect(noteEditor(page).getByRole('status')).toHaveText('Saved');
    await page.keyboard.press('Escape');
    await write(WEATHER.replace(' without wetting a knee', '').replace(WINDS, WINDS_NOW));
    await reopen(page);
    const panel = sidebar(page);
    await expect(panel.getByRole('button', { name: 'Delete highlight “without wetting a knee”', exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Re-attach highlight “without wetting a knee”', exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: `Accept highlight “${WINDS}” as it now reads`, exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: `Re-pick highlight “${WINDS}”`, exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: `Re-attach highlight “${RIVERS}”`, exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Delete document note “Shopping list”', exact: true })).toBeVisible();
    await expect(panel.getByRole('button', { name: 'Edit document note “Shopping list”', exact: true })).toBeVisible();
  } finally {
    await cleanup();
  }
});
