/**
 * Document notes not written yet. "Add document note" opens the editor on a draft that exists
 * only here: nothing is stored, listed or counted until the first words (or a tag) are saved,
 * which create the note; an editor closed on a blank draft leaves nothing behind.
 */
import type { Annotation, AnnotationChanges, GlossApi } from '../../main/api';
import type { AnnotationEntry, AnnotationState } from './annotation-state';

interface Draft {
  annotation: Annotation;
  /** The create under way or done, resolving to the stored id (null if it failed); null before the first words. */
  creating: Promise<string | null> | null;
}

let draftCount = 0;

/** The drafts of the window, by their provisional ids. */
export class DocumentNoteDrafts {
  private readonly drafts = new Map<string, Draft>();

  constructor(
    private readonly api: GlossApi,
    private readonly state: AnnotationState,
    /** The id of the document on screen, or null. */
    private readonly shownDocumentId: () => string | null,
    private readonly onCreated: (annotation: Annotation) => void,
  ) {}

  /** A new, empty draft in `documentId`. */
  start(documentId: string): AnnotationEntry {
    const now = new Date().toISOString();
    const annotation: Annotation = {
      id: `draft-note-${++draftCount}`,
      documentId,
      kind: 'note',
      color: null,
      note: '',
      tags: [],
      target: null,
      status: 'anchored',
      createdAt: now,
      updatedAt: now,
    };
    this.drafts.set(annotation.id, { annotation, creating: null });
    return { annotation, span: null, durable: false };
  }

  /** The entry of a draft, written or not, while it is known here. */
  entry(id: string): AnnotationEntry | undefined {
    const draft = this.drafts.get(id);
    return draft && { annotation: draft.annotation, span: null, durable: false };
  }

  /** Whether `id` began as a draft (and is still known here). */
  isDraft(id: string): boolean {
    return this.drafts.has(id);
  }

  /** Whether `id` is a draft nothing has been written in yet. */
  isUnwritten(id: string): boolean {
    return this.drafts.get(id)?.creating === null;
  }

  /** The create of a written draft: resolves to its stored id, or null if it failed. */
  creating(id: string): Promise<string | null> | undefined {
    return this.drafts.get(id)?.creating ?? undefined;
  }

  /**
   * Saves the first words of a draft: creates the note with them (blank words create nothing).
   * Rejects when the create fails; the next save tries again.
   */
  async write(id: string, changes: AnnotationChanges): Promise<void> {
    const draft = this.drafts.get(id);
    if (!draft || draft.creating !== null) throw new Error('This note is already written.');
    const note = changes.note ?? '';
    const tags = changes.tags ?? [];
    if (!note.trim() && tags.length === 0) return;
    const { documentId } = draft.annotation;
    const attempt = this.api.createAnnotation({ documentId, kind: 'note', color: null, note, tags, target: null }).then((created) => {
      this.onCreated(created);
      if (this.shownDocumentId() === documentId) this.state.settle(id, { annotation: created, span: null, durable: true });
      return created.id;
    });
    draft.creating = attempt.catch(() => null);
    try {
      await attempt;
    } catch (error) {
      draft.creating = null;
      throw error;
    }
  }

  /** Forgets a draft (its editor closed, or it was deleted). A written one lives on in the state. */
  forget(id: string): void {
    this.drafts.delete(id);
  }
}
