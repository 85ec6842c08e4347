/**
 * Moving through the highlights in reading order, and the list following the reading: the
 * highlight the keyboard is on (`gloss-current`: just made with H, its note just closed, or reached
 * with next / previous highlight), and the sidebar entry of the highlight on screen.
 */
import type { AnnotationEntry } from './annotation-state';
import type { HighlightPainter } from './highlight-painter';
import { scrollPassageIntoView } from './reveal';

/** A painted highlight, where it is in the text. */
interface Placed {
  id: string;
  start: number;
  end: number;
  range: Range;
}

export interface HighlightNavigationDeps {
  scrollRoot: HTMLElement;
  painter: HighlightPainter;
  /** Marks the list entry of the highlight on screen (or none). */
  markOnScreen(id: string | null): void;
  /** Opens a highlight's note editor. */
  open(id: string): void;
  /** Says what happened to screen-reader users (a polite live region). */
  announce(text: string): void;
  /** How a highlight is described when the keyboard reaches it ("Yellow highlight: …"). */
  describe(id: string): string;
}

/** Finds the first index in `list` for which `test` holds, `list` being ordered so that it holds from some index on. */
function firstWhere<T>(list: readonly T[], test: (item: T) => boolean): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (test(list[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** The highlights in reading order, the one the keyboard is on, and the one on screen. */
export class HighlightNavigation {
  private order: Placed[] = [];
  private currentId: string | null = null;
  private onScreenId: string | null = null;
  private frame = 0;

  constructor(private readonly deps: HighlightNavigationDeps) {
    deps.scrollRoot.addEventListener(
      'scroll',
      () => {
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.follow());
      },
      { passive: true },
    );
  }

  /** The highlight the keyboard is on, if any. */
  get current(): string | null {
    return this.currentId;
  }

  /** The annotations changed: `resolve` gives a provisional id its final one once created. */
  update(entries: readonly AnnotationEntry[], resolve: (id: string) => string): void {
    this.order = entries
      .filter((entry) => entry.span && entry.annotation.kind === 'highlight')
      .map(({ annotation, span }) => ({ id: annotation.id, start: span!.start, end: span!.end, range: span!.range }))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    if (this.currentId) this.currentId = resolve(this.currentId);
    if (this.currentId && !this.order.some((placed) => placed.id === this.currentId)) this.currentId = null;
    this.deps.painter.setCurrent(this.currentId);
    this.follow();
  }

  /** The keyboard is on this highlight now (or on none). */
  setCurrent(id: string | null): void {
    this.currentId = id;
    this.deps.painter.setCurrent(id);
    this.follow();
  }

  /** No document: nothing to move through. */
  clear(): void {
    this.order = [];
    this.currentId = null;
    this.onScreenId = null;
    this.deps.painter.setCurrent(null);
    this.deps.markOnScreen(null);
  }

  /**
   * Goes to the next (+1) or previous (-1) highlight: after the one the keyboard is on, or else
   * from the top of the view. Returns false when there is none that way.
   */
  step(direction: 1 | -1): boolean {
    const target = this.neighbour(direction);
    if (!target) return false;
    this.setCurrent(target.id);
    scrollPassageIntoView(this.deps.scrollRoot, target.range);
    const index = this.order.indexOf(target);
    this.deps.announce(`${this.deps.describe(target.id)} (${index + 1} of ${this.order.length})`);
    return true;
  }

  /** Opens the note of the highlight the keyboard is on; false when there is none. */
  openCurrent(): boolean {
    if (!this.currentId) return false;
    this.deps.open(this.currentId);
    return true;
  }

  private neighbour(direction: 1 | -1): Placed | undefined {
    const current = this.currentId ? this.order.find((placed) => placed.id === this.currentId) : undefined;
    if (current) {
      const at = this.order.indexOf(current);
      return this.order[at + direction];
    }
    const top = this.deps.scrollRoot.getBoundingClientRect().top;
    // From the view: the first highlight whose top is on screen or below, or the last one above it.
    const below = firstWhere(this.order, (placed) => placed.range.getBoundingClientRect().top >= top - 1);
    return this.order[direction === 1 ? below : below - 1];
  }

  /** Marks the list entry of what is on screen: the highlight the keyboard is on if it shows, else the first that does. */
  private follow(): void {
    const view = this.deps.scrollRoot.getBoundingClientRect();
    const shows = (placed: Placed) => {
      const rect = placed.range.getBoundingClientRect();
      return rect.bottom > view.top && rect.top < view.bottom;
    };
    const current = this.currentId ? this.order.find((placed) => placed.id === this.currentId) : undefined;
    let onScreen: Placed | undefined = current && shows(current) ? current : undefined;
    if (!onScreen) {
      const first = this.order[firstWhere(this.order, (placed) => placed.range.getBoundingClientRect().bottom > view.top)];
      onScreen = first && shows(first) ? first : undefined;
    }
    const id = onScreen?.id ?? null;
    if (id === this.onScreenId) return;
    this.onScreenId = id;
    this.deps.markOnScreen(id);
  }
}
