/**
 * Pieces of the Markdown export that must survive any text a reader (or an imported file) put in a
 * note, tag, title or quote: YAML scalars, Obsidian tags and block ids, quotes as blockquotes, and
 * notes kept from swallowing what follows them.
 */
import { createHash } from 'node:crypto';
import { escapeMarkdownLine } from '../../documents/markdown-escape';

/**
 * A YAML double-quoted scalar. JSON's string syntax is YAML's, except that YAML 1.1 readers also
 * break lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR: those (and the other C1 controls and
 * BOM) are escaped too.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One character Obsidian allows in a tag. */
const TAG_CHARACTER = /^[\p{L}\p{M}\p{N}_/\-\p{Extended_Pictographic}]$/u;
/** The zero-width joiner and emoji presentation selector, which emoji sequences are made with. */
const EMOJI_JOINERS = new Set(['\u200d', '\ufe0f']);

/**
 * A tag as Obsidian reads one after '#': letters, marks, digits, '_', '-', '/' (nesting) and emoji;
 * anything else (spaces, punctuation) becomes '-'. Obsidian ignores an all-digit tag, so one gets a
 * leading '_'. Null when nothing usable is left (the tag is still in every other format).
 */
export function obsidianTag(tag: string): string | null {
  const cleaned = Array.from(tag.normalize('NFC'), (char) => (TAG_CHARACTER.test(char) || EMOJI_JOINERS.has(char) ? char : '-'))
    .join('')
    .replace(/-{2,}/g, '-')
    .replace(/\/{2,}/g, '/')
    .replace(/^[-/]+|[-/]+$/g, '');
  if (cleaned === '') return null;
  return /^[\p{N}/]+$/u.test(cleaned) ? `_${cleaned}` : cleaned;
}

/**
 * The Obsidian block id of an annotation: `gloss-<id>`. Obsidian allows only letters, digits and
 * '-' in block ids; an id with any other character (imported ids may hold '_') gets a stable hash
 * of it instead, so two ids never share a block id.
 */
export function blockId(annotationId: string): string {
  if (/^[A-Za-z0-9-]+$/.test(annotationId)) return `gloss-${annotationId}`;
  return `gloss-x${createHash('sha256').update(annotationId).digest('hex').slice(0, 20)}`;
}

/**
 * A quote (rendered text, not Markdown) as a blockquote that shows it as written: Markdown
 * characters escaped, each line of it a line of the quote (hard breaks), blank lines splitting
 * paragraphs. Leading and trailing spaces of each line are dropped: the rendered text's spaces
 * there come from the HTML's layout, not from the words.
 */
export function blockquote(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => line.replace(/\t/g, ' ').trim())
        .filter((line) => line !== '')
        .map(escapeMarkdownLine),
    )
    .filter((lines) => lines.length > 0);
  if (paragraphs.length === 0) return '>';
  return paragraphs.map((lines) => lines.map((line, i) => `> ${line}${i < lines.length - 1 ? '\\' : ''}`).join('\n')).join('\n>\n');
}

/**
 * A note's Markdown, as written, made unable to take over the rest of the file: an unclosed code
 * fence is closed, a raw-HTML block opener that Markdown would only end at its closing tag (a
 * `<pre>`, `<script>`, `<style>`, `<textarea>`, comment, `<?…`, `<!X`, CDATA) is escaped when its
 * end is not in the note, and a line that looks like one of Gloss's mirror markers is escaped
 * (in a code block too: the mirror reads markers line by line).
 */
export function containNoteMarkdown(markdown: string, isMarker: (line: string) => boolean): string {
  const lines = markdown.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  let fence: { char: string; length: number } | null = null;
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    let line = lines[i] as string;
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]!.charAt(0) === fence.char && fenceMatch[1]!.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) fence = null;
      // The mirror reads its markers line by line, code blocks included.
      out.push(isMarker(line) ? line.replace(/^([ \t]*)</, '$1\\<') : line);
      continue;
    }
    if (fenceMatch && !(fenceMatch[1]!.charAt(0) === '`' && line.slice(fenceMatch[0].length).includes('`'))) {
      fence = { char: fenceMatch[1]!.charAt(0), length: fenceMatch[1]!.length };
    } else if (isMarker(line) || opensUnendedHtmlBlock(line, lines.slice(i))) {
      line = line.replace(/^([ \t]*)</, '$1\\<');
    }
    out.push(line);
  }
  if (fence !== null) out.push(fence.char.repeat(fence.length));
  return out.join('\n');
}

/** The raw-HTML blocks CommonMark ends only at a terminator, with that terminator. */
const HTML_BLOCKS: readonly { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:pre|script|style|textarea)(?:\s|>|$)/i, end: /<\/(?:pre|script|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];

function opensUnendedHtmlBlock(line: string, rest: readonly string[]): boolean {
  for (const block of HTML_BLOCKS) {
    const start = block.start.exec(line);
    if (!start) continue;
    // The terminator may sit on the opening line itself, after the opener.
    const remainder = [line.slice(start[0].length), ...rest.slice(1)].join('\n');
    return !block.end.test(remainder);
  }
  return false;
}
