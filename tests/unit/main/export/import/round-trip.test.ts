import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Annotation } from '../../../../../main/api';
import { planImport } from '../../../../../main/export/import/plan-import';
import { parseImport } from '../../../../../main/export/import/read-import';
import { prepareExport, type ExportSet } from '../../../../../main/export/export-set';
import { writeGlossJson } from '../../../../../main/export/json/write-gloss-json';
import { writeW3c } from '../../../../../main/export/w3c/write-w3c';
import { exportInput, testLibrary, type TestDocument } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

/**
 * Exports with `write`, imports the file into the same documents with no annotations (an empty
 * data folder that has opened them), and exports the result the same way.
 */
async function roundTrip(library: Library, write: (set: ExportSet) => string): Promise<{ first: string; second: string; imported: Map<string, Annotation[]> }> {
  const documents: TestDocument[] = [library.essay, library.notes];
  const first = write(prepareExport(exportInput('library', documents, library.annotations)));
  const plan = await planImport({
    parsed: parseImport(new TextEncoder().encode(first)),
    documents: documents.map(({ id, path, title, contentHash }) => ({ id, path, title, contentHash })),
    existing: new Map(),
    render: (document) => {
      const test = documents.find((d) => d.id === document.id)!;
      return { text: test.article.text, contentHash: test.contentHash, outline: test.article.outline };
    },
    defaultColor: 'yellow',
    importedAt: '2031-01-01T00:00:00.000Z',
  });
  assert.deepEqual(plan.unknownDocuments, []);
  const imported = new Map(plan.additions.map((addition) => [addition.documentId, addition.annotations]));
  const second = write(prepareExport(exportInput('library', documents, imported)));
  return { first, second, imported };
}

describe('round trips', () => {
  let library: Library;
  before(async () => {
    library = await testLibrary();
  });

  it('Gloss JSON: export, import into an empty library, export again gives the same bytes', async () => {
    const { first, second, imported } = await roundTrip(library, writeGlossJson);
    assert.equal(second, first);
    for (const [documentId, annotations] of library.annotations) {
      const back = imported.get(documentId)!;
      for (const annotation of annotations) assert.deepEqual(back.find((a) => a.id === annotation.id), annotation);
    }
  });

  it('W3C: the same, for everything W3C carries (ids, selectors, note, tags, motivation, color, dates)', async () => {
    const { first, second, imported } = await roundTrip(library, writeW3c);
    assert.equal(second, first);
    // What W3C has no place for is worked out again by anchoring: the heading path, and the status.
    const original = library.annotations.get(library.essay.id)!.find((a) => a.id.endsWith('0003'))!;
    const back = imported.get(library.essay.id)!.find((a) => a.id === original.id)!;
    assert.deepEqual(back.target, original.target);
    assert.equal(back.status, 'anchored');
  });
});
