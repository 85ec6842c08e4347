/**
 * A small read-only loader of the data folder for the notes index: document titles from
 * gloss.json, and each document's annotations from annotations/<documentId>.json, read the way
 * the store reads them (the same schema, the backup when the file is missing or damaged, files
 * from a newer Gloss left alone). It never writes, locks or repairs anything: that is the store's
 * job, and the store tells the reader about damage. Meant to be swapped for the store's own
 * read-only API once it has one; nothing else in main/search/ touches these files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AnnotationSchema } from '../api';
import type { Annotation } from '../api';
import { ANNOTATIONS_FOLDER } from '../store/annotation-file';
import { LIBRARY_FILE } from '../store/library-file';
import { CURRENT_SCHEMA_VERSION } from '../store/migrations';

/** The suffix of the last good copy the store keeps of each file (durable-json-file.ts). */
const BACKUP = '.bak';
const FILE_NAME = /^([A-Za-z0-9_-]{1,100})\.json(\.bak)?$/;

/**
 * What the notes index reads of the data folder. `libraryReader` reads the files directly; the
 * store's read-only API can stand in for it once there is one.
 */
export interface LibrarySource {
  /** Titles of the library's documents, by id. */
  readTitles(): Promise<Map<string, string>>;
  /** Every document that has annotations, with a fingerprint of its file. */
  listAnnotationFiles(): Promise<AnnotationFileInfo[]>;
  /** One document's annotations, as the store would show them. */
  readAnnotations(file: AnnotationFileInfo): Promise<Annotation[]>;
}

/** The data folder's files, read directly. */
export function libraryReader(dataDir: string): LibrarySource {
  return {
    readTitles: () => readTitles(dataDir),
    listAnnotationFiles: () => listAnnotationFiles(dataDir),
    readAnnotations,
  };
}

/** A document's annotation file, and a fingerprint that changes whenever the file does. */
export interface AnnotationFileInfo {
  documentId: string;
  /** The file the store would read: the document's file, or its backup when only that is left. */
  path: string;
  fingerprint: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Titles of the documents in gloss.json, by id; empty when the file is missing or unreadable. */
export async function readTitles(dataDir: string): Promise<Map<string, string>> {
  let json = await readJson(join(dataDir, LIBRARY_FILE));
  if (!isObject(json)) json = await readJson(join(dataDir, LIBRARY_FILE + BACKUP));
  const titles = new Map<string, string>();
  const documents = isObject(json) && isObject(json.documents) ? json.documents : {};
  for (const [id, record] of Object.entries(documents)) {
    if (isObject(record) && record.id === id && typeof record.title === 'string') titles.set(id, record.title);
  }
  return titles;
}

/**
 * Size, times and inode of a file: written files are always replaced by a rename (a new inode,
 * a new change time), so a file with the same fingerprint holds the same annotations.
 */
async function fingerprintOf(path: string): Promise<string> {
  const info = await stat(path, { bigint: true });
  return `${info.size}:${info.mtimeNs}:${info.ctimeNs}:${info.ino}`;
}

/** The annotation files of the data folder, one per document, by document id order. */
export async function listAnnotationFiles(dataDir: string): Promise<AnnotationFileInfo[]> {
  const folder = join(dataDir, ANNOTATIONS_FOLDER);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const chosen = new Map<string, string>();
  for (const name of names.sort()) {
    const match = FILE_NAME.exec(name);
    if (!match) continue;
    const documentId = match[1] as string;
    // The document's own file wins; its backup stands in only when the file itself is gone.
    if (!match[2] || !chosen.has(documentId)) chosen.set(documentId, name);
  }
  const files: AnnotationFileInfo[] = [];
  for (const [documentId, name] of chosen) {
    const path = join(folder, name);
    try {
      files.push({ documentId, path, fingerprint: await fingerprintOf(path) });
    } catch {
      // Removed between the listing and now: it has no annotations to index.
    }
  }
  return files;
}

/** The usable annotations of a parsed file, as the store keeps them (first of a repeated id wins). */
function annotationsIn(json: unknown, documentId: string): Annotation[] | null {
  if (!isObject(json)) return null;
  const version = json.schemaVersion ?? 0;
  // A file from a newer Gloss is refused by the store, so nothing of it is shown.
  if (typeof version !== 'number' || version > CURRENT_SCHEMA_VERSION) return [];
  const entries = Array.isArray(json.annotations) ? json.annotations : [];
  const seen = new Set<string>();
  const annotations: Annotation[] = [];
  for (const entry of entries) {
    const parsed = AnnotationSchema.safeParse(entry);
    if (!parsed.success || parsed.data.documentId !== documentId || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    annotations.push(parsed.data);
  }
  return annotations;
}

/**
 * The annotations in a document's file, or in its backup when the file does not parse (as the
 * store would restore it); an empty list when neither can be read.
 */
export async function readAnnotations(file: AnnotationFileInfo): Promise<Annotation[]> {
  const candidates = file.path.endsWith(BACKUP) ? [file.path] : [file.path, file.path + BACKUP];
  for (const path of candidates) {
    const annotations = annotationsIn(await readJson(path), file.documentId);
    if (annotations) return annotations;
  }
  return [];
}
