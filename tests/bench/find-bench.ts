/**
 * Benchmark (h): Find in document on a 1 MB article in Chromium through the browser mode, from a
 * keystroke in the Find box to the frame that shows the new match count painted (the debounce
 * included), each query typed a key at a time. Each count is checked against `findMatches` run
 * here on the page's own article text. Runnable alone: `npx tsx tests/bench/find-bench.ts`
 * (after `npm run build`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import config from '../../playwright.config';
import { startGlossServer } from '../e2e/gloss-server';
import { findMatches } from '../../renderer/find/find-matches';
import { generateArticle } from './open-article-bench';
import { percentile } from './stats';

/** Typed one key at a time: a common phrase, a rare word, accents to fold, one letter (capped), nothing. */
const QUERIES = ['city council', 'evidence', 'cafe', 'e', 'zqx'];

export interface FindFigures {
  articleBytes: number;
  keystrokes: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  /** The first keystroke after opening the bar (which folds the article in the background). */
  firstMs: number;
  /** The count shown at the end of each query. */
  counts: Array<{ query: string; shown: string }>;
}

/** Runs benchmark (h). */
export async function benchFind(bytes = 1024 * 1024): Promise<FindFigures> {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-bench-find-'));
  // Some accented words, so the fold's slow path (text that is not ASCII) is measured too.
  const markdown = generateArticle(bytes).replace(/\bcity\b/g, (word, at: number) => (at % 3 === 0 ? 'café' : word));
  const file = join(folder, 'long.md');
  await writeFile(file, markdown);
  const server = await startGlossServer({ args: [file] });
  const browser = await chromium.launch(config.use?.launchOptions);
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true' && performance.getEntriesByName('gloss:annotations-on-screen').length > 0, null, { timeout: 120_000 });
    await page.locator('#reader').focus();
    await page.keyboard.press('Control+f');
    const box = page.getByRole('searchbox', { name: 'Find in document' });
    await box.waitFor();
    await page.evaluate('window.__name = (fn) => fn');
    await page.evaluate(() => {
      const state = { key: 0, times: [] as number[] };
      (window as unknown as { findBench: typeof state }).findBench = state;
      document.addEventListener('keydown', (event) => (state.key = event.timeStamp), true);
      const status = document.querySelector('[role="search"] [role="status"]') as HTMLElement;
      new MutationObserver(() => {
        const from = state.key;
        // The frame after the count changed, once it is painted.
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => state.times.push(performance.now() - from);
          channel.port2.postMessage(0);
        });
      }).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const text = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.getElementById('article') as HTMLElement, NodeFilter.SHOW_TEXT);
      let all = '';
      for (let node = walker.nextNode(); node; node = walker.nextNode()) all += (node as Text).data;
      return all;
    });
    const times: number[] = [];
    const counts: FindFigures['counts'] = [];
    for (const query of QUERIES) {
      if ((await box.inputValue()) !== '') {
        await page.evaluate(() => ((window as unknown as { findBench: { times: number[] } }).findBench.times = []));
        await box.fill('');
        await page.waitForFunction(() => (window as unknown as { findBench: { times: number[] } }).findBench.times.length > 0);
      }
      await page.evaluate(() => ((window as unknown as { findBench: { times: number[] } }).findBench.times = []));
      for (const [i, key] of [...query].entries()) {
        await box.press(key === ' ' ? 'Space' : key);
        await page.waitForFunction((n) => (window as unknown as { findBench: { times: number[] } }).findBench.times.length >= n, i + 1);
      }
      const measured = await page.evaluate(() => (window as unknown as { findBench: { times: number[] } }).findBench.times);
      times.push(...measured.slice(0, query.length));
      const shown = (await page.getByRole('search', { name: 'Find in document' }).getByRole('status').textContent()) ?? '';
      const expected = findMatches(text, query, { matchCase: false, matchDiacritics: false });
      const total = expected.starts.length;
      const wanted = total === 0 ? 'No matches' : new RegExp(`^\\d[\\d,]* of ${total.toLocaleString('en')}${expected.capped ? '\\+' : ''}$`);
      if (typeof wanted === 'string' ? shown !== wanted : !wanted.test(shown)) throw new Error(`"${query}": the page shows "${shown}", findMatches counts ${total}`);
      counts.push({ query, shown });
    }
    const sorted = [...times.slice(1)].sort((a, b) => a - b);
    return {
      articleBytes: Buffer.byteLength(markdown),
      keystrokes: times.length,
      medianMs: percentile(sorted, 0.5),
      p95Ms: percentile(sorted, 0.95),
      maxMs: sorted[sorted.length - 1] ?? Number.NaN,
      firstMs: times[0] ?? Number.NaN,
      counts,
    };
  } finally {
    await browser.close();
    await server.stop();
    await rm(server.dataDir, { recursive: true, force: true });
    await rm(folder, { recursive: true, force: true });
  }
}

/** The lines `npm run bench` prints for (h). */
export function describeFind(figures: FindFigures, verdict: (met: boolean) => string): string[] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    `(h) find in document on a ${(figures.articleBytes / 2 ** 20).toFixed(2)} MB article in Chromium: keystroke to the frame showing the new count and matches painted`,
    `    (a 40 ms debounce included; ${figures.keystrokes} keystrokes typing ${QUERIES.map((q) => `"${q}"`).join(', ')}):`,
    `    median ${ms(figures.medianMs)}, p95 ${ms(figures.p95Ms)}, max ${ms(figures.maxMs)} (target: median under 100 ms, the limit for a response felt as instant: ${verdict(figures.medianMs < 100)})`,
    `    the first keystroke (the article was folded for finding when the box opened): ${ms(figures.firstMs)}`,
    `    counts shown (checked against findMatches on the page's text): ${figures.counts.map((c) => `"${c.query}" ${c.shown}`).join('; ')}`,
  ];
}

if (process.argv[1]?.endsWith('find-bench.ts')) {
  benchFind().then((figures) => {
    for (const line of describeFind(figures, (met) => (met ? 'target met' : 'TARGET MISSED'))) console.log(line);
  });
}
