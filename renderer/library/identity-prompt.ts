/**
 * What the main side says about a file's identity, settled before the file is shown: a file that
 * looks like an annotated document (moved and edited) is attached or kept apart as the reader
 * answers; a document found at a new place is announced.
 */
import type { GlossApi, OpenedDocument } from '../../main/api';
import { askChoice } from '../ui/choice-dialog';
import type { Toasts } from '../ui/toasts';
import { similarQuestion } from './library-model';

/**
 * The document to show for `doc`, once the reader has answered any question about it; null when
 * they closed the question (Escape): then nothing is opened, and the file is asked about again
 * the next time it is opened.
 */
export async function settleIdentity(api: GlossApi, toasts: Toasts, doc: OpenedDocument): Promise<OpenedDocument | null> {
  let settled = doc;
  const similar = doc.similarTo;
  if (similar) {
    const answer = await askChoice({
      question: similarQuestion(similar.title, similar.annotationCount),
      detail:
        `“${doc.fileName}” has about ${Math.round(similar.similarity * 100)}% of its text in common with it (last seen at ${similar.path}). ` +
        'Attached, its highlights are found again in the new text; kept separate, this file starts with none.',
      choices: [
        { label: similar.annotationCount === 0 ? 'Same document' : 'Attach them', value: 'attach', primary: true },
        { label: 'Keep separate', value: 'separate' },
      ],
      cancel: 'cancel',
      focus: 'attach',
    });
    if (answer === 'cancel') return null;
    settled = await api.resolveSimilar({ path: doc.path, documentId: similar.documentId, attach: answer === 'attach' });
  }
  if (settled.movedFrom) toasts.show(`“${settled.title}” was found at its new place, with its annotations. It used to be at ${settled.movedFrom}.`, { timeoutMs: 10_000 });
  return settled;
}
