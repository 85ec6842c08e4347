/**
 * Highlights are styled once, on the article, and every element in it inherits those styles (CSS
 * highlight inheritance, as Chromium does it): restyling a long article then costs one highlight
 * style per highlight, not one per element for each of them, which made its style pass twice as
 * long. A browser that does not inherit highlight styles is found out the first time highlights
 * are painted, and gets the same rules on every element of the article instead (annotations.css
 * keys them on HIGHLIGHT_STYLES_ATTRIBUTE).
 */

import { highlightName } from './colors';

/** Set on <html>: 'inherited' once seen to work, 'each' when every element must be given the styles. */
export const HIGHLIGHT_STYLES_ATTRIBUTE = 'data-highlight-styles';

/** The article's element, whose highlight styles the rules set (annotations.css). */
const ARTICLE_SELECTOR = '.article';

type ComputeStyle = (element: Element, pseudo: string) => Pick<CSSStyleDeclaration, 'backgroundColor'>;

/**
 * Checks once per page, on the element holding the start of `range` (a highlight about to be
 * painted), that it inherits the article's highlight style; when it does not, or the browser
 * cannot say, marks <html> so that every element of the article is given the styles.
 */
export function ensureHighlightStyles(range: Range, computed: ComputeStyle = (element, pseudo) => getComputedStyle(element, pseudo)): void {
  const start = range.startContainer;
  const element = start.nodeType === start.ELEMENT_NODE ? (start as Element) : start.parentElement;
  const article = element?.closest(ARTICLE_SELECTOR);
  const root = start.ownerDocument?.documentElement;
  if (!element || !article || !root || root.hasAttribute(HIGHLIGHT_STYLES_ATTRIBUTE)) return;
  const probe = `::highlight(${highlightName('yellow')})`;
  const own = computed(article, probe).backgroundColor;
  const inherited = computed(element, probe).backgroundColor;
  const inherits = own !== '' && own !== 'transparent' && own !== 'rgba(0, 0, 0, 0)' && inherited === own;
  root.setAttribute(HIGHLIGHT_STYLES_ATTRIBUTE, inherits ? 'inherited' : 'each');
}
