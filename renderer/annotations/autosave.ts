/**
 * Saves a value some time after the last change, one save at a time, always ending with the
 * newest value: a slow save never overwrites a newer one, and nothing typed is dropped.
 */

/** What the reader is told: nothing yet, unsaved changes, a save running, saved, or failed. */
export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

/** Default quiet time after the last keystroke before saving. */
export const AUTOSAVE_DELAY_MS = 600;

/** A debounced, serialized saver for one value. */
export class Autosave<T> {
  private timer = 0;
  private pending: { value: T } | null = null;
  private running: Promise<void> | null = null;
  /** Bumped by cancel(): a save started before it must not bring its value or status back. */
  private generation = 0;

  constructor(
    private readonly save: (value: T) => Promise<void>,
    private readonly onStatus: (status: SaveStatus, error?: unknown) => void,
    private readonly delayMs = AUTOSAVE_DELAY_MS,
  ) {}

  /** True while a change has not been saved yet. */
  get dirty(): boolean {
    return this.pending !== null || this.running !== null;
  }

  /** Records a change; it is saved after the quiet time. */
  schedule(value: T): void {
    this.pending = { value };
    this.setStatus('pending');
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.flush(), this.delayMs);
  }

  /**
   * Saves the newest change now; resolves when everything recorded so far is saved, or when a
   * save this call started failed (the value is kept for a retry).
   */
  async flush(): Promise<void> {
    window.clearTimeout(this.timer);
    let failed = false;
    while (!failed) {
      if (this.running) {
        // Never rejects: failures are turned into a status below.
        await this.running;
        continue;
      }
      if (!this.pending) return;
      const { value } = this.pending;
      this.pending = null;
      this.setStatus('saving');
      const generation = this.generation;
      this.running = this.save(value).then(
        () => {
          this.running = null;
          if (!this.pending && generation === this.generation) this.setStatus('saved');
        },
        (error: unknown) => {
          this.running = null;
          failed = true;
          // Cancelled meanwhile (the annotation is gone): nothing is left to retry or report.
          if (generation !== this.generation) return;
          // Keep the value, so "Save" or the next change retries it.
          this.pending ??= { value };
          this.setStatus('error', error);
        },
      );
    }
  }

  /** Forgets what is pending, without saving (the value was deleted). */
  cancel(): void {
    window.clearTimeout(this.timer);
    this.generation += 1;
    this.pending = null;
    this.setStatus('idle');
  }

  private setStatus(status: SaveStatus, error?: unknown): void {
    this.onStatus(status, error);
  }
}
