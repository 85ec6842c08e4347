/**
 * Constants and limits that both sides of Gloss need at run time: the main side validates
 * against them, the renderer enforces them while the reader types. This folder (main/common/)
 * imports neither Node, Electron, the DOM nor zod, so the sandboxed renderer can bundle it.
 */

/** Highlight colors, in the order the toolbar shows them. */
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** A highlight color. */
export type HighlightColor = (typeof HIGHLIGHT_COLORS)[number];

/** Reading themes, in the order the Appearance panel and the View › Theme menu list them; 'system' follows the operating system's light or dark choice. */
export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;

/** Each theme's name as the Appearance panel and the menu show it. */
export const THEME_LABELS: Readonly<Record<(typeof THEMES)[number], string>> = { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' };

/**
 * Ranges of the reading settings: the main side validates against them, the Appearance sliders
 * offer them and the menu's text-size keys stay within them.
 */
export const SETTING_RANGES = {
  /** Body font size in CSS pixels. */
  fontSize: { min: 12, max: 32 },
  /** Line width in `ch`. */
  lineWidth: { min: 40, max: 120 },
  /** Width of the Contents and FAQ panel in CSS pixels, once the reader has resized it. */
  navigationWidth: { min: 200, max: 480 },
  /** Width of the Annotations sidebar in CSS pixels, once the reader has resized it. */
  sidebarWidth: { min: 260, max: 600 },
  /** Space between paragraphs, in tenths of the text size (10 is one em). */
  paragraphSpacing: { min: 0, max: 25 },
  /** The least space on each side of the text, in CSS pixels. */
  margin: { min: 8, max: 120 },
  /** Reading speed of the "time left" readout, in words a minute. */
  readingSpeed: { min: 100, max: 600 },
} as const;

/**
 * Typefaces of the article, in the order the Appearance panel lists them: the app's serif and
 * sans-serif stacks, the system's own interface font, and OpenDyslexic (bundled, for readers
 * with dyslexia).
 */
export const TYPEFACES = ['serif', 'sans', 'system', 'dyslexic'] as const;

/** Each typeface's name as the Appearance panel shows it. */
export const TYPEFACE_LABELS: Readonly<Record<(typeof TYPEFACES)[number], string>> = { serif: 'Serif', sans: 'Sans-serif', system: 'System', dyslexic: 'OpenDyslexic' };

/**
 * How many days a document removed from the library, with its annotations, waits in the data
 * folder's trash before it is deleted for good (Undo brings it back at once; the trash later).
 */
export const TRASH_KEEP_DAYS = 30;

/** What a document or annotation id may hold: letters, digits, - and _ (so it is safe in file names and URLs). */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Limits shared by validation and the UI. */
export const LIMITS = {
  /** Largest document Gloss opens, in bytes. */
  maxDocumentBytes: 20 * 1024 * 1024,
  /** Largest note, in UTF-16 code units (about 100 KB of text). */
  maxNoteLength: 100_000,
  /** Largest highlighted quote, in UTF-16 code units (about 10 KB). */
  maxQuoteLength: 10_000,
  /** Quote context kept on each side of a highlight. */
  maxContextLength: 256,
  maxTags: 50,
  maxTagLength: 100,
  maxPathLength: 4096,
  maxUrlLength: 8192,
  maxColorMeaningLength: 40,
  maxIdLength: 100,
  /** Largest file `gloss import` reads, in bytes. */
  maxImportBytes: 50 * 1024 * 1024,
} as const;
