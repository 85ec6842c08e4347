import { articleName, unprefixedName } from './article-names';
import { createSlugger } from './slugs';

/** One heading of a rendered article. */
export interface HeadingInfo {
  /** The heading's id, usable as a `#fragment`. */
  id: string;
  /** 1 for h1 … 6 for h6. */
  level: number;
  /** The heading's text, whitespace collapsed. */
  text: string;
  element: Element;
}

/** Selector of every heading level, in the order querySelectorAll returns them: document order. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4, h5, h6';

/** The text of an element as a reader sees it on one line: runs of whitespace collapsed, trimmed. */
export function visibleText(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The level (1–6) of a heading element. */
export function headingLevel(heading: Element): number {
  return Number(heading.tagName.slice(1));
}

/**
 * Gives every heading under `root` an id: the GitHub slug of its text, in the article's namespace
 * (`user-content-set-up`, see article-names.ts), for those without one, or whose id repeats an
 * earlier element's. Ids already present are kept, so running it again, or after the renderer,
 * changes nothing.
 */
export function ensureHeadingIds(root: Element): void {
  const headings = Array.from(root.querySelectorAll(HEADING_SELECTOR));
  const seen = new Set<string>();
  const needIds: Element[] = [];
  for (const element of root.querySelectorAll('[id]')) {
    const id = element.id;
    const isHeading = element.matches(HEADING_SELECTOR);
    // A heading whose id an earlier element already has would be unreachable by its fragment.
    if (isHeading && (unprefixedName(id) === '' || seen.has(id))) needIds.push(element);
    else seen.add(id);
  }
  for (const heading of headings) if (!heading.hasAttribute('id')) needIds.push(heading);
  if (needIds.length === 0) return;

  // The slugger works on bare slugs: a written id="setup" (now user-content-setup) takes "setup".
  const slugger = createSlugger(Array.from(seen).filter((id) => id !== unprefixedName(id)).map(unprefixedName));
  // Slugs are handed out in document order so that the first "Notes" is notes, the second notes-1.
  const pending = new Set(needIds);
  for (const heading of headings) {
    if (pending.has(heading)) heading.id = articleName(slugger.slug(visibleText(heading)));
  }
}

/**
 * The headings (h1–h6) under `root`, in document order, each given an id first when it lacks one
 * (see ensureHeadingIds).
 */
export function collectHeadings(root: Element): HeadingInfo[] {
  ensureHeadingIds(root);
  return Array.from(root.querySelectorAll(HEADING_SELECTOR), (element) => ({
    id: element.id,
    level: headingLevel(element),
    text: visibleText(element),
    element,
  }));
}
