import type { z } from 'zod';

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
 * the list's first entry rather than lost.
 */
export function readQuarantine(value: unknown, at: string): QuarantinedEntry[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return [...(value as QuarantinedEntry[])];
  return [{ reason: 'the "quarantine" field was not a list', quarantinedAt: at, entry: value }];
}

/** A short, readable reason from a zod error: the first problem and where it is. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it is not valid';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  return `${issue.message}${where}`;
}
