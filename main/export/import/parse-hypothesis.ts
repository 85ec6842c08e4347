/**
 * Hypothesis JSON into the import form: the client's export
 * (`{export_date, export_userid, client_version, annotations: [...]}`), an API search response
 * (`{total, rows: [...]}`), a list of API annotations, or one. From each annotation: `id`, the
 * first target's `source` (else `uri`) and its TextQuoteSelector and TextPositionSelector (UTF-16
 * offsets over the web page's text: a hint only, anchoring goes by the quote), `text` (the note),
 * `tags`, `created`, `updated` and the document's title. A page note (no quote) becomes a
 * document note; replies (annotations with `references`) are not imported.
 */
import { finishAnnotation, importError, type ImportedDocument, type ParsedImport } from './import-model';
import { isRecord, many, stringField, strings, type JsonRecord } from './json-shape';
import { textSelectors } from './text-selectors';

/** Whether `json` looks like Hypothesis JSON in any of the shapes it comes in. */
export function isHypothesis(json: unknown): boolean {
  if (Array.isArray(json)) return json.length > 0 && isApiAnnotation(json[0]);
  if (!isRecord(json)) return false;
  if (Array.isArray(json.annotations) && ('export_date' in json || 'client_version' in json || 'export_userid' in json)) return true;
  if (Array.isArray(json.rows)) return true;
  return isApiAnnotation(json);
}

function isApiAnnotation(value: unknown): value is JsonRecord {
  return isRecord(value) && typeof value.uri === 'string' && Array.isArray(value.target);
}

/** Parses Hypothesis JSON (see the module comment). */
export function parseHypothesis(json: unknown): ParsedImport {
  const list = Array.isArray(json) ? json : isRecord(json) ? (Array.isArray(json.annotations) ? json.annotations : Array.isArray(json.rows) ? json.rows : [json]) : [];
  const documents = new Map<string, ImportedDocument>();
  const annotations = [];
  let replies = 0;
  for (const [index, item] of list.entries()) {
    const where = `annotation ${index + 1}`;
    if (!isRecord(item)) throw importError(`${where} is not an object.`);
    if (many(item.references).length > 0) {
      replies += 1;
      continue;
    }
    if (!Array.isArray(item.target)) throw importError(`${where} has no "target" list (Hypothesis annotations name their document and passage there).`);
    const target = item.target.find(isRecord) ?? {};
    const source = stringField(target, 'source') ?? stringField(item, 'uri');
    if (source === null) throw importError(`${where} names no document (no "uri" or target "source").`);
    const { quote, position } = textSelectors(target.selector, 'utf16', where);
    const text = item.text ?? '';
    if (typeof text !== 'string') throw importError(`${where} has a "text" that is not text.`);
    const tags = item.tags ?? [];
    if (!Array.isArray(tags) || tags.some((tag) => typeof tag !== 'string')) throw importError(`${where} has "tags" that are not a list of text.`);
    let document = documents.get(source);
    if (document === undefined) {
      document = { key: source, source, contentHash: null, title: titleOf(item), glossId: null };
      documents.set(source, document);
    }
    annotations.push(
      finishAnnotation(
        {
          rawId: stringField(item, 'id'),
          documentKey: document.key,
          kind: quote === null ? 'note' : 'highlight',
          color: null,
          note: text,
          tags: tags as string[],
          motivation: text.trim() !== '' || quote === null ? 'commenting' : 'highlighting',
          quote,
          position,
          headingPath: null,
          contentHash: null,
          status: null,
          createdAt: stringField(item, 'created'),
          updatedAt: stringField(item, 'updated'),
        },
        index,
      ),
    );
  }
  return {
    format: 'hypothesis',
    documents: [...documents.values()],
    annotations,
    skipped: replies > 0 ? [{ count: replies, reason: replies === 1 ? 'a reply to another annotation' : 'replies to other annotations' }] : [],
    fileDate: isRecord(json) ? stringField(json, 'export_date') : null,
  };
}

/** The document's title: the API gives a list of titles, the client a string. */
function titleOf(item: JsonRecord): string | null {
  const document = item.document;
  if (!isRecord(document)) return null;
  return strings(document.title)[0] ?? null;
}
