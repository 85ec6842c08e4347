/**
 * Text of an annotation file: one annotation per line, so the file reads and diffs well, and so
 * an annotation that did not change is not serialized again. The store never modifies an
 * annotation object in place (a change makes a new one), so its text can be cached by identity.
 */
const textOf = new WeakMap<object, string>();

function cachedJson(item: object): string {
  let text = textOf.get(item);
  if (text === undefined) {
    text = JSON.stringify(item);
    textOf.set(item, text);
  }
  return text;
}

function listText(items: readonly object[]): string {
  return items.length === 0 ? '[]' : `[\n    ${items.map(cachedJson).join(',\n    ')}\n  ]`;
}

/**
 * Serializes a store file whose `annotations` and `quarantine` are lists of objects; any other
 * field is written as plain JSON. The result parses back to the same data as JSON.stringify's.
 */
export function stringifyAnnotationFile(file: { annotations: readonly object[]; quarantine: readonly object[] }): string {
  const { annotations, quarantine, ...rest } = file;
  const fields = Object.entries(rest)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)}`);
  fields.push(`  "annotations": ${listText(annotations)}`, `  "quarantine": ${listText(quarantine)}`);
  return `{\n${fields.join(',\n')}\n}\n`;
}
