import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepareExport } from '../../../../../main/export/export-set';
import { writeW3c } from '../../../../../main/export/w3c/write-w3c';
import { exportInput, testLibrary } from '../fixtures/library';
import { mustFailures, sampleAnnotations } from './w3c-musts';

type Library = Awaited<ReturnType<typeof testLibrary>>;
type Item = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('W3C Web Annotation export', () => {
  let library: Library;
  let collection: Item;
  let items: Item[];
  before(async () => {
    library = await testLibrary();
    collection = JSON.parse(writeW3c(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations))));
    items = collection.first.items;
  });

  it('the harness passes the suite’s correct samples and fails its incorrect ones', () => {
    // The suite's own schemas reject its Composite, List and Independents samples (anno11–13): a
    // known gap of the suite, and targets Gloss never writes.
    const setTargets = new Set(['samples/correct/anno11.json', 'samples/correct/anno12.json', 'samples/correct/anno13.json']);
    const correct = sampleAnnotations('correct').filter((sample) => sample.json.type === 'Annotation' && !setTargets.has(sample.name));
    assert.ok(correct.length >= 35);
    for (const sample of correct) assert.deepEqual(mustFailures(sample.json), [], sample.name);
    const incorrect = sampleAnnotations('incorrect');
    assert.ok(incorrect.length >= 20);
    for (const sample of incorrect) assert.notDeepEqual(mustFailures(sample.json), [], sample.name);
  });

  it('every exported annotation passes every MUST assertion of the W3C test suite', () => {
    assert.equal(items.length, 8);
    for (const item of items) assert.deepEqual(mustFailures(item), [], item.id);
    const single = JSON.parse(writeW3c(prepareExport(exportInput('document', [library.essay], library.annotations))));
    for (const item of single.first.items) assert.deepEqual(mustFailures(item), [], item.id);
  });

  it('is an AnnotationCollection whose first page holds the items', () => {
    assert.equal(collection['@context'], 'http://www.w3.org/ns/anno.jsonld');
    assert.equal(collection.type, 'AnnotationCollection');
    assert.equal(collection.id, 'urn:gloss:library');
    assert.equal(collection.total, 8);
    assert.equal(collection.first.type, 'AnnotationPage');
    assert.equal(collection.modified, '2025-03-01T09:08:00.000Z');
  });

  it('names each annotation by an IRI holding its id and its document by source and Gloss identity', () => {
    const ids = items.map((item) => item.id);
    assert.ok(ids.includes('urn:uuid:00000000-0000-4000-8000-000000000001'));
    assert.ok(ids.includes('urn:gloss:annotation:Hypothesis-Id_22chars'));
    const first = items.find((item) => item.id.endsWith('0001'))!;
    assert.equal(first.target.source, 'file:///library/Reading%20closely.md');
    assert.deepEqual(first.target.glossDocument, { id: library.essay.id, title: 'Reading 🎉 closely', contentHash: library.essay.contentHash });
  });

  it('counts TextPositionSelector offsets in code points, so emoji before a passage count once', () => {
    const codePoints = Array.from(library.essay.article.text);
    let checked = 0;
    for (const item of items.filter((i) => i.target.source?.includes('Reading'))) {
      const selectors: Item[] = item.target.selector ?? [];
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
      const position = selectors.find((s) => s.type === 'TextPositionSelector');
      if (!quote || !position) continue;
      assert.equal(codePoints.slice(position.start, position.end).join(''), quote.exact, item.id);
      checked += 1;
    }
    assert.equal(checked, 5);
    const family = items.find((item) => item.id.endsWith('0004'))!;
    const utf16Start = library.annotations.get(library.essay.id)!.find((a) => a.id.endsWith('0004'))!.target!.position.start;
    const position = family.target.selector.find((s: Item) => s.type === 'TextPositionSelector');
    assert.ok(position.start < utf16Start, 'the 🎉 and 🧪 before it take one code point each');
  });

  it('leaves out a position it cannot count: an orphan’s, or any without the rendered text', () => {
    const orphan = items.find((item) => item.id.endsWith('Hypothesis-Id_22chars'))!;
    assert.deepEqual(orphan.target.selector.map((s: Item) => s.type), ['TextQuoteSelector']);
    const input = exportInput('document', [library.essay], library.annotations);
    const withoutText = JSON.parse(writeW3c(prepareExport({ ...input, documents: input.documents.map(({ rendering: _rendering, ...rest }) => rest) })));
    for (const item of withoutText.first.items) {
      assert.ok(!(item.target.selector ?? []).some((s: Item) => s.type === 'TextPositionSelector'));
      assert.deepEqual(mustFailures(item), [], item.id);
    }
  });

  it('carries the note as a commenting body, each tag as a tagging body, the color as a style class', () => {
    const first = items.find((item) => item.id.endsWith('0001'))!;
    assert.equal(first.motivation, 'commenting');
    assert.equal(first.body[0].purpose, 'commenting');
    assert.equal(first.body[0].format, 'text/markdown');
    assert.match(first.body[0].value, /<script>alert\("note"\)<\/script>/, 'the note is carried as written');
    assert.deepEqual(first.body.slice(1).map((b: Item) => [b.purpose, b.value]), [['tagging', 'reading list'], ['tagging', 'weird tag!'], ['tagging', '1984']]);
    assert.equal(first.target.styleClass, 'gloss-pink');
    assert.match(first.stylesheet.value, /^\.gloss-pink \{/);
    const plain = items.find((item) => item.id.endsWith('0005'))!;
    assert.equal(plain.motivation, 'highlighting');
    assert.deepEqual(plain.body, [{ type: 'TextualBody', value: 'accents/combining', purpose: 'tagging' }]);
    const documentNote = items.find((item) => item.id.endsWith('0006'))!;
    assert.equal(documentNote.motivation, 'commenting');
    assert.equal(documentNote.target.id, 'file:///library/Reading%20closely.md');
    assert.equal(documentNote.target.selector, undefined);
  });

  it('writes created and modified as UTC timestamps ending in Z', () => {
    for (const item of items) {
      assert.match(item.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z$/);
      assert.match(item.modified, /Z$/);
    }
  });
});
