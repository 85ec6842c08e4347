/**
 * "Find in document": the search box over the reading view (Ctrl/Cmd+F), its match count, next
 * and previous, the Match case and Match diacritics toggles, and the matches painted with the CSS
 * Custom Highlight API (`gloss-find` for every match, `gloss-find-current` for the one the reader
 * is on), apart from the reader's own highlights and never touching the article's DOM.
 *
 * It searches the article's TextIndex text (find-matches.ts), not the DOM, so a keystroke on a
 * 1 MB article costs an `indexOf` loop; typing is debounced lightly, and at most
 * PAINTED_MATCHES ranges around the current match are painted however many there are.
 */
import type { ArticleModel } from '../article/article-view';
import { scrollPassageIntoView } from '../annotations/reveal';
import { supportsCustomHighlights } from '../annotations/highlight-painter';
import { ensureHighlightStyles } from '../annotations/highlight-styles';
import { h } from '../ui/dom';
import { findMatches, searchableText, type FindMatches, type FindOptions } from './find-matches';

/** The CSS highlights (styles/annotations.css) that paint the matches and the current one. */
export const FIND_HIGHLIGHT = 'gloss-find';
export const FIND_CURRENT_HIGHLIGHT = 'gloss-find-current';

/** Wait after a keystroke before searching, so a word typed fast is searched once. */
const TYPING_DEBOUNCE_MS = 40;
/** Most matches painted at once, around the current one: ranges cost memory and paint time. */
const PAINTED_MATCHES = 200;

/** What the find bar needs from the page. */
export interface FindBarOptions {
  /** The element the bar is put in (at the top of the reading view). */
  host: HTMLElement;
  /** The scrolling reading view. */
  scrollRoot: HTMLElement;
  /** Where the reader is in the text, to start from the first match at or after it. */
  readingOffset: () => number | null;
  /** Focus for Escape when what had it is gone. */
  fallbackFocus: () => void;
}

const NO_MATCHES: FindMatches = { starts: [], ends: [], capped: false };

/** The find bar of the reading view; one per window. */
export class FindBar {
  private readonly bar: HTMLElement;
  private readonly input: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly caseToggle: HTMLButtonElement;
  private readonly diacriticsToggle: HTMLButtonElement;
  private readonly all: Highlight | null = null;
  private readonly currentHighlight: Highlight | null = null;
  private model: ArticleModel | null = null;
  private matches: FindMatches = NO_MATCHES;
  private current = -1;
  private painted = { from: 0, to: 0 };
  private returnFocus: HTMLElement | null = null;
  private timer = 0;
  private readonly options: FindBarOptions;

  constructor(options: FindBarOptions) {
    this.options = options;
    this.input = h('input', { type: 'search', className: 'find-input', 'aria-label': 'Find in document', placeholder: 'Find in document', autocomplete: 'off', spellcheck: 'false' });
    this.count = h('span', { className: 'find-count', role: 'status', 'aria-live': 'polite' });
    const previous = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Previous match', title: 'Previous match (Shift+Enter)' }, '↑');
    const next = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Next match', title: 'Next match (Enter)' }, '↓');
    this.caseToggle = h('button', { type: 'button', className: 'find-toggle', 'aria-pressed': 'false', title: 'Match case' }, 'Aa');
    this.caseToggle.setAttribute('aria-label', 'Match case');
    this.diacriticsToggle = h('button', { type: 'button', className: 'find-toggle', 'aria-pressed': 'false', title: 'Match diacritics (é is not e)' }, 'é');
    this.diacriticsToggle.setAttribute('aria-label', 'Match diacritics');
    const close = h('button', { type: 'button', className: 'icon-button', 'aria-label': 'Close find', title: 'Close (Escape)' }, '×');
    this.bar = h('div', { className: 'find-bar', role: 'search', 'aria-label': 'Find in document', hidden: true }, this.input, this.count, previous, next, this.caseToggle, this.diacriticsToggle, close);
    options.host.append(this.bar);
    if (supportsCustomHighlights()) {
      this.all = new Highlight();
      this.all.priority = 40;
      this.currentHighlight = new Highlight();
      this.currentHighlight.priority = 41;
      CSS.highlights.set(FIND_HIGHLIGHT, this.all);
      CSS.highlights.set(FIND_CURRENT_HIGHLIGHT, this.currentHighlight);
    }
    this.input.addEventListener('input', () => this.searchSoon());
    previous.addEventListener('click', () => this.step(-1));
    next.addEventListener('click', () => this.step(1));
    close.addEventListener('click', () => this.close());
    for (const toggle of [this.caseToggle, this.diacriticsToggle]) {
      toggle.addEventListener('click', () => {
        toggle.setAttribute('aria-pressed', String(toggle.getAttribute('aria-pressed') !== 'true'));
        this.search();
      });
    }
    // The bar's own keys (a widget's, listed in the keymap): they never reach the page's handlers.
    this.bar.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.close();
      } else if (event.key === 'Enter' && event.target === this.input && !event.isComposing) {
        event.preventDefault();
        event.stopPropagation();
        this.step(event.shiftKey ? -1 : 1);
      }
    });
  }

  /** True while the bar is shown. */
  get isOpen(): boolean {
    return !this.bar.hidden;
  }

  /** Shows the bar (or, when shown, selects its text) and searches what it holds. */
  open(): void {
    if (!this.isOpen) {
      const active = document.activeElement;
      this.returnFocus = active instanceof HTMLElement && active !== document.body ? active : null;
      this.bar.hidden = false;
      this.search();
      this.prepareSoon();
    }
    this.input.focus();
    this.input.select();
  }

  /** Hides the bar, clears the painted matches and gives the focus back to where it was. */
  close(): void {
    if (!this.isOpen) return;
    window.clearTimeout(this.timer);
    this.bar.hidden = true;
    this.unpaint();
    this.matches = NO_MATCHES;
    this.current = -1;
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back?.isConnected) back.focus({ preventScroll: true });
    else this.options.fallbackFocus();
  }

  /** The article on screen changed (another document, a reload) or is gone (null). */
  attach(model: ArticleModel | null): void {
    this.model = model;
    if (!this.isOpen) return;
    this.search();
    this.prepareSoon();
  }

  /** Folds the article while the reader starts typing, so the first keystroke does not pay for it. */
  private prepareSoon(): void {
    const model = this.model;
    window.setTimeout(() => {
      if (model && model === this.model) searchableText(model.index.text);
    });
  }

  /** Next (1) or previous (-1) match, from F3, Cmd+G or the keymap; opens the bar when it is closed. */
  findAgain(direction: 1 | -1): void {
    if (!this.isOpen) {
      this.open();
      return;
    }
    if (this.timer !== 0) this.search();
    this.step(direction);
  }

  private searchSoon(): void {
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.search(), TYPING_DEBOUNCE_MS);
  }

  /** Searches the article for the box's text and shows the first match at or after the reader's place. */
  private search(): void {
    window.clearTimeout(this.timer);
    this.timer = 0;
    const options: FindOptions = {
      matchCase: this.caseToggle.getAttribute('aria-pressed') === 'true',
      matchDiacritics: this.diacriticsToggle.getAttribute('aria-pressed') === 'true',
    };
    this.matches = this.model ? findMatches(this.model.index.text, this.input.value, options) : NO_MATCHES;
    const from = this.options.readingOffset() ?? 0;
    const after = this.matches.starts.findIndex((start) => start >= from);
    this.current = this.matches.starts.length === 0 ? -1 : Math.max(0, after);
    this.painted = { from: 0, to: 0 };
    this.show();
  }

  private step(direction: 1 | -1): void {
    const total = this.matches.starts.length;
    if (total === 0) return;
    this.current = (this.current + direction + total) % total;
    this.show();
  }

  /** Paints the matches around the current one, scrolls to it and says where it is. */
  private show(): void {
    const total = this.matches.starts.length;
    this.count.textContent = total === 0 ? (this.input.value.trim() === '' ? '' : 'No matches') : `${this.current + 1} of ${total.toLocaleString('en')}${this.matches.capped ? '+' : ''}`;
    this.bar.classList.toggle('no-matches', total === 0 && this.input.value.trim() !== '');
    if (!this.model || total === 0) {
      this.unpaint();
      return;
    }
    const index = this.model.index;
    const { from, to } = this.painted;
    // Repaint only when the current match nears the edge of what is painted.
    if (to === from || this.current < from + 20 || this.current >= to - 20) {
      const start = Math.max(0, Math.min(this.current - PAINTED_MATCHES / 2, total - PAINTED_MATCHES));
      const end = Math.min(total, start + PAINTED_MATCHES);
      if (start !== from || end !== to) {
        this.all?.clear();
        for (let i = start; i < end; i++) this.all?.add(index.rangeFromOffsets(this.matches.starts[i] as number, this.matches.ends[i] as number));
        this.painted = { from: start, to: end };
      }
    }
    const range = index.rangeFromOffsets(this.matches.starts[this.current] as number, this.matches.ends[this.current] as number);
    // The matches are styled on the article, as the reader's highlights are (highlight-styles.ts).
    if (this.currentHighlight) ensureHighlightStyles(range);
    this.currentHighlight?.clear();
    this.currentHighlight?.add(range);
    openDetailsAround(range.startContainer);
    scrollPassageIntoView(this.options.scrollRoot, range);
  }

  private unpaint(): void {
    this.all?.clear();
    this.currentHighlight?.clear();
    this.painted = { from: 0, to: 0 };
  }
}

/** Opens every closed `<details>` that holds `node`, so the match is shown, not hidden in a fold. */
function openDetailsAround(node: Node): void {
  const element = node instanceof Element ? node : node.parentElement;
  for (let details = element?.closest('details') ?? null; details; details = details.parentElement?.closest('details') ?? null) {
    // The summary shows while closed; anything else inside needs the fold opened.
    if (!details.open && !element?.closest('summary')?.parentElement?.isSameNode(details)) details.open = true;
  }
}
