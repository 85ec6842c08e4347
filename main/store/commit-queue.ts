import type { Low } from 'lowdb';
import { saveFailure } from './durable-write';

/**
 * A change to a store's data. It must not modify `state`: it returns the next state (sharing
 * whatever did not change) and what the caller gets back, or throws to refuse the change.
 */
export type Mutation<T, R> = (state: T) => { state: T; result: R };

interface Job<T> {
  mutation: Mutation<T, unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Applies mutations to one lowdb file so that what is in memory is always what is on disk.
 *
 * Mutations that arrive while a write is in flight are batched into the next single write.
 * A caller's promise resolves only once a write containing its change is durable; when a write
 * fails, every change in it is rejected and the data rolls back to the last confirmed state,
 * so nothing that was reported as failed shows up later.
 *
 * This is the one place that orders a file's writes: the adapter below it writes one version at
 * a time and neither queues nor coalesces, so each change's fate is the fate of the one write
 * that carried it.
 */
export class CommitQueue<T> {
  readonly #db: Low<T>;
  readonly #fileLabel: string;
  #confirmed: T;
  #pending: Job<T>[] = [];
  #draining: Promise<void> | null = null;

  /**
   * @param db a Low whose `data` was just read: it is taken as confirmed
   * @param fileLabel how the reader knows the file, for error messages
   */
  constructor(db: Low<T>, fileLabel: string) {
    this.#db = db;
    this.#fileLabel = fileLabel;
    this.#confirmed = db.data;
  }

  /** The data as it is on disk. Treat it as read-only. */
  get state(): T {
    return this.#confirmed;
  }

  /** Applies `mutation`; resolves with its result once the change is durable. */
  run<R>(mutation: Mutation<T, R>): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.#pending.push({ mutation, resolve: resolve as (result: unknown) => void, reject });
      this.#draining ??= this.#drain();
    });
  }

  /** Resolves when every change asked for so far has been written (or refused). */
  async idle(): Promise<void> {
    while (this.#draining !== null) await this.#draining;
  }

  async #drain(): Promise<void> {
    // Let changes asked for in the same tick join the first batch. This await also keeps the
    // `finally` below from running before `run` has stored the promise it clears.
    await null;
    try {
      while (this.#pending.length > 0) {
        const batch = this.#pending.splice(0);
        let next = this.#confirmed;
        const accepted: { job: Job<T>; result: unknown }[] = [];
        for (const job of batch) {
          try {
            const outcome = job.mutation(next);
            next = outcome.state;
            accepted.push({ job, result: outcome.result });
          } catch (error) {
            job.reject(error);
          }
        }
        if (accepted.length === 0) continue;
        if (next === this.#confirmed) {
          // Nothing changed (e.g. restoring an annotation that is already there): nothing to write.
          for (const { job, result } of accepted) job.resolve(result);
          continue;
        }
        this.#db.data = next;
        try {
          await this.#db.write();
        } catch (error) {
          this.#db.data = this.#confirmed;
          // A refusal by the folder's lock ('locked') reaches the reader as it is.
          const failure = saveFailure(error, this.#fileLabel, 'so the last change was not kept');
          for (const { job } of accepted) job.reject(failure);
          continue;
        }
        this.#confirmed = next;
        for (const { job, result } of accepted) job.resolve(result);
      }
    } finally {
      this.#draining = null;
    }
  }
}
