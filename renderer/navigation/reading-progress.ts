import type { ReadingPosition } from '../../main/api';
import type { ReadingAnchor } from './reading-anchor';

/**
 * The reading-progress bar and the reading position: the bar follows the scroll, and the
 * position is reported (debounced) so it can be restored when the document is reopened.
 */
export class ReadingProgress {
  private saveTimer = 0;
  private onPosition: ((position: ReadingPosition) => void) | null = null;
  /** False while no document is shown: the bar stays empty. */
  private tracking = false;
  private anchor: ReadingAnchor | null = null;

  constructor(
    private readonly scrollRoot: HTMLElement,
    private readonly progressbar: HTMLElement,
    private readonly bar: HTMLElement,
  ) {
    scrollRoot.addEventListener('scroll', () => this.update(), { passive: true });
    window.addEventListener('resize', () => this.update());
  }

  /** How far through the document the reader is, 0..1. */
  fraction(): number {
    const scrollable = this.scrollRoot.scrollHeight - this.scrollRoot.clientHeight;
    return scrollable <= 0 ? 1 : Math.min(1, Math.max(0, this.scrollRoot.scrollTop / scrollable));
  }

  /**
   * Starts tracking a document and goes back to `position`: to its text offset when it has one
   * (exact, whatever the text size or window), else to its scroll fraction. `onPosition`
   * receives the position once scrolling settles.
   */
  track(position: ReadingPosition | null, onPosition: ((position: ReadingPosition) => void) | null, anchor: ReadingAnchor | null = null): void {
    this.tracking = true;
    this.onPosition = null;
    this.anchor = anchor;
    const restoredByText = position?.textOffset !== undefined && anchor !== null && anchor.scrollToOffset(position.textOffset);
    if (!restoredByText) {
      const scrollable = this.scrollRoot.scrollHeight - this.scrollRoot.clientHeight;
      this.scrollRoot.scrollTop = position ? Math.round(position.fraction * scrollable) : 0;
    }
    this.update();
    this.onPosition = onPosition;
  }

  /**
   * Runs a change of layout (text size, line width) and brings the text that was at the top of
   * the view back there, so the reader does not lose their place.
   */
  keepPlace(change: () => void): void {
    const offset = this.tracking ? (this.anchor?.offsetAtTop() ?? null) : null;
    change();
    if (offset !== null) this.anchor?.scrollToOffset(offset);
  }

  /** No document: an empty bar, and nothing reported. */
  clear(): void {
    this.tracking = false;
    this.anchor = null;
    this.onPosition = null;
    window.clearTimeout(this.saveTimer);
    this.progressbar.setAttribute('aria-valuenow', '0');
    this.bar.style.setProperty('--progress', '0%');
  }

  private update(): void {
    if (!this.tracking) return;
    const percent = Math.round(this.fraction() * 100);
    this.progressbar.setAttribute('aria-valuenow', String(percent));
    this.bar.style.setProperty('--progress', `${percent}%`);
    if (!this.onPosition) return;
    window.clearTimeout(this.saveTimer);
    const report = this.onPosition;
    this.saveTimer = window.setTimeout(() => {
      const textOffset = this.anchor?.offsetAtTop() ?? null;
      report({ fraction: Number(this.fraction().toFixed(4)), ...(textOffset === null ? {} : { textOffset }) });
    }, 600);
  }
}
