/**
 * Test helpers: an article rendered by jsdom, indexed the way the renderer indexes it.
 */
import { JSDOM } from 'jsdom';
import { TextIndex } from '../../../../main/common/anchoring/text-index';

/** An `<article>` holding `html`, its document and its TextIndex. */
export interface TestArticle {
  document: Document;
  root: HTMLElement;
  index: TextIndex;
}

/** Render `html` inside an `<article>` of a fresh jsdom document and index it. */
export function articleFrom(html: string): TestArticle {
  const { window } = new JSDOM(`<!doctype html><html><body><header>Site header</header><article>${html}</article><footer>Site footer</footer></body></html>`);
  const document = window.document;
  const root = document.querySelector('article')!;
  return { document, root, index: new TextIndex(root) };
}

/** Offset of the `occurrence`-th (0-based) copy of `needle` in `text`; throws when missing. */
export function offsetOf(text: string, needle: string, occurrence = 0, from = 0): number {
  let at = text.indexOf(needle, from);
  for (let n = 0; n < occurrence && at !== -1; n++) {
    at = text.indexOf(needle, at + 1);
  }
  if (at === -1) {
    throw new Error(`"${needle}" (occurrence ${occurrence}) is not in the text`);
  }
  return at;
}
