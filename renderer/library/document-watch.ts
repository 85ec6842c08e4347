/**
 * Follows the open document's file on disk: asks the main side (GlossApi.watchDocument, a long
 * poll that works the same over IPC and HTTP) again and again, and reports a change or a delete.
 * One document at a time; following another, or none, ends the loop.
 */
import type { GlossApi } from '../../main/api';
import { ApiError } from '../api';

/** What the watch reports. */
export interface DocumentWatchHandlers {
  /** The file has new bytes (an edit, or the file back after it was gone). */
  changed(contentHash: string): void;
  /** The file is gone (deleted, or moved away). */
  missing(): void;
}

/** Longest pause between two tries after errors (the server gone, say). */
const MAX_BACKOFF_MS = 30_000;

/** Follows one document's file at a time. */
export class DocumentWatch {
  private generation = 0;

  constructor(private readonly api: GlossApi) {}

  /** Starts following document `documentId`, whose file the window shows with `contentHash`. */
  follow(documentId: string, contentHash: string, handlers: DocumentWatchHandlers): void {
    const generation = ++this.generation;
    void this.loop(generation, documentId, contentHash, handlers);
  }

  /** Stops following any document. */
  stop(): void {
    this.generation += 1;
  }

  private async loop(generation: number, documentId: string, contentHash: string, handlers: DocumentWatchHandlers): Promise<void> {
    let believed: string | null = contentHash;
    let failures = 0;
    while (generation === this.generation) {
      let change;
      try {
        change = await this.api.watchDocument({ documentId, contentHash: believed });
        failures = 0;
      } catch (error) {
        // The document left the library (removed): there is nothing left to follow.
        if (error instanceof ApiError && error.code === 'not-found') return;
        failures += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.min(MAX_BACKOFF_MS, 1000 * 2 ** failures)));
        continue;
      }
      if (generation !== this.generation) return;
      if (change.status === 'missing') {
        believed = null;
        handlers.missing();
      } else if (change.status === 'changed') {
        believed = change.contentHash;
        handlers.changed(change.contentHash);
      }
    }
  }
}
