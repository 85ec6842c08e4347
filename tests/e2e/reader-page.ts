/**
 * Driving the reading view as a reader does, for the end-to-end tests: waiting for a document and
 * its annotations, selecting text, reading what is painted, and the parts of the page by role.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, removeDataDir, startGlossServer, type GlossServer } from './gloss-server';

/** A server reading a document file `name` written in a temporary folder, which the test may rewrite. */
export async function serveFile(
  name: string,
  contents: string,
): Promise<{ server: GlossServer; file: string; write: (text: string) => Promise<void>; cleanup: () => Promise<void> }> {
  const folder = await mkdtemp(join(tmpdir(), 'gloss-document-'));
  const file = join(folder, name);
  await writeFile(file, contents);
  const server = await startGlossServer({ args: [file] });
  return {
    server,
    file,
    write: (text) => writeFile(file, text),
    cleanup: async () => {
      await server.stop();
      await removeDataDir(server.dataDir);
      await rm(folder, { recursive: true, force: true });
    },
  };
}

/** Waits until the document is shown and its annotations are loaded and anchored. */
export async function annotationsLoaded(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
  // By id, not role: in a narrow window the sidebar is put away, and still loads.
  await expect(page.locator('#annotations-panel')).toHaveAttribute('aria-busy', 'false');
}

/** Opens the reader at `url` and waits for its document and annotations. */
export async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await annotationsLoaded(page);
}

/** Reloads the page (the file is read again) and waits for its document and annotations. */
export async function reopen(page: Page): Promise<void> {
  await page.reload();
  await annotationsLoaded(page);
}

/**
 * Selects `text` in the article as a reader's drag would leave it: a Range over the text nodes
 * (the text may cross elements), then the mouseup that ends a drag. With `through`, the
 * selection runs from the start of `text` to the end of `through`, across blocks.
 */
export async function selectText(page: Page, text: string, through?: string): Promise<void> {
  await page.evaluate(({ wanted, last }) => {
    const article = document.getElementById('article')!;
    const nodes: Text[] = [];
    const starts: number[] = [];
    let all = '';
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push(node as Text);
      starts.push(all.length);
      all += (node as Text).data;
    }
    const at = all.indexOf(wanted);
    if (at < 0) throw new Error(`not in the article: ${wanted}`);
    const end = last === null ? at + wanted.length : all.indexOf(last, at) + last.length;
    if (end < at) throw new Error(`not in the article after "${wanted}": ${last}`);
    const locate = (offset: number, isEnd: boolean) => {
      let i = nodes.length - 1;
      while (i > 0 && (isEnd ? starts[i]! >= offset : starts[i]! > offset)) i--;
      return { node: nodes[i]!, offset: offset - starts[i]! };
    };
    const from = locate(at, false);
    const to = locate(end, true);
    const range = document.createRange();
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    from.node.parentElement!.scrollIntoView({ block: 'center' });
    const selection = document.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    const box = range.getBoundingClientRect();
    article.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, clientX: box.right, clientY: box.bottom }));
  }, { wanted: text, last: through ?? null });
}

/** The text of every range painted in a CSS highlight (e.g. 'gloss-yellow'). */
export async function painted(page: Page, name: string): Promise<string[]> {
  return page.evaluate((highlight) => {
    const registered = CSS.highlights.get(highlight) as unknown as Set<Range> | undefined;
    return registered ? [...registered].map((range) => range.toString()) : [];
  }, name);
}

/** The Annotations sidebar. */
export function sidebar(page: Page): Locator {
  return page.getByRole('complementary', { name: 'Annotations' });
}

/** The selection toolbar ("Annotate"). */
export function toolbar(page: Page): Locator {
  return page.getByRole('toolbar', { name: 'Annotate' });
}

/** The note editor of the open highlight. */
export function noteEditor(page: Page): Locator {
  return page.getByRole('dialog').filter({ has: page.getByRole('textbox', { name: 'Note' }) });
}
