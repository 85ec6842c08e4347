import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { GlossError } from '../../../../../main/errors';
import { derivedId } from '../../../../../main/export/import/imported-ids';
import { parseImport } from '../../../../../main/export/import/read-import';
import { prepareExport } from '../../../../../main/export/export-set';
import { writeGlossJson } from '../../../../../main/export/json/write-gloss-json';
import { writeW3c } from '../../../../../main/export/w3c/write-w3c';
import { exportInput, testLibrary } from '../fixtures/library';

const bytes = (value: unknown) => new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
const fixture = (name: string) => readFileSync(new URL(`../../../../fixtures/import/${name}`, import.meta.url));

function refusal(run: () => unknown): GlossError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof GlossError, String(error));
    return error;
  }
  assert.fail('expected a refusal');
}

describe('parsing Gloss JSON', () => {
  let library: Awaited<ReturnType<typeof testLibrary>>;
  let json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  before(async () => {
    library = await testLibrary();
    json = JSON.parse(writeGlossJson(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations))));
  });

  it('keeps every field: ids, selectors in UTF-16, heading paths, status, dates', () => {
    const parsed = parseImport(bytes(json));
    assert.equal(parsed.format, 'gloss-json');
    assert.deepEqual(parsed.documents.map((d) => [d.glossId, d.source, d.contentHash]), [
      [library.notes.id, library.notes.path, library.notes.contentHash],
      [library.essay.id, library.essay.path, library.essay.contentHash],
    ]);
    const original = library.annotations.get(library.essay.id)!.find((a) => a.id.endsWith('0004'))!;
    const parsedOne = parsed.annotations.find((a) => a.id === original.id)!;
    assert.deepEqual(parsedOne.position, { start: original.target!.position.start, end: original.target!.position.end, unit: 'utf16' });
    assert.deepEqual(parsedOne.quote, original.target!.quote);
    assert.deepEqual(parsedOne.headingPath, original.target!.headingPath);
    assert.equal(parsedOne.status, 'needs-review');
    assert.equal(parsedOne.createdAt, original.createdAt);
    assert.equal(parsed.annotations.length, 8);
  });

  it('refuses a newer version, a wrong shape and fields over the limits, saying where', () => {
    assert.match(refusal(() => parseImport(bytes({ ...json, version: 2 }))).message, /version 2, written by a newer Gloss/);
    const wrong = structuredClone(json);
    wrong.documents[1].annotations[2].tags = 'not a list';
    assert.match(refusal(() => parseImport(bytes(wrong))).message, /not valid Gloss JSON: .*\(at documents\.1\.annotations\.2\.tags\)/);
    const long = structuredClone(json);
    long.documents[0].annotations[0].note = 'x'.repeat(100_001);
    const error = refusal(() => parseImport(bytes(long)));
    assert.match(error.message, /at most 100000 characters|100,000/);
    const extra = structuredClone(json);
    extra.documents[0].annotations[0].sneaky = true;
    assert.match(refusal(() => parseImport(bytes(extra))).message, /sneaky/);
  });
});

describe('parsing W3C Web Annotation', () => {
  let library: Awaited<ReturnType<typeof testLibrary>>;
  let collection: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  before(async () => {
    library = await testLibrary();
    collection = JSON.parse(writeW3c(prepareExport(exportInput('document', [library.essay], library.annotations))));
  });

  it('reads a collection, a page, a plain array and one annotation alike', () => {
    const items = collection.first.items;
    const page = { '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items };
    for (const shape of [collection, page, items, items[0]]) {
      const parsed = parseImport(bytes(shape));
      assert.equal(parsed.format, 'w3c');
      assert.equal(parsed.annotations.length, shape === items[0] ? 1 : items.length);
    }
  });

  it('gets back ids, note, tags, motivation, color, code-point positions and the document', () => {
    const parsed = parseImport(bytes(collection));
    const first = parsed.annotations.find((a) => a.id === '00000000-0000-4000-8000-000000000001')!;
    const original = library.annotations.get(library.essay.id)!.find((a) => a.id === first.id)!;
    assert.equal(first.note, original.note);
    assert.deepEqual(first.tags, original.tags);
    assert.equal(first.motivation, 'commenting');
    assert.equal(first.color, 'pink');
    assert.equal(first.position!.unit, 'code-points');
    assert.equal(first.createdAt, original.createdAt);
    assert.equal(parsed.annotations.find((a) => a.id === 'Hypothesis-Id_22chars')!.position, null, 'the orphan had no position');
    assert.equal(parsed.annotations.find((a) => a.id.endsWith('0006'))!.kind, 'note');
    assert.deepEqual(parsed.documents.map((d) => [d.source, d.glossId, d.title]), [['file:///library/Reading%20closely.md', library.essay.id, 'Reading 🎉 closely']]);
  });

  it('reads annotations other tools wrote: foreign ids, bodyValue, a single target IRI, embedded pages', () => {
    const foreign = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/collection1',
      type: 'AnnotationCollection',
      first: {
        type: 'AnnotationPage',
        items: [{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', bodyValue: 'A comment', target: 'http://example.com/page1' }],
        next: {
          type: 'AnnotationPage',
          items: [
            {
              id: 'http://example.org/anno2',
              type: ['Annotation'],
              motivation: ['highlighting'],
              target: [{ source: { id: 'http://example.com/page2' }, selector: { type: 'TextQuoteSelector', exact: 'words' } }],
            },
          ],
        },
      },
    };
    const parsed = parseImport(bytes(foreign));
    assert.deepEqual(parsed.annotations.map((a) => [a.id, a.kind, a.note, a.motivation]), [
      [derivedId('http://example.org/anno1'), 'note', 'A comment', 'commenting'],
      [derivedId('http://example.org/anno2'), 'highlight', '', 'highlighting'],
    ]);
    assert.equal(parseImport(bytes(foreign)).annotations[0]!.id, parsed.annotations[0]!.id, 'the same id every time');
    assert.match(parsed.annotations[0]!.id, /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('refuses pages that are only links, annotations without targets and items that are not annotations', () => {
    assert.match(refusal(() => parseImport(bytes({ type: 'AnnotationCollection', first: 'http://example.org/page1' }))).message, /pages that are not in the file/);
    assert.match(refusal(() => parseImport(bytes([{ type: 'Annotation', body: { value: 'x' } }]))).message, /annotation 1 has no target/);
    assert.match(refusal(() => parseImport(bytes({ type: 'AnnotationPage', items: [{ type: 'Squirrel' }] }))).message, /item 1 of the file is not a W3C Annotation/);
    assert.match(refusal(() => parseImport(bytes([{ type: 'Annotation', target: { selector: [] } }]))).message, /without a "source"/);
  });
});

describe('parsing Hypothesis JSON', () => {
  it('reads the client’s export: highlights, page notes, tags, dates; replies are left out', () => {
    const parsed = parseImport(fixture('hypothesis-export.json'));
    assert.equal(parsed.format, 'hypothesis');
    assert.equal(parsed.fileDate, '2025-04-02T08:15:30.123Z');
    assert.deepEqual(parsed.skipped, [{ count: 1, reason: 'a reply to another annotation' }]);
    const [highlight, pageNote] = parsed.annotations;
    assert.equal(highlight!.id, 'Gh3mQmsSEe6q1ucIvwk1NA');
    assert.deepEqual(highlight!.quote, { type: 'TextQuoteSelector', exact: 'the river rose by a foot', prefix: 'Rain all morning; ', suffix: '.' });
    assert.deepEqual(highlight!.position, { start: 1204, end: 1228, unit: 'utf16' });
    assert.deepEqual(highlight!.tags, ['weather', 'Field Work']);
    assert.equal(highlight!.note, 'Rain is **data** too.');
    assert.equal(highlight!.createdAt, '2025-03-20T10:01:02.345Z', 'the instant Hypothesis wrote (+00:00, microseconds), in the UTC form Gloss stores');
    assert.equal(pageNote!.kind, 'note');
    assert.deepEqual(parsed.documents, [{ key: 'https://example.com/field-notes', source: 'https://example.com/field-notes', contentHash: null, title: 'Field notes', glossId: null }]);
  });

  it('reads an API search response, a list of API annotations and one', () => {
    const search = JSON.parse(fixture('hypothesis-search.json').toString());
    for (const shape of [search, search.rows, search.rows[0]]) {
      const parsed = parseImport(bytes(shape));
      assert.equal(parsed.format, 'hypothesis');
      assert.deepEqual(parsed.annotations.map((a) => [a.id, a.motivation, a.tags]), [['Qq0aQmsSEe6q1ucIvwk4Rx', 'highlighting', ['quote']]]);
    }
  });

  it('refuses wrong shapes, saying which annotation', () => {
    const exported = JSON.parse(fixture('hypothesis-export.json').toString());
    exported.annotations[1].tags = [1, 2];
    assert.match(refusal(() => parseImport(bytes(exported))).message, /annotation 2 has "tags" that are not a list of text/);
    assert.match(refusal(() => parseImport(bytes({ total: 1, rows: [{ uri: 'x', target: 'nope' }] }))).message, /annotation 1 has no "target" list/);
    const tooMany = JSON.parse(fixture('hypothesis-export.json').toString());
    tooMany.annotations[0].tags = Array.from({ length: 51 }, (_, i) => `t${i}`);
    const error = refusal(() => parseImport(bytes(tooMany)));
    assert.equal(error.code, 'too-large');
    assert.match(error.message, /annotation 1 \(Gh3mQmsSEe6q1ucIvwk1NA\) has 51 tags; Gloss keeps up to 50/);
  });
});
