import type { Settings, Theme } from '../../main/api';
import { SETTING_RANGES, THEME_LABELS, THEMES } from '../../main/common/limits';
import { byId, h } from '../ui/dom';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(theme: Theme): Exclude<Theme, 'system'> {
  if (theme !== 'system') return theme;
  return darkQuery.matches ? 'dark' : 'light';
}

/**
 * Applies theme, text size and line width to the page. Values go through CSS custom
 * properties set with the CSSOM, which the Content-Security-Policy allows (style attributes
 * in markup it does not).
 */
export function applyAppearance(settings: Pick<Settings, 'theme' | 'fontSize' | 'lineWidth'>): void {
  const root = document.documentElement;
  root.dataset.theme = effectiveTheme(settings.theme);
  root.dataset.themeChoice = settings.theme;
  root.style.setProperty('--reading-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-line-width', `${settings.lineWidth}ch`);
}

/** Gives a slider the range its setting may take (the one the main side validates against). */
function setRange(slider: HTMLInputElement, range: { min: number; max: number }): void {
  slider.min = String(range.min);
  slider.max = String(range.max);
}

/**
 * Wires the Appearance popover: a radio per theme and the two sliders. `onChange` receives each
 * change as a partial settings patch; the caller persists it and calls `update` back.
 */
export function createAppearanceControls(onChange: (patch: Partial<Settings>) => void): { update(settings: Settings): void } {
  const themeChoice = byId('theme-choice');
  const themeInputs = THEMES.map((theme) => {
    const input = h('input', { type: 'radio', name: 'theme', value: theme });
    themeChoice.append(h('label', {}, input, ` ${THEME_LABELS[theme]}`));
    input.addEventListener('change', () => input.checked && onChange({ theme }));
    return input;
  });
  const fontSize = byId<HTMLInputElement>('font-size');
  const fontSizeValue = byId<HTMLOutputElement>('font-size-value');
  const lineWidth = byId<HTMLInputElement>('line-width');
  const lineWidthValue = byId<HTMLOutputElement>('line-width-value');
  setRange(fontSize, SETTING_RANGES.fontSize);
  setRange(lineWidth, SETTING_RANGES.lineWidth);
  let current: Settings | null = null;

  fontSize.addEventListener('input', () => onChange({ fontSize: Number(fontSize.value) }));
  lineWidth.addEventListener('input', () => onChange({ lineWidth: Number(lineWidth.value) }));
  // "System" follows the OS while the app runs, not only at start.
  darkQuery.addEventListener('change', () => current && applyAppearance(current));

  return {
    update(settings) {
      current = settings;
      applyAppearance(settings);
      for (const input of themeInputs) input.checked = input.value === settings.theme;
      fontSize.value = String(settings.fontSize);
      fontSizeValue.value = `${settings.fontSize}px`;
      lineWidth.value = String(settings.lineWidth);
      lineWidthValue.value = `${settings.lineWidth}ch`;
    },
  };
}
