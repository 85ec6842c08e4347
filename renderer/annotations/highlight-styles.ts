/**
 * Highlights are styled once, on the article (`.article::highlight(…)`), and every element in it
 * inherits those styles (CSS highlight inheritance, as Chromium does it). A rule on every element
 * would be matched against each element of the article on every style pass: at 1 MB that made the
 * article's style pass 2.8 times as long, on the way to its first frame. A browser that does not
 * inherit highlight styles is found out the first time highlights are painted, and only then are
 * the article's highlight rules given a twin for every element (giveEveryElementHighlightStyles).
 */

import { highlightName } from './colors';

/** Set on <html>: 'inherited' once seen to work, 'each' once every element was given the styles. */
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
  if (!inherits) giveEveryElementHighlightStyles(root.ownerDocument);
}

/** What a highlight rule of the article's is written as, and what its twin for every element is. */
const ARTICLE_HIGHLIGHT = `${ARTICLE_SELECTOR}::highlight(`;
const EVERY_ELEMENT_HIGHLIGHT = `${ARTICLE_SELECTOR} *::highlight(`;

/** The CSSOM rules that hold rules of their own (@media, @supports, @layer blocks). */
interface GroupingRule {
  readonly cssRules: CSSRuleList;
  insertRule(rule: string, index?: number): number;
}

/**
 * Gives every `.article::highlight(…)` rule of the page's stylesheets a twin right after it, in
 * the same sheet or @media block, that styles the highlight on every element of the article: the
 * stylesheet stays the one source of the highlights' looks. Returns how many twins were added.
 */
export function giveEveryElementHighlightStyles(document: Document): number {
  let added = 0;
  const visit = (group: GroupingRule) => {
    // Backwards: a twin inserted after its rule is never visited itself.
    for (let index = group.cssRules.length - 1; index >= 0; index--) {
      const rule = group.cssRules[index] as CSSRule & { selectorText?: string; style?: CSSStyleDeclaration; cssRules?: CSSRuleList };
      if (typeof rule.selectorText === 'string' && rule.style && rule.selectorText.includes(ARTICLE_HIGHLIGHT)) {
        group.insertRule(`${rule.selectorText.split(ARTICLE_HIGHLIGHT).join(EVERY_ELEMENT_HIGHLIGHT)} { ${rule.style.cssText} }`, index + 1);
        added += 1;
      } else if (rule.cssRules) {
        visit(rule as unknown as GroupingRule);
      }
    }
  };
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      void sheet.cssRules;
    } catch {
      // A sheet of another origin cannot be read; the page's own are all of this one.
      continue;
    }
    visit(sheet);
  }
  return added;
}
