/**
 * Test helper: renders Markdown through the app's own article pipeline (main/common/article:
 * marked with GitHub Flavored Markdown and footnotes, DOMPurify under Gloss's allowlist, the link
 * rules, heading ids) in a jsdom window, so tests check what a reader sees rather than the
 * Markdown source.
 */
import { createMarkdownRenderer } from '../../../../main/common/article/render-markdown';
import { createWindow } from '../common/article/jsdom-window';

const window = createWindow();
const renderer = createMarkdownRenderer(window);

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

/**
 * Renders Markdown as the reading view does (a browser-mode page: external links open in a new
 * tab, and no image next to the document resolves) into a detached `<body>`.
 */
export function renderMarkdown(markdown: string): HTMLElement {
  const { html } = renderer.render(markdown, { resolveAssetUrl: () => null, externalLinks: 'new-tab' });
  const body = window.document.createElement('body');
  body.innerHTML = html;
  return body;
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
