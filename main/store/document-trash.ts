/**
 * The trash: where a document removed from the library waits, with its annotation file, until it
 * is put back (Undo) or `TRASH_KEEP_DAYS` have passed.
 *
 * `trash/<trash id>/` holds `record.json` (the library record, its place in the recent list and
 * when it was removed) and, moved there by rename, `annotations.json` and its `.bak`: the files
 * exactly as they were, so Undo gives them back byte for byte. Every step is durable (the record
 * written through `writeFileDurably`, each rename followed by an fsync of both folders), and
 * `sweep` finishes or rolls back whatever a crash interrupted; see document-removal.ts for the
 * order of the steps.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { lstatSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AnnotationSchema, ReadingPositionSchema } from '../api';
import { TRASH_KEEP_DAYS } from '../common/limits';
import { GlossError } from '../errors';
import { ANNOTATIONS_FOLDER } from './annotation-file';
import { ensureFolder, isCode, plainReason, syncFolder, writeFileDurably } from './durable-write';
import type { WriteCheck } from './durable-write';
import { DocumentRecordSchema } from './library-file';
import type { RemovedRecord } from './library-store';
import { backupPathOf } from './read-store-file';

/** Folder, inside the data folder, holding removed documents. */
export const TRASH_FOLDER = 'trash';

export { TRASH_KEEP_DAYS };

const RECORD_FILE = 'record.json';
const ANNOTATION_FILE = 'annotations.json';

/** What `record.json` holds. */
export interface TrashEntry {
  trashId: string;
  removedAt: string;
  removed: RemovedRecord;
}

const TrashEntrySchema = z.object({
  trashId: AnnotationSchema.shape.id,
  removedAt: z.iso.datetime(),
  removed: z.object({
    record: DocumentRecordSchema.extend({ readingPosition: ReadingPositionSchema.nullable() }),
    recentIndex: z.number().int().min(0).nullable(),
    wasLast: z.boolean(),
  }),
});

/** The annotation file of a document and its backup, where the store keeps them. */
function annotationFiles(dataDir: string, documentId: string): [string, string] {
  const file = join(dataDir, ANNOTATIONS_FOLDER, `${documentId}.json`);
  return [file, backupPathOf(file)];
}

/** The same two files inside a trash entry. */
function trashedFiles(entryDir: string): [string, string] {
  const file = join(entryDir, ANNOTATION_FILE);
  return [file, backupPathOf(file)];
}

/** Renames each existing `from` to its `to` (never over an existing file), then syncs both folders. Returns how many moved. */
async function moveFiles(pairs: readonly (readonly [string, string])[], folders: readonly string[], check?: WriteCheck): Promise<number> {
  let moved = 0;
  // Synchronous between the check and the renames, as every write of the store is (durable-write.ts).
  check?.();
  for (const [from, to] of pairs) {
    if (!exists(from)) continue;
    if (exists(to)) throw new GlossError('io', `Gloss did not move ${from}: ${to} already exists, and nothing is ever written over.`);
    renameSync(from, to);
    moved += 1;
  }
  // Nothing moved (a document without annotations): its folders may not even exist.
  if (moved > 0) for (const folder of folders) await syncFolder(folder);
  return moved;
}

/** Whether a name exists (a link counts as itself: lstat, never what it points to). */
function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if (isCode(error, 'ENOENT')) return false;
    throw error;
  }
}

/** The trash of one data folder (the caller holds its lock). */
export class DocumentTrash {
  readonly #dataDir: string;
  readonly #folder: string;
  readonly #beforeWrite: WriteCheck | undefined;

  constructor(dataDir: string, beforeWrite?: WriteCheck) {
    this.#dataDir = dataDir;
    this.#folder = join(dataDir, TRASH_FOLDER);
    this.#beforeWrite = beforeWrite;
  }

  /** Creates an entry holding `removed` (the annotation files are moved in later); returns it. */
  async create(removed: RemovedRecord, removedAt: Date): Promise<TrashEntry> {
    await ensureFolder(this.#folder);
    const stamp = removedAt.toISOString().replace(/[-:.]/g, '');
    for (;;) {
      // The record inside names the document; the id stays short whatever the document's id.
      const trashId = `${stamp}-${randomBytes(4).toString('hex')}`;
      const entryDir = join(this.#folder, trashId);
      try {
        this.#beforeWrite?.();
        await mkdir(entryDir);
      } catch (error) {
        if (isCode(error, 'EEXIST')) continue;
        throw error;
      }
      await syncFolder(this.#folder);
      const entry: TrashEntry = { trashId, removedAt: removedAt.toISOString(), removed };
      await this.update(entry);
      return entry;
    }
  }

  /** Rewrites an entry's record (the record as it was when it left the library). */
  async update(entry: TrashEntry): Promise<void> {
    const file = join(this.#folder, entry.trashId, RECORD_FILE);
    await writeFileDurably(file, `${JSON.stringify({ schemaVersion: 1, ...entry }, null, 2)}\n`, this.#beforeWrite);
  }

  /** Reads an entry; 'not-found' when there is none by that id (purged, or never made). */
  async read(trashId: string): Promise<TrashEntry> {
    if (!AnnotationSchema.shape.id.safeParse(trashId).success) throw new GlossError('invalid-request', 'That is not a removed document.');
    let text: string;
    try {
      text = await readFile(join(this.#folder, trashId, RECORD_FILE), 'utf8');
    } catch (error) {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) throw new GlossError('not-found', 'That removed document is no longer in the trash.');
      throw new GlossError('io', `Gloss could not read the removed document ${trashId}: ${plainReason(error)}`);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
    const parsed = TrashEntrySchema.safeParse(json);
    if (!parsed.success || parsed.data.trashId !== trashId) throw new GlossError('io', `The record of the removed document in ${TRASH_FOLDER}/${trashId} is damaged; its files are still there.`);
    return parsed.data as TrashEntry;
  }

  /** Moves a document's annotation file (and backup) into its entry. Returns how many files moved. */
  moveAnnotationsIn(entry: TrashEntry): Promise<number> {
    const entryDir = join(this.#folder, entry.trashId);
    const from = annotationFiles(this.#dataDir, entry.removed.record.id);
    const to = trashedFiles(entryDir);
    return moveFiles([[from[0], to[0]], [from[1], to[1]]], [join(this.#dataDir, ANNOTATIONS_FOLDER), entryDir], this.#beforeWrite);
  }

  /** Moves them back to the annotation store's folder. */
  async moveAnnotationsOut(entry: TrashEntry): Promise<number> {
    const entryDir = join(this.#folder, entry.trashId);
    await ensureFolder(join(this.#dataDir, ANNOTATIONS_FOLDER));
    const from = trashedFiles(entryDir);
    const to = annotationFiles(this.#dataDir, entry.removed.record.id);
    return moveFiles([[from[0], to[0]], [from[1], to[1]]], [entryDir, join(this.#dataDir, ANNOTATIONS_FOLDER)], this.#beforeWrite);
  }

  /** True when the entry still holds annotation files. */
  holdsAnnotations(entry: TrashEntry): boolean {
    return trashedFiles(join(this.#folder, entry.trashId)).some(exists);
  }

  /** True when the annotation store's folder holds the document's files. */
  storeHoldsAnnotations(documentId: string): boolean {
    return annotationFiles(this.#dataDir, documentId).some(exists);
  }

  /** Deletes an entry for good. */
  async drop(trashId: string): Promise<void> {
    this.#beforeWrite?.();
    await rm(join(this.#folder, trashId), { recursive: true, force: true });
    await syncFolder(this.#folder).catch(() => undefined);
  }

  /** Every entry that can be read, and the names of folders that cannot. */
  async list(): Promise<{ entries: TrashEntry[]; unreadable: string[] }> {
    let names: string[];
    try {
      names = await readdir(this.#folder);
    } catch (error) {
      if (isCode(error, 'ENOENT')) return { entries: [], unreadable: [] };
      throw error;
    }
    const entries: TrashEntry[] = [];
    const unreadable: string[] = [];
    for (const name of names.sort()) {
      // Temp files of a record being written, which the service's start removes.
      if (name.startsWith('.')) continue;
      try {
        entries.push(await this.read(name));
      } catch {
        unreadable.push(name);
      }
    }
    return { entries, unreadable };
  }
}
