/**
 * How Gloss stores tags: trimmed, inner whitespace collapsed, compared without case, the first
 * spelling kept. The service applies it to every write and the importer to every imported tag.
 */

/** The key two tags are compared by: "Reading List" and "reading  list" are one tag. */
export function tagKey(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

/** `tags` trimmed and whitespace-collapsed, empties and case-insensitive repeats dropped. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    const key = tagKey(tag);
    if (tag && !seen.has(key)) {
      seen.add(key);
      result.push(tag);
    }
  }
  return result;
}
