import GithubSlugger, { slug } from 'github-slugger';

/** Used when a heading's text has nothing left to slug (only punctuation or emoji, or empty). */
const FALLBACK_SLUG = 'section';

/**
 * GitHub's heading slug for `text`: lower-cased, punctuation dropped, spaces turned into hyphens,
 * letters of every script kept ("Ça va ?" -> "ça-va-"). The same text always gives the same slug,
 * so fragment links written for GitHub (`[see](#getting-started)`) keep working in Gloss.
 */
export function slugify(text: string): string {
  return slug(text);
}

/** Hands out unique slugs within one document. */
export interface Slugger {
  /** The slug of `text`, suffixed -1, -2, … when it is already taken. */
  slug(text: string): string;
}

/**
 * A slugger for one document. `taken` are ids the document already has (footnotes, ids written in
 * raw HTML): new slugs avoid them, so no two elements end up sharing an id.
 */
export function createSlugger(taken: Iterable<string> = []): Slugger {
  const slugger = new GithubSlugger();
  // github-slugger treats any key in `occurrences` as used and counts suffixes from it.
  for (const id of taken) slugger.occurrences[id] ??= 0;
  return {
    slug: (text) => slugger.slug(slugify(text) === '' ? FALLBACK_SLUG : text),
  };
}
