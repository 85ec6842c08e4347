/**
 * The W3C Web Annotation test suite's MUST assertions (tests/fixtures/w3c, copied with its
 * licence), loaded into Ajv: `mustFailures(annotation)` lists the assertions an annotation fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const ROOT = fileURLToPath(new URL('../../../../fixtures/w3c/', import.meta.url));

/** Draft-04 to what Ajv 8 reads: `id` becomes `$id`, `$schema` goes (Ajv has no draft-04 meta-schema). */
function modernise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(modernise);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === '$schema') continue;
    // In a schema, a string `id` is its identifier; under `properties`, `id` is a property name whose value is an object.
    out[key === 'id' && typeof inner === 'string' ? '$id' : key] = modernise(inner);
  }
  return out;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function jsonFiles(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name));
}

const ajv = new Ajv({ allErrors: false, strict: false, validateSchema: false });
addFormats(ajv);
for (const file of jsonFiles(join(ROOT, 'definitions'))) ajv.addSchema(modernise(readJson(file)) as object);

/** The assertions annotationMusts.test lists, compiled. */
export const MUST_ASSERTIONS: { name: string; errorMessage: string; validate: ValidateFunction }[] = (
  readJson(join(ROOT, 'annotations', 'annotationMusts.test')) as { assertions: string[] }
).assertions.map((name) => {
  const schema = modernise(readJson(join(ROOT, name))) as { errorMessage?: string; expectedResult?: string };
  if (schema.expectedResult !== 'valid') throw new Error(`${name} expects an invalid result; the harness reads only "valid" assertions`);
  return { name, errorMessage: schema.errorMessage ?? name, validate: ajv.compile(schema) };
});

/** The MUST assertions `annotation` fails, by name and message (empty when it passes them all). */
export function mustFailures(annotation: unknown): string[] {
  return MUST_ASSERTIONS.filter((assertion) => !assertion.validate(annotation)).map((assertion) => `${assertion.name}: ${assertion.errorMessage}`);
}

/** The test suite's own sample annotations, valid and invalid. */
export function sampleAnnotations(kind: 'correct' | 'incorrect'): { name: string; json: Record<string, unknown> }[] {
  return jsonFiles(join(ROOT, 'samples', kind)).flatMap((file) => {
    try {
      return [{ name: file.slice(ROOT.length), json: readJson(file) as Record<string, unknown> }];
    } catch {
      return [];
    }
  });
}
