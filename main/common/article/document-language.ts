/**
 * The language a document says it is in: `lang:` or `language:` in its YAML front matter (the
 * `---` block that opens a Markdown file, as Pandoc, Jekyll, Hugo and Obsidian write it). The
 * reading view sets it on the article, so the browser hyphenates, quotes and reads it aloud in
 * that language.
 */

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const LANGUAGE_LINE = /^(?:lang|language)[ \t]*:[ \t]*["']?([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)["']?[ \t]*$/m;

/** The BCP 47 tag a document's front matter gives (canonicalized, e.g. "pt-BR"), or null. */
export function documentLanguage(markdown: string): string | null {
  const block = FRONT_MATTER.exec(markdown)?.[1];
  const tag = block ? LANGUAGE_LINE.exec(block)?.[1] : undefined;
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag.replace(/_/g, '-'))[0] ?? null;
  } catch {
    // Not a language tag after all ("lang: xyz-!"): say nothing rather than something wrong.
    return null;
  }
}
