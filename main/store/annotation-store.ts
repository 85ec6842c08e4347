import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AnchoringUpdateSchema, AnnotationChangesSchema, AnnotationSchema } from '../api';
import type { AnchoringSummary, AnchoringUpdate, Annotation, AnnotationChanges, AnnotationStatus, AnnotationTarget } from '../api';
import { GlossError } from '../errors';
import { CommitQueue } from './commit-queue';
import type { Mutation } from './commit-queue';
import { ANNOTATIONS_FOLDER, checkAnnotation, emptyAnnotationFile, readAnnotationFile } from './annotation-file';
import type { AnnotationFile } from './annotation-file';
import { stringifyAnnotationFile } from './annotation-file-text';
import { DurableJsonFile } from './durable-json-file';
import type { WriteCheck } from './durable-write';
import { describeIssue } from './quarantine';

export { ANNOTATIONS_FOLDER };
export type { AnnotationFile };

/**
 * Every document's annotations. Each mutation resolves only once it is durably on disk; one
 * that fails leaves nothing behind, in memory or on disk.
 */
export interface AnnotationStore {
  list(documentId: string): Promise<Annotation[]>;
  /** Stores an annotation the caller formed in full; a duplicate id is an 'invalid-request'. */
  create(annotation: Annotation): Promise<Annotation>;
  /** 'not-found' if absent. A new target re-attaches an orphan: its status becomes 'anchored'. */
  update(documentId: string, id: string, changes: AnnotationChanges, now: string): Promise<Annotation>;
  /** Returns the removed annotation, so it can be restored (Undo). */
  remove(documentId: string, id: string): Promise<Annotation>;
  /** Undo of `remove`; returns the stored one unchanged when the id is already there. */
  restore(annotation: Annotation): Promise<Annotation>;
  /**
   * Saves a re-anchoring in one durable write: a new target makes the annotation 'anchored'; a
   * null target keeps its selectors (never deleting it) and makes it 'orphaned', or
   * 'needs-review' when the update says so. `updatedAt` is left alone: re-anchoring changes
   * where a highlight is, not when it was written. Unknown ids are skipped: the annotation was
   * deleted meanwhile.
   */
  applyAnchoring(documentId: string, contentHash: string, updates: AnchoringUpdate[], now: string): Promise<AnchoringSummary>;
  /** Resolves once every change asked for so far is on disk (or refused). */
  flush(): Promise<void>;
  /**
   * Lets go of a document's file: waits for its writes, then forgets it, so the file may be moved
   * (a document removed from the library, or put back). The next use reads it again.
   */
  release(documentId: string): Promise<void>;
}

/** Options of `openAnnotationStore`. */
export interface AnnotationStoreOptions {
  /** Told, in words for the reader, when a file was damaged or held entries that could not be read. */
  onRecover?: (message: string) => void;
  /** The title of a document, so messages name its annotations the way the reader knows them. */
  titleOf?: (documentId: string) => string | undefined;
  /** Runs before every change to a file; throws to refuse it (the service checks its lock). */
  beforeWrite?: WriteCheck;
  /** Told how many annotations a document has: when its file is first read, and after each write that changed the number. */
  onCount?: (documentId: string, count: number) => void;
}

type AnnotationQueue = CommitQueue<AnnotationFile>;

const AnchoringSchema = z.strictObject({ contentHash: z.string().max(128), updates: z.array(AnchoringUpdateSchema) });

/**
 * The annotation store of `dataDir` (the caller holds the folder's lock). Files are opened on
 * first use and then kept in memory.
 */
export function openAnnotationStore(dataDir: string, options: AnnotationStoreOptions = {}): AnnotationStore {
  const open = new Map<string, Promise<AnnotationQueue>>();

  function queueFor(documentId: string): Promise<AnnotationQueue> {
    const checked = AnnotationSchema.shape.documentId.safeParse(documentId);
    // The id becomes a file name: this check is what keeps it inside annotations/.
    if (!checked.success) return Promise.reject(new GlossError('invalid-request', 'That document id is not valid.'));
    let queue = open.get(documentId);
    if (!queue) {
      queue = openDocumentFile(dataDir, documentId, options).then((opened) => {
        options.onCount?.(documentId, opened.state.annotations.length);
        return opened;
      });
      open.set(documentId, queue);
      // A file that could not be opened (e.g. from a newer Gloss) is tried again next time.
      const opened = queue;
      opened.catch(() => {
        if (open.get(documentId) === opened) open.delete(documentId);
      });
    }
    return queue;
  }

  async function change<R>(documentId: string, mutation: Mutation<AnnotationFile, R>): Promise<R> {
    const queue = await queueFor(documentId);
    const before = queue.state.annotations.length;
    const result = await queue.run(mutation);
    const after = queue.state.annotations.length;
    if (after !== before) options.onCount?.(documentId, after);
    return result;
  }

  return {
    async list(documentId) {
      const queue = await queueFor(documentId);
      return structuredClone(queue.state.annotations);
    },

    async create(annotation) {
      const parsed = checkAnnotation(annotation);
      return change(parsed.documentId, (state) => {
        if (state.annotations.some((a) => a.id === parsed.id)) {
          throw new GlossError('invalid-request', 'An annotation with that id already exists.');
        }
        return { state: { ...state, annotations: [...state.annotations, parsed] }, result: structuredClone(parsed) };
      });
    },

    async update(documentId, id, changes, now) {
      const parsed = AnnotationChangesSchema.safeParse(changes);
      if (!parsed.success) throw new GlossError('invalid-request', `That change is not valid: ${describeIssue(parsed.error)}.`);
      const { color, note, tags, target } = parsed.data;
      return change(documentId, (state) => {
        const index = indexOf(state, id);
        const before = state.annotations[index] as Annotation;
        if (target && before.kind === 'note') {
          throw new GlossError('invalid-request', 'A document note has no passage to attach.');
        }
        const after: Annotation = {
          ...before,
          color: color ?? before.color,
          note: note ?? before.note,
          tags: tags ?? before.tags,
          target: target ?? before.target,
          status: target ? 'anchored' : before.status,
          updatedAt: now,
        };
        return { state: { ...state, annotations: state.annotations.with(index, after) }, result: structuredClone(after) };
      });
    },

    async remove(documentId, id) {
      return change(documentId, (state) => {
        const index = indexOf(state, id);
        const removed = state.annotations[index] as Annotation;
        return { state: { ...state, annotations: state.annotations.toSpliced(index, 1) }, result: structuredClone(removed) };
      });
    },

    async restore(annotation) {
      const parsed = checkAnnotation(annotation);
      return change(parsed.documentId, (state) => {
        const present = state.annotations.find((a) => a.id === parsed.id);
        if (present) return { state, result: structuredClone(present) };
        return { state: { ...state, annotations: [...state.annotations, parsed] }, result: structuredClone(parsed) };
      });
    },

    async applyAnchoring(documentId, contentHash, updates) {
      const parsed = AnchoringSchema.safeParse({ contentHash, updates });
      if (!parsed.success) throw new GlossError('invalid-request', `That anchoring result is not valid: ${describeIssue(parsed.error)}.`);
      const updatesById = new Map(parsed.data.updates.map((update) => [update.id, update]));
      return change(documentId, (state) => reanchor(state, contentHash, updatesById));
    },

    async flush() {
      const queues = await Promise.allSettled(open.values());
      await Promise.all(queues.map((q) => (q.status === 'fulfilled' ? q.value.idle() : undefined)));
    },

    async release(documentId) {
      const queue = open.get(documentId);
      if (!queue) return;
      const opened = await queue.catch(() => null);
      await opened?.idle();
      if (open.get(documentId) === queue) open.delete(documentId);
    },
  };
}

async function openDocumentFile(dataDir: string, documentId: string, options: AnnotationStoreOptions): Promise<AnnotationQueue> {
  const file = `${ANNOTATIONS_FOLDER}/${documentId}.json`;
  const title = options.titleOf?.(documentId);
  const label = title === undefined ? file : `the annotation file of "${title}" (${file})`;
  const onRecover = options.onRecover && ((message: string) => options.onRecover?.(message.charAt(0).toUpperCase() + message.slice(1)));
  const adapter = new DurableJsonFile<AnnotationFile>(join(dataDir, ANNOTATIONS_FOLDER, `${documentId}.json`), {
    label,
    parse: (json) => readAnnotationFile(json, documentId, label, onRecover),
    stringify: stringifyAnnotationFile,
    onRecover,
    beforeWrite: options.beforeWrite,
  });
  const db = new Low<AnnotationFile>(adapter, emptyAnnotationFile(documentId));
  try {
    await db.read();
  } catch (error) {
    if (error instanceof GlossError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new GlossError('io', `Gloss could not read ${label}: ${reason}`);
  }
  return new CommitQueue(db, label);
}

function indexOf(state: AnnotationFile, id: string): number {
  const index = state.annotations.findIndex((a) => a.id === id);
  if (index < 0) throw new GlossError('not-found', 'That annotation no longer exists; it may have been deleted.');
  return index;
}

function reanchor(
  state: AnnotationFile,
  contentHash: string,
  updates: Map<string, AnchoringUpdate>,
): { state: AnnotationFile; result: AnchoringSummary } {
  let moved = 0;
  let needsReview = 0;
  let orphaned = 0;
  let changed = false;
  const annotations = state.annotations.map((annotation) => {
    const update = updates.get(annotation.id);
    // A document note has no passage, so there is nothing to anchor.
    if (!update || annotation.kind === 'note') return annotation;
    const { target } = update;
    if (target === null) {
      // The old selectors stay: they are what "Re-attach" and a later re-anchoring start from.
      const status: AnnotationStatus = update.status === 'needs-review' ? 'needs-review' : 'orphaned';
      if (status === 'needs-review') needsReview += 1;
      else orphaned += 1;
      if (annotation.status === status) return annotation;
      changed = true;
      return { ...annotation, status };
    }
    if (positionChanged(annotation.target, target)) moved += 1;
    if (annotation.status === 'anchored' && JSON.stringify(annotation.target) === JSON.stringify(target)) return annotation;
    changed = true;
    return { ...annotation, target, status: 'anchored' as const };
  });
  const result = { moved, needsReview, orphaned };
  if (!changed && state.anchoredContentHash === contentHash) return { state, result };
  return { state: { ...state, annotations, anchoredContentHash: contentHash }, result };
}

function positionChanged(before: AnnotationTarget | null, after: AnnotationTarget): boolean {
  return before === null || before.position.start !== after.position.start || before.position.end !== after.position.end;
}
