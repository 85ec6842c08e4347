/**
 * Ids for imported annotations whose own id Gloss cannot use (an IRI such as
 * `https://example.org/anno/7`, or none at all): a name-based UUID (RFC 9562 version 5, SHA-1)
 * of it in a namespace of Gloss's own, so the same annotation imported twice gets the same id
 * and is recognised as a duplicate.
 */
import { createHash } from 'node:crypto';

/** Gloss's namespace for imported ids (a fixed, random UUID). */
const IMPORT_NAMESPACE = '4f0c6a52-8d3e-4c1b-9a57-2e6b1d9f7c30';

/** The version-5 UUID of `name` in Gloss's import namespace. */
export function derivedId(name: string): string {
  const namespace = Buffer.from(IMPORT_NAMESPACE.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(namespace).update(name, 'utf8').digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
