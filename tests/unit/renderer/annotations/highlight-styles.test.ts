import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { ensureHighlightStyles, giveEveryElementHighlightStyles, HIGHLIGHT_STYLES_ATTRIBUTE } from '../../../../renderer/annotations/highlight-styles';
import { createWindow } from '../../main/common/article/jsdom-window';

const YELLOW = 'rgba(255, 208, 40, 0.4)';

let document: Document;

beforeEach(() => {
  document = createWindow().document;
  document.body.innerHTML = '<article class="article"><p>The <em>quick</em> fox.</p></article><p id="outside">Not in it.</p>';
});

/** A range over the text of `selector`'s first text node. */
function rangeIn(selector: string): Range {
  const text = document.querySelector(selector)!.firstChild!;
  const range = document.createRange();
  range.setStart(text, 0);
  range.setEnd(text, 2);
  return range;
}

/** Highlight styles as a browser would compute them: the article's own, and what a child gets. */
function styles(own: string, child: string) {
  const asked: Element[] = [];
  const computed = (element: Element) => {
    asked.push(element);
    return { backgroundColor: element.classList.contains('article') ? own : child };
  };
  return { asked, computed };
}

const mark = () => document.documentElement.getAttribute(HIGHLIGHT_STYLES_ATTRIBUTE);

describe('ensureHighlightStyles', () => {
  it('keeps the styles on the article where its elements inherit them', () => {
    const { computed } = styles(YELLOW, YELLOW);
    ensureHighlightStyles(rangeIn('em'), computed);
    assert.equal(mark(), 'inherited');
  });

  it('gives the styles to every element where the browser does not pass them on', () => {
    ensureHighlightStyles(rangeIn('em'), styles(YELLOW, 'rgba(0, 0, 0, 0)').computed);
    assert.equal(mark(), 'each');
  });

  it('gives them to every element where the browser cannot compute highlight styles at all', () => {
    ensureHighlightStyles(rangeIn('p'), styles('', '').computed);
    assert.equal(mark(), 'each');
  });

  it('asks once per page, and only about highlights in the article', () => {
    const outside = styles(YELLOW, 'rgba(0, 0, 0, 0)');
    ensureHighlightStyles(rangeIn('#outside'), outside.computed);
    assert.equal(mark(), null);
    assert.deepEqual(outside.asked, []);
    const first = styles(YELLOW, YELLOW);
    ensureHighlightStyles(rangeIn('em'), first.computed);
    const again = styles(YELLOW, 'rgba(0, 0, 0, 0)');
    ensureHighlightStyles(rangeIn('p'), again.computed);
    assert.equal(first.asked.length, 2);
    assert.deepEqual(again.asked, []);
    assert.equal(mark(), 'inherited');
  });
});

/** The page's stylesheet, as the CSSOM holds it: every rule's text, @media blocks flattened in. */
function ruleTexts(): string[] {
  const texts: string[] = [];
  const walk = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      const group = rule as CSSRule & { cssRules?: CSSRuleList };
      if (group.cssRules && !(rule as CSSStyleRule).selectorText) walk(group.cssRules);
      else texts.push(rule.cssText.replace(/\s+/g, ' '));
    }
  };
  for (const sheet of Array.from(document.styleSheets)) walk(sheet.cssRules);
  return texts;
}

describe('giveEveryElementHighlightStyles', () => {
  beforeEach(() => {
    const style = document.createElement('style');
    style.textContent = `
      .article::highlight(gloss-yellow) { background-color: yellow; }
      p { color: blue; }
      :root[data-theme='dark'] .article::highlight(gloss-green) { color: white; }
      @media (forced-colors: active) { .article::highlight(gloss-yellow), .article::highlight(gloss-note) { background-color: Mark; } }`;
    document.head.append(style);
  });

  it('gives each article highlight rule a twin for every element, in the same place, with the same declarations', () => {
    assert.equal(giveEveryElementHighlightStyles(document), 3);
    const texts = ruleTexts();
    const yellow = texts.findIndex((text) => text.startsWith('.article::highlight(gloss-yellow)'));
    assert.match(texts[yellow + 1]!, /^\.article \*::highlight\(gloss-yellow\) \{ ?background-color: yellow;/, 'the twin follows its rule, with its declarations');
    assert.ok(texts.some((text) => /^:root\[data-theme=.dark.\] \.article \*::highlight\(gloss-green\) \{ ?color: white;/.test(text)), texts.join('\n'));
    assert.ok(texts.some((text) => /^\.article \*::highlight\(gloss-yellow\), \.article \*::highlight\(gloss-note\) \{ ?background-color: Mark;/.test(text)), 'the @media block gets its twin inside it');
    assert.ok(texts.includes('p {color: blue;}') || texts.includes('p { color: blue; }'), 'other rules are left as they are');
  });

  it('is what ensureHighlightStyles does where the browser does not pass highlight styles on, and only there', () => {
    ensureHighlightStyles(rangeIn('em'), styles(YELLOW, YELLOW).computed);
    assert.equal(ruleTexts().filter((text) => text.includes('*::highlight')).length, 0, 'twins made where inheritance works');
    document.documentElement.removeAttribute(HIGHLIGHT_STYLES_ATTRIBUTE);
    ensureHighlightStyles(rangeIn('em'), styles(YELLOW, 'rgba(0, 0, 0, 0)').computed);
    assert.equal(ruleTexts().filter((text) => text.includes('*::highlight')).length, 3);
  });
});
