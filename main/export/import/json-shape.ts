/**
 * Small readers for JSON of a loosely known shape (W3C and Hypothesis files come from many
 * tools): each returns the value when it has the type asked for, and the "one or many" forms
 * JSON-LD allows are flattened.
 */

/** A JSON object (not an array, not null). */
export type JsonRecord = Record<string, unknown>;

/** Whether `value` is a JSON object. */
export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `value` as a list: itself when it is one, [value] when it is a single value, [] when absent. */
export function many(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The strings of a one-or-many value ("type": "Annotation" or ["Annotation", …]). */
export function strings(value: unknown): string[] {
  return many(value).filter((item): item is string => typeof item === 'string');
}

/** A string field, or null. */
export function stringField(record: JsonRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' ? value : null;
}

/** A non-negative integer field, or null. */
export function offsetField(record: JsonRecord, key: string): number | null {
  const value = record[key];
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
