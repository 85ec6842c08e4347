/**
 * The W3C Web Annotation export: one AnnotationCollection (JSON-LD) whose first page holds every
 * annotation, each valid on its own against the model's MUST rules:
 *
 *     {
 *       "@context": "http://www.w3.org/ns/anno.jsonld",
 *       "id": "urn:uuid:…", "type": "Annotation",
 *       "motivation": "commenting" (it has a note) | "highlighting",
 *       "created": "…Z", "modified": "…Z",
 *       "body": [ { "type": "TextualBody", "value": note, "format": "text/markdown", "purpose": "commenting" },
 *                 { "type": "TextualBody", "value": tag, "purpose": "tagging" }, … ],
 *       "target": { "source": "file:///…",
 *                   "selector": [ TextQuoteSelector, TextPositionSelector ],
 *                   "styleClass": "gloss-yellow",
 *                   "glossDocument": { "id", "title", "contentHash" } },
 *                 (a document note's target is the document: { "id": "file:///…", "type": "Text", … })
 *       "stylesheet": { "type": "CssStylesheet", "value": ".gloss-yellow { … }" }
 *     }
 *
 * Positions are counted in Unicode code points, as the model says, converted from Gloss's UTF-16
 * offsets with the document's rendered text. Without that text, or for a passage no longer at
 * its stored position (an orphan), a code-point position cannot be known, so the item carries
 * only its TextQuoteSelector rather than a wrong position. The color travels as a style class
 * with its stylesheet; `glossDocument` names the document the way Gloss does (JSON-LD processors
 * ignore a term the context does not define). Heading paths and status are Gloss's own: they are
 * in the Gloss JSON export, and import works them out again by anchoring.
 */
import type { Annotation } from '../../api';
import { sourceUrl } from '../document-source';
import { utcTimestamp, type ExportDocument, type ExportSet } from '../export-set';
import { colorClass, EXPORT_PALETTE } from '../palette';
import { CodePointOffsets } from './code-points';
import { annotationIri, collectionIri } from './w3c-ids';

/** The Web Annotation JSON-LD context. */
export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The media type of a note's text. */
export const NOTE_FORMAT = 'text/markdown';

/** The W3C export of `set`: one collection, two-space indented, ending with a line break. */
export function writeW3c(set: ExportSet): string {
  const single = set.scope === 'document' ? set.documents[0] : undefined;
  const items = set.documents.flatMap((document) => documentItems(document));
  const collection: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: collectionIri(single ? single.id : null),
    type: 'AnnotationCollection',
    label: single ? single.title : 'Gloss library',
    total: items.length,
  };
  const modified = set.updatedAt === null ? null : utcTimestamp(set.updatedAt);
  if (modified !== null) collection.modified = modified;
  if (items.length > 0) collection.first = { type: 'AnnotationPage', startIndex: 0, items };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

/** The annotations of one document as W3C annotations, in export order. */
export function documentItems(document: ExportDocument): Record<string, unknown>[] {
  const offsets = document.rendering ? new CodePointOffsets(document.rendering.text) : null;
  return document.annotations.map((annotation) => annotationItem(document, annotation, offsets));
}

function annotationItem(document: ExportDocument, annotation: Annotation, offsets: CodePointOffsets | null): Record<string, unknown> {
  const item: Record<string, unknown> = {
    '@context': ANNO_CONTEXT,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: annotation.note.trim() !== '' || annotation.target === null ? 'commenting' : 'highlighting',
  };
  const created = utcTimestamp(annotation.createdAt);
  const modified = utcTimestamp(annotation.updatedAt);
  if (created !== null) item.created = created;
  if (modified !== null) item.modified = modified;
  const body: Record<string, unknown>[] = [];
  if (annotation.note !== '') body.push({ type: 'TextualBody', value: annotation.note, format: NOTE_FORMAT, purpose: 'commenting' });
  for (const tag of annotation.tags) body.push({ type: 'TextualBody', value: tag, purpose: 'tagging' });
  if (body.length > 0) item.body = body;

  // A passage is a Specific Resource of the document; a document note targets the document itself.
  const target: Record<string, unknown> = annotation.target === null ? { id: sourceUrl(document.path), type: 'Text' } : { source: sourceUrl(document.path) };
  if (annotation.target !== null) {
    const { quote, position } = annotation.target;
    const selector: Record<string, unknown>[] = [{ type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix }];
    const text = document.rendering?.text;
    if (offsets !== null && text !== undefined && text.slice(position.start, position.end) === quote.exact) {
      selector.push({ type: 'TextPositionSelector', start: offsets.toCodePoints(position.start), end: offsets.toCodePoints(position.end) });
    }
    target.selector = selector;
  }
  if (annotation.color !== null) target.styleClass = colorClass(annotation.color);
  target.glossDocument = { id: document.id, title: document.title, contentHash: document.contentHash };
  item.target = target;
  if (annotation.color !== null) {
    item.stylesheet = { type: 'CssStylesheet', value: `.${colorClass(annotation.color)} { background-color: ${EXPORT_PALETTE[annotation.color].highlight}; }` };
  }
  return item;
}
