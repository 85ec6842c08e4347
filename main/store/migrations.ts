import { GlossError } from '../errors';
import type { JsonObject } from './json-object';

/** The schema version this build of Gloss writes into the store files other than gloss.json. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * The schema version of gloss.json. Version 2: a document's id no longer follows from its path
 * (a document keeps its id and its annotation file when its file moves), and each record holds
 * the text's fingerprint and the count of its annotations. A Gloss that still derived ids from
 * paths would take a moved document for a new one, so it must not open this file.
 */
export const LIBRARY_SCHEMA_VERSION = 2;


/**
 * Upgrades a file from version `n` to `n + 1`. Keyed by `n`. Each step returns a new object
 * and must keep fields it does not understand, so nothing the reader wrote is lost.
 */
export type MigrationSteps = Readonly<Record<number, (data: JsonObject) => JsonObject>>;

/**
 * Steps shared by every Gloss store file. Version 0 is a file without `schemaVersion`:
 * no release wrote one, but a hand-made or imported file may look like that.
 */
export const STORE_MIGRATIONS: MigrationSteps = {
  0: (data) => ({ ...data, schemaVersion: 1 }),
};

/**
 * gloss.json's steps. 1 → 2: ids stop following paths (nothing to rewrite: an id made from a
 * path stays that document's id), and records gain `fingerprint` and `annotationCount`, which
 * a version-1 record lacks and which read as null, "not known yet" (DocumentRecordSchema): the
 * fingerprint is taken the next time the document is opened, the count read in the background.
 * Records are left as they are, so one that cannot be read reaches the quarantine as it was.
 */
export const LIBRARY_MIGRATIONS: MigrationSteps = {
  ...STORE_MIGRATIONS,
  1: (data) => ({ ...data, schemaVersion: 2 }),
};

/**
 * Brings a store file up to `targetVersion` (`CURRENT_SCHEMA_VERSION`, or gloss.json's
 * `LIBRARY_SCHEMA_VERSION` with `LIBRARY_MIGRATIONS`).
 *
 * Throws an 'io' GlossError for a file written by a newer Gloss: guessing at a format we do not
 * know could destroy the reader's data, so the caller must refuse to open it (and never write it).
 *
 * @param data the parsed file
 * @param fileLabel how the reader knows the file, e.g. "gloss.json"
 */
export function migrate(data: JsonObject, fileLabel: string, steps: MigrationSteps = STORE_MIGRATIONS, targetVersion = CURRENT_SCHEMA_VERSION): JsonObject {
  const version = readVersion(data, fileLabel);
  if (version > targetVersion) {
    throw new GlossError(
      'io',
      `${fileLabel} was saved by a newer version of Gloss (data format ${version}; this version understands up to ${targetVersion}). ` +
        'Update Gloss to open it. The file was left untouched.',
    );
  }
  let current = data;
  for (let v = version; v < targetVersion; v += 1) {
    const step = steps[v];
    if (!step) throw new GlossError('internal', `Gloss has no way to upgrade ${fileLabel} from data format ${v}.`);
    current = step(current);
  }
  return current;
}

function readVersion(data: JsonObject, fileLabel: string): number {
  const raw = data.schemaVersion;
  if (raw === undefined) return 0;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new GlossError(
      'io',
      `${fileLabel} has an unreadable data format number (${JSON.stringify(raw)}). The file was left untouched.`,
    );
  }
  return raw;
}
