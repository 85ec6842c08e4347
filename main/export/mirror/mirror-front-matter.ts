/**
 * The YAML front matter of a notes-folder file. Gloss owns the keys it writes (title, source,
 * gloss-document-id, content-hash, counts, updated) and rewrites their lines; every other line
 * (the reader's own properties: aliases, tags, …) stays as it is, in place.
 */

/** A file split at its front matter. */
export interface FrontMatterSplit {
  /** The lines between the `---` fences; null when the file has no front matter. */
  lines: string[] | null;
  /** Everything after the closing fence (or the whole file). */
  body: string[];
}

const KEY_LINE = /^([A-Za-z0-9_-][A-Za-z0-9_ .-]*?)[ \t]*:(?:[ \t]|$)/;

/** Splits LF-normalised lines at the front matter, when the file opens with one. */
export function splitFrontMatter(lines: readonly string[]): FrontMatterSplit {
  if (lines[0]?.trimEnd() !== '---') return { lines: null, body: [...lines] };
  for (let i = 1; i < lines.length; i += 1) {
    if (/^(?:---|\.\.\.)[ \t]*$/.test(lines[i]!)) return { lines: lines.slice(1, i), body: lines.slice(i + 1) };
  }
  // An opening fence that never closes is no front matter: it is the reader's text.
  return { lines: null, body: [...lines] };
}

/**
 * The front matter lines with Gloss's `fields` (already formatted as `key: value` lines, in
 * order) written in: an owned key's line (and any lines continuing it) is replaced where it is,
 * owned keys not yet there are added at the end, and an owned key Gloss no longer writes
 * (`ownedKeys` minus the fields') is removed.
 */
export function mergeFrontMatter(existing: readonly string[] | null, fields: readonly string[], ownedKeys: ReadonlySet<string>): string[] {
  const wanted = new Map(fields.map((line) => [keyOf(line)!, line]));
  const out: string[] = [];
  let skipping = false;
  for (const line of existing ?? []) {
    const key = keyOf(line);
    if (key === null) {
      // A continuation (an indented value, a list item) belongs to the key above it.
      if (!skipping) out.push(line);
      continue;
    }
    skipping = ownedKeys.has(key);
    if (!skipping) {
      out.push(line);
      continue;
    }
    const replacement = wanted.get(key);
    if (replacement !== undefined) {
      out.push(replacement);
      wanted.delete(key);
    }
  }
  out.push(...wanted.values());
  return out;
}

/** The value of a top-level key in front matter lines (quotes removed), or null. */
export function frontMatterValue(lines: readonly string[], key: string): string | null {
  for (const line of lines) {
    if (keyOf(line) !== key) continue;
    const raw = line.slice(line.indexOf(':') + 1).trim();
    if (raw.startsWith('"')) {
      try {
        const value: unknown = JSON.parse(raw);
        return typeof value === 'string' ? value : null;
      } catch {
        return null;
      }
    }
    return raw.replace(/^'(.*)'$/, '$1');
  }
  return null;
}

function keyOf(line: string): string | null {
  if (/^[ \t-]/.test(line)) return null;
  return KEY_LINE.exec(line)?.[1] ?? null;
}
