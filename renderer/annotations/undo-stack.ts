/**
 * The one undo stack of the window, for every change to highlights and notes. Its rules:
 *
 * - A step is one thing the reader did: a highlight made, moved, re-attached or accepted, a color
 *   chosen, a deletion, or one sitting of writing a note and its tags (from opening the note
 *   editor on it to closing it, however many keystrokes and autosaves that took).
 * - Steps belong to the document they were made in, as it was rendered (their scope): Undo and
 *   Redo act on the open document's newest step. Opening a document, another or the same again,
 *   starts afresh (keepOnly), since a step's places in the text belong to that rendering.
 * - A new step clears what could be redone in its document.
 * - One undo or redo runs at a time, in the order asked: pressing Ctrl+Z three times undoes three
 *   steps, each after the last is on disk.
 * - A step whose undo (or redo) fails stays where it was, so it can be tried again; the failure is
 *   the caller's to report.
 * - At most `depth` steps are kept; the oldest go first.
 *
 * Pure: no DOM, no API. The steps' own functions do the work.
 */

/** One undoable change. */
export interface UndoStep<Scope> {
  /** What the step did, in words for a toast: "Color change", "Highlight". */
  label: string;
  /** The rendered document the step was made in. */
  scope: Scope;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/** What an undo or redo did: the step, or null when there was nothing to do. */
export type UndoOutcome<Scope> = UndoStep<Scope> | null;

/** Steps kept by default. */
export const UNDO_DEPTH = 100;

/** The stack; see the module comment for its rules. */
export class UndoStack<Scope> {
  private readonly done: UndoStep<Scope>[] = [];
  private readonly undone: UndoStep<Scope>[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly depth: number = UNDO_DEPTH) {}

  /** Records a step just made. */
  push(step: UndoStep<Scope>): void {
    this.done.push(step);
    removeWhere(this.undone, (other) => other.scope === step.scope);
    if (this.done.length > this.depth) this.done.splice(0, this.done.length - this.depth);
  }

  /** Undoes the newest step made in `scope`. Rejects (keeping the step) when its undo fails. */
  undo(scope: Scope): Promise<UndoOutcome<Scope>> {
    return this.run(() => this.latest(this.done, scope), 'undo');
  }

  /** Redoes the step of `scope` undone last. Rejects (keeping the step) when its redo fails. */
  redo(scope: Scope): Promise<UndoOutcome<Scope>> {
    return this.run(() => this.latest(this.undone, scope), 'redo');
  }

  /**
   * Undoes one particular step, wherever it is in the stack (a toast's Undo button names the
   * step it is about). Resolves with null when it is no longer there to undo.
   */
  undoStep(step: UndoStep<Scope>): Promise<UndoOutcome<Scope>> {
    return this.run(() => (this.done.includes(step) ? step : null), 'undo');
  }

  /** Forgets a step that turned out never to have happened (a deletion the main side refused). */
  drop(step: UndoStep<Scope>): void {
    removeWhere(this.done, (other) => other === step);
    removeWhere(this.undone, (other) => other === step);
  }

  /** Whether `scope` has a step to undo, or to redo. */
  canUndo(scope: Scope): boolean {
    return this.latest(this.done, scope) !== null;
  }

  canRedo(scope: Scope): boolean {
    return this.latest(this.undone, scope) !== null;
  }

  /** Forgets every step not made in `scope` (another document is shown now). */
  keepOnly(scope: Scope): void {
    removeWhere(this.done, (step) => step.scope !== scope);
    removeWhere(this.undone, (step) => step.scope !== scope);
  }

  private latest(steps: readonly UndoStep<Scope>[], scope: Scope): UndoStep<Scope> | null {
    for (let i = steps.length - 1; i >= 0; i--) if (steps[i]!.scope === scope) return steps[i]!;
    return null;
  }

  private run(pick: () => UndoStep<Scope> | null, direction: 'undo' | 'redo'): Promise<UndoOutcome<Scope>> {
    const next = this.queue.then(async () => {
      // Chosen when its turn comes, not when asked: the steps before it may have moved things.
      const step = pick();
      if (!step) return null;
      await step[direction]();
      const [from, to] = direction === 'undo' ? [this.done, this.undone] : [this.undone, this.done];
      removeWhere(from, (other) => other === step);
      to.push(step);
      return step;
    });
    // A failure is the caller's; the queue goes on.
    this.queue = next.catch(() => undefined);
    return next;
  }
}

function removeWhere<T>(list: T[], drop: (item: T) => boolean): void {
  for (let i = list.length - 1; i >= 0; i--) if (drop(list[i]!)) list.splice(i, 1);
}
