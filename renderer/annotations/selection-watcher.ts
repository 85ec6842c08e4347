/**
 * Watches the document selection for a passage of the article that could be highlighted, made
 * with the mouse (reported when the drag ends) or with the keyboard (shift+arrows in caret
 * browsing: reported once the selection has been still for a moment).
 */

/** How long a keyboard selection must stay unchanged before the toolbar appears. */
const SETTLE_MS = 160;

export interface SelectionWatcherOptions {
  /** The element that scrolls the article: drags start here. */
  scope: HTMLElement;
  /** The rendered article, or null when no document is open. */
  article: () => HTMLElement | null;
  /** Elements of our own (toolbar, editor) whose clicks are not a new selection. */
  isOwnElement: (target: Node) => boolean;
  /** Called with a copy of the usable selection, or null when there is none. */
  onChange: (range: Range | null) => void;
}

/** The selection as a Range over article text, or null when it is empty or elsewhere. */
export function articleSelection(article: HTMLElement | null, scope: HTMLElement): Range | null {
  if (!article) return null;
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!range.intersectsNode(article)) return null;
  // A drag may end in the reader's margin, but not in another panel.
  if (!scope.contains(range.startContainer) || !scope.contains(range.endContainer)) return null;
  if (!range.toString().trim()) return null;
  return range.cloneRange();
}

/** Reports article selections as they are made; see SelectionWatcherOptions. */
export class SelectionWatcher {
  private dragging = false;
  private timer = 0;

  constructor(private readonly options: SelectionWatcherOptions) {
    const { scope, isOwnElement } = options;
    scope.addEventListener('pointerdown', (event) => {
      if (event.button !== 0 || isOwnElement(event.target as Node)) return;
      this.dragging = true;
    });
    const endDrag = () => {
      if (!this.dragging) return;
      this.dragging = false;
      // The selection is final only after the mouseup has been handled.
      window.setTimeout(() => this.report(), 0);
    };
    document.addEventListener('pointerup', endDrag);
    document.addEventListener('mouseup', endDrag);
    document.addEventListener('pointercancel', () => (this.dragging = false));
    document.addEventListener('selectionchange', () => {
      if (this.dragging) return;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.report(), SETTLE_MS);
    });
  }

  /** The current usable selection, read now. */
  current(): Range | null {
    return articleSelection(this.options.article(), this.options.scope);
  }

  /** Reports the current selection now (e.g. after a synthetic mouseup in tests or a shortcut). */
  report(): void {
    window.clearTimeout(this.timer);
    this.options.onChange(this.current());
  }
}
