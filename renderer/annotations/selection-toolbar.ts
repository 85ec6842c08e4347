/**
 * The floating "Annotate" toolbar shown next to a selection: Highlight (last used color), the
 * five colors (named by color, described by their meaning), Add note and Copy, and "Move
 * highlight here" when a highlight was open as the selection was made. One Tab stop with
 * arrow-key navigation; clicking it never takes the selection away.
 */
import { h } from '../ui/dom';
import { colorLabel, colorName, HIGHLIGHT_COLORS, type ColorMeanings, type HighlightColor } from './colors';
import { anchorRectOf, placeFloating } from './floating';
import { wireRovingFocus } from './roving-focus';

/** What the toolbar's buttons do; each receives the selection the toolbar was shown for. */
export interface ToolbarActions {
  highlight(range: Range, color: HighlightColor | null): void;
  addNote(range: Range): void;
  copy(range: Range): void;
  /** Moves the highlight that was open to the selection. */
  moveHere(range: Range): void;
}

let nextId = 0;

/** The selection toolbar. Lives in the reader (not in the article, whose DOM is never touched). */
export class SelectionToolbar {
  readonly element: HTMLElement;
  private readonly lastColorButton: HTMLButtonElement;
  private readonly lastColorSwatch: HTMLElement;
  private readonly colorButtons = new Map<HighlightColor, { button: HTMLButtonElement; tip: HTMLElement }>();
  private readonly roving: { reset(active?: HTMLElement): void; focusFirst(): void };
  private readonly moveGroup: HTMLElement;
  private range: Range | null = null;
  private lastColor: HighlightColor = 'yellow';
  private meanings: ColorMeanings | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly actions: ToolbarActions,
    private readonly onEscape: () => void,
  ) {
    const id = `annotate-${++nextId}`;
    this.lastColorSwatch = h('span', { className: 'swatch', 'aria-hidden': 'true' });
    this.lastColorButton = h('button', { type: 'button', className: 'tb-button tb-highlight', 'aria-keyshortcuts': 'H' }, this.lastColorSwatch, 'Highlight');
    const colors = h('div', { className: 'tb-colors' });
    for (const color of HIGHLIGHT_COLORS) {
      const tip = h('span', { className: 'tb-tip', id: `${id}-${color}`, role: 'tooltip' });
      const button = h(
        'button',
        { type: 'button', className: `tb-color color-${color}`, 'aria-label': colorName(color), 'aria-describedby': tip.id, 'data-color': color },
        h('span', { className: 'swatch', 'aria-hidden': 'true' }),
        tip,
      );
      this.colorButtons.set(color, { button, tip });
      colors.append(button);
    }
    const addNote = h('button', { type: 'button', className: 'tb-button', 'aria-keyshortcuts': 'N', title: 'Highlight and write a note (N)' }, 'Add note');
    const copy = h('button', { type: 'button', className: 'tb-button', title: 'Copy the selected text' }, 'Copy');
    const moveHere = h('button', { type: 'button', className: 'tb-button tb-move', title: 'Move the highlight that was open to this passage' }, 'Move highlight here');
    this.moveGroup = h('span', { className: 'tb-move-group', hidden: true }, h('span', { className: 'tb-divider', 'aria-hidden': 'true' }), moveHere);
    this.element = h(
      'div',
      { className: 'annotate-toolbar', role: 'toolbar', 'aria-label': 'Annotate', 'aria-orientation': 'horizontal', hidden: true },
      this.lastColorButton,
      h('span', { className: 'tb-divider', 'aria-hidden': 'true' }),
      colors,
      h('span', { className: 'tb-divider', 'aria-hidden': 'true' }),
      addNote,
      copy,
      this.moveGroup,
    );
    const buttons = () => Array.from(this.element.querySelectorAll<HTMLButtonElement>('button')).filter((button) => !(this.moveGroup.hidden && this.moveGroup.contains(button)));
    this.roving = wireRovingFocus(this.element, buttons);
    this.roving.reset();

    // Pressing a button must not move focus out of the text or collapse the selection.
    this.element.addEventListener('mousedown', (event) => event.preventDefault());
    this.element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.preventDefault();
        event.stopPropagation();
        this.onEscape();
      }
    });
    const run = (action: (range: Range) => void) => () => {
      if (this.range) action(this.range);
    };
    this.lastColorButton.addEventListener('click', run((range) => this.actions.highlight(range, null)));
    for (const [color, { button }] of this.colorButtons) button.addEventListener('click', run((range) => this.actions.highlight(range, color)));
    addNote.addEventListener('click', run((range) => this.actions.addNote(range)));
    copy.addEventListener('click', run((range) => this.actions.copy(range)));
    moveHere.addEventListener('click', run((range) => this.actions.moveHere(range)));
    host.append(this.element);
  }

  /** Shows the colors' meanings and which color "Highlight" uses. */
  setColors(meanings: ColorMeanings, lastColor: HighlightColor): void {
    this.meanings = meanings;
    this.lastColor = lastColor;
    this.lastColorSwatch.className = `swatch color-${lastColor}`;
    this.lastColorButton.title = `Highlight in ${colorLabel(meanings, lastColor)} (H)`;
    for (const [color, { button, tip }] of this.colorButtons) {
      tip.textContent = colorLabel(meanings, color);
      button.classList.toggle('is-last', color === lastColor);
    }
  }

  /** The color "Highlight" uses. */
  get lastUsedColor(): HighlightColor {
    return this.lastColor;
  }

  /** Whether the toolbar is showing. */
  get visible(): boolean {
    return !this.element.hidden;
  }

  /** The selection the toolbar was shown for. */
  get selection(): Range | null {
    return this.visible ? this.range : null;
  }

  /** Shows the toolbar above (or below) `range`; `canMove` offers "Move highlight here". */
  show(range: Range, options: { canMove?: boolean } = {}): void {
    this.range = range;
    this.moveGroup.hidden = !options.canMove;
    if (this.meanings) this.setColors(this.meanings, this.lastColor);
    const wasHidden = this.element.hidden;
    this.element.hidden = false;
    if (wasHidden) this.roving.reset();
    // Room for the color tooltips too, which open on the side away from the text.
    const side = placeFloating(this.element, this.host, anchorRectOf(range, 'above'), { prefer: 'above', reserve: 36 });
    // Below a selection of several lines means below its last line, not over the others.
    if (side === 'below') placeFloating(this.element, this.host, anchorRectOf(range, 'below'), { prefer: 'below', flip: false });
  }

  /** Hides the toolbar. */
  hide(): void {
    this.element.hidden = true;
    this.range = null;
  }

  /** Moves keyboard focus into the toolbar. */
  focus(): void {
    this.roving.focusFirst();
  }

  /** Whether a node is part of the toolbar. */
  contains(node: Node | null): boolean {
    return !!node && this.element.contains(node);
  }
}
