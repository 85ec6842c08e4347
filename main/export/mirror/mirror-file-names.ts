/**
 * Names of notes-folder files: from the document's title, safe on Windows, macOS and Linux, and
 * never the name of a file already there.
 */
import { graphemeBoundaryBefore } from '../../common/anchoring/graphemes';

/** The extension of every mirror file. */
export const MIRROR_EXTENSION = '.md';

/**
 * Longest file name stem, in UTF-8 bytes. File systems allow 255 bytes a name; this leaves room
 * for a clash suffix (" 999") and the extension, and for macOS storing names decomposed (NFD
 * can take more bytes than NFC).
 */
const MAX_STEM_BYTES = 180;

/** Names Windows reserves for devices, with any extension ("con.md" too), in any case. */
const WINDOWS_RESERVED = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(?:\..*)?$/i;

/**
 * The file name stem a title gives: characters no system allows in a name (`<>:"/\|?*`, control
 * characters) become spaces, whitespace collapses, leading dots (hidden files) and trailing dots
 * and spaces (Windows drops them) go, a Windows device name gets a leading underscore, and it is
 * cut to a safe length at a character boundary. "Untitled" when nothing is left.
 */
export function fileStemForTitle(title: string): string {
  let stem = title
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .trim();
  stem = cutToBytes(stem, MAX_STEM_BYTES).replace(/[. ]+$/, '');
  if (stem === '') return 'Untitled';
  return WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem;
}

/**
 * A name for a new file for `title` that no existing file has: the title's stem, or the stem
 * with " 2", " 3", … Names are compared as macOS and Windows do (case and Unicode form ignored),
 * so two files never differ only by case.
 */
export function uniqueFileName(title: string, existingNames: Iterable<string>): string {
  const taken = new Set([...existingNames].map(nameKey));
  const stem = fileStemForTitle(title);
  for (let n = 1; ; n += 1) {
    const name = `${n === 1 ? stem : `${stem} ${n}`}${MIRROR_EXTENSION}`;
    if (!taken.has(nameKey(name))) return name;
  }
}

/** The key two file names are compared by on case-insensitive file systems. */
export function nameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

function cutToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  let end = text.length;
  while (end > 0 && encoder.encode(text.slice(0, end)).length > maxBytes) end = graphemeBoundaryBefore(text, end - 1);
  return text.slice(0, end);
}
