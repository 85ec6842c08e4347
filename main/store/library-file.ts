import { z } from 'zod';
import { AnnotationSchema, ReadingPositionSchema } from '../api';
import type { ReadingPosition } from '../api';
import { GlossError } from '../errors';
import type { WindowState } from '../service-types';
import { isJsonObject } from './json-object';
import type { JsonObject } from './json-object';
import { LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION, migrate } from './migrations';
import { describeIssue, readQuarantine } from './quarantine';
import type { QuarantinedEntry } from './quarantine';
import { checkStoredSettings } from './stored-settings';
import type { StoredSettings } from './stored-settings';

/** Name of the library file in the data folder. */
export const LIBRARY_FILE = 'gloss.json';

/** How many documents the recent list keeps. */
export const MAX_RECENT = 20;

/**
 * What Gloss remembers of a document it has opened. The id names its annotation file and never
 * changes; `path` is where the file was last opened, and changes when it moves.
 */
export interface DocumentRecord {
  id: string;
  path: string;
  fileName: string;
  title: string;
  /** sha256 of the file's bytes when it was last opened: the same file found elsewhere has it too. */
  contentHash: string;
  /** The text's fingerprint (documents/text-fingerprint.ts), or null: too short, or not opened since Gloss kept them. */
  fingerprint: string | null;
  /** How many annotations the document has, or null until its annotation file is first read. */
  annotationCount: number | null;
  addedAt: string;
  lastOpenedAt: string;
  readingPosition: ReadingPosition | null;
}

/** What the caller knows of a document it has just opened; a fingerprint left out keeps the stored one. */
export type OpenedDocumentInfo = Pick<DocumentRecord, 'id' | 'path' | 'fileName' | 'title' | 'contentHash'> & { fingerprint?: string | null };

/** gloss.json as written. Fields a newer build added are kept as they are. */
export interface LibraryFile {
  schemaVersion: number;
  /** Only the settings the reader changed. */
  settings: StoredSettings;
  /** Every document ever opened, by id. */
  documents: Record<string, DocumentRecord>;
  /** Ids, most recent first, at most `MAX_RECENT`. */
  recent: string[];
  /** What to reopen at launch; null after "Close" (the empty state). */
  lastDocumentId: string | null;
  /** When Gloss first started with this folder; null until then, so the sample opens once. */
  launchedAt: string | null;
  windowState: WindowState | null;
  /** Document records that could not be read, kept rather than dropped. */
  quarantine: QuarantinedEntry[];
  [field: string]: unknown;
}

/** A document record as gloss.json must hold it; fields a newer build added pass through. */
export const DocumentRecordSchema = z.looseObject({
  id: AnnotationSchema.shape.documentId,
  path: z.string().min(1),
  fileName: z.string(),
  title: z.string(),
  contentHash: z.string(),
  // Derived data: a bad value is forgotten (and taken again), never a reason to set a record aside.
  fingerprint: z.string().max(1000).nullable().catch(null),
  annotationCount: z.number().int().min(0).nullable().catch(null),
  addedAt: z.string(),
  lastOpenedAt: z.string(),
  readingPosition: ReadingPositionSchema.nullable().catch(null),
});

/** A usable window position and size. */
export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  maximized: z.boolean(),
});

/** gloss.json of a folder Gloss has never used. */
export function emptyLibrary(): LibraryFile {
  return {
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    settings: {},
    documents: {},
    recent: [],
    lastDocumentId: null,
    launchedAt: null,
    windowState: null,
    quarantine: [],
  };
}

/**
 * Checks gloss.json as read: migrates it, keeps what is usable, resets bad settings one by one,
 * and moves unreadable document records to `quarantine` (reported, never dropped).
 */
export function readLibraryFile(json: JsonObject, at: string, notices: string[]): LibraryFile {
  const data = migrate(json, LIBRARY_FILE, LIBRARY_MIGRATIONS, LIBRARY_SCHEMA_VERSION);
  const quarantine = readQuarantine(data.quarantine, at);

  const kept: [string, DocumentRecord][] = [];
  const rawDocuments = isJsonObject(data.documents) ? data.documents : {};
  let unreadable = 0;
  for (const [key, entry] of Object.entries(rawDocuments)) {
    const parsed = DocumentRecordSchema.safeParse(entry);
    if (parsed.success && parsed.data.id === key) {
      kept.push([key, parsed.data as DocumentRecord]);
    } else {
      unreadable += 1;
      const reason = parsed.success ? `stored under the id ${key}` : describeIssue(parsed.error);
      quarantine.push({ reason: `document record: ${reason}`, quarantinedAt: at, entry });
    }
  }
  // fromEntries makes own properties even for an id like "__proto__".
  const documents: Record<string, DocumentRecord> = Object.fromEntries(kept);
  if (unreadable > 0) {
    notices.push(
      `${unreadable} document record${unreadable === 1 ? '' : 's'} in ${LIBRARY_FILE} could not be read and ${unreadable === 1 ? 'was' : 'were'} set aside in its "quarantine" list. ` +
        'Those documents will be added again when you open them; their annotations are not affected.',
    );
  }

  const { stored, invalid } = checkStoredSettings(data.settings);
  if (invalid.length > 0) {
    notices.push(`Some settings in ${LIBRARY_FILE} were not valid (${invalid.join(', ')}) and were reset to their defaults.`);
  }

  const rawRecent = Array.isArray(data.recent) ? data.recent : [];
  const recent = [...new Set(rawRecent.filter((id): id is string => typeof id === 'string' && Object.hasOwn(documents, id)))].slice(0, MAX_RECENT);
  const lastDocumentId = typeof data.lastDocumentId === 'string' && Object.hasOwn(documents, data.lastDocumentId) ? data.lastDocumentId : null;
  const windowState = WindowStateSchema.safeParse(data.windowState);

  return {
    ...data,
    schemaVersion: LIBRARY_SCHEMA_VERSION,
    settings: stored,
    documents,
    recent,
    lastDocumentId,
    launchedAt: typeof data.launchedAt === 'string' ? data.launchedAt : null,
    windowState: windowState.success ? windowState.data : null,
    quarantine,
  };
}

/** Refuses a record that would be quarantined the next time gloss.json is read ('invalid-request'). */
export function checkRecord(record: DocumentRecord): DocumentRecord {
  const parsed = DocumentRecordSchema.safeParse(record);
  if (!parsed.success) throw new GlossError('invalid-request', `That document cannot be recorded: ${describeIssue(parsed.error)}.`);
  return record;
}
