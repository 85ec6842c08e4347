import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadHeadlessRenderer } from '../../main/documents/headless-render';
import { loadForReading } from '../../main/documents/load-document';
import { expect, removeDataDir, startGlossServer, test } from './gloss-server';

/**
 * The main side's headless render (import, export, the CLI) must see the very text the reading
 * view shows, since every highlight offset counts in it. Each document here is opened in Chromium
 * and rendered headlessly, and the two texts compared.
 */
const DOCUMENTS: Record<string, string> = {
  'tables.md': `# Tables

| Name | Count | Note |
|:-----|------:|:----:|
| apples | 3 | *fresh* |
| pears | 12 | \`code\` and **bold** |

Text after the table.
`,
  'lists-and-footnotes.md': `# Lists and footnotes

1. First
   - nested *one*
   - nested two
2. Second

- [x] Done task
- [ ] Open task

> A quote with a footnote[^1] and another[^long].

\`\`\`js
const x = 1;   // spaces kept
\`\`\`

[^1]: The first note.
[^long]: A longer note
    over two lines.
`,
  'inline-html.md': `# Inline HTML

<div class="box">A raw block with <kbd>Ctrl</kbd>+<kbd>S</kbd> &amp; an&nbsp;entity.</div>

Line one<br>line two, H<sub>2</sub>O and x<sup>2</sup>.

<details><summary>More?</summary>

Hidden *text*.

</details>

<script>alert('never')</script><span onclick="alert(1)">clicks do nothing</span>
`,
  'remote-image.md': `# Images 🎉

![A chart](https://example.com/chart.png)

![Missing local](images/none.png) Caption text.

שלום עולם — e\u0301 and 👩‍👩‍👧.
`,
  'faq.md': `# Product FAQ

Intro paragraph.

**Q: Does it work offline?**

A: Yes, entirely.

**Q: Where is data kept?**

A: In one folder.

## Frequently Asked Questions

### Is it free?

It is.
`,
};

test('the headless render’s text is the reading view’s, for every kind of document', async ({ browser }) => {
  test.setTimeout(120_000);
  const folder = await mkdtemp(join(tmpdir(), 'gloss-headless-'));
  try {
    const files = [resolve('tests/fixtures/articles/bookshop-revival.txt')];
    for (const [name, text] of Object.entries(DOCUMENTS)) {
      await writeFile(join(folder, name), text);
      files.push(join(folder, name));
    }
    const renderer = await loadHeadlessRenderer();
    // The sample first (what a fresh data folder opens), then each file.
    for (const file of [null, ...files]) {
      const server = await startGlossServer({ args: file === null ? [] : [file] });
      const page = await browser.newPage();
      try {
        await page.goto(server.url);
        await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
        await expect(page.getByRole('article')).not.toBeEmpty();
        const shown = await page.evaluate(() => {
          const root = document.getElementById('article')!;
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let joined = '';
          for (let node = walker.nextNode(); node; node = walker.nextNode()) joined += (node as Text).data;
          return { textContent: root.textContent ?? '', joined };
        });
        expect(shown.joined).toBe(shown.textContent);

        const path = file ?? resolve('assets/articles/000_d802b92d1a2a96bd.txt');
        const headless = renderer.renderArticle((await loadForReading(path)).markdown);
        expect(headless.text, `${path}: the headless text`).toBe(shown.textContent);
        const questions = await page.getByRole('navigation', { name: 'FAQ' }).getByRole('link').allTextContents();
        expect(headless.faq.map((entry) => entry.question), `${path}: the FAQ`).toEqual(questions);
      } finally {
        await page.close();
        await server.stop();
        await removeDataDir(server.dataDir);
      }
    }
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
