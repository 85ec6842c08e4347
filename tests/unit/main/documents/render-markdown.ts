/**
 * Test helper: renders Markdown the way the renderer does (marked, GitHub-flavoured) into a DOM, so
 * tests check what a reader sees rather than the Markdown source.
 */
import { JSDOM } from 'jsdom';
import { marked } from 'marked';

/** A top-level element of rendered Markdown, reduced to what tests compare. */
export interface RenderedBlock {
  tag: string;
  /** Text as shown, with `<br>` as '\n'. */
  text: string;
  className: string;
  element: Element;
}

/** Visible text of a node, line breaks (`<br>`) included as '\n'. */
export function textOf(node: Node): string {
  if (node.nodeType === node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeName === 'BR') return '\n';
  return Array.from(node.childNodes, textOf).join('');
}

/** Renders Markdown to a detached `<body>`. */
export function renderMarkdown(markdown: string): HTMLElement {
  const html = marked.parse(markdown, { async: false });
  return new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;
}

/** The top-level blocks of rendered Markdown, in order. */
export function renderedBlocks(markdown: string): RenderedBlock[] {
  return Array.from(renderMarkdown(markdown).children, (element) => ({
    tag: element.tagName.toLowerCase(),
    text: textOf(element).trim(),
    className: element.getAttribute('class') ?? '',
    element,
  }));
}

/** The texts of the top-level blocks with a given tag. */
export function textsOf(markdown: string, tag: string): string[] {
  return renderedBlocks(markdown)
    .filter((block) => block.tag === tag)
    .map((block) => block.text);
}
