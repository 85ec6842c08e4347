/**
 * "Edit color meanings": a disclosure with one text field per color. Changes are saved a moment
 * after typing stops (or on leaving the field), so meanings show up everywhere at once.
 */
import { h } from '../ui/dom';
import { Autosave } from './autosave';
import { colorName, HIGHLIGHT_COLORS, type ColorMeanings, type HighlightColor } from './colors';
import { LIMITS } from '../../main/common/limits';

/** The disclosure button and its panel. */
export class ColorMeaningsEditor {
  readonly element: HTMLElement;
  private readonly inputs = new Map<HighlightColor, HTMLInputElement>();
  private readonly autosave: Autosave<ColorMeanings>;
  private readonly status: HTMLElement;

  constructor(save: (meanings: ColorMeanings) => Promise<void>) {
    const panelId = 'color-meanings-panel';
    const toggle = h('button', { type: 'button', className: 'disclosure', 'aria-expanded': 'false', 'aria-controls': panelId }, 'Edit color meanings');
    this.status = h('span', { className: 'meanings-status', role: 'status', 'aria-live': 'polite' });
    const fields = HIGHLIGHT_COLORS.map((color) => {
      const id = `color-meaning-${color}`;
      const input = h('input', { type: 'text', id, maxlength: LIMITS.maxColorMeaningLength, autocomplete: 'off', placeholder: 'No meaning' });
      input.addEventListener('input', () => this.autosave.schedule(this.read()));
      input.addEventListener('change', () => void this.autosave.flush());
      this.inputs.set(color, input);
      return h(
        'div',
        { className: 'meaning-field' },
        h('label', { for: id }, h('span', { className: `swatch color-${color}`, 'aria-hidden': 'true' }), colorName(color)),
        input,
      );
    });
    const panel = h(
      'div',
      { className: 'meanings-panel', id: panelId, hidden: true },
      h('p', { className: 'meanings-help' }, 'What each color means to you. Shown next to every highlight, so meaning never rests on color alone.'),
      ...fields,
      this.status,
    );
    toggle.addEventListener('click', () => {
      const open = panel.hidden;
      panel.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
      if (open) this.inputs.get('yellow')?.focus();
    });
    this.autosave = new Autosave(save, (status) => {
      const text = status === 'saved' ? 'Saved' : status === 'error' ? 'Not saved' : status === 'idle' ? '' : 'Saving…';
      if (this.status.textContent !== text) this.status.textContent = text;
    });
    this.element = h('div', { className: 'color-meanings' }, toggle, panel);
  }

  /** Shows the stored meanings, leaving a field the reader is typing in alone. */
  set(meanings: ColorMeanings): void {
    for (const [color, input] of this.inputs) {
      if (document.activeElement !== input && !this.autosave.dirty) input.value = meanings[color];
    }
  }

  private read(): ColorMeanings {
    const value = (color: HighlightColor) => (this.inputs.get(color)?.value ?? '').slice(0, LIMITS.maxColorMeaningLength);
    return { yellow: value('yellow'), green: value('green'), blue: value('blue'), pink: value('pink'), purple: value('purple') };
  }
}
