/**
 * Drops what a web page appends to an article ("Leave a Comment", share buttons, newsletter pitches)
 * when the article is copied out as plain text. Only the end of the article is touched.
 */
import { isShareTarget, isTrailingBoilerplate } from './plain-text-patterns';

/**
 * `lines` without the boilerplate that closes them. The cut starts at the first boilerplate line of
 * the final run of boilerplate, share-button and blank lines; a share-button label ("Facebook")
 * before any boilerplate line is kept, since on its own it may be the article's last word.
 */
export function dropTrailingBoilerplate(lines: readonly string[]): string[] {
  let cut = lines.length;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    if (line === '' || isShareTarget(line)) continue;
    if (!isTrailingBoilerplate(line)) break;
    cut = i;
  }
  return lines.slice(0, cut);
}
