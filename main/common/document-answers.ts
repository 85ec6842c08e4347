/**
 * Which GlossApi answers hand over a document to show: the browser mode's server signs its asset
 * addresses into them, and the page reads that signature back (renderer/api.ts). One list for
 * both sides, held to the API by the compiler.
 */
import type { ApiMethod, GlossApi, OpenedDocument, Startup } from '../api';

/** The API methods that answer with a document to show. */
type DocumentMethod = { [M in ApiMethod]: Awaited<ReturnType<GlossApi[M]>> extends OpenedDocument ? M : never }[ApiMethod];

/**
 * Every method that answers with a document, as a record so that leaving one out is a compile
 * error: a method missing here would show its document without the images next to it.
 */
const ANSWERS_WITH_A_DOCUMENT: Record<DocumentMethod, true> = {
  openDocument: true,
  importDocument: true,
  openSample: true,
  openLibraryDocument: true,
  locateDocument: true,
  resolveSimilar: true,
  openAnnotationLink: true,
};

/** The document in `method`'s answer `value` (getStartup's, if it has one), or null when it hands over none. */
export function documentInAnswer(method: ApiMethod, value: unknown): OpenedDocument | null {
  if (method === 'getStartup') return (value as Startup).document;
  return Object.hasOwn(ANSWERS_WITH_A_DOCUMENT, method) ? (value as OpenedDocument) : null;
}
