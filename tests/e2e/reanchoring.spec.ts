/**
 * Re-anchoring after the file changed, end to end in the browser mode: a highlight is never
 * moved onto part of a word, and one Gloss is not sure of is painted differently, listed under
 * "Needs review", and accepted or re-picked by the reader in one click.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './gloss-server';
import { openReader, painted, reopen, selectText, serveFile, sidebar, toolbar } from './reader-page';

/** Every range painted in any of Gloss's highlights, by the text it covers. */
async function everythingPainted(page: Page): Promise<string[]> {
  return page.evaluate(() => [...CSS.highlights.values()].flatMap((highlight) => [...(highlight as unknown as Set<Range>)].map((range) => range.toString())));
}

async function highlight(page: Page, text: string, color: string): Promise<void> {
  await selectText(page, text);
  await toolbar(page).getByRole('button', { name: color, exact: true }).click();
  await expect(sidebar(page).getByRole('listitem').filter({ hasText: text })).toHaveCount(1);
}

const MARKET = ['# Market day', 'At the market on Saturday she bought a tea set for her mother, and a basket of plums for the road home.', 'On the way back the rain started, and they sheltered under the bridge until it stopped.'].join('\n\n');

test('a highlight whose words changed is never moved onto part of a word, and comes back when they do', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('market.md', MARKET);
  try {
    await openReader(page, server.url);
    await highlight(page, 'a tea set', 'Yellow');
    expect(await painted(page, 'gloss-yellow')).toEqual(['a tea set']);

    // "a tea service" is too far from "a tea set" to be it, and "a tea ser" is not a passage.
    await write(MARKET.replace('a tea set', 'a tea service'));
    await reopen(page);
    await expect(page.getByRole('status').filter({ hasText: '1 highlight orphaned' })).toBeVisible();
    const orphaned = sidebar(page).getByRole('group', { name: 'Orphaned' });
    await expect(orphaned.getByRole('listitem')).toContainText('a tea set');
    const shown = await everythingPainted(page);
    expect(shown.filter((text) => text.startsWith('a tea'))).toEqual([]);

    // The file is put back: the highlight is on its own words again, not on "a tea se".
    await write(MARKET);
    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual(['a tea set']);
    await expect(sidebar(page).getByRole('group', { name: 'Orphaned' })).toHaveCount(0);
  } finally {
    await cleanup();
  }
});

const WEATHER = [
  '# Weather notes',
  'Rain falls mostly in autumn, when the westerly winds bring clouds in from the ocean and the valley fills with fog for days.',
  'Summer is dry, and by the end of August the rivers run low enough to cross on foot without wetting a knee.',
].join('\n\n');
const WINDS = 'the westerly winds bring clouds in from the ocean';
const WINDS_NOW = 'the western winds carry clouds in off the ocean';
const RIVERS = 'the rivers run low enough to cross on foot';
const RIVERS_NOW = 'the rivers run shallow enough to walk across on foot';

test('a passage Gloss is not sure of is painted differently, listed under "Needs review", and accepted or re-picked', async ({ page }) => {
  const { server, write, cleanup } = await serveFile('weather.md', WEATHER);
  try {
    await openReader(page, server.url);
    await highlight(page, WINDS, 'Yellow');
    await highlight(page, RIVERS, 'Green');

    await write(WEATHER.replace(WINDS, WINDS_NOW).replace(RIVERS, RIVERS_NOW));
    await reopen(page);
    await expect(page.getByRole('status').filter({ hasText: '2 highlights need review' })).toBeVisible();
    const review = sidebar(page).getByRole('group', { name: 'Needs review' });
    await expect(review.getByRole('listitem')).toHaveCount(2);
    await expect(sidebar(page)).toContainText('2 need review');
    // Painted where the passages probably are, but not as the highlights Gloss is sure of.
    await expect.poll(() => painted(page, 'gloss-review-yellow')).toEqual([WINDS_NOW]);
    expect(await painted(page, 'gloss-review-green')).toEqual([RIVERS_NOW]);
    expect(await painted(page, 'gloss-yellow')).toEqual([]);
    expect(await painted(page, 'gloss-green')).toEqual([]);
    const audit = await new AxeBuilder({ page }).include('#annotations-panel').analyze();
    const serious = audit.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);

    // Accept: the span found is the passage from now on.
    const winds = review.getByRole('listitem').filter({ hasText: WINDS });
    await expect(winds).toContainText(`Now reads: ${WINDS_NOW}`);
    await winds.getByRole('button', { name: 'Accept' }).click();
    await expect(review.getByRole('listitem')).toHaveCount(1);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([WINDS_NOW]);
    expect(await painted(page, 'gloss-review-yellow')).toEqual([]);

    // Re-pick: the reader selects the right words and attaches the highlight to them.
    await selectText(page, 'the rivers run shallow');
    await review.getByRole('listitem').filter({ hasText: RIVERS }).getByRole('button', { name: 'Re-pick' }).click();
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' })).toHaveCount(0);
    await expect.poll(() => painted(page, 'gloss-green')).toEqual(['the rivers run shallow']);

    // Both are stored as anchored: nothing needs review after a reload.
    await reopen(page);
    await expect.poll(() => painted(page, 'gloss-yellow')).toEqual([WINDS_NOW]);
    expect(await painted(page, 'gloss-green')).toEqual(['the rivers run shallow']);
    await expect(sidebar(page).getByRole('group', { name: 'Needs review' })).toHaveCount(0);
    await expect(sidebar(page).getByRole('listitem').filter({ hasText: WINDS_NOW })).toHaveCount(1);
  } finally {
    await cleanup();
  }
});
