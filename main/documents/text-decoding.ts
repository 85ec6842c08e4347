/**
 * Bytes to text: recognises the encodings Gloss reads (UTF-8, and UTF-16 with a byte-order mark as
 * Windows Notepad writes it) and refuses binary files and broken encodings with errors people can act on.
 */
import { GlossError } from '../errors';

/** How much of a file is inspected for signs of binary content; git looks at the same 8 KB. */
const SNIFF_LENGTH = 8 * 1024;

/**
 * Share of control characters above which text is treated as binary. Real text has almost none
 * (a stray form feed, an ANSI colour escape); 30% is Perl's long-standing `-B` threshold.
 */
const BINARY_CONTROL_SHARE = 0.3;

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, i) => bytes[i] === byte);
}

function sniffEncoding(bytes: Uint8Array): Encoding | 'utf-32' {
  // UTF-32 LE's mark begins with UTF-16 LE's, so it has to be ruled out first.
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) return 'utf-32';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return 'utf-8';
}

function isControl(code: number): boolean {
  // Tab, line feed, vertical tab, form feed and carriage return are layout, not binary noise.
  if (code >= 0x09 && code <= 0x0d) return false;
  return code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** True when the start of `text` is mostly control characters, or holds a NUL, as binary files do. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, SNIFF_LENGTH);
  if (sample.length === 0) return false;
  if (sample.includes('\u0000')) return true;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    if (isControl(sample.charCodeAt(i))) controls++;
  }
  return controls / sample.length > BINARY_CONTROL_SHARE;
}

function notText(fileName: string): GlossError {
  return new GlossError('not-text', `“${fileName}” looks like a binary file, not text, so Gloss can't show it.`);
}

/**
 * Decodes a document's bytes to a string, dropping any byte-order mark.
 * Throws 'not-text' for binary content and 'bad-encoding' for text that is not valid UTF-8 / UTF-16.
 */
export function decodeTextBytes(bytes: Uint8Array, fileName: string): string {
  const encoding = sniffEncoding(bytes);
  if (encoding === 'utf-32') {
    throw new GlossError(
      'bad-encoding',
      `“${fileName}” is saved as UTF-32, which Gloss can't read. Save it as UTF-8 and open it again.`,
    );
  }
  // In UTF-8 a NUL byte never appears in text, so it is the cheapest sign of a binary file; in UTF-16
  // every ASCII character carries one, so there the check waits until after decoding.
  if (encoding === 'utf-8' && bytes.subarray(0, SNIFF_LENGTH).includes(0)) throw notText(fileName);

  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const message =
      encoding === 'utf-8'
        ? `“${fileName}” is not UTF-8 text. Gloss reads UTF-8 and UTF-16 files: save it as UTF-8 and open it again.`
        : `“${fileName}” is marked as ${encoding.toUpperCase()} text but its bytes are damaged, so Gloss can't read it.`;
    throw new GlossError('bad-encoding', message);
  }
  if (looksBinary(text)) throw notText(fileName);
  return text;
}
