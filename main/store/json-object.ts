/** A JSON object as read from disk, before it is checked. */
export type JsonObject = Record<string, unknown>;

/** True for a JSON object (not an array, not null): the only top-level shape Gloss files have. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
