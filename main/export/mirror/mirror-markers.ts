/**
 * The marker comments that fence what Gloss wrote in a notes-folder file:
 *
 *     <!-- gloss:begin <key> <hash> -->
 *     …the block, as Gloss wrote it…
 *     <!-- gloss:end <key> -->
 *
 * `key` is the annotation's id, or, for blocks that are not one annotation, a name starting with
 * ':' (which no id can): `:title`, `:document-notes`, `:orphaned`, `:section:<hash>`. `hash` is the
 * block's hash when Gloss wrote it: a block whose text no longer matches it was edited by the
 * reader, and Gloss leaves it alone. Markdown renderers (Obsidian included) hide the comments.
 */
import { createHash } from 'node:crypto';

/** A begin marker: its key and the hash of the block as written. */
const BEGIN = /^<!-- gloss:begin (\S+) ([0-9a-f]+) -->[ \t]*$/;
/** An end marker and its key. */
const END = /^<!-- gloss:end (\S+) -->[ \t]*$/;
/** Anything a reader could mistake for a marker, or a parser could: what block text must never hold. */
const MARKER_LIKE = /^[ \t]*<!--\s*gloss:/i;

/** Hex characters of the block hash kept in the begin marker. */
const HASH_LENGTH = 16;

/** The begin marker line of a block. */
export function beginMarker(key: string, content: string): string {
  return `<!-- gloss:begin ${key} ${blockHash(content)} -->`;
}

/** The end marker line of a block. */
export function endMarker(key: string): string {
  return `<!-- gloss:end ${key} -->`;
}

/**
 * The hash a block's text is checked against. Line endings and trailing spaces are left out of
 * it: a sync tool or editor that rewrites them has not edited the block.
 */
export function blockHash(content: string): string {
  const normal = content.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
  return createHash('sha256').update(normal).digest('hex').slice(0, HASH_LENGTH);
}

/** The key and hash of a begin marker line, or null. */
export function parseBegin(line: string): { key: string; hash: string } | null {
  const match = BEGIN.exec(line);
  return match ? { key: match[1]!, hash: match[2]! } : null;
}

/** The key of an end marker line, or null. */
export function parseEnd(line: string): string | null {
  return END.exec(line)?.[1] ?? null;
}

/** Whether a line of block text could be taken for a marker (and so must be escaped). */
export function isMarkerLike(line: string): boolean {
  return MARKER_LIKE.test(line);
}
