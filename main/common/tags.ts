/**
 * How Gloss stores tags: trimmed, inner whitespace collapsed, without the '#' people type in front
 * of a tag out of habit (the display adds its own), compared without case, the first spelling
 * kept. The service applies it to every write, the importer to every imported tag, and the tag
 * input to what is typed, so "#idea" is the tag "idea" everywhere.
 */

/** A tag as stored: "  #Reading   List " is "Reading List"; "#" alone is nothing (''). */
export function cleanTag(tag: string): string {
  return tag.trim().replace(/^#+\s*/u, '').replace(/\s+/g, ' ');
}

/** The key two tags are compared by: "Reading List", "#reading  list" and "reading list" are one tag. */
export function tagKey(tag: string): string {
  return cleanTag(tag).toLocaleLowerCase();
}

/** `tags` cleaned (cleanTag), empties and case-insensitive repeats dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = cleanTag(raw);
    const key = tagKey(tag);
    if (tag && !seen.has(key)) {
      seen.add(key);
      result.push(tag);
    }
  }
  return result;
}

/**
 * `tags` with the tag `from` (compared by tagKey) renamed to `to`; when the list already holds
 * `to`, the two become one (a merge), in the place of the first. Returns the same array when
 * `from` is not in it.
 */
export function renameInTags(tags: readonly string[], from: string, to: string): readonly string[] {
  const key = tagKey(from);
  if (!tags.some((tag) => tagKey(tag) === key)) return tags;
  return normalizeTags(tags.map((tag) => (tagKey(tag) === key ? to : tag)));
}
