/**
 * Which library document a file just opened is. A document is known by more than its path: the
 * sha256 of its bytes, and a fingerprint of its text that survives small edits.
 *
 * 1. A document last opened at this path: that one ('known'), whatever its content now (an
 *    edited file keeps its annotations, which re-anchor).
 * 2. Else a document with the same bytes: the same file, moved, renamed or copied elsewhere
 *    ('moved'). It is attached at once. Of several, the one whose file is gone comes first
 *    (it moved), then the one with the most annotations, then the one opened last.
 * 3. Else a document whose fingerprint is at least `SIMILARITY_THRESHOLD` like this text: the
 *    file was moved and edited ('similar'). The reader is asked; the most similar is offered.
 * 4. Else a new document.
 *
 * Two copies of one file both present are one document: whichever is opened becomes its place
 * (step 2 again each time), so its annotations are never split or duplicated. A copy that was
 * edited since is offered through step 3, and kept apart if the reader says no.
 */
import { fingerprintSimilarity, SIMILARITY_THRESHOLD } from '../documents/text-fingerprint';
import type { DocumentRecord } from '../store/library-file';

/** What is known of the file just opened. */
export interface OpenedFile {
  path: string;
  contentHash: string;
  fingerprint: string | null;
}

/** Which document the file is. */
export type Identity =
  | { kind: 'known'; record: DocumentRecord }
  | { kind: 'moved'; record: DocumentRecord }
  | { kind: 'similar'; record: DocumentRecord; similarity: number }
  | { kind: 'new' };

/** What identifying needs of the library and the disk. */
export interface IdentityContext {
  /** The document last opened at a path. */
  findByPath(path: string): DocumentRecord | undefined;
  /** The documents a file may turn out to be (the sample, which lives wherever Gloss is installed, is left out). */
  candidates(): DocumentRecord[];
  /** Whether a document's file is still where the library last saw it. */
  fileExists(path: string): Promise<boolean>;
}

/** Works out which library document `file` is (see the module comment). */
export async function identifyFile(file: OpenedFile, context: IdentityContext): Promise<Identity> {
  const known = context.findByPath(file.path);
  if (known) return { kind: 'known', record: known };
  const candidates = context.candidates();

  const sameBytes = candidates.filter((record) => record.contentHash === file.contentHash);
  if (sameBytes.length > 0) {
    const gone = await Promise.all(sameBytes.map(async (record) => !(await context.fileExists(record.path))));
    const ranked = sameBytes
      .map((record, index) => ({ record, gone: gone[index] as boolean }))
      .sort((a, b) => Number(b.gone) - Number(a.gone) || (b.record.annotationCount ?? 0) - (a.record.annotationCount ?? 0) || b.record.lastOpenedAt.localeCompare(a.record.lastOpenedAt));
    return { kind: 'moved', record: (ranked[0] as { record: DocumentRecord }).record };
  }

  let best: { record: DocumentRecord; similarity: number } | null = null;
  for (const record of candidates) {
    const similarity = fingerprintSimilarity(file.fingerprint, record.fingerprint);
    if (similarity === null || similarity < SIMILARITY_THRESHOLD) continue;
    if (best === null || similarity > best.similarity) best = { record, similarity };
  }
  return best === null ? { kind: 'new' } : { kind: 'similar', ...best };
}
