/**
 * Edit-distance similarity between short strings (quote context), on top of approx-string-match.
 */
import search from 'approx-string-match';

/**
 * How well `pattern` occurs in `text`, from 0 (nothing alike) to 1 (present unchanged):
 * one minus the fewest edits of `pattern` that appear in `text`, over the pattern's length.
 * An empty pattern is trivially present; an empty text matches nothing.
 */
export function similarity(text: string, pattern: string): number {
  if (pattern.length === 0) {
    return 1;
  }
  if (text.length === 0) {
    return 0;
  }
  if (text.includes(pattern)) {
    return 1;
  }
  // Allowing as many errors as the pattern has characters guarantees at least one match.
  const matches = search(text, pattern, pattern.length);
  const errors = matches.length > 0 ? matches[0]!.errors : pattern.length;
  return 1 - errors / pattern.length;
}
