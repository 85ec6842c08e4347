import { GlossError } from '../errors';
import type { JsonObject } from './json-object';

/** The schema version this build of Gloss writes into every store file. */
export const CURRENT_SCHEMA_VERSION = 1;


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
 * Brings a store file up to `CURRENT_SCHEMA_VERSION`.
 *
 * Throws an 'io' GlossError for a file written by a newer Gloss: guessing at a format we do not
 * know could destroy the reader's data, so the caller must refuse to open it (and never write it).
 *
 * @param data the parsed file
 * @param fileLabel how the reader knows the file, e.g. "gloss.json"
 */
export function migrate(data: JsonObject, fileLabel: string, steps: MigrationSteps = STORE_MIGRATIONS): JsonObject {
  const version = readVersion(data, fileLabel);
  if (version > CURRENT_SCHEMA_VERSION) {
    throw new GlossError(
      'io',
      `${fileLabel} was saved by a newer version of Gloss (data format ${version}; this version understands up to ${CURRENT_SCHEMA_VERSION}). ` +
        'Update Gloss to open it. The file was left untouched.',
    );
  }
  let current = data;
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v += 1) {
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
