/**
 * The notes index saved in the data folder (search-index.jsonl), so the next start loads it
 * instead of reading and indexing every annotation again. It is a cache: deleting it costs one
 * rebuild, and a snapshot that does not match (another version, or damaged) is ignored.
 *
 * One JSON value per line, so that a large index is parsed a piece at a time rather than in one
 * long block of the main thread: a header (format, index version, the Unicode and ICU versions
 * the tokenizer and folding depend on), the fingerprint of every annotation file it reflects,
 * the documents, the records in chunks, MiniSearch's own data (engine-loader.ts: its `toJSON`
 * without the terms, then the terms packed, in chunks), and a last line that proves the file
 * was written to the end.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { once } from 'node:events';
import { AnnotationIndex } from './annotation-index';
import type { IndexContent } from './annotation-index';
import type { PackedEngine, PackedTerm } from './engine-loader';
import { SEARCH_INDEX_VERSION } from './engine-options';
import type { IndexedAnnotation } from './indexed-annotation';

/** The snapshot's file name in the data folder. */
export const SNAPSHOT_FILE = 'search-index.jsonl';

const FORMAT = 'gloss-notes-index';
/** Records, and MiniSearch terms, per line. */
const CHUNK = 2000;

/** What a snapshot is written from: the index's content, and the fingerprint of each annotation file it reflects. */
export interface Snapshot {
  /** Fingerprint (library-reader.ts) of each annotation file, by document id. */
  files: Map<string, string>;
  content: IndexContent;
}

interface Header {
  format: string;
  version: number;
  unicode: string | undefined;
  icu: string | undefined;
}

/** The versions a snapshot must have been written with to be used. */
function currentHeader(): Header {
  return { format: FORMAT, version: SEARCH_INDEX_VERSION, unicode: process.versions.unicode, icu: process.versions.icu };
}

function sameHeader(value: unknown): boolean {
  const expected = currentHeader();
  const header = value as Partial<Header> | null;
  return (
    header !== null &&
    typeof header === 'object' &&
    header.format === expected.format &&
    header.version === expected.version &&
    header.unicode === expected.unicode &&
    header.icu === expected.icu
  );
}

function* chunks<T>(items: Iterable<T>): Generator<T[]> {
  let chunk: T[] = [];
  for (const item of items) {
    chunk.push(item);
    if (chunk.length === CHUNK) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Writes `snapshot` to the data folder: to a temporary file first, renamed over the old one,
 * so a reader finds the old snapshot or the new one, never half of one.
 */
export async function writeSnapshot(dataDir: string, snapshot: Snapshot): Promise<void> {
  const file = join(dataDir, SNAPSHOT_FILE);
  const temp = `${file}.tmp`;
  const { engine, documents, records } = snapshot.content;
  const out = createWriteStream(temp, { encoding: 'utf8' });
  let lines = 0;
  const write = async (value: unknown): Promise<void> => {
    lines += 1;
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  try {
    await write(currentHeader());
    await write({ files: [...snapshot.files] });
    await write({ documents });
    for (const chunk of chunks(records)) await write({ records: chunk });
    await write({ engine: engine.meta });
    for (const chunk of chunks(engine.terms)) await write({ terms: chunk });
    await write({ end: lines });
    out.end();
    await once(out, 'finish');
    await rename(temp, file);
  } catch (error) {
    out.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/** A snapshot as read: the index it holds, and the fingerprints of the files it reflects. */
export interface LoadedSnapshot {
  files: Map<string, string>;
  index: AnnotationIndex;
}

/**
 * The snapshot in the data folder, loaded into an index as it is read (each line is dropped once
 * used, so a large index is never in memory twice), calling `pause` after each line; null when
 * there is none, or it was written by another version, or it is incomplete or damaged.
 */
export async function readSnapshot(dataDir: string, pause: () => Promise<void> = async () => {}): Promise<LoadedSnapshot | null> {
  const input = createReadStream(join(dataDir, SNAPSHOT_FILE), { encoding: 'utf8' });
  const lines = createInterface({ input, crlfDelay: Infinity });
  const load = AnnotationIndex.load();
  let files: Map<string, string> | null = null;
  let count = 0;
  let ended = false;
  try {
    for await (const line of lines) {
      const value = JSON.parse(line) as Record<string, unknown>;
      count += 1;
      if (count === 1) {
        if (!sameHeader(value)) return null;
      } else if (ended) {
        return null;
      } else if ('files' in value) files = new Map(value.files as [string, string][]);
      else if ('documents' in value) load.documents(value.documents as IndexContent['documents']);
      else if ('records' in value) load.records(value.records as IndexedAnnotation[]);
      else if ('engine' in value) load.engine(value.engine as PackedEngine['meta']);
      else if ('terms' in value) load.terms(value.terms as PackedTerm[]);
      else if ('end' in value) ended = value.end === count - 1;
      else return null;
      await pause();
    }
    if (!ended || !files) return null;
    return { files, index: await load.finish() };
  } catch {
    // Missing (ENOENT), unreadable, not JSON, or parts that do not hold together: no snapshot.
    return null;
  } finally {
    lines.close();
    input.destroy();
  }
}
