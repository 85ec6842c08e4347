import type { z } from 'zod';
import { isJsonObject } from './json-object';

/**
 * An entry Gloss could not use, kept in its file instead of being dropped: a later version, or a
 * person with a text editor, may still recover it.
 */
export interface QuarantinedEntry {
  /** Why it was set aside, in words. */
  reason: string;
  /** When it was set aside (ISO 8601). */
  quarantinedAt: string;
  /** The entry exactly as it was read. */
  entry: unknown;
}

/**
 * A copy of a file's `quarantine` list, to add to. Something else found in its place is kept as
 * the list's first entry rather than lost, and so is each entry of the list that is not in the
 * form above (a hand edit, a string): wrapped, so every entry is an object with a reason.
 */
export function readQuarantine(value: unknown, at: string): QuarantinedEntry[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) return [{ reason: 'the "quarantine" field was not a list', quarantinedAt: at, entry: value }];
  return value.map((entry: unknown) =>
    isQuarantinedEntry(entry) ? entry : { reason: 'an entry of the "quarantine" list was not in its usual form', quarantinedAt: at, entry },
  );
}

function isQuarantinedEntry(value: unknown): value is QuarantinedEntry {
  return isJsonObject(value) && typeof value.reason === 'string' && typeof value.quarantinedAt === 'string' && 'entry' in value;
}

/** A short, readable reason from a zod error: the first problem and where it is. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}
