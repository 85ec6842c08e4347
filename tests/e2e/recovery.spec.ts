import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, removeDataDir, startGlossServer, test } from './gloss-server';

test('a damaged store file at start is moved aside, the last good copy restored, and the reader told', async ({ page }) => {
  const first = await startGlossServer();
  await page.goto(first.url);
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  // Change the settings twice, so gloss.json has a backup holding the first change.
  await page.getByRole('button', { name: 'Appearance' }).click();
  await page.getByRole('radio', { name: 'Sepia' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
  await page.getByRole('slider', { name: 'Text size' }).fill('22');
  await expect.poll(async () => JSON.parse(await readFile(join(first.dataDir, 'gloss.json'), 'utf8')).settings?.fontSize).toBe(22);
  await first.stop();

  const file = join(first.dataDir, 'gloss.json');
  const damaged = (await readFile(file, 'utf8')).slice(0, 40);
  await writeFile(file, damaged);

  const second = await startGlossServer({ dataDir: first.dataDir });
  try {
    await page.goto(second.url);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    await expect(page.getByRole('status')).toContainText('restored the last good copy');
    // The last good copy had the sepia theme.
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'sepia');
    const kept = (await readdir(second.dataDir)).filter((name) => name.startsWith('gloss.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(second.dataDir, kept[0] as string), 'utf8')).toBe(damaged);
  } finally {
    await second.stop();
    await removeDataDir(second.dataDir);
  }
});
