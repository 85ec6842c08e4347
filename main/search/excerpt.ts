/**
 * Marking the matched words of a result, and cutting long text down to an excerpt around them.
 * A word is marked when its folded form is one of the terms MiniSearch says matched in that
 * field, so marks follow the index's own tokenizing and folding exactly.
 */
import type { MarkedText, TextSpan } from '../common/notes-search';
import { foldTerm } from './engine-options';
import { forEachWord } from './words';

/** The spans of the words of `text` whose folded form is in `terms`. */
export function markWords(text: string, terms: ReadonlySet<string>): TextSpan[] {
  const marks: TextSpan[] = [];
  if (terms.size === 0) return marks;
  forEachWord(text, (start, end) => {
    const term = foldTerm(text.slice(start, end));
    if (term !== null && terms.has(term)) marks.push({ start, end });
  });
  return marks;
}

/** Characters of context kept before the first match when the text is cut. */
const LEAD = 60;
/** How far a cut may move to land on a space instead of inside a word. */
const SNAP = 20;

/** True when the code unit at `i` continues the character before it (a low surrogate, a mark, a joiner, a skin tone). */
function continuesCharacter(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if ((unit >= 0xdc00 && unit <= 0xdfff) || unit === 0x200d || unit === 0xfe0f) return true;
  return /^[\p{M}\p{Emoji_Modifier}]/u.test(String.fromCodePoint(text.codePointAt(i) ?? 0));
}

/** Moves a cut back off the middle of a character: a surrogate pair, a letter and its marks, an emoji. */
function onCharacterBoundary(text: string, at: number): number {
  let i = at;
  while (i > 0 && i < text.length && continuesCharacter(text, i)) i -= 1;
  return i;
}

/** Moves a cut within `SNAP` characters to just after a space, when there is one. */
function atSpace(text: string, at: number, direction: -1 | 1): number {
  for (let d = 0; d <= SNAP; d++) {
    const i = at + d * direction;
    if (i <= 0 || i >= text.length) return Math.max(0, Math.min(text.length, i));
    if (/\s/.test(text.charAt(i - 1))) return i;
  }
  return at;
}

/**
 * `text` with its `marks`, cut to about `maxLength` characters when longer: from a little
 * before the first mark, on a space when one is near, never inside a character.
 */
export function excerpt(text: string, marks: readonly TextSpan[], maxLength: number): MarkedText {
  if (text.length <= maxLength) return { text, marks: [...marks], cutBefore: false, cutAfter: false };
  const first = marks[0] ?? { start: 0, end: 0 };
  const start = onCharacterBoundary(text, atSpace(text, Math.max(0, first.start - LEAD), -1));
  const end = Math.max(first.end, onCharacterBoundary(text, atSpace(text, Math.min(text.length, start + maxLength), -1)));
  const kept = marks
    .filter((mark) => mark.start >= start && mark.end <= end)
    .map((mark) => ({ start: mark.start - start, end: mark.end - start }));
  return { text: text.slice(start, end), marks: kept, cutBefore: start > 0, cutAfter: end < text.length };
}
