/**
 * The article's typefaces: a font stack for each, and OpenDyslexic, which Gloss bundles (SIL Open
 * Font License 1.1; the licence ships beside it as fonts/OpenDyslexic-LICENSE.txt). Its files are
 * loaded with the FontFace API the first time it is chosen, from the app's own origin, which the
 * Content-Security-Policy allows (font-src 'self').
 */
import type { Settings } from '../../main/api';
import regular from '@fontsource/opendyslexic/files/opendyslexic-latin-400-normal.woff2';
import italic from '@fontsource/opendyslexic/files/opendyslexic-latin-400-italic.woff2';
import bold from '@fontsource/opendyslexic/files/opendyslexic-latin-700-normal.woff2';
import boldItalic from '@fontsource/opendyslexic/files/opendyslexic-latin-700-italic.woff2';

type Typeface = Settings['typeface'];

/** The font stack of each typeface; what a font lacks falls through to the next. */
export const TYPEFACE_STACKS: Readonly<Record<Typeface, string>> = {
  serif: "'Iowan Old Style', 'Charter', 'Bitstream Charter', 'Sitka Text', Cambria, 'Noto Serif', 'DejaVu Serif', Georgia, serif",
  // Humanist sans-serifs, the kind made for running text.
  sans: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'Noto Sans', 'DejaVu Sans', 'Liberation Sans', sans-serif",
  system: "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', sans-serif",
  dyslexic: "OpenDyslexic, 'Noto Sans', 'DejaVu Sans', sans-serif",
};

const DYSLEXIC_FACES = [
  { url: regular, style: 'normal', weight: '400' },
  { url: italic, style: 'italic', weight: '400' },
  { url: bold, style: 'normal', weight: '700' },
  { url: boldItalic, style: 'italic', weight: '700' },
] as const;

let dyslexicLoading: Promise<void> | null = null;

/**
 * Makes sure the files of a bundled typeface are registered (once); the page redraws with them as
 * they arrive. Resolves when they are loaded; a file that fails to load leaves the fallback fonts.
 */
export function loadTypeface(typeface: Typeface): Promise<void> {
  if (typeface !== 'dyslexic' || typeof FontFace !== 'function') return Promise.resolve();
  dyslexicLoading ??= Promise.all(
    DYSLEXIC_FACES.map(async ({ url, style, weight }) => {
      // The URL esbuild gives is relative to main.js, which sits next to index.html.
      const face = new FontFace('OpenDyslexic', `url(${JSON.stringify(new URL(url, document.baseURI).href)}) format('woff2')`, { style, weight, display: 'swap' });
      document.fonts.add(face);
      await face.load();
    }),
  ).then(
    () => undefined,
    () => undefined,
  );
  return dyslexicLoading;
}
