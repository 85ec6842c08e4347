/**
 * A URL fragment as `key=value` parameters joined by `&`: how the browser mode's address carries
 * its session token and an annotation link side by side (`#token=…&annotation=…`).
 */

/** The fragment's parameters, in order, as written (not decoded). */
function parametersOf(hash: string): string[] {
  return hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '');
}

/** The raw value of the fragment's `key` parameter, or null. */
export function fragmentParameter(hash: string, key: string): string | null {
  const part = parametersOf(hash).find((candidate) => candidate.startsWith(`${key}=`));
  return part === undefined ? null : part.slice(key.length + 1);
}

/** The fragment without its `key` parameter, the rest kept as it was ('' when nothing is left). */
export function fragmentWithout(hash: string, key: string): string {
  const rest = parametersOf(hash).filter((part) => !part.startsWith(`${key}=`));
  return rest.length === 0 ? '' : `#${rest.join('&')}`;
}
