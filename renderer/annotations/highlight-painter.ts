/**
 * Paints highlights with the CSS Custom Highlight API: ranges are registered in `CSS.highlights`
 * and styled by `::highlight(name)` rules, so the article's DOM is never rewritten. That keeps
 * painting cheap with thousands of highlights and keeps every text offset valid.
 *
 * One Highlight per color (semi-transparent, so overlaps show both), one more per color for
 * highlights whose passage needs the reader's review (`gloss-review-<color>`: a dashed underline
 * and a paler fill), `gloss-note` for highlights that carry a note (marked by an underline, not
 * by color alone), `gloss-selected` for the one being edited, `gloss-current` for the one the
 * keyboard is on (just made, or reached by next / previous highlight) and `gloss-flash` for a
 * brief pulse after jumping to one (none when the reader asks for reduced motion).
 */
import { HIGHLIGHT_COLORS, highlightName, reviewHighlightName, type HighlightColor } from './colors';
import { ensureHighlightStyles } from './highlight-styles';

/** What the painter needs to know of a highlight. */
export interface Paintable {
  id: string;
  color: HighlightColor;
  hasNote: boolean;
  /** Found where the passage probably is, for the reader to accept or re-pick. */
  needsReview: boolean;
  start: number;
  end: number;
  range: Range;
}

export const NOTE_HIGHLIGHT = 'gloss-note';
export const SELECTED_HIGHLIGHT = 'gloss-selected';
export const CURRENT_HIGHLIGHT = 'gloss-current';
export const FLASH_HIGHLIGHT = 'gloss-flash';

const FLASH_MS = 1200;

/** Whether this browser paints CSS highlights (Chromium 105+, Safari 17.2+, Firefox 140+). */
export function supportsCustomHighlights(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';
}

/** Keeps `CSS.highlights` in step with a set of highlights, and answers which lie at an offset. */
export class HighlightPainter {
  private readonly painted = new Map<string, Paintable>();
  private readonly byColor = new Map<HighlightColor, Highlight>();
  private readonly forReview = new Map<HighlightColor, Highlight>();
  private readonly notes: Highlight | null = null;
  private readonly selected: Highlight | null = null;
  private readonly current: Highlight | null = null;
  private readonly flashing: Highlight | null = null;
  private selectedId: string | null = null;
  private currentId: string | null = null;
  private sorted: Paintable[] | null = null;
  private flashTimer = 0;
  private stylesChecked = false;

  constructor() {
    if (!supportsCustomHighlights()) return;
    for (const [priority, color] of HIGHLIGHT_COLORS.entries()) {
      for (const [names, byColor] of [
        [highlightName, this.byColor],
        [reviewHighlightName, this.forReview],
      ] as const) {
        const highlight = new Highlight();
        highlight.priority = priority;
        byColor.set(color, highlight);
        CSS.highlights.set(names(color), highlight);
      }
    }
    const register = (name: string, priority: number) => {
      const highlight = new Highlight();
      highlight.priority = priority;
      CSS.highlights.set(name, highlight);
      return highlight;
    };
    this.notes = register(NOTE_HIGHLIGHT, 10);
    this.selected = register(SELECTED_HIGHLIGHT, 20);
    this.current = register(CURRENT_HIGHLIGHT, 25);
    this.flashing = register(FLASH_HIGHLIGHT, 30);
  }

  /**
   * Makes the painted set equal to `items`: adds, removes and recolors what changed. Ranges are
   * compared by identity, so an unchanged highlight costs nothing.
   */
  sync(items: Iterable<Paintable>): void {
    const next = new Map<string, Paintable>();
    for (const item of items) next.set(item.id, item);
    // Removals first: a settled create hands its range on to its final id, and removing the
    // provisional one afterwards would unpaint the shared range.
    for (const [id, item] of this.painted) {
      if (next.has(id)) continue;
      this.removeRanges(item);
      this.painted.delete(id);
      this.sorted = null;
      if (this.selectedId === id) this.select(null);
      if (this.currentId === id) this.setCurrent(null);
    }
    for (const item of next.values()) {
      const before = this.painted.get(item.id);
      if (before && before.range === item.range && before.color === item.color && before.hasNote === item.hasNote && before.needsReview === item.needsReview) continue;
      if (before) this.removeRanges(before);
      this.addRanges(item);
      this.painted.set(item.id, item);
      this.sorted = null;
    }
  }

  /** Forgets every highlight (no document open). */
  clear(): void {
    this.sync([]);
    this.flashing?.clear();
  }

  /** Marks one highlight as the one being edited, or none. */
  select(id: string | null): void {
    this.selectedId = id;
    this.selected?.clear();
    const item = id ? this.painted.get(id) : undefined;
    if (item) this.selected?.add(item.range);
  }

  /** Marks the highlight the keyboard is on, or none. */
  setCurrent(id: string | null): void {
    this.currentId = id;
    this.current?.clear();
    const item = id ? this.painted.get(id) : undefined;
    if (item) this.current?.add(item.range);
  }

  /** The highlight the keyboard is on, while it is painted. */
  get currentHighlight(): string | null {
    return this.currentId && this.painted.has(this.currentId) ? this.currentId : null;
  }

  /** Briefly emphasises a highlight, after the reader jumped to it; not when the reader asks for reduced motion. */
  flash(id: string): void {
    const item = this.painted.get(id);
    if (!item || !this.flashing || window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
    window.clearTimeout(this.flashTimer);
    this.flashing.clear();
    this.flashing.add(item.range);
    this.flashTimer = window.setTimeout(() => this.flashing?.clear(), FLASH_MS);
  }

  /** The painted highlight with this id. */
  get(id: string): Paintable | undefined {
    return this.painted.get(id);
  }

  /** Highlights whose text touches `offset` (a caret position: between two characters). */
  idsNear(offset: number): Paintable[] {
    this.sorted ??= [...this.painted.values()].sort((a, b) => a.start - b.start);
    const found: Paintable[] = [];
    for (const item of this.sorted) {
      if (item.start > offset) break;
      if (item.end >= offset) found.push(item);
    }
    return found;
  }

  private addRanges(item: Paintable): void {
    if (!this.stylesChecked && this.byColor.size > 0) {
      this.stylesChecked = true;
      ensureHighlightStyles(item.range);
    }
    (item.needsReview ? this.forReview : this.byColor).get(item.color)?.add(item.range);
    if (item.hasNote) this.notes?.add(item.range);
    if (this.selectedId === item.id) this.selected?.add(item.range);
    if (this.currentId === item.id) this.current?.add(item.range);
  }

  private removeRanges(item: Paintable): void {
    this.byColor.get(item.color)?.delete(item.range);
    this.forReview.get(item.color)?.delete(item.range);
    this.notes?.delete(item.range);
    this.selected?.delete(item.range);
    this.current?.delete(item.range);
  }
}
