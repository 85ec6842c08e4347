/**
 * Links that open Gloss at one annotation: the one place their format is written and read.
 *
 * - Desktop: `gloss://annotation/<documentId>/<annotationId>`, handed to Gloss by the operating
 *   system once the protocol is registered. Exports (Markdown, HTML, CSV, Anki) carry this form.
 * - Browser mode: the page's URL with the fragment `#annotation=<documentId>/<annotationId>`.
 *
 * Both name the document and the annotation by id; ids hold only letters, digits, - and _, so
 * neither needs escaping. Resolving a link (opening the document, anchoring the passage, saying why
 * when it cannot be found) is the caller's job.
 */
import { fragmentParameter, fragmentWithout } from './fragment-parameters';
import { ID_PATTERN, LIMITS } from './limits';

/** The URL scheme of annotation links (the OS-registered protocol in the desktop app). */
export const ANNOTATION_LINK_SCHEME = 'gloss';

/** The host part of a desktop annotation link: `gloss://annotation/…`. */
const LINK_HOST = 'annotation';

/** The fragment key of a browser-mode annotation link: `#annotation=…`. */
const FRAGMENT_KEY = 'annotation';

/** Which annotation a link points at. */
export interface AnnotationRef {
  documentId: string;
  annotationId: string;
}

/** The desktop link to an annotation: `gloss://annotation/<documentId>/<annotationId>`. */
export function annotationLink(ref: AnnotationRef): string {
  return `${ANNOTATION_LINK_SCHEME}://${LINK_HOST}/${checkedId(ref.documentId)}/${checkedId(ref.annotationId)}`;
}

/**
 * The annotation a desktop link points at, or null when `url` is not an annotation link. The
 * scheme and host are matched without case; a trailing slash, query or fragment is ignored.
 */
export function parseAnnotationLink(url: string): AnnotationRef | null {
  const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)\/([^/?#]+)\/([^/?#]+)\/?(?:[?#].*)?$/is.exec(url.trim());
  if (!match || match[1]!.toLowerCase() !== ANNOTATION_LINK_SCHEME || match[2]!.toLowerCase() !== LINK_HOST) return null;
  return refOf(match[3]!, match[4]!);
}

/** The browser-mode fragment for an annotation: `#annotation=<documentId>/<annotationId>`. */
export function annotationFragment(ref: AnnotationRef): string {
  return `#${FRAGMENT_KEY}=${checkedId(ref.documentId)}/${checkedId(ref.annotationId)}`;
}

/**
 * The annotation a URL fragment (`location.hash`, with or without its '#') points at, or null.
 * The fragment may carry other `key=value` parameters joined by `&`: the browser mode's first
 * address carries its session token there too (`#token=…&annotation=…`).
 */
export function parseAnnotationFragment(hash: string): AnnotationRef | null {
  const match = /^([^/]+)\/([^/]+)$/.exec(fragmentParameter(hash, FRAGMENT_KEY) ?? '');
  return match ? refOf(match[1]!, match[2]!) : null;
}

/** A fragment without its annotation parameter (the rest kept as it was), '' when nothing is left. */
export function withoutAnnotationFragment(hash: string): string {
  return fragmentWithout(hash, FRAGMENT_KEY);
}

function isId(value: string): boolean {
  return value.length <= LIMITS.maxIdLength && ID_PATTERN.test(value);
}

function refOf(documentId: string, annotationId: string): AnnotationRef | null {
  return isId(documentId) && isId(annotationId) ? { documentId, annotationId } : null;
}

function checkedId(id: string): string {
  // Ids are validated when stored; one that is not would make a link that parses differently.
  if (!isId(id)) throw new Error(`"${id}" is not a Gloss id`);
  return id;
}
