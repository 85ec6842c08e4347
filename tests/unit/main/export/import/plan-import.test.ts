import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import type { Annotation } from '../../../../../main/api';
import { anchorInText } from '../../../../../main/common/anchoring/anchor-in-text';
import { GlossError } from '../../../../../main/errors';
import { planImport, type ImportPlanInput, type LibraryDocument } from '../../../../../main/export/import/plan-import';
import { parseImport } from '../../../../../main/export/import/read-import';
import type { ParsedImport } from '../../../../../main/export/import/import-model';
import { prepareExport } from '../../../../../main/export/export-set';
import { writeGlossJson } from '../../../../../main/export/json/write-gloss-json';
import { writeW3c } from '../../../../../main/export/w3c/write-w3c';
import { exportInput, testLibrary, type TestDocument } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;
const bytes = (text: string) => new TextEncoder().encode(text);

function libraryDocument(document: TestDocument, overrides: Partial<LibraryDocument> = {}): LibraryDocument {
  return { id: document.id, path: document.path, title: document.title, contentHash: document.contentHash, ...overrides };
}

describe('planning an import', () => {
  let library: Library;
  let json: ParsedImport;
  let rendered: Map<string, TestDocument>;
  let base: (overrides?: Partial<ImportPlanInput>) => ImportPlanInput;
  before(async () => {
    library = await testLibrary();
    json = parseImport(bytes(writeGlossJson(prepareExport(exportInput('library', [library.essay, library.notes], library.annotations)))));
    rendered = new Map([library.essay, library.notes].map((d) => [d.id, d]));
    base = (overrides = {}) => ({
      parsed: json,
      documents: [libraryDocument(library.essay), libraryDocument(library.notes)],
      existing: new Map(),
      render: (document) => {
        // The file at the document's path, or (a moved file) the one with its text.
        const test = [...rendered.values()].find((d) => d.path === document.path) ?? [...rendered.values()].find((d) => d.contentHash === document.contentHash);
        return test ? { text: test.article.text, contentHash: test.contentHash, outline: test.article.outline } : null;
      },
      defaultColor: 'yellow',
      importedAt: '2030-01-01T00:00:00.000Z',
      ...overrides,
    });
  });

  it('imports into an empty library: every annotation, the orphan orphaned, the rest anchored', async () => {
    const plan = await planImport(base());
    assert.equal(plan.summary, '8 imported, 0 duplicates skipped, 1 orphaned');
    assert.deepEqual(plan.additions.map((a) => a.documentId).sort(), [library.essay.id, library.notes.id].sort());
    const essay = plan.additions.find((a) => a.documentId === library.essay.id)!.annotations;
    assert.equal(essay.find((a) => a.id === 'Hypothesis-Id_22chars')!.status, 'orphaned');
    assert.equal(essay.find((a) => a.id.endsWith('0006'))!.target, null);
  });

  it('skips duplicates: the same id anywhere in the library, or the same quote, note and tags', async () => {
    const existingEssay = library.annotations.get(library.essay.id)!;
    const copy: Annotation = { ...existingEssay[0]!, id: 'another-id-same-content', tags: existingEssay[0]!.tags.map((t) => t.toUpperCase()) };
    const elsewhere: Annotation = { ...library.annotations.get(library.notes.id)![0]!, documentId: library.essay.id };
    const plan = await planImport(base({ existing: new Map([[library.essay.id, [copy, elsewhere]]]) }));
    assert.equal(plan.duplicates, 2, 'one by content (tags compared without case), one by id');
    assert.equal(plan.summary, '6 imported, 2 duplicates skipped, 1 orphaned');

    const twice: ParsedImport = { ...json, annotations: [...json.annotations, ...json.annotations] };
    const again = await planImport(base({ parsed: twice }));
    assert.equal(again.summary, '8 imported, 8 duplicates skipped, 1 orphaned');
  });

  it('matches documents by content hash (a moved file), else path, and reports the unknown', async () => {
    const moved = await planImport(base({ documents: [libraryDocument(library.essay, { id: 'movedessay000001', path: '/elsewhere/essay.md' })] }));
    assert.deepEqual(moved.additions.map((a) => a.documentId), ['movedessay000001']);
    assert.ok(moved.additions[0]!.annotations.every((a) => a.documentId === 'movedessay000001'));
    assert.deepEqual(moved.unknownDocuments, [{ source: library.notes.path, title: 'Field notes', annotations: 1 }]);
    assert.equal(moved.summary, '7 imported, 0 duplicates skipped, 1 orphaned');

    const edited = await planImport(base({ documents: [libraryDocument(library.essay, { contentHash: 'changed' }), libraryDocument(library.notes)] }));
    assert.equal(edited.imported, 8, 'same path, changed text: still that document');
  });

  it('puts every annotation into the document the caller names, anchoring them there', async () => {
    const hypothesis = parseImport(readFileSync(new URL('../../../../fixtures/import/hypothesis-export.json', import.meta.url)));
    const unnamed = await planImport(base({ parsed: hypothesis }));
    assert.equal(unnamed.imported, 0);
    assert.deepEqual(unnamed.unknownDocuments, [{ source: 'https://example.com/field-notes', title: 'Field notes', annotations: 2 }]);
    assert.deepEqual(unnamed.messages, [
      '2 annotations are for a document not in your library: “Field notes” (https://example.com/field-notes). Open it in Gloss first, or name the document to import into.',
      '1 entry of the file left out: a reply to another annotation.',
    ]);
    const named = await planImport(base({ parsed: hypothesis, targetDocumentId: library.notes.id }));
    assert.equal(named.summary, '2 imported, 0 duplicates skipped, 0 orphaned');
    const [highlight, pageNote] = named.additions[0]!.annotations;
    const text = library.notes.article.text;
    assert.equal(text.slice(highlight!.target!.position.start, highlight!.target!.position.end), 'the river rose by a foot', 'anchored by its quote, whatever its web-page offset');
    assert.deepEqual(highlight!.target!.headingPath, ['Field notes', 'Day one']);
    assert.equal(highlight!.color, 'yellow', 'the default color');
    // Hypothesis's 2025-03-20T10:01:02.345678+00:00, the same instant as Gloss stores moments.
    assert.equal(highlight!.createdAt, '2025-03-20T10:01:02.345Z');
    assert.equal(pageNote!.kind, 'note');
    await assert.rejects(planImport(base({ parsed: hypothesis, targetDocumentId: 'notinthelibrary' })), (error: unknown) => error instanceof GlossError && error.code === 'not-found');
  });

  it('converts W3C code-point positions with the document’s text', async () => {
    const w3c = parseImport(bytes(writeW3c(prepareExport(exportInput('document', [library.essay], library.annotations)))));
    // What anchoring is handed, and how it found each passage: a wrong conversion would still be
    // found by the quote, but not at the stored position.
    const methods = new Map<string, string>();
    const plan = await planImport(
      base({
        parsed: w3c,
        anchor: (text, items, hash, outline) => {
          const outcomes = anchorInText(text, items, hash, outline);
          for (const outcome of outcomes) methods.set(outcome.id, outcome.method);
          return outcomes;
        },
      }),
    );
    const family = plan.additions[0]!.annotations.find((a) => a.id.endsWith('0004'))!;
    const original = library.annotations.get(library.essay.id)!.find((a) => a.id.endsWith('0004'))!;
    assert.deepEqual(family.target!.position, original.target!.position);
    for (const id of ['0001', '0002', '0003', '0004', '0005']) assert.equal(methods.get(`00000000-0000-4000-8000-00000000${id}`), 'position', id);
  });

  it('orphans the highlights of a document whose file cannot be read, and keeps dates it lacks from becoming “now”', async () => {
    const plan = await planImport(base({ render: () => null }));
    assert.equal(plan.orphaned, 7);
    const undated: ParsedImport = { ...json, fileDate: '2024-12-31T00:00:00.000Z', annotations: json.annotations.map((a) => ({ ...a, createdAt: null, updatedAt: null })) };
    const dated = await planImport(base({ parsed: undated }));
    assert.ok(dated.additions.flatMap((a) => a.annotations).every((a) => a.createdAt === '2024-12-31T00:00:00.000Z' && a.updatedAt === a.createdAt));
  });
});
