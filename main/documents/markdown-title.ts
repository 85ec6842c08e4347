/**
 * The title of a Markdown document, for the title bar and the recent list: its front matter's
 * `title:`, else its first level-1 heading, else its file name.
 */

/** A file name without its last extension ("notes.v2.md" gives "notes.v2"); "Untitled" when nothing is left. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return stem === '' ? 'Untitled' : stem;
}

/**
 * Longest line looked at, in characters. No title is longer, and it bounds the work on a
 * pathological file (a megabyte-long line of brackets) to something quick.
 */
const MAX_LINE = 1000;

/** Heading text as plain text: links and images to their words, emphasis and code marks and tags removed. */
export function plainHeadingText(markdown: string): string {
  return markdown
    .slice(0, MAX_LINE)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|~~|`)/g, '')
    .replace(/(^|[\s(])[*_]+|[*_]+(?=$|[\s).,;:!?])/g, '$1')
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function frontMatterTitle(lines: readonly string[]): string | null {
  if (lines[0]?.trim() !== '---') return null;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^(?:---|\.\.\.)\s*$/.test(line)) return null;
    const key = /^title[ \t]*:/.exec(line);
    if (!key) continue;
    const value = line.slice(key[0].length).trim().replace(/^(["'])(.*)\1$/, '$2').trim();
    // A block scalar ("title: >") holds the title on later lines; not worth a YAML parser.
    return value === '' || /^[|>]/.test(value) ? null : value;
  }
  return null;
}

/** The front matter's line count (its fences included), so headings are looked for after it. */
function frontMatterLength(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((line, i) => i > 0 && /^(?:---|\.\.\.)\s*$/.test(line));
  return end < 0 ? 0 : end + 1;
}

/** The text of a level-1 ATX heading line ("# Title #" gives "Title"), or null for any other line. */
function levelOneAtxText(line: string): string | null {
  const opening = /^ {0,3}#(?=[ \t]|$)/.exec(line);
  if (!opening) return null;
  const text = line.slice(opening[0].length).trim();
  // The closing sequence is a run of '#' at the end, after a space (or the whole text).
  let end = text.length;
  while (end > 0 && text[end - 1] === '#') end--;
  if (end === 0) return '';
  return end < text.length && /[ \t]/.test(text[end - 1] as string) ? text.slice(0, end).trim() : text;
}

function firstLevelOneHeading(lines: Iterable<string>): string | null {
  let fence: string | null = null;
  let paragraph: string[] = [];
  for (const line of lines) {
    // Lines inside fenced code are code, however much they look like headings.
    const fenceMatch = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence !== null) {
      if (fenceMatch && fenceMatch[1]?.[0] === fence[0] && (fenceMatch[1]?.length ?? 0) >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] ?? null;
      paragraph = [];
      continue;
    }
    const atx = levelOneAtxText(line);
    if (atx !== null) {
      const text = plainHeadingText(atx);
      if (text !== '') return text;
      paragraph = [];
      continue;
    }
    if (/^ {0,3}=+[ \t]*$/.test(line) && paragraph.length > 0) {
      const text = plainHeadingText(paragraph.join(' '));
      if (text !== '') return text;
    }
    // Indented code and blank lines end the paragraph a setext underline would apply to.
    if (line.trim() === '' || /^(?: {4}|\t)/.test(line)) paragraph = [];
    else paragraph.push(line.trim());
  }
  return null;
}

/**
 * The title of a Markdown document: front matter `title:`, else the first `# ` (ATX) or `===`
 * (setext) heading outside code, else `fileName` without its extension.
 */
export function titleFromMarkdown(markdown: string, fileName: string): string {
  const text = markdown.startsWith('\uFEFF') ? markdown.slice(1) : markdown;
  // Without front matter the lines are read one at a time and only up to the title, which is
  // usually near the top: a long document is not split into lines for nothing.
  if (!FRONT_MATTER_OPENING.test(text)) return firstLevelOneHeading(linesOf(text)) ?? titleFromFileName(fileName);
  const lines = [...linesOf(text)];
  return frontMatterTitle(lines) ?? firstLevelOneHeading(lines.slice(frontMatterLength(lines))) ?? titleFromFileName(fileName);
}

/** A first line that may open front matter: `---` with whitespace around it (as frontMatterTitle trims it). */
const FRONT_MATTER_OPENING = /^[^\S\r\n]*---[^\S\r\n]*(?:\r|\n|$)/;

/** The lines of `text` (CRLF, CR and LF all end one), each cut to MAX_LINE characters, read lazily. */
function* linesOf(text: string): Generator<string> {
  const line = /([^\r\n]*)(\r\n?|\n|$)/y;
  while (line.lastIndex < text.length) {
    const [, content = '', ending] = line.exec(text) as RegExpExecArray;
    yield content.length > MAX_LINE ? content.slice(0, MAX_LINE) : content;
    if (ending === '') return;
  }
}
