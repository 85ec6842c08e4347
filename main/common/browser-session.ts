/**
 * How the browser mode's page proves it was opened from the address the server printed.
 *
 * The server makes a random token per launch and prints it in the address's fragment, which the
 * browser never sends anywhere. The page takes it once, keeps it for its tab (sessionStorage,
 * which, unlike a cookie, belongs to one origin: scheme, host and port), and sends it with every
 * API call in the Authorization header. A browser sends that header only where a script puts it,
 * so nothing the browser would hand to another server on 127.0.0.1 (cookies ignore ports, and
 * SameSite counts every port of 127.0.0.1 as one site) carries the token.
 */
import { fragmentWithout } from './fragment-parameters';

/** The name of the token in the printed address's fragment (and, accepted too, its query). */
export const TOKEN_PARAMETER = 'token';

/** The header that carries the token: `Authorization: Bearer <token>`. */
export const SESSION_HEADER = 'Authorization';

const BEARER = 'Bearer ';

/** The SESSION_HEADER value for a token. */
export function sessionHeaderValue(token: string): string {
  return `${BEARER}${token}`;
}

/** The token in a SESSION_HEADER value, or null when the header is missing or of another kind. */
export function tokenFromHeader(value: string | undefined): string | null {
  if (value === undefined || !value.startsWith(BEARER)) return null;
  return value.slice(BEARER.length).trim() || null;
}

/** The address the server prints for a token: the token rides in the fragment. */
export function sessionAddress(origin: string, token: string): string {
  return `${origin}/#${TOKEN_PARAMETER}=${encodeURIComponent(token)}`;
}

/** The token in a page address's fragment or query (`location.hash`, `location.search`), if any. */
export function tokenFromAddress(hash: string, search: string): string | null {
  const fromFragment = new URLSearchParams(hash.replace(/^#/, '')).get(TOKEN_PARAMETER);
  return fromFragment || new URLSearchParams(search).get(TOKEN_PARAMETER) || null;
}

/** A fragment without its token parameter, the rest kept as it was ('' when nothing is left). */
export function withoutToken(hash: string): string {
  return fragmentWithout(hash, TOKEN_PARAMETER);
}
