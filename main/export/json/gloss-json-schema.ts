/**
 * Gloss's own export format, version 1: complete, so that nothing is lost on the way out and back.
 * The writer (write-gloss-json.ts) builds it and the importer validates files with this schema.
 *
 *     {
 *       "format": "gloss-annotations",
 *       "version": 1,
 *       "scope": "document" | "library",
 *       "updatedAt": newest updatedAt of what is exported (or null),
 *       "colorMeanings": { "yellow": "Important", … },
 *       "documents": [
 *         { "id", "title", "source" (the file's path), "fileName", "contentHash",
 *           "annotations": [ every field of the stored annotation, in the store's own shape ] }
 *       ]
 *     }
 *
 * An annotation's fields are the store's (main/api.ts `Annotation`): id, documentId, kind, color,
 * note, tags, target (TextQuoteSelector, TextPositionSelector in UTF-16 code units over the
 * rendered text, headingPath, contentHash) or null, status, createdAt, updatedAt. `status` is kept
 * whatever it is (a newer Gloss may know more statuses than this one).
 */
import { z } from 'zod';
import { AnnotationSchema, LIMITS, SettingsSchema } from '../../api';

/** The `format` name of a Gloss JSON export. */
export const GLOSS_JSON_FORMAT = 'gloss-annotations';

/** The version this build writes and reads. */
export const GLOSS_JSON_VERSION = 1;

/** One annotation: the store's shape, with any status a Gloss may have written. */
export const GlossJsonAnnotationSchema = AnnotationSchema.extend({ status: z.string().min(1).max(40) });
export type GlossJsonAnnotation = z.infer<typeof GlossJsonAnnotationSchema>;

/** One document with its annotations. */
export const GlossJsonDocumentSchema = z
  .strictObject({
    id: AnnotationSchema.shape.documentId,
    title: z.string().max(1000),
    source: z.string().min(1).max(LIMITS.maxPathLength),
    fileName: z.string().max(1000),
    contentHash: z.string().max(128),
    annotations: z.array(GlossJsonAnnotationSchema),
  })
  .superRefine((document, context) => {
    document.annotations.forEach((annotation, i) => {
      if (annotation.documentId !== document.id) {
        context.addIssue({ code: 'custom', path: ['annotations', i, 'documentId'], message: `is ${annotation.documentId}, but the annotation is listed under document ${document.id}` });
      }
    });
  });
export type GlossJsonDocument = z.infer<typeof GlossJsonDocumentSchema>;

/** A whole Gloss JSON export. */
export const GlossJsonSchema = z.strictObject({
  format: z.literal(GLOSS_JSON_FORMAT),
  version: z.literal(GLOSS_JSON_VERSION),
  scope: z.enum(['document', 'library']),
  updatedAt: z.string().max(40).nullable(),
  colorMeanings: SettingsSchema.shape.colorMeanings,
  documents: z.array(GlossJsonDocumentSchema),
});
export type GlossJson = z.infer<typeof GlossJsonSchema>;
