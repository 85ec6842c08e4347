/** Small DOM helpers shared by the renderer's views. */

/**
 * The window's own element with this id; throws when index.html and the code disagree. Elements
 * inside the article are skipped: a document's heading slugs are its author's, and one titled
 * "Empty state" must not stand in for the app's #empty-state.
 */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  for (const element of document.querySelectorAll(`[id="${CSS.escape(id)}"]`)) {
    if (!element.parentElement?.closest('article.article')) return element as T;
  }
  throw new Error(`index.html has no #${id}`);
}

type Attributes = Record<string, string | number | boolean | null | undefined>;

/**
 * Creates an element with attributes and children. Text children become text nodes, so content
 * from documents or notes is never parsed as HTML here.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'className') element.className = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** True when keyboard focus is in a place that takes typing, so single-key shortcuts stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
  return false;
}
