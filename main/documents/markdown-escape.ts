/**
 * Escaping plain text so that Markdown (as marked renders it, GitHub-flavoured) shows it exactly as
 * written: no emphasis, links, code, tables, headings or lists the author never meant, and never
 * raw HTML.
 */

/**
 * Bare URLs the way marked's GFM autolinking finds them. They are left unescaped so they stay
 * clickable: a backslash inside one would become part of the link and of its visible text.
 */
const BARE_URL = /(?:(?:https?|ftp):\/\/|www\.)(?:[a-zA-Z0-9-]+\.?)+[^\s<]*/g;

/** marked's rule for trailing punctuation that is not part of an autolink ("see https://x.org."). */
const AUTOLINK_BACKPEDAL = /(?:[^?!.,:;*_'"~()&]+|\([^)]*\)|&(?![a-zA-Z0-9]+;$)|[?!.,:;*_'"~)]+(?!$))+/;

/**
 * ASCII punctuation that starts inline Markdown anywhere in a line: escapes, code, emphasis,
 * links and images, HTML and autolinks, GFM tables and strikethrough.
 */
const INLINE_SPECIAL = /[\\`*_[\]<|~]/g;

/** An ampersand that would start an entity reference ("&copy;" must stay those six characters). */
const ENTITY_START = /&(?=#?[a-zA-Z0-9]+;)/g;

function escapePlain(text: string): string {
  return text.replace(INLINE_SPECIAL, '\\$&').replace(ENTITY_START, '\\&');
}

function autolinkPart(candidate: string): string {
  let url = candidate;
  let previous: string;
  do {
    previous = url;
    url = AUTOLINK_BACKPEDAL.exec(url)?.[0] ?? '';
  } while (url !== previous);
  return url;
}

/** Escapes text that sits inside a line (after a heading's `## `, for instance). */
export function escapeMarkdownInline(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(BARE_URL)) {
    const url = autolinkPart(match[0]);
    out += escapePlain(text.slice(last, match.index)) + url;
    last = match.index + url.length;
  }
  return out + escapePlain(text.slice(last));
}

/**
 * Escapes text that begins a line, where `#`, `>`, `-`, `+`, `=`, `1.` and `1)` would open a
 * heading, quote, list, thematic break or setext underline. The text must not hold a line break.
 */
export function escapeMarkdownLine(text: string): string {
  return escapeMarkdownInline(text)
    .replace(/^([#>+=-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
    // ":--" could be a one-column table's delimiter row under a previous line.
    .replace(/^:(?=-)/, '\\:');
}

/**
 * Escapes text with author-meant line breaks ('\n') as Markdown lines joined by hard breaks
 * (a backslash at the end of a line), so each line shows where the author put it.
 */
export function escapeMarkdownLines(text: string): string {
  return text.split('\n').map(escapeMarkdownLine).join('\\\n');
}

/** Escapes heading text: inline escaping, and a trailing "#" run that ATX would drop as a closing sequence. */
export function escapeMarkdownHeading(text: string): string {
  return escapeMarkdownInline(text).replace(/(^|[ \t])#(?=#*$)/, '$1\\#');
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}
