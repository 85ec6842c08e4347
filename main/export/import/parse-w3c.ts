/**
 * W3C Web Annotation into the import form. Accepted: an AnnotationCollection whose pages are in
 * the file (`first`, and `next` pages embedded in it), an AnnotationPage, a plain array of
 * annotations, or one annotation. Read from each annotation:
 *
 * - `id` (Gloss's `urn:uuid:` and `urn:gloss:annotation:` IRIs give back the id; any other IRI a
 *   stable id derived from it), `motivation`, `created`, `modified`;
 * - bodies: TextualBody values with purpose "tagging" are tags; the others (and `bodyValue`)
 *   are the note, joined by blank lines;
 * - the target (the first with a TextQuoteSelector, when there are several): its `source`, its
 *   TextQuoteSelector and TextPositionSelector (code points), its `styleClass` (Gloss's color),
 *   and Gloss's own `glossDocument` when present. A target without a passage makes a document note.
 */
import { HIGHLIGHT_COLORS, LIMITS, type HighlightColor, type TextQuoteSelector } from '../../api';
import { colorClass } from '../palette';
import { idOfAnnotationIri } from '../w3c/w3c-ids';
import { finishAnnotation, importError, type ImportedDocument, type ImportedPosition, type ParsedImport, type RawImportedAnnotation } from './import-model';
import { isRecord, many, stringField, strings, type JsonRecord } from './json-shape';
import { textSelectors } from './text-selectors';

const ANNOTATION_TYPES = new Set(['Annotation', 'oa:Annotation']);
const CONTAINER_TYPES = new Set(['AnnotationCollection', 'AnnotationPage', 'as:OrderedCollection', 'as:OrderedCollectionPage']);

/** Whether `json` is W3C Web Annotation: typed as an annotation, collection or page, or a list of annotations. */
export function isW3c(json: unknown): boolean {
  if (Array.isArray(json)) return json.length === 0 || (isRecord(json[0]) && isAnnotation(json[0]));
  if (!isRecord(json)) return false;
  return isAnnotation(json) || strings(json.type).some((type) => CONTAINER_TYPES.has(type));
}

/** Parses W3C Web Annotation JSON (see the module comment). */
export function parseW3c(json: unknown): ParsedImport {
  const items = itemsOf(json);
  const documents = new Map<string, ImportedDocument>();
  const annotations = [];
  let positionOnly = 0;
  for (const [index, item] of items.entries()) {
    if (!isRecord(item) || !isAnnotation(item)) throw importError(`item ${index + 1} of the file is not a W3C Annotation (its "type" must be "Annotation").`);
    const raw = readAnnotation(item, index, documents);
    if (raw === null) positionOnly += 1;
    else annotations.push(finishAnnotation(raw, index));
  }
  return {
    format: 'w3c',
    documents: [...documents.values()],
    annotations,
    skipped: positionOnly > 0 ? [{ count: positionOnly, reason: 'a position but no quoted text to find it by' }] : [],
    fileDate: isRecord(json) ? (stringField(json, 'modified') ?? stringField(json, 'generated')) : null,
  };
}

function isAnnotation(record: JsonRecord): boolean {
  return strings(record.type ?? record['@type']).some((type) => ANNOTATION_TYPES.has(type));
}

/** The annotations of a collection's embedded pages, a page, a list, or one annotation. */
function itemsOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) return [];
  if (isAnnotation(json)) return [json];
  const types = strings(json.type);
  if (types.includes('AnnotationPage') || types.includes('as:OrderedCollectionPage')) return many(json.items);
  const items: unknown[] = [...many(json.items)];
  const seen = new Set<unknown>();
  for (let page: unknown = json.first; page !== undefined && page !== null; page = isRecord(page) ? page.next : undefined) {
    if (typeof page === 'string') throw importError('its collection links to pages that are not in the file; save the pages themselves and import those.');
    if (!isRecord(page) || seen.has(page)) break;
    seen.add(page);
    items.push(...many(page.items));
  }
  return items;
}

function readAnnotation(item: JsonRecord, index: number, documents: Map<string, ImportedDocument>): RawImportedAnnotation | null {
  const rawIri = stringField(item, 'id') ?? stringField(item, '@id');
  const where = `annotation ${index + 1}`;
  const target = pickTarget(item.target, where);
  const noteParts: string[] = [];
  const tags: string[] = [];
  const bodyValue = stringField(item, 'bodyValue');
  if (bodyValue !== null) noteParts.push(bodyValue);
  for (const body of many(item.body).flatMap(choiceItems)) {
    // A body that is only an IRI is a resource elsewhere: nothing Gloss can show.
    if (!isRecord(body)) continue;
    const value = body.value;
    if (value === undefined) continue;
    if (typeof value !== 'string') throw importError(`${where} has a body whose "value" is not text.`);
    if (strings(body.purpose).includes('tagging')) tags.push(value);
    else noteParts.push(value);
  }
  if (target.quote === null && target.position !== null) return null;
  const document = documentOf(target, where, documents);
  const motivations = strings(item.motivation);
  const note = noteParts.join('\n\n');
  return {
    rawId: rawIri === null ? null : (idOfAnnotationIri(rawIri) ?? rawIri),
    documentKey: document.key,
    kind: target.quote === null ? 'note' : 'highlight',
    color: target.color,
    note,
    tags,
    motivation: motivations.includes('commenting') || (motivations.length === 0 && note !== '') ? 'commenting' : 'highlighting',
    quote: target.quote,
    position: target.position,
    headingPath: null,
    contentHash: document.contentHash,
    status: null,
    createdAt: stringField(item, 'created'),
    updatedAt: stringField(item, 'modified'),
  };
}

/** A Choice body stands for its first option. */
function choiceItems(body: unknown): unknown[] {
  return isRecord(body) && strings(body.type).includes('Choice') ? many(body.items).slice(0, 1) : [body];
}

interface TargetInfo {
  source: string;
  quote: TextQuoteSelector | null;
  position: ImportedPosition | null;
  color: HighlightColor | null;
  glossDocument: JsonRecord | null;
}

function pickTarget(value: unknown, where: string): TargetInfo {
  const targets = many(value).map((target) => readTarget(target, where));
  if (targets.length === 0) throw importError(`${where} has no target (the document and passage it is about).`);
  return targets.find((target) => target.quote !== null) ?? targets[0]!;
}

function readTarget(target: unknown, where: string): TargetInfo {
  if (typeof target === 'string') return { source: target, quote: null, position: null, color: null, glossDocument: null };
  if (!isRecord(target)) throw importError(`${where} has a target that is neither a link nor an object.`);
  const sourceValue = target.source;
  const source = typeof sourceValue === 'string' ? sourceValue : isRecord(sourceValue) ? stringField(sourceValue, 'id') : stringField(target, 'id');
  if (source === null) throw importError(`${where} has a target without a "source" (the document it is about).`);
  const { quote, position } = textSelectors(target.selector, 'code-points', where);
  const styleClasses = strings(target.styleClass).flatMap((value) => value.split(/\s+/));
  const color = HIGHLIGHT_COLORS.find((candidate) => styleClasses.includes(colorClass(candidate))) ?? null;
  return { source, quote, position, color, glossDocument: isRecord(target.glossDocument) ? target.glossDocument : null };
}

/** The document a target names, one entry per distinct source (and Gloss identity). */
function documentOf(target: TargetInfo, where: string, documents: Map<string, ImportedDocument>): ImportedDocument {
  const gloss = target.glossDocument;
  const glossId = gloss === null ? null : stringField(gloss, 'id');
  const contentHash = gloss === null ? null : stringField(gloss, 'contentHash');
  const key = JSON.stringify([target.source, glossId, contentHash]);
  let document = documents.get(key);
  if (document === undefined) {
    if (target.source.length > LIMITS.maxUrlLength) throw importError(`${where} names a source over ${LIMITS.maxUrlLength.toLocaleString('en')} characters long.`);
    document = { key, source: target.source, contentHash, title: gloss === null ? null : stringField(gloss, 'title'), glossId };
    documents.set(key, document);
  }
  return document;
}
