/**
 * The reading settings applied to the page: theme, typeface, text size, line width, paragraph
 * spacing, margins and justification. Values go through CSS custom properties and data
 * attributes on <html>, set with the CSSOM, which the Content-Security-Policy allows (style
 * attributes in markup it does not).
 */
import type { Settings, Theme } from '../../main/api';
import { loadTypeface, TYPEFACE_STACKS } from './typefaces';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/** The settings that reflow the article when they change, so the reader's place is kept across them. */
export const REFLOWING_SETTINGS: ReadonlySet<keyof Settings> = new Set(['fontSize', 'lineWidth', 'typeface', 'paragraphSpacing', 'margin', 'justify']);

function effectiveTheme(theme: Theme): Exclude<Theme, 'system'> {
  if (theme !== 'system') return theme;
  return darkQuery.matches ? 'dark' : 'light';
}

/** Applies the reading settings to the page. */
export function applyAppearance(settings: Settings): void {
  const root = document.documentElement;
  root.dataset.theme = effectiveTheme(settings.theme);
  root.dataset.themeChoice = settings.theme;
  root.dataset.typeface = settings.typeface;
  root.dataset.justify = String(settings.justify);
  root.style.setProperty('--reading-font', TYPEFACE_STACKS[settings.typeface]);
  root.style.setProperty('--reading-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--reading-line-width', `${settings.lineWidth}ch`);
  root.style.setProperty('--paragraph-spacing', `${settings.paragraphSpacing / 10}em`);
  root.style.setProperty('--reading-margin', `${settings.margin}px`);
  void loadTypeface(settings.typeface);
}

/** Calls `listener` when the operating system switches between light and dark ("System" follows it). */
export function onSystemThemeChange(listener: () => void): void {
  darkQuery.addEventListener('change', listener);
}

const hyphenation = new Map<string, boolean>();

/**
 * Whether this engine hyphenates `lang` with `hyphens: auto`. Chromium does so only with a
 * dictionary for the language: macOS's own, or one it downloads (Chrome on Windows and Linux;
 * not Electron, nor a Chromium without its component updater). Measured: a long word in a narrow
 * box is either broken with a hyphen or overflows it.
 */
export function hyphenates(lang: string): boolean {
  const known = hyphenation.get(lang);
  if (known !== undefined) return known;
  const probe = document.createElement('div');
  probe.lang = lang;
  probe.textContent = 'internationalization characteristically';
  probe.setAttribute('aria-hidden', 'true');
  const style: Record<string, string> = { position: 'absolute', visibility: 'hidden', width: '6em', hyphens: 'auto', font: '16px serif' };
  for (const [property, value] of Object.entries(style)) probe.style.setProperty(property, value);
  document.body.append(probe);
  const fits = probe.scrollWidth <= probe.clientWidth + 1;
  probe.remove();
  hyphenation.set(lang, fits);
  return fits;
}
