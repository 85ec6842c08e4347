/** Schemes Gloss hands to the system (browser, mail client); everything else stays closed. */
const EXTERNAL_PROTOCOLS: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);

/**
 * The normalised address to give the system for a link, or null when Gloss must not open it:
 * not a URL, another scheme, or credentials in it (`https://user:pw@host` is a classic way to
 * disguise where a link goes). What is handed on is the parsed form, never the raw string.
 */
export function externalUrl(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!EXTERNAL_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.username || parsed.password) return null;
  return parsed.href;
}
