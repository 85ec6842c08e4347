/**
 * The Gloss JSON export (format in gloss-json-schema.ts). Objects are built key by key, so the
 * key order is the same in every export whatever order the store kept them in.
 */
import type { Annotation, AnnotationTarget } from '../../api';
import type { ExportSet } from '../export-set';
import { GLOSS_JSON_FORMAT, GLOSS_JSON_VERSION, type GlossJson, type GlossJsonAnnotation } from './gloss-json-schema';

/** The Gloss JSON export of `set`: two-space indented, LF, ending with a line break. */
export function writeGlossJson(set: ExportSet): string {
  const json: GlossJson = {
    format: GLOSS_JSON_FORMAT,
    version: GLOSS_JSON_VERSION,
    scope: set.scope,
    updatedAt: set.updatedAt,
    colorMeanings: {
      yellow: set.colorMeanings.yellow,
      green: set.colorMeanings.green,
      blue: set.colorMeanings.blue,
      pink: set.colorMeanings.pink,
      purple: set.colorMeanings.purple,
    },
    documents: set.documents.map((document) => ({
      id: document.id,
      title: document.title,
      source: document.path,
      fileName: document.fileName,
      contentHash: document.contentHash,
      annotations: document.annotations.map(annotationJson),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}

function annotationJson(annotation: Annotation): GlossJsonAnnotation {
  return {
    id: annotation.id,
    documentId: annotation.documentId,
    kind: annotation.kind,
    color: annotation.color,
    note: annotation.note,
    tags: [...annotation.tags],
    target: annotation.target === null ? null : targetJson(annotation.target),
    status: annotation.status,
    createdAt: annotation.createdAt,
    updatedAt: annotation.updatedAt,
  };
}

function targetJson(target: AnnotationTarget): AnnotationTarget {
  return {
    quote: { type: 'TextQuoteSelector', exact: target.quote.exact, prefix: target.quote.prefix, suffix: target.quote.suffix },
    position: { type: 'TextPositionSelector', start: target.position.start, end: target.position.end },
    headingPath: [...target.headingPath],
    contentHash: target.contentHash,
  };
}
