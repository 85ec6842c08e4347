/**
 * The notes-folder mirror's merge: the new text of a document's file, from the blocks Gloss wants
 * there now and the file as it is (or none). Pure: no disk, no clock.
 *
 * - Gloss writes only between its markers (mirror-markers.ts) and its own front matter keys;
 *   every other line of the file is the reader's and stays where it is.
 * - A block whose annotation is gone is removed; a changed one is rewritten in place.
 * - A new block goes to its place in reading order: just before the next block (in the wanted
 *   order) already in the file, or at the end when none follows. A block whose place in that
 *   order changed (a passage moved to another section) is moved the same way.
 * - A block the reader edited (its text no longer matches the hash in its begin marker) is left
 *   exactly as it is, wherever it is, even when its annotation was deleted, and reported. So is
 *   a begin marker whose end marker is missing (the block is "damaged": Gloss adds no second
 *   copy) and a second block with a key already seen (a copy the reader made).
 * - Pieces (blocks, and the reader's text between them) are separated by one blank line, so
 *   removing a block leaves no gap; blank lines inside the reader's text stay.
 * - Line endings follow the file's (CRLF if it mostly has them), LF for a new file; a BOM stays.
 */
import { DOCUMENT_ID_KEY, type MarkdownBlock } from '../markdown/markdown-blocks';
import { frontMatterValue, mergeFrontMatter, splitFrontMatter } from './mirror-front-matter';
import { beginMarker, blockHash, endMarker, parseBegin, parseEnd } from './mirror-markers';

/** What the mirror wants one document's file to say. */
export interface MirrorContent {
  /** Front matter lines Gloss owns (`key: value`), in order. */
  frontMatter: readonly string[];
  /** Every key Gloss may write in the front matter (those it no longer writes are removed). */
  ownedKeys: ReadonlySet<string>;
  /** The blocks, in the order they belong in. */
  blocks: readonly MarkdownBlock[];
}

/** A block Gloss did not touch, and why. */
export interface LeftBlock {
  key: string;
  reason: 'edited' | 'damaged' | 'duplicate';
}

/** The outcome of a merge. */
export interface MirrorMerge {
  text: string;
  /** False when `text` is the file's current text: nothing to write. */
  changed: boolean;
  /** Blocks left as the reader has them; the reader is to be told (once). */
  left: LeftBlock[];
}

/** The file's body as read: the reader's lines, and Gloss's untouched blocks (rewritten from `wanted`). */
type Segment = { kind: 'text'; lines: string[] } | { kind: 'block'; key: string };

/** The new text of a file, given what it says now (null: there is no file). */
export function mergeMirrorFile(current: string | null, wanted: MirrorContent): MirrorMerge {
  if (current === null) {
    const text = assemble(frontMatterBlock(mergeFrontMatter(null, wanted.frontMatter, wanted.ownedKeys)), wanted.blocks.map(newBlock), '\n', '');
    return { text, changed: true, left: [] };
  }
  const bom = current.startsWith('\ufeff') ? '\ufeff' : '';
  const source = bom ? current.slice(1) : current;
  const eol = mostlyCrlf(source) ? '\r\n' : '\n';
  const split = splitFrontMatter(source.replace(/\r\n?/g, '\n').split('\n'));
  const { segments, left, damaged } = parseSegments(split.body);
  const frontMatter = frontMatterBlock(mergeFrontMatter(split.lines, wanted.frontMatter, wanted.ownedKeys));
  const merged = placeBlocks(segments, wanted.blocks, damaged, left);
  const text = assemble(frontMatter, merged, eol, bom);
  return { text, changed: text !== current, left };
}

/** The document id a file's front matter names, or null (not a Gloss file, or not yet). */
export function documentIdOfFile(text: string): string | null {
  const { lines } = splitFrontMatter(text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n').split('\n'));
  return lines === null ? null : frontMatterValue(lines, DOCUMENT_ID_KEY);
}

/** Splits the body into the reader's text and Gloss's blocks (edited ones become text, and are reported). */
function parseSegments(lines: readonly string[]): { segments: Segment[]; left: LeftBlock[]; damaged: Set<string> } {
  const segments: Segment[] = [];
  const left: LeftBlock[] = [];
  const damaged = new Set<string>();
  const seen = new Set<string>();
  let text: string[] = [];
  const flushText = () => {
    if (text.length > 0) segments.push({ kind: 'text', lines: text });
    text = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const begin = parseBegin(line);
    const end = begin === null ? -1 : findEnd(lines, i, begin.key);
    if (begin === null || end < 0) {
      if (begin !== null && !seen.has(begin.key)) {
        damaged.add(begin.key);
        left.push({ key: begin.key, reason: 'damaged' });
      }
      text.push(line);
      continue;
    }
    if (seen.has(begin.key) || blockHash(lines.slice(i + 1, end).join('\n')) !== begin.hash) {
      // Kept as text: it is the reader's now, and nothing below touches text.
      left.push({ key: begin.key, reason: seen.has(begin.key) ? 'duplicate' : 'edited' });
      seen.add(begin.key);
      text.push(...lines.slice(i, end + 1));
    } else {
      seen.add(begin.key);
      flushText();
      segments.push({ kind: 'block', key: begin.key });
    }
    i = end;
  }
  flushText();
  return { segments, left, damaged };
}

/** The end marker of the block opened at `begin`, or -1 when another begin marker or the file's end comes first. */
function findEnd(lines: readonly string[], begin: number, key: string): number {
  for (let j = begin + 1; j < lines.length; j += 1) {
    if (parseEnd(lines[j]!) === key) return j;
    if (parseBegin(lines[j]!) !== null) return -1;
  }
  return -1;
}

/**
 * Rewrites, removes and inserts blocks among the reader's text (see the module comment).
 * Returns the body as pieces: text lines, or blocks to write.
 */
function placeBlocks(segments: readonly Segment[], wanted: readonly MarkdownBlock[], damaged: ReadonlySet<string>, left: readonly LeftBlock[]): Piece[] {
  const order = new Map(wanted.map((block, i) => [block.key, i]));
  const untouchable = new Set([...damaged, ...left.map((entry) => entry.key)]);
  const present = segments.filter((s): s is Extract<Segment, { kind: 'block' }> => s.kind === 'block' && order.has(s.key));
  const inPlace = new Set(longestIncreasingRun(present.map((s) => order.get(s.key)!)).map((i) => present[i]!.key));

  const pieces: Piece[] = [];
  for (const segment of segments) {
    if (segment.kind === 'text') pieces.push({ kind: 'text', lines: segment.lines });
    else if (inPlace.has(segment.key)) pieces.push({ kind: 'block', block: wanted[order.get(segment.key)!]! });
    // Otherwise the block's annotation is gone, or it moved and is placed again below.
  }
  const placed = new Set(pieces.flatMap((piece) => (piece.kind === 'block' ? [piece.block.key] : [])));
  for (let i = wanted.length - 1; i >= 0; i -= 1) {
    const block = wanted[i]!;
    if (placed.has(block.key) || untouchable.has(block.key)) continue;
    // Walking the wanted order backwards, the next block in that order is already placed.
    const next = wanted.slice(i + 1).find((later) => placed.has(later.key));
    const at = next === undefined ? pieces.length : pieces.findIndex((piece) => piece.kind === 'block' && piece.block.key === next.key);
    pieces.splice(at, 0, { kind: 'block', block });
    placed.add(block.key);
  }
  return pieces;
}

type Piece = { kind: 'text'; lines: string[] } | { kind: 'block'; block: MarkdownBlock };

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasingRun(values: readonly number[]): number[] {
  const tails: number[] = [];
  const previous: number[] = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i += 1) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (values[tails[mid]!]! < values[i]!) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[i] = tails[low - 1]!;
    tails[low] = i;
  }
  const run: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) run.push(i);
  return run.reverse();
}

function newBlock(block: MarkdownBlock): Piece {
  return { kind: 'block', block };
}

function frontMatterBlock(lines: readonly string[]): string[] {
  return ['---', ...lines, '---'];
}

/**
 * The file's text: front matter, then the pieces, each separated from the next by exactly one
 * blank line (the blank lines at a piece's edges are only separators: a removed block leaves no
 * gap). The reader's lines inside a piece are kept as they are.
 */
function assemble(frontMatter: readonly string[], pieces: readonly Piece[], eol: string, bom: string): string {
  const out: string[] = [...frontMatter];
  for (const piece of pieces) {
    const lines =
      piece.kind === 'block'
        ? [beginMarker(piece.block.key, piece.block.markdown), ...piece.block.markdown.split('\n'), endMarker(piece.block.key)]
        : trimBlankEdges(piece.lines);
    if (lines.length === 0) continue;
    out.push('', ...lines);
  }
  return `${bom}${out.join(eol)}${eol}`;
}

function trimBlankEdges(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start]!.trim() === '') start += 1;
  while (end > start && lines[end - 1]!.trim() === '') end -= 1;
  return lines.slice(start, end);
}

function mostlyCrlf(text: string): boolean {
  const crlf = text.split('\r\n').length - 1;
  const lf = text.split('\n').length - 1;
  return crlf > 0 && crlf * 2 >= lf;
}
