/**
 * The Appearance popover: theme, typeface, the reading sliders (text size, line width, paragraph
 * spacing, margins, reading speed) and justification. Every control is a native radio, slider or
 * checkbox with a label, so the keyboard and screen readers work as they do everywhere. The line
 * width slider reaches only as far as the article column holds, so each of its steps shows.
 */
import type { Settings } from '../../main/api';
import { SETTING_RANGES, THEME_LABELS, THEMES, TYPEFACE_LABELS, TYPEFACES } from '../../main/common/limits';
import { byId, h } from '../ui/dom';
import { afterNextPaint } from '../ui/after-next-paint';
import { applyAppearance, hyphenates, onSystemThemeChange } from './reading-style';
import { TYPEFACE_STACKS } from './typefaces';

/** A slider of the panel: which setting, its label, its step and how its value reads. */
interface SliderSpec {
  key: 'fontSize' | 'lineWidth' | 'paragraphSpacing' | 'margin' | 'readingSpeed';
  label: string;
  step: number;
  format(value: number): string;
}

const SLIDERS: readonly SliderSpec[] = [
  { key: 'fontSize', label: 'Text size', step: 1, format: (value) => `${value}px` },
  { key: 'lineWidth', label: 'Line width', step: 2, format: (value) => `${value}ch` },
  { key: 'paragraphSpacing', label: 'Paragraph spacing', step: 1, format: (value) => `${(value / 10).toFixed(1)} em` },
  { key: 'margin', label: 'Margins', step: 8, format: (value) => `${value}px` },
  { key: 'readingSpeed', label: 'Reading speed', step: 10, format: (value) => `${value} wpm` },
];

/** What main.ts drives: new settings to show, and how long a line the article column holds. */
export interface AppearanceControls {
  update(settings: Settings): void;
  /** The article column holds at most `chars` characters a line: the line width slider stops there. */
  fitLineWidth(chars: number): void;
}

/** A set of radios, one per choice, in a fieldset. */
function radioChoices<T extends string>(fieldset: HTMLElement, name: string, choices: readonly T[], label: (choice: T) => string, onChoose: (choice: T) => void): Map<T, HTMLInputElement> {
  const inputs = new Map<T, HTMLInputElement>();
  for (const choice of choices) {
    const input = h('input', { type: 'radio', name, value: choice });
    const text = h('span', { className: 'choice-label' }, label(choice));
    fieldset.append(h('label', {}, input, text));
    input.addEventListener('change', () => input.checked && onChoose(choice));
    inputs.set(choice, input);
  }
  return inputs;
}

/**
 * Wires the Appearance popover. `onChange` receives each change as a partial settings patch; the
 * caller stores it and calls `update` back.
 */
export function createAppearanceControls(onChange: (patch: Partial<Settings>) => void): AppearanceControls {
  const themes = radioChoices(byId('theme-choice'), 'theme', THEMES, (theme) => THEME_LABELS[theme], (theme) => onChange({ theme }));
  const typefaces = radioChoices(byId('typeface-choice'), 'typeface', TYPEFACES, (typeface) => TYPEFACE_LABELS[typeface], (typeface) => onChange({ typeface }));
  // Each typeface's name is set in that typeface (OpenDyslexic once it has been loaded).
  for (const [typeface, input] of typefaces) (input.nextElementSibling as HTMLElement).style.setProperty('font-family', TYPEFACE_STACKS[typeface]);

  const sliders = new Map<SliderSpec['key'], { spec: SliderSpec; input: HTMLInputElement; output: HTMLOutputElement }>();
  const host = byId('appearance-ranges');
  for (const spec of SLIDERS) {
    const id = `setting-${spec.key}`;
    const input = h('input', { type: 'range', id, step: spec.step, min: SETTING_RANGES[spec.key].min, max: SETTING_RANGES[spec.key].max });
    const output = h('output', { id: `${id}-value`, for: id });
    host.append(h('div', { className: 'range-row' }, h('label', { for: id }, spec.label), input, output));
    input.addEventListener('input', () => onChange({ [spec.key]: Number(input.value) }));
    sliders.set(spec.key, { spec, input, output });
  }
  const speed = sliders.get('readingSpeed')!;
  speed.input.setAttribute('aria-describedby', 'reading-speed-note');
  host.append(h('p', { className: 'appearance-note', id: 'reading-speed-note' }, 'For the time left beside the title: words a minute.'));

  const justify = byId<HTMLInputElement>('justify');
  const justifyNote = byId('justify-note');
  justify.addEventListener('change', () => onChange({ justify: justify.checked }));

  let current: Settings | null = null;
  let fit: number = SETTING_RANGES.lineWidth.max;
  const showSliders = () => {
    if (!current) return;
    for (const { spec, input, output } of sliders.values()) {
      let value = current[spec.key];
      if (spec.key === 'lineWidth') {
        // Past what the column holds a wider setting would change nothing: the slider stops there.
        const { min, max } = SETTING_RANGES.lineWidth;
        input.max = String(Math.max(min, Math.min(max, fit - (fit % spec.step))));
        value = Math.min(value, Number(input.max));
      }
      input.value = String(value);
      output.value = spec.format(value);
      input.setAttribute('aria-valuetext', spec.format(value));
    }
  };
  // "System" follows the OS while the app runs, not only at start.
  onSystemThemeChange(() => current && applyAppearance(current));

  return {
    update(settings) {
      current = settings;
      applyAppearance(settings);
      for (const [theme, input] of themes) input.checked = theme === settings.theme;
      for (const [typeface, input] of typefaces) input.checked = typeface === settings.typeface;
      justify.checked = settings.justify;
      const lang = document.getElementById('article')?.closest('[lang]')?.getAttribute('lang') ?? 'en';
      // The first probe lays the page out: after the frame that shows the document, not before.
      afterNextPaint(() =>
        window.setTimeout(() => {
          justifyNote.textContent = hyphenates(lang)
            ? 'Long words are hyphenated in the document’s language.'
            : 'This browser has no hyphenation dictionary for the document’s language: justified lines may space words widely.';
        }, 0),
      );
      showSliders();
    },
    fitLineWidth(chars) {
      if (chars === fit) return;
      fit = chars;
      showSliders();
    },
  };
}
