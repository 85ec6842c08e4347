/**
 * IRIs for Gloss's annotations and collections in the W3C format. Annotations Gloss made have
 * UUIDs and get `urn:uuid:<id>`; any other id (imported from Hypothesis, say) gets
 * `urn:gloss:annotation:<id>`. Both read back to the same id.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_URN = 'urn:uuid:';
const GLOSS_URN = 'urn:gloss:annotation:';

/** The `id` IRI of an annotation. */
export function annotationIri(id: string): string {
  return UUID.test(id) ? `${UUID_URN}${id}` : `${GLOSS_URN}${id}`;
}

/** The Gloss id inside an IRI written by `annotationIri`, or null for any other IRI. */
export function idOfAnnotationIri(iri: string): string | null {
  const lower = iri.toLowerCase();
  if (lower.startsWith(UUID_URN) && UUID.test(iri.slice(UUID_URN.length))) return iri.slice(UUID_URN.length);
  if (lower.startsWith(GLOSS_URN)) return iri.slice(GLOSS_URN.length);
  return null;
}

/** The `id` IRI of a collection: one document's annotations, or the library's. */
export function collectionIri(documentId: string | null): string {
  return documentId === null ? 'urn:gloss:library' : `urn:gloss:document:${documentId}`;
}
