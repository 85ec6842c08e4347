/**
 * Benchmark (i): opening the same Markdown article in Gloss and in a bare page that only fetches
 * it, runs marked + DOMPurify and sets innerHTML (tests/bench/bare-viewer/), in the same Chromium,
 * at 100 KB, 1 MB and 4 MB. The opens are interleaved (bare, Gloss, bare, Gloss…, each in a fresh
 * page), so a change in the machine's load falls on both alike and the ratio stays meaningful.
 * Strictly alternating on purpose: a Gloss page opened right after another Gloss page was measured
 * ~20 ms faster (its files and code still warm), so an order that lets Gloss follow itself would
 * flatter it. On this 2-core machine one open of the same page varies by ±30%, so each size gets
 * many pairs, and the spread of the pairs' ratios is printed beside their median.
 *
 * Both end points are defined the same way: from navigation start to the frame drawn after the
 * article's text is put in the page (a requestAnimationFrame, then a message, with the same
 * helper: renderer/ui/after-next-paint.ts). For Gloss that is 'gloss:article-on-screen', the
 * frame showing the title, Contents, FAQ and the article, of a document with no highlights.
 *
 * Run alone: `npm run build && npx tsx tests/bench/open-versus-bare-bench.ts [--runs N] [--sizes 100KB,1MB,4MB]`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'esbuild';
import config from '../../playwright.config';
import { startGlossServer, type GlossServer } from '../e2e/gloss-server';
import { generateArticle } from './open-article-bench';
import { loadAverage, median, openUntilMark } from './page-timing';
import { percentile } from './stats';

const BARE_SOURCES = resolve('tests/bench/bare-viewer');

/**
 * A desktop window wide enough for Gloss's 70-character line beside its two side panels (264 and
 * 360 px), so both pages lay out lines of the same length: in a narrower one Gloss's column
 * shrinks below 70 characters and it lays out more, shorter lines than the bare page.
 */
export const VIEWPORT = { width: 1600, height: 1000 };

/**
 * The article sizes compared, and how many interleaved pairs each gets by default: enough that
 * the median of the pairs' ratios moves by a few hundredths between runs, not by a tenth (21
 * pairs at 100 KB gave medians from 1.00× to 1.22× for the same build).
 */
export const SIZES = [
  { label: '100 KB', bytes: 100 * 1024, runs: 81 },
  { label: '1 MB', bytes: 1024 * 1024, runs: 25 },
  { label: '4 MB', bytes: 4 * 1024 * 1024, runs: 11 },
] as const;

/** Where one open spent its time, in ms from navigation start (Resource Timing and the marks). */
export interface OpenPhases {
  /** The page's script received (main.js, bare-viewer.js). */
  scriptLoaded: number;
  /** The script ran and asked for the article (getStartup, the .md file). */
  articleRequested: number;
  /** The article's bytes received. */
  articleReceived: number;
  /** The frame showing the article drawn: the end point. */
  onScreen: number;
}

/** One size's figures. */
export interface VersusBareFigures {
  label: string;
  articleBytes: number;
  pairs: number;
  bare: OpenPhases;
  gloss: OpenPhases;
  /** Median of the pairs' Gloss / bare ratios: what the target is judged on. */
  ratio: number;
  /** The first and third quartiles of the pairs' ratios: how widely one pair differs from another. */
  ratioQuartiles: [number, number];
  /** Gloss's fastest open over the bare page's fastest: the two with the least interference. */
  fastestRatio: number;
  /** Median of the pairs' Gloss − bare differences, in ms. */
  extraMs: number;
}

function medianPhases(runs: OpenPhases[]): OpenPhases {
  const of = (key: keyof OpenPhases) => median(runs.map((run) => run[key]));
  return { scriptLoaded: of('scriptLoaded'), articleRequested: of('articleRequested'), articleReceived: of('articleReceived'), onScreen: of('onScreen') };
}

/** The bare viewer's page, script and server, built with esbuild into `folder`. */
export async function buildBareViewer(folder: string): Promise<void> {
  await build({
    entryPoints: [join(BARE_SOURCES, 'bare-viewer.ts')],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    outfile: join(folder, 'bare-viewer.js'),
    logLevel: 'warning',
  });
  await build({
    entryPoints: [join(BARE_SOURCES, 'serve-bare-viewer.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    outfile: join(folder, 'serve-bare-viewer.cjs'),
    logLevel: 'warning',
  });
  await copyFile(join(BARE_SOURCES, 'index.html'), join(folder, 'index.html'));
  await copyFile(join(BARE_SOURCES, 'bare-viewer.css'), join(folder, 'bare-viewer.css'));
}

/** Starts the bare viewer's server as its own process; resolves with its address. */
export async function startBareServer(site: string, articles: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(site, 'serve-bare-viewer.cjs'), site, articles], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Bare viewer at (\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`the bare viewer's server exited with ${code}`)));
  });
  return { url, child };
}

/** Opens `url` in a fresh page, waits for the mark `onScreenMark`, and reads where the time went. */
async function timeOpen(browser: Browser, url: string, onScreenMark: string, articleRequest: RegExp): Promise<OpenPhases> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await openUntilMark(page, url, onScreenMark);
    const entries = await page.evaluate((mark) => {
      const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
      return {
        onScreen: performance.getEntriesByName(mark)[0]!.startTime,
        resources: resources.map((entry) => ({ name: entry.name, startTime: entry.startTime, responseEnd: entry.responseEnd })),
      };
    }, onScreenMark);
    const script = entries.resources.find((entry) => /\/(main|bare-viewer)\.js$/.test(entry.name));
    const article = entries.resources.find((entry) => articleRequest.test(entry.name));
    if (!script || !article) throw new Error(`${url}: no resource timing for the script or the article`);
    return { scriptLoaded: script.responseEnd, articleRequested: article.startTime, articleReceived: article.responseEnd, onScreen: entries.onScreen };
  } finally {
    await page.close();
  }
}

/**
 * Checks, once per size, that both pages drew the same article at their end point, in the same
 * typography (font, line width, the height of the text laid out, within 1%), and that Gloss's
 * first frame holds what its reader sees: the title, Contents and the article.
 */
async function checkSameArticle(browser: Browser, bareUrl: string, glossUrl: string, title: string): Promise<void> {
  const articleText = async (url: string, mark: string) => {
    const page = await browser.newPage({ viewport: VIEWPORT });
    try {
      await openUntilMark(page, url, mark);
      return await page.evaluate(() => ({
        text: (document.getElementById('article')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        title: document.getElementById('document-title')?.textContent ?? null,
        contents: document.querySelectorAll('#contents-list a').length,
        sections: document.querySelectorAll('#article h2').length,
        // The typography both must share: a paragraph's font and line, and the height of all the text laid out.
        ...(() => {
          const paragraphs = document.querySelectorAll('#article p');
          const first = paragraphs[0]!;
          const style = getComputedStyle(first);
          return {
            font: `${style.font} / ${style.lineHeight} / ${style.hyphens}`,
            lineWidth: first.getBoundingClientRect().width,
            textHeight: paragraphs[paragraphs.length - 1]!.getBoundingClientRect().bottom - document.querySelector('#article h1')!.getBoundingClientRect().top,
          };
        })(),
      }));
    } finally {
      await page.close();
    }
  };
  const bare = await articleText(bareUrl, 'bare:article-on-screen');
  const gloss = await articleText(glossUrl, 'gloss:article-on-screen');
  if (bare.text.length < 1000 || bare.text !== gloss.text) throw new Error(`the two pages drew different articles (${bare.text.length} and ${gloss.text.length} characters)`);
  if (bare.font !== gloss.font || Math.abs(bare.lineWidth - gloss.lineWidth) > 1 || Math.abs(bare.textHeight - gloss.textHeight) > 0.01 * bare.textHeight) {
    throw new Error(
      `the two pages laid the article out differently: font ${bare.font} and ${gloss.font}, lines ${bare.lineWidth} and ${gloss.lineWidth} px wide, text ${bare.textHeight} and ${gloss.textHeight} px high`,
    );
  }
  if (gloss.title !== title || gloss.contents !== gloss.sections || gloss.contents === 0) {
    throw new Error(`Gloss's first frame lacks its title or Contents (title "${gloss.title}", ${gloss.contents} contents links for ${gloss.sections} sections)`);
  }
}

/**
 * Runs the comparison at every size (or those whose label `only` names, spaces left out: "1MB");
 * `runs` overrides the number of pairs of each.
 */
export async function benchOpenVersusBare(options: { runs?: number; only?: string[] } = {}): Promise<VersusBareFigures[]> {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-bench-bare-'));
  const site = join(folder, 'site');
  const articles = join(folder, 'articles');
  await mkdir(site);
  await mkdir(articles);
  const servers: GlossServer[] = [];
  let bareServer: ChildProcess | null = null;
  let browser: Browser | null = null;
  try {
    await buildBareViewer(site);
    const sizes = [];
    const chosen = SIZES.filter((size) => !options.only?.length || options.only.includes(size.label.replace(/\s/g, '')));
    for (const size of chosen) {
      const markdown = generateArticle(size.bytes);
      const name = `article-${size.bytes}.md`;
      await writeFile(join(articles, name), markdown);
      const gloss = await startGlossServer({ args: [join(articles, name)] });
      servers.push(gloss);
      sizes.push({ ...size, name, articleBytes: Buffer.byteLength(markdown), gloss });
    }
    const bare = await startBareServer(site, articles);
    bareServer = bare.child;
    browser = await chromium.launch(config.use?.launchOptions);
    const figures: VersusBareFigures[] = [];
    for (const size of sizes) {
      const bareUrl = `${bare.url}?article=${size.name}`;
      // Not timed: warms the servers' JIT and the file cache, and checks both show the same thing.
      await checkSameArticle(browser, bareUrl, size.gloss.url, 'A long generated article');
      const bareRuns: OpenPhases[] = [];
      const glossRuns: OpenPhases[] = [];
      const pairs = options.runs ?? size.runs;
      const openBare = async () => bareRuns.push(await timeOpen(browser!, bareUrl, 'bare:article-on-screen', /\/articles\//));
      const openGloss = async () => glossRuns.push(await timeOpen(browser!, size.gloss.url, 'gloss:article-on-screen', /\/api\/getStartup$/));
      for (let run = 0; run < pairs; run++) {
        await openBare();
        await openGloss();
      }
      const ratios = glossRuns.map((run, i) => run.onScreen / bareRuns[i]!.onScreen).sort((a, b) => a - b);
      figures.push({
        label: size.label,
        articleBytes: size.articleBytes,
        pairs,
        bare: medianPhases(bareRuns),
        gloss: medianPhases(glossRuns),
        ratio: median(ratios),
        ratioQuartiles: [percentile(ratios, 0.25), percentile(ratios, 0.75)],
        fastestRatio: Math.min(...glossRuns.map((run) => run.onScreen)) / Math.min(...bareRuns.map((run) => run.onScreen)),
        extraMs: median(glossRuns.map((run, i) => run.onScreen - bareRuns[i]!.onScreen)),
      });
    }
    return figures;
  } finally {
    await browser?.close();
    bareServer?.kill('SIGTERM');
    for (const server of servers) {
      await server.stop();
      await rm(server.dataDir, { recursive: true, force: true });
    }
    await rm(folder, { recursive: true, force: true });
  }
}

/** The target of issue 6: Gloss at most 1.15× the bare page at every size. */
export const VERSUS_BARE_TARGET = 1.15;

/** Prints the figures, one block per size. */
export function printVersusBare(figures: VersusBareFigures[]): void {
  const ms = (value: number) => `${value.toFixed(0).padStart(5)} ms`;
  const row = (name: string, phases: OpenPhases) =>
    `      ${name.padEnd(6)} ${ms(phases.onScreen)}   (script in ${ms(phases.scriptLoaded)}, article asked ${ms(phases.articleRequested)}, received ${ms(phases.articleReceived)})`;
  for (const size of figures) {
    const met = size.ratio <= VERSUS_BARE_TARGET;
    console.log(`    ${size.label} (${(size.articleBytes / 1024).toFixed(0)} KiB), median of ${size.pairs} interleaved pairs, from navigation start to the frame showing the article:`);
    console.log(row('bare', size.bare));
    console.log(row('Gloss', size.gloss));
    const ofMedians = size.gloss.onScreen / size.bare.onScreen;
    const [low, high] = size.ratioQuartiles;
    console.log(`      Gloss / bare ${size.ratio.toFixed(2)}× (median of the pairs' ratios, quartiles ${low.toFixed(2)}–${high.toFixed(2)}×; ${ofMedians.toFixed(2)}× of the medians, ${size.fastestRatio.toFixed(2)}× of the fastest opens), Gloss − bare ${size.extraMs.toFixed(0)} ms (median of the pairs)`);
    console.log(`      target ≤ ${VERSUS_BARE_TARGET}× (median of the pairs' ratios): ${met ? 'target met' : 'TARGET MISSED'}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const valueOf = (flag: string) => {
    const at = process.argv.indexOf(flag);
    return at > 0 ? process.argv[at + 1] : undefined;
  };
  const runs = valueOf('--runs');
  benchOpenVersusBare({ runs: runs === undefined ? undefined : Number(runs), only: valueOf('--sizes')?.split(',') }).then(
    (figures) => {
      console.log(`(i) open the same Markdown article in Gloss and in a bare marked + DOMPurify page, same Chromium, interleaved (load average ${loadAverage()}):`);
      printVersusBare(figures);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
