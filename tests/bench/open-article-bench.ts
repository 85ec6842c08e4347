/**
 * Benchmark (a): opening a generated 1 MB Markdown article in Chromium through the browser mode,
 * with 1,000 stored highlights until every one is painted, and the same article with none.
 * Runnable alone: `npx tsx tests/bench/open-article-bench.ts` (after `npm run build`).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import config from '../../playwright.config';
import { startGlossServer } from '../e2e/gloss-server';

const WORDS =
  'the reader highlights passages notes tags durable anchoring quote context article section paragraph history policy market science energy climate city council report analysis evidence method result change growth future people value system public question answer'.split(
    ' ',
  );

/** A deterministic pseudo-random generator, so every run measures the same article. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** About `bytes` of Markdown: a title, sections every 20 paragraphs, some emphasis and lists. */
export function generateArticle(bytes: number, seed = 7): string {
  const random = seeded(seed);
  const word = () => WORDS[Math.floor(random() * WORDS.length)] as string;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(random() * 14) }, word);
    words[0] = (words[0] as string).charAt(0).toUpperCase() + (words[0] as string).slice(1);
    if (random() < 0.2) words[3] = `*${words[3]}*`;
    return `${words.join(' ')}.`;
  };
  const parts = ['# A long generated article\n'];
  let size = parts[0]!.length;
  for (let paragraph = 0; size < bytes; paragraph++) {
    if (paragraph % 20 === 0) parts.push(`## Section ${paragraph / 20 + 1}\n`);
    const text = paragraph % 37 === 5 ? `- ${sentence()}\n- ${sentence()}\n` : `${Array.from({ length: 3 + Math.floor(random() * 4) }, sentence).join(' ')}\n`;
    parts.push(text);
    size += text.length + 1;
  }
  return parts.join('\n');
}

export interface OpenArticleFigures {
  articleBytes: number;
  highlights: number;
  bareMs: number;
  withHighlightsMs: number;
  overheadPercent: number;
  /** With highlights: until the sidebar lists them too (it is built after the highlights show). */
  listedMs: number;
}

/**
 * Milliseconds from navigation start until the frame showing every highlight has been drawn:
 * the app marks 'gloss:annotations-on-screen' from a message posted in the requestAnimationFrame
 * after its painter ran, which is delivered once that frame is painted.
 */
async function timeOpen(browser: Browser, url: string): Promise<{ onScreen: number; listed: number }> {
  // A fresh page each time, so no open pays for unloading the one before it.
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:annotations-listed').length > 0, null, { timeout: 120_000 });
    return await page.evaluate(() => ({
      onScreen: performance.getEntriesByName('gloss:annotations-on-screen')[0]!.startTime,
      listed: performance.getEntriesByName('gloss:annotations-listed')[0]!.startTime,
    }));
  } finally {
    await page.close();
  }
}

/** Creates `count` highlights over the rendered text, through the real API from the page. */
async function seedHighlights(page: Page, count: number): Promise<number> {
  // tsx compiles this file with esbuild's keepNames, which wraps named functions in __name().
  await page.evaluate('window.__name = (fn) => fn');
  return page.evaluate(async (total) => {
    const article = document.getElementById('article') as HTMLElement;
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) text += node.nodeValue ?? '';
    const documentId = document.documentElement.dataset.documentId as string;
    const contentHash = document.documentElement.dataset.contentHash as string;
    const call = async (body: unknown) => {
      const response = await fetch('/api/createAnnotation', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Gloss-Request': '1' }, body: JSON.stringify(body) });
      const result = (await response.json()) as { ok: boolean; error?: { message: string } };
      if (!result.ok) throw new Error(result.error?.message);
    };
    const colors = ['yellow', 'green', 'blue', 'pink', 'purple'];
    const step = Math.floor(text.length / total);
    let created = 0;
    for (let i = 0; i < total; i++) {
      let start = i * step + 17;
      while (start < text.length && text[start] !== ' ') start++;
      start++;
      const end = Math.min(text.length, start + 40 + (i % 120));
      const exact = text.slice(start, end);
      if (!exact.trim()) continue;
      await call({
        documentId,
        kind: 'highlight',
        color: colors[i % colors.length],
        note: i % 4 === 0 ? `Note ${i}` : '',
        tags: [],
        target: {
          quote: { type: 'TextQuoteSelector', exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32) },
          position: { type: 'TextPositionSelector', start, end },
          headingPath: [],
          contentHash,
        },
      });
      created++;
    }
    return created;
  }, count);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Runs benchmark (a): `runs` opens each way, median reported. */
export async function benchOpenArticle(options: { bytes?: number; highlights?: number; runs?: number } = {}): Promise<OpenArticleFigures> {
  const { bytes = 1024 * 1024, highlights = 1000, runs = 7 } = options;
  const folder = await mkdtemp(join(tmpdir(), 'gloss-bench-open-'));
  const markdown = generateArticle(bytes);
  const bare = join(folder, 'bare.md');
  const annotated = join(folder, 'annotated.md');
  await writeFile(bare, markdown);
  await writeFile(annotated, markdown);
  const browser = await chromium.launch(config.use?.launchOptions);
  const servers = [];
  try {
    const bareServer = await startGlossServer({ args: [bare] });
    servers.push(bareServer);
    const annotatedServer = await startGlossServer({ args: [annotated] });
    servers.push(annotatedServer);
    const page = await browser.newPage();
    await page.goto(annotatedServer.url);
    await page.waitForFunction(() => performance.getEntriesByName('gloss:annotations-listed').length > 0);
    const created = await seedHighlights(page, highlights);
    await page.close();
    const bareTimes: number[] = [];
    const annotatedTimes: number[] = [];
    const listedTimes: number[] = [];
    // Alternate the two, so both see the same machine load.
    for (let run = 0; run < runs; run++) {
      bareTimes.push((await timeOpen(browser, bareServer.url)).onScreen);
      const annotatedRun = await timeOpen(browser, annotatedServer.url);
      annotatedTimes.push(annotatedRun.onScreen);
      listedTimes.push(annotatedRun.listed);
    }
    // Check the measured page really painted them all.
    const check = await browser.newPage();
    await check.goto(annotatedServer.url);
    await check.waitForFunction(() => performance.getEntriesByName('gloss:annotations-on-screen').length > 0);
    const painted = await check.evaluate(() => Number(document.documentElement.dataset.annotationsPainted));
    const ranges = await check.evaluate(() => ['yellow', 'green', 'blue', 'pink', 'purple'].reduce((sum, color) => sum + (CSS.highlights.get(`gloss-${color}`)?.size ?? 0), 0));
    await check.close();
    if (painted !== created || ranges < created) throw new Error(`expected ${created} painted highlights, the page painted ${painted} (${ranges} ranges)`);
    const bareMs = median(bareTimes);
    const withHighlightsMs = median(annotatedTimes);
    return {
      articleBytes: Buffer.byteLength(markdown),
      highlights: created,
      bareMs,
      withHighlightsMs,
      overheadPercent: ((withHighlightsMs - bareMs) / bareMs) * 100,
      listedMs: median(listedTimes),
    };
  } finally {
    await browser.close();
    for (const server of servers) {
      await server.stop();
      await rm(server.dataDir, { recursive: true, force: true });
    }
    await rm(folder, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('open-article-bench.ts')) {
  benchOpenArticle().then((figures) => console.log(figures));
}
