/**
 * What the reader can do to annotations, each as one call to the main side with the renderer's
 * state kept in step, and each recorded as a step of the window's undo stack (undo-stack.ts):
 * create (painted at once, listed once durable), recolor, one sitting of writing a note and its
 * tags, delete, re-attach, move, accept, and write a document note (which exists only once
 * something is typed in it: document-note-drafts.ts).
 */
import type { Annotation, AnnotationChanges, AnnotationStatus, AnnotationTarget, GlossApi, HighlightColor } from '../../main/api';
import { describeRange } from '../anchoring/describe-range';
import type { Toasts } from '../ui/toasts';
import type { AnchoredSpan, AnnotationEntry, AnnotationState } from './annotation-state';
import { DocumentNoteDrafts } from './document-note-drafts';
import { LIMITS } from '../../main/common/limits';
import { spanOf, type OpenDocument } from './open-document';
import type { UndoStack, UndoStep } from './undo-stack';

export interface ActionDeps {
  api: GlossApi;
  state: AnnotationState;
  toasts: Toasts;
  /** The window's undo stack; its steps are scoped to the rendered document they were made in. */
  history: UndoStack<OpenDocument>;
  /** The document shown now, or null. */
  current(): OpenDocument | null;
  /** A color was chosen: remember it as the last used one. */
  usedColor(color: HighlightColor): void;
}

/** How a highlight's passage was changed, as the undo toast names it. */
export type RetargetKind = 'Re-attach' | 'Move' | 'Accept' | 'Re-pick';

/** The note and tags an annotation had when its editor opened. */
interface NoteSession {
  note: string;
  tags: string[];
  scope: OpenDocument;
}

let provisionalCount = 0;

/** The annotation operations; ids may be provisional (a create in flight) and are resolved here. */
export class AnnotationActions {
  private readonly creating = new Map<string, Promise<string | null>>();
  /** The document of every annotation seen, so saves still reach it after the view moved on. */
  private readonly documentIds = new Map<string, string>();
  private readonly sessions = new Map<string, NoteSession>();
  private readonly drafts: DocumentNoteDrafts;

  constructor(private readonly deps: ActionDeps) {
    this.drafts = new DocumentNoteDrafts(
      deps.api,
      deps.state,
      () => deps.current()?.model.document.id ?? null,
      (created) => this.documentIds.set(created.id, created.documentId),
    );
  }

  /** Records which document these annotations belong to. */
  adopt(annotations: readonly Annotation[]): void {
    for (const annotation of annotations) this.documentIds.set(annotation.id, annotation.documentId);
  }

  /** The final id of a (possibly provisional or draft) id, once it exists; null if its create failed. */
  async ready(id: string): Promise<string | null> {
    const creating = this.creating.get(id) ?? this.drafts.creating(id);
    return creating ? creating : this.deps.state.resolve(id);
  }

  /** The entry of an annotation, or of a document note not yet written (a draft). */
  entry(id: string): AnnotationEntry | undefined {
    return this.deps.state.get(id) ?? this.drafts.entry(id);
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
        // Recorded once it exists: a highlight whose create failed leaves nothing to undo.
        this.record(doc, 'Highlight', () => this.deleteQuietly(created.id), (deleted) => this.restoreQuietly(deleted, span));
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

  /** A document note to write in the open document, which is created only once something is typed in it. */
  draftDocumentNote(): AnnotationEntry | null {
    const doc = this.deps.current();
    return doc ? this.drafts.start(doc.model.document.id) : null;
  }

  /** Whether `id` is a document note not written yet. */
  isUnwrittenDraft(id: string): boolean {
    return this.drafts.isUnwritten(id);
  }

  /**
   * The note editor opened on `id`: what it holds now is what Undo brings back, once the editor
   * closes. One sitting of writing is one step, however many keystrokes it took.
   */
  beginSession(id: string): void {
    const doc = this.deps.current();
    const entry = this.entry(id);
    if (!doc || !entry) return;
    this.sessions.set(id, { note: entry.annotation.note, tags: [...entry.annotation.tags], scope: doc });
  }

  /**
   * The note editor closed on `id`, after its last save: records the sitting as one step. A
   * document note left empty is not kept: one written in this sitting is dropped, one written
   * before is deleted, with Undo.
   */
  async endSession(id: string): Promise<void> {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    const wasDraft = this.drafts.isDraft(id);
    const finalId = await this.ready(id);
    this.drafts.forget(id);
    const entry = finalId ? this.deps.state.get(finalId) : undefined;
    if (!session || !finalId || !entry || this.deps.current() !== session.scope) return;
    const { annotation } = entry;
    if (annotation.kind === 'note' && !annotation.note.trim() && annotation.tags.length === 0) {
      if (wasDraft) await this.deleteQuietly(finalId).catch(() => undefined);
      else await this.remove(finalId, { ...annotation, note: session.note, tags: session.tags });
      return;
    }
    if (wasDraft) {
      this.record(session.scope, 'Document note', () => this.deleteQuietly(finalId), (deleted) => this.restoreQuietly(deleted, null));
      return;
    }
    const after = { note: annotation.note, tags: [...annotation.tags] };
    if (after.note === session.note && sameTags(after.tags, session.tags)) return;
    this.recordChange(session.scope, 'Note', finalId, { note: session.note, tags: session.tags }, after);
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
    const doc = this.deps.current();
    if (!finalId || !entry || !doc) return;
    const before = entry.annotation.color;
    if (before === null || before === color) return;
    this.deps.state.update({ ...entry.annotation, color });
    this.deps.usedColor(color);
    try {
      await this.change(finalId, { color });
    } catch (error) {
      const now = this.deps.state.get(finalId);
      if (now) this.deps.state.update({ ...now.annotation, color: before });
      this.deps.toasts.error(error);
      return;
    }
    this.recordChange(doc, 'Color change', finalId, { color: before }, { color });
  }

  /**
   * Deletes an annotation; a toast offers Undo, as does Ctrl/Cmd+Z. `restoreAs` is what Undo
   * brings back, when not the annotation as it is now.
   */
  async remove(id: string, restoreAs?: Annotation): Promise<void> {
    const doc = this.deps.current();
    const finalId = await this.ready(id);
    const entry = finalId ? this.deps.state.get(finalId) : undefined;
    this.drafts.forget(id);
    if (!finalId || !entry || !doc) return;
    this.sessions.delete(id);
    const deleting = this.deleteQuietly(finalId);
    // Undoable at once, as the entry leaves the list: Ctrl/Cmd+Z pressed before the main side
    // has answered waits for that answer, then restores what it deleted.
    let undoAsked = false;
    const step = this.record(
      doc,
      'Deletion',
      async () => {
        undoAsked = true;
        await this.restoreQuietly(restoreAs ?? (await deleting), entry.span);
      },
      () => this.deleteQuietly(finalId).then(() => undefined),
    );
    let deleted: Annotation;
    try {
      deleted = await deleting;
    } catch (error) {
      // Never deleted (deleteQuietly put it back): nothing to undo.
      this.deps.history.drop(step);
      this.deps.toasts.error(error);
      return;
    }
    // Already being undone: no toast offers it.
    if (undoAsked) return;
    const what = deleted.kind === 'note' ? 'Note deleted' : 'Highlight deleted';
    this.deps.toasts.show(what, { action: { label: 'Undo', run: () => void this.runUndo(this.deps.history.undoStep(step), 'Undone') } });
  }

  /**
   * Points a highlight at `range`: any highlight at a newly selected passage (Re-attach, Move,
   * Re-pick), or one needing review at the span found for it (Accept). It is then anchored there;
   * Undo puts back the passage and the status it had.
   */
  async retarget(id: string, range: Range, kind: RetargetKind): Promise<boolean> {
    const { state, toasts } = this.deps;
    const doc = this.deps.current();
    const finalId = await this.ready(id);
    const entry = finalId ? state.get(finalId) : undefined;
    if (!doc || !finalId || !entry?.annotation.target) return false;
    const target = describeRange(doc.index, range, doc.model.document.contentHash, doc.headingPathAt);
    if (!target) {
      toasts.show(`Select the passage in the article first, then press ${kind}.`);
      return false;
    }
    const before = { target: entry.annotation.target, status: entry.annotation.status, span: entry.span };
    const after = { target, status: 'anchored' as const, span: spanOf(doc, target) };
    try {
      await this.setPassage(finalId, after.target, after.status, after.span);
    } catch (error) {
      toasts.error(error);
      return false;
    }
    this.record(
      doc,
      kind,
      () => this.setPassage(finalId, before.target, before.status, before.span),
      () => this.setPassage(finalId, after.target, after.status, after.span),
    );
    return true;
  }

  /** Undoes the open document's newest step; tells the reader what was undone. */
  undo(): Promise<void> {
    const doc = this.deps.current();
    if (!doc) return Promise.resolve();
    return this.runUndo(this.deps.history.undo(doc), 'Undone');
  }

  /** Redoes the open document's step undone last. */
  redo(): Promise<void> {
    const doc = this.deps.current();
    if (!doc) return Promise.resolve();
    return this.runUndo(this.deps.history.redo(doc), 'Redone');
  }

  private async runUndo(outcome: Promise<UndoStep<OpenDocument> | null>, done: 'Undone' | 'Redone'): Promise<void> {
    const { toasts } = this.deps;
    try {
      const step = await outcome;
      if (!step) {
        toasts.show(done === 'Undone' ? 'Nothing to undo.' : 'Nothing to redo.', { timeoutMs: 2500 });
        return;
      }
      const again = done === 'Undone' ? { label: 'Redo', run: () => void this.redo() } : { label: 'Undo', run: () => void this.undo() };
      toasts.show(`${done}: ${step.label.toLocaleLowerCase()}.`, { action: again, timeoutMs: 6000 });
    } catch (error) {
      toasts.error(error);
    }
  }

  /**
   * Records a step whose undo takes something away and whose redo puts back what the undo
   * returned (a highlight created: deleted, then restored).
   */
  private record<T>(scope: OpenDocument, label: string, undo: () => Promise<T>, redo: (undone: T) => Promise<unknown>): UndoStep<OpenDocument> {
    let undone: T | undefined;
    const step: UndoStep<OpenDocument> = {
      label,
      scope,
      undo: async () => {
        undone = await undo();
      },
      redo: async () => {
        await redo(undone as T);
      },
    };
    if (this.deps.current() === scope) this.deps.history.push(step);
    return step;
  }

  /** Records a step that sets fields back and forth. */
  private recordChange(scope: OpenDocument, label: string, id: string, before: AnnotationChanges, after: AnnotationChanges): void {
    this.record(
      scope,
      label,
      () => this.change(id, before),
      () => this.change(id, after),
    );
  }

  private async deleteQuietly(id: string): Promise<Annotation> {
    const { state, api } = this.deps;
    const doc = this.deps.current();
    const entry = state.get(id);
    const documentId = entry?.annotation.documentId ?? this.documentIds.get(id);
    if (!documentId) throw new Error('This annotation no longer exists.');
    state.remove(id);
    try {
      return await api.deleteAnnotation({ documentId, id });
    } catch (error) {
      if (entry && this.deps.current() === doc) state.put(entry);
      throw error;
    }
  }

  private async restoreQuietly(annotation: Annotation, span: AnchoredSpan | null): Promise<Annotation> {
    const doc = this.deps.current();
    const restored = await this.deps.api.restoreAnnotation({ annotation });
    this.documentIds.set(restored.id, restored.documentId);
    if (doc && this.deps.current() === doc) this.deps.state.put({ annotation: restored, span: restored.kind === 'highlight' ? span : null, durable: true });
    return restored;
  }

  private async setPassage(id: string, target: AnnotationTarget, status: AnnotationStatus, span: AnchoredSpan | null): Promise<void> {
    const entry = this.deps.state.get(id);
    const documentId = entry?.annotation.documentId ?? this.documentIds.get(id);
    if (!documentId) throw new Error('This highlight no longer exists.');
    const doc = this.deps.current();
    const changes: AnnotationChanges = status === 'anchored' ? { target } : { target, status };
    const updated = await this.deps.api.updateAnnotation({ documentId, id, changes });
    if (this.deps.current() === doc) this.deps.state.update(updated, span);
  }

  /** Sends a change; merges only the changed fields back, so answers arriving out of order do no harm. */
  private async change(id: string, changes: AnnotationChanges): Promise<void> {
    if (this.drafts.isUnwritten(id)) {
      // The first words of a document note create it; until then there is nothing to save.
      await this.drafts.write(id, changes);
      return;
    }
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

function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((tag, i) => tag === b[i]);
}
