/**
 * The annotations of the open document as the renderer holds them: each with where it is
 * painted (if anywhere) and whether it is durable yet. Views subscribe and redraw on change.
 */
import type { Annotation } from '../../main/api';

/** Where an anchored highlight sits in the rendered text, and its live DOM range. */
export interface AnchoredSpan {
  start: number;
  end: number;
  range: Range;
}

/** One annotation of the open document. */
export interface AnnotationEntry {
  annotation: Annotation;
  /** Null for document notes and orphans. */
  span: AnchoredSpan | null;
  /** False while the create is in flight: painted, but not yet listed. */
  durable: boolean;
}

/** The open document's annotations, with change notifications batched per task. */
export class AnnotationState {
  private readonly entries = new Map<string, AnnotationEntry>();
  /** Provisional ids of optimistic creates, mapped to the ids the main side gave them. */
  private readonly aliases = new Map<string, string>();
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  /** Calls `listener` after changes (once per batch of changes). */
  subscribe(listener: () => void): void {
    this.listeners.add(listener);
  }

  /** The entry with this id (a provisional id resolves to its final one). */
  get(id: string): AnnotationEntry | undefined {
    return this.entries.get(this.resolve(id));
  }

  /** The final id of a provisional one, or the id itself. */
  resolve(id: string): string {
    return this.aliases.get(id) ?? id;
  }

  /** Every entry, in no particular order. */
  all(): AnnotationEntry[] {
    return [...this.entries.values()];
  }

  /** Adds or replaces an entry. */
  put(entry: AnnotationEntry): void {
    this.entries.set(entry.annotation.id, entry);
    this.changed();
  }

  /** Replaces a provisional entry by the durable one the main side returned. */
  settle(provisionalId: string, entry: AnnotationEntry): void {
    this.entries.delete(provisionalId);
    this.aliases.set(provisionalId, entry.annotation.id);
    this.put(entry);
  }

  /** Updates the annotation of an entry, keeping where it is painted unless told otherwise. */
  update(annotation: Annotation, span?: AnchoredSpan | null): void {
    const entry = this.entries.get(annotation.id);
    if (!entry) return;
    this.put({ ...entry, annotation, span: span === undefined ? entry.span : span });
  }

  /** Removes an entry; returns it. */
  remove(id: string): AnnotationEntry | undefined {
    const key = this.resolve(id);
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.changed();
    }
    return entry;
  }

  /** Replaces everything (a document was opened or closed). */
  reset(entries: AnnotationEntry[]): void {
    this.entries.clear();
    this.aliases.clear();
    for (const entry of entries) this.entries.set(entry.annotation.id, entry);
    this.changed();
  }

  /** Runs the listeners now, instead of at the end of the current task. */
  flush(): void {
    this.scheduled = false;
    for (const listener of this.listeners) listener();
  }

  private changed(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // A microtask, not a frame: a hidden window gets no frames, and a highlight must be painted
    // (and listed) as soon as it exists.
    queueMicrotask(() => {
      if (this.scheduled) this.flush();
    });
  }
}
