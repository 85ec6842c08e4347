/**
 * What the reader can do to annotations, each as one call to the main side with the renderer's
 * state kept in step: create (painted at once, listed once durable), change note, tags or color,
 * delete with Undo, re-attach an orphan, and add a document note.
 */
import type { Annotation, AnnotationChanges, GlossApi, HighlightColor } from '../../main/api';
import { describeRange } from '../anchoring/describe-range';
import type { Toasts } from '../ui/toasts';
import type { AnchoredSpan, AnnotationEntry, AnnotationState } from './annotation-state';
import { LIMITS } from '../../main/common/limits';
import { spanOf, type OpenDocument } from './open-document';

/** A deletion that can still be undone. */
interface Deleted {
  /** The deletion, on its way to the main side: what it answers (the annotation as deleted) is what Undo restores. */
  deleting: Promise<Annotation>;
  span: AnchoredSpan | null;
  documentId: string;
  /** The rendered document the span belongs to: a span is only reused on the same one. */
  document: OpenDocument | null;
  dismissToast: () => void;
}

export interface ActionDeps {
  api: GlossApi;
  state: AnnotationState;
  toasts: Toasts;
  /** The document shown now, or null. */
  current(): OpenDocument | null;
  /** A color was chosen: remember it as the last used one. */
  usedColor(color: HighlightColor): void;
}

/** Deletions kept for Undo (Ctrl/Cmd+Z walks back through them). */
const UNDO_DEPTH = 20;

let provisionalCount = 0;

/** The annotation operations; ids may be provisional (a create in flight) and are resolved here. */
export class AnnotationActions {
  private readonly creating = new Map<string, Promise<string | null>>();
  /** The document of every annotation seen, so saves still reach it after the view moved on. */
  private readonly documentIds = new Map<string, string>();
  private readonly deleted: Deleted[] = [];

  constructor(private readonly deps: ActionDeps) {}

  /** Records which document these annotations belong to. */
  adopt(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) this.documentIds.set(annotation.id, annotation.documentId);
  }

  /** The final id of a (possibly provisional) id, once its create resolved; null if it failed. */
  async ready(id: string): Promise<string | null> {
    const creating = this.creating.get(id);
    return creating ? creating : this.deps.state.resolve(id);
  }

  /**
   * Highlights a range: painted at once (optimistic), listed once the main side has it on disk.
   * Returns the provisional id, or null when there was nothing to highlight.
   */
  highlight(range: Range, color: HighlightColor): string | null {
    const { state, toasts, api } = this.deps;
    const doc = this.deps.current();
    if (!doc) return null;
    const target = describeRange(doc.index, range, doc.model.document.contentHash, doc.headingPathAt);
    if (!target) return null;
    if (target.quote.exact.length > LIMITS.maxQuoteLength) {
      toasts.show(`That passage is too long to highlight: select at most ${LIMITS.maxQuoteLength.toLocaleString()} characters.`, { kind: 'error' });
      return null;
    }
    const documentId = doc.model.document.id;
    const id = `pending-${++provisionalCount}`;
    const now = new Date().toISOString();
    const span = spanOf(doc, target);
    const provisional: Annotation = { id, documentId, kind: 'highlight', color, note: '', tags: [], target, status: 'anchored', createdAt: now, updatedAt: now };
    state.put({ annotation: provisional, span, durable: false });
    state.flush();
    this.deps.usedColor(color);
    const creating = api.createAnnotation({ documentId, kind: 'highlight', color, note: '', tags: [], target }).then(
      (created) => {
        this.documentIds.set(created.id, documentId);
        if (this.deps.current() === doc && state.get(id)) state.settle(id, { annotation: created, span, durable: true });
        return created.id;
      },
      (error: unknown) => {
        state.remove(id);
        toasts.error(error);
        return null;
      },
    );
    this.creating.set(id, creating);
    void creating.finally(() => window.setTimeout(() => this.creating.delete(id), 60_000));
    return id;
  }

  /** Creates an empty document-level note; resolves to its entry, or null on failure (reported). */
  async addDocumentNote(): Promise<AnnotationEntry | null> {
    const doc = this.deps.current();
    if (!doc) return null;
    try {
      const created = await this.deps.api.createAnnotation({ documentId: doc.model.document.id, kind: 'note', color: null, note: '', tags: [], target: null });
      this.documentIds.set(created.id, created.documentId);
      const entry = { annotation: created, span: null, durable: true };
      if (this.deps.current() === doc) this.deps.state.put(entry);
      return entry;
    } catch (error) {
      this.deps.toasts.error(error);
      return null;
    }
  }

  /** Saves a note. Rejects on failure (the editor shows "Not saved" and keeps the text). */
  saveNote(id: string, note: string): Promise<void> {
    return this.change(id, { note });
  }

  /** Saves the tags. */
  saveTags(id: string, tags: string[]): Promise<void> {
    return this.change(id, { tags });
  }

  /** Recolors a highlight at once; puts the old color back if the change is refused. */
  async setColor(id: string, color: HighlightColor): Promise<void> {
    const finalId = await this.ready(id);
    const entry = finalId ? this.deps.state.get(finalId) : undefined;
    if (!finalId || !entry) return;
    const before = entry.annotation.color;
    this.deps.state.update({ ...entry.annotation, color });
    this.deps.usedColor(color);
    try {
      await this.change(finalId, { color });
    } catch (error) {
      const now = this.deps.state.get(finalId);
      if (now) this.deps.state.update({ ...now.annotation, color: before });
      this.deps.toasts.error(error);
    }
  }

  /** Deletes an annotation; a toast offers Undo, as does Ctrl/Cmd+Z. */
  async remove(id: string): Promise<void> {
    const { state, api, toasts } = this.deps;
    const finalId = await this.ready(id);
    const entry = finalId ? state.get(finalId) : undefined;
    if (!finalId || !entry) return;
    const doc = this.deps.current();
    state.remove(finalId);
    // Undoable at once, as the entry leaves the list: Ctrl/Cmd+Z pressed before the main side
    // has answered waits for that answer, then restores.
    const record: Deleted = {
      deleting: api.deleteAnnotation({ documentId: entry.annotation.documentId, id: finalId }),
      span: entry.span,
      documentId: entry.annotation.documentId,
      document: doc,
      dismissToast: () => undefined,
    };
    this.deleted.push(record);
    if (this.deleted.length > UNDO_DEPTH) this.deleted.shift();
    let deleted: Annotation;
    try {
      deleted = await record.deleting;
    } catch (error) {
      this.forget(record);
      if (this.deps.current() === doc) state.put(entry);
      toasts.error(error);
      return;
    }
    // Already undone while it was on its way: no toast to offer it.
    if (!this.deleted.includes(record)) return;
    const what = deleted.kind === 'note' ? 'Note deleted' : 'Highlight deleted';
    record.dismissToast = toasts.show(what, { action: { label: 'Undo', run: () => void this.restore(record) } });
  }

  /** Deletes an annotation without offering Undo (an empty document note being closed). */
  async discard(id: string): Promise<void> {
    const finalId = await this.ready(id);
    const entry = finalId ? this.deps.state.get(finalId) : undefined;
    if (!finalId || !entry) return;
    this.deps.state.remove(finalId);
    await this.deps.api.deleteAnnotation({ documentId: entry.annotation.documentId, id: finalId }).catch(() => undefined);
  }

  /** Brings back the last deletion made in the open document. Returns false when there is none. */
  undo(): boolean {
    const doc = this.deps.current();
    if (!doc) return false;
    for (let i = this.deleted.length - 1; i >= 0; i--) {
      const record = this.deleted[i]!;
      if (record.documentId !== doc.model.document.id) continue;
      void this.restore(record);
      return true;
    }
    return false;
  }

  /**
   * Points a highlight at `range`: an orphan or one needing review at a newly selected passage
   * (Re-attach, Re-pick), or one needing review at the span found for it (Accept). It is then
   * anchored there.
   */
  async reattach(id: string, range: Range): Promise<boolean> {
    const { state, api, toasts } = this.deps;
    const doc = this.deps.current();
    const entry = state.get(id);
    if (!doc || !entry) return false;
    const target = describeRange(doc.index, range, doc.model.document.contentHash, doc.headingPathAt);
    if (!target) {
      toasts.show('Select the passage in the article first, then press Re-attach.');
      return false;
    }
    try {
      const updated = await api.updateAnnotation({ documentId: entry.annotation.documentId, id: entry.annotation.id, changes: { target } });
      if (this.deps.current() !== doc) return true;
      const span = spanOf(doc, target);
      state.update(updated, span);
      return true;
    } catch (error) {
      toasts.error(error);
      return false;
    }
  }

  private async restore(record: Deleted): Promise<void> {
    if (!this.forget(record)) return;
    record.dismissToast();
    // A deletion that failed was never made: remove() has put the annotation back already.
    const deleted = await record.deleting.catch(() => null);
    if (!deleted) return;
    try {
      const restored = await this.deps.api.restoreAnnotation({ annotation: deleted });
      const doc = this.deps.current();
      if (doc && doc === record.document) {
        this.deps.state.put({ annotation: restored, span: restored.kind === 'highlight' ? record.span : null, durable: true });
      }
    } catch (error) {
      this.deps.toasts.error(error);
    }
  }

  /** Takes a deletion off the Undo list; false when it was no longer there. */
  private forget(record: Deleted): boolean {
    const index = this.deleted.indexOf(record);
    if (index < 0) return false;
    this.deleted.splice(index, 1);
    return true;
  }

  /** Sends a change; merges only the changed fields back, so answers arriving out of order do no harm. */
  private async change(id: string, changes: AnnotationChanges): Promise<void> {
    const finalId = await this.ready(id);
    if (!finalId) throw new Error('This highlight could not be saved, so its note cannot be either.');
    const documentId = this.deps.state.get(finalId)?.annotation.documentId ?? this.documentIds.get(finalId);
    if (!documentId) throw new Error('This annotation no longer exists.');
    const updated = await this.deps.api.updateAnnotation({ documentId, id: finalId, changes });
    const entry = this.deps.state.get(finalId);
    if (!entry) return;
    const merged: Annotation = { ...entry.annotation, updatedAt: updated.updatedAt };
    if (changes.note !== undefined) merged.note = updated.note;
    if (changes.tags !== undefined) merged.tags = updated.tags;
    if (changes.color !== undefined) merged.color = updated.color;
    this.deps.state.update(merged);
  }
}
