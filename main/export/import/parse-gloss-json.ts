/**
 * Gloss JSON (json/gloss-json-schema.ts) into the import form: validated with the very schema the
 * export is written to, every field kept.
 */
import { describeIssue } from '../../store/quarantine';
import { GLOSS_JSON_FORMAT, GLOSS_JSON_VERSION, GlossJsonSchema } from '../json/gloss-json-schema';
import { finishAnnotation, importError, type ParsedImport } from './import-model';

/** Whether `json` says it is Gloss JSON (of any version: a wrong one gets its own message). */
export function isGlossJson(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && (json as Record<string, unknown>).format === GLOSS_JSON_FORMAT;
}

/** Parses Gloss JSON. */
export function parseGlossJson(json: Record<string, unknown>): ParsedImport {
  if (json.version !== GLOSS_JSON_VERSION) {
    const newer = typeof json.version === 'number' && json.version > GLOSS_JSON_VERSION;
    throw importError(
      newer
        ? `it is Gloss JSON version ${json.version}, written by a newer Gloss; this one reads version ${GLOSS_JSON_VERSION}. Update Gloss and import it again.`
        : `its Gloss JSON version (${JSON.stringify(json.version)}) is not one Gloss knows.`,
    );
  }
  const parsed = GlossJsonSchema.safeParse(json);
  if (!parsed.success) throw importError(`it is not valid Gloss JSON: ${describeIssue(parsed.error)}.`);
  let index = 0;
  return {
    format: 'gloss-json',
    documents: parsed.data.documents.map((document) => ({
      key: document.id,
      source: document.source,
      contentHash: document.contentHash,
      title: document.title,
      glossId: document.id,
    })),
    annotations: parsed.data.documents.flatMap((document) =>
      document.annotations.map((annotation) =>
        finishAnnotation(
          {
            rawId: annotation.id,
            documentKey: document.id,
            kind: annotation.kind,
            color: annotation.color,
            note: annotation.note,
            tags: annotation.tags,
            motivation: annotation.note.trim() !== '' || annotation.target === null ? 'commenting' : 'highlighting',
            quote: annotation.target?.quote ?? null,
            position: annotation.target ? { start: annotation.target.position.start, end: annotation.target.position.end, unit: 'utf16' } : null,
            headingPath: annotation.target?.headingPath ?? null,
            contentHash: annotation.target?.contentHash ?? null,
            status: annotation.status,
            createdAt: annotation.createdAt,
            updatedAt: annotation.updatedAt,
          },
          index++,
        ),
      ),
    ),
    skipped: [],
    fileDate: parsed.data.updatedAt,
  };
}
