import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { prepareExport } from '../../../../../main/export/export-set';
import { GlossJsonSchema } from '../../../../../main/export/json/gloss-json-schema';
import { writeGlossJson } from '../../../../../main/export/json/write-gloss-json';
import { COLOR_MEANINGS, exportInput, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

describe('Gloss JSON export', () => {
  let library: Library;
  let text: string;
  before(async () => {
    library = await testLibrary();
    text = writeGlossJson(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations)));
  });

  it('is versioned and valid against the schema the importer checks files with', () => {
    const json = JSON.parse(text);
    assert.equal(json.format, 'gloss-annotations');
    assert.equal(json.version, 1);
    assert.equal(json.scope, 'library');
    const parsed = GlossJsonSchema.safeParse(json);
    assert.ok(parsed.success, parsed.success ? '' : JSON.stringify(parsed.error.issues[0]));
  });

  it('keeps every field of every annotation, unknown statuses included, exactly as stored', () => {
    const json = JSON.parse(text) as { documents: { id: string; annotations: unknown[] }[] };
    for (const document of json.documents) {
      const stored = library.annotations.get(document.id)!;
      assert.equal(document.annotations.length, stored.length);
      for (const annotation of stored) assert.deepEqual(document.annotations.find((a) => (a as { id: string }).id === annotation.id), annotation);
    }
    assert.ok(text.includes('"status": "needs-review"'));
  });

  it('names each document by id, title, source, file name and content hash, and the colors by their meanings', () => {
    const json = JSON.parse(text);
    assert.deepEqual(Object.keys(json.documents[0]), ['id', 'title', 'source', 'fileName', 'contentHash', 'annotations']);
    assert.deepEqual(json.documents[1], { ...json.documents[1], id: library.essay.id, title: library.essay.title, source: library.essay.path, contentHash: library.essay.contentHash });
    assert.deepEqual(json.colorMeanings, COLOR_MEANINGS);
  });

  it('writes keys in one order whatever order the stored objects had them in', () => {
    const scrambled = new Map(
      [...library.annotations].map(([id, list]) => [id, list.map((a) => Object.fromEntries(Object.entries(a).reverse()) as typeof a)]),
    );
    assert.equal(writeGlossJson(prepareExport(exportInput('library', [library.essay, library.notes], scrambled))), text);
    const first = JSON.parse(text).documents[0].annotations[0];
    assert.deepEqual(Object.keys(first), ['id', 'documentId', 'kind', 'color', 'note', 'tags', 'target', 'status', 'createdAt', 'updatedAt']);
  });

  it('refuses, with the same schema, an annotation filed under another document', () => {
    const json = JSON.parse(text);
    json.documents[0].annotations[0].documentId = 'someotherdoc';
    const parsed = GlossJsonSchema.safeParse(json);
    assert.equal(parsed.success, false);
    assert.match(JSON.stringify(parsed.error?.issues), /listed under document/);
  });
});
