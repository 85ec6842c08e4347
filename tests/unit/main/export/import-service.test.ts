/**
 * Import through the API, on real data folders: round trips into an empty data folder, duplicates,
 * dry runs, the document named to import into, statuses carried, and refusals that leave the data
 * folder byte for byte as it was.
 */
import assert from 'node:assert/strict';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import type { Annotation, ExportResult, ImportResult, LibraryEntry, OpenedDocument } from '../../../../main/api';
import { loadForReading } from '../../../../main/documents/load-document';
import { textFingerprint } from '../../../../main/documents/text-fingerprint';
import { parseImport } from '../../../../main/export/import/read-import';
import { AnnotationStatusSchema, LIMITS } from '../../../../main/api';
import type { GlossService } from '../../../../main/service-types';
import { call, ESSAY, folderPicture, highlightIn, openService, tempFolder, writeDocument } from './fixtures/data-folder';

async function exportText(service: GlossService, format: string): Promise<string> {
  return ((await call(service, 'exportAnnotations', { format, scope: 'library' })) as ExportResult).text;
}

async function importText(service: GlossService, text: string, extra: Record<string, unknown> = {}): Promise<ImportResult> {
  return (await call(service, 'importAnnotations', { fileName: 'notes.json', text, ...extra })) as ImportResult;
}

/** A library of two documents with notes, tags, a document note and an orphan. */
async function annotatedLibrary(service: GlossService, docs: string): Promise<{ essay: OpenedDocument; other: OpenedDocument }> {
  const essay = (await call(service, 'openDocument', { path: await writeDocument(docs, 'essay.md', ESSAY) })) as OpenedDocument;
  await highlightIn(service, essay, 'the reader talks back', { note: 'Back *talk*.', tags: ['margins', 'Reading list'], color: 'green' });
  await highlightIn(service, essay, 'Because a highlight remembers', { note: 'Why? Because.' });
  await call(service, 'createAnnotation', { documentId: essay.id, kind: 'note', color: null, note: 'About the whole essay.', tags: ['summary'], target: null });
  const other = (await call(service, 'openDocument', { path: await writeDocument(docs, 'other.md', '# Other\n\nA plain sentence to mark, with café.\n') })) as OpenedDocument;
  await highlightIn(service, other, 'with café', { color: 'pink' });
  return { essay, other };
}

/** The export of `annotatedLibrary` in `format`, made in a data folder of its own (closed after), and the documents' folder. */
async function exportedLibrary(t: TestContext, dir: string, format: 'json' | 'w3c'): Promise<{ exported: string; essay: OpenedDocument }> {
  const first = await openService(t, join(dir, 'first'));
  const { essay } = await annotatedLibrary(first, join(dir, 'docs'));
  const exported = await exportText(first, format);
  await first.close();
  return { exported, essay };
}

describe('importAnnotations', () => {
  for (const format of ['json', 'w3c'] as const) {
    test(`${format}: export, import into an empty data folder, export again gives the same file`, async (t) => {
      const dir = await tempFolder(t);
      const { exported } = await exportedLibrary(t, dir, format);

      // A new data folder: the documents the file names by path are added to its library.
      const second = await openService(t, join(dir, 'second'));
      const result = await importText(second, exported);
      assert.equal(result.summary, '4 imported, 0 duplicates skipped, 0 orphaned');
      assert.equal(result.messages.filter((message) => message.endsWith('was added to your library.')).length, 2);
      assert.equal(await exportText(second, format), exported);

      // Again: everything is a duplicate now, and nothing changes.
      await second.flush();
      const before = await folderPicture(join(dir, 'second'));
      assert.equal((await importText(second, exported)).summary, '0 imported, 4 duplicates skipped, 0 orphaned');
      assert.deepEqual(await folderPicture(join(dir, 'second')), before);
    });
  }

  test('every status the store knows comes back as it was; one it does not know is stored as anchoring found it, and said', async (t) => {
    const dir = await tempFolder(t);
    const library = await exportedLibrary(t, dir, 'json');
    const { essay } = library;
    const exported = JSON.parse(library.exported) as { documents: { id: string; annotations: (Omit<Annotation, 'status'> & { status: string })[] }[] };
    const highlight = exported.documents.find((document) => document.id === essay.id)!.annotations.find((a) => a.kind === 'highlight')!;
    const statuses = [...AnnotationStatusSchema.options.filter((status) => status !== 'orphaned'), 'a-status-from-the-future'];
    const copies = statuses.map((status, n) => ({ ...highlight, id: `status-${n}`, status, note: `Status ${status}.` }));
    exported.documents.find((document) => document.id === essay.id)!.annotations.push(...copies);

    const second = await openService(t, join(dir, 'second'));
    const result = await importText(second, JSON.stringify(exported));
    assert.ok(result.messages.some((message) => message.includes('“a-status-from-the-future”')));
    const stored = (await call(second, 'listAnnotations', { documentId: essay.id })) as Annotation[];
    for (const [n, status] of statuses.entries()) {
      const expected = (AnnotationStatusSchema.options as readonly string[]).includes(status) ? status : 'anchored';
      assert.equal(stored.find((a) => a.id === `status-${n}`)?.status, expected, status);
    }
  });

  test('a dry run reports what the import would do and writes nothing', async (t) => {
    const dir = await tempFolder(t);
    const { exported } = await exportedLibrary(t, dir, 'json');
    const second = await openService(t, join(dir, 'second'));
    await second.getStartup({});
    await second.flush();
    const before = await folderPicture(join(dir, 'second'));
    const result = await importText(second, exported, { dryRun: true });
    assert.equal(result.dryRun, true);
    assert.equal(result.summary, '4 imported, 0 duplicates skipped, 0 orphaned');
    assert.deepEqual(await folderPicture(join(dir, 'second')), before);
  });

  test('into a named document: every annotation goes there, anchored in its text as the app anchors, and the orphans are counted', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    const target = (await call(service, 'openDocument', { path: await writeDocument(dir, 'target.md', ESSAY) })) as OpenedDocument;
    const hypothesis = {
      export_date: '2025-01-02T03:04:05.678901+00:00',
      export_userid: 'acct:reader@hypothes.is',
      client_version: '1.0',
      annotations: [
        { id: 'AbCdEfGhIjKlMnOpQrStUv', uri: 'https://example.com/essay', text: 'Found it.', tags: ['web'], target: [{ source: 'https://example.com/essay', selector: [{ type: 'TextQuoteSelector', exact: 'the reader talks back' }] }] },
        { id: 'ZyXwVuTsRqPoNmLkJiHgFe', uri: 'https://example.com/essay', text: 'Not in it.', tags: [], target: [{ source: 'https://example.com/essay', selector: [{ type: 'TextQuoteSelector', exact: 'a sentence that is nowhere in the essay' }] }] },
      ],
    };
    const text = JSON.stringify(hypothesis);
    // Matched by nothing: refused, with the reason.
    await assert.rejects(importText(service, text), { code: 'not-found', message: /^Nothing was imported\. 2 annotations are for a document not in your library: \(https:\/\/example\.com\/essay\)\./ });
    const result = await importText(service, text, { documentId: target.id });
    assert.equal(result.summary, '2 imported, 0 duplicates skipped, 1 orphaned');
    assert.deepEqual(result.documentIds, [target.id]);
    const stored = (await call(service, 'listAnnotations', { documentId: target.id })) as Annotation[];
    // A bare quote (no position, no context) found once, by the app's own anchoring: found, but
    // nothing pins it to the reader's passage, so it waits under Needs review as it would in the app.
    assert.deepEqual(stored.map((a) => [a.note, a.status]).sort(), [['Found it.', 'needs-review'], ['Not in it.', 'orphaned']]);
    assert.ok(stored.find((a) => a.note === 'Found it.')?.target?.position, 'the passage found is stored');
    assert.equal(stored[0]!.createdAt, '2025-01-02T03:04:05.678Z');
  });

  test('a file an import names is the document the library would open there: a moved one keeps its id, a copy is that document, a new file gets an id of its own and its fingerprint', async (t) => {
    const dir = await tempFolder(t);
    const data = join(dir, 'data');
    const service = await openService(t, data);
    // First opened at first.md, then moved to moved.md: the document keeps the id first.md gave it.
    const firstPath = await writeDocument(dir, 'first.md', ESSAY);
    const essay = (await call(service, 'openDocument', { path: firstPath })) as OpenedDocument;
    await highlightIn(service, essay, 'the reader talks back', { note: 'Mine.' });
    await rename(firstPath, join(dir, 'moved.md'));
    assert.equal(((await call(service, 'openDocument', { path: join(dir, 'moved.md') })) as OpenedDocument).id, essay.id);
    const hypothesisOf = (quote: string, id: string) =>
      parseImport(Buffer.from(JSON.stringify([{ id, uri: 'https://example.com/x', text: `On ${quote}.`, tags: [], target: [{ source: 'https://example.com/x', selector: [{ type: 'TextQuoteSelector', exact: quote }] }] }])));

    // An unrelated file now at first.md is a new document, not the one that moved away.
    const other = '# Tides\n\nThe sea comes in twice a day, pulled by the moon and a little by the sun, and the harbour fills and empties with it while the boats wait on the mud for the water to come back and lift them again.\n';
    await writeDocument(dir, 'first.md', other);
    const intoNew = await service.importParsed(hypothesisOf('pulled by the moon', 'AAAAAAAAAAAAAAAAAAAAAA'), { documentPath: firstPath, dryRun: false });
    assert.equal(intoNew.summary, '1 imported, 0 duplicates skipped, 0 orphaned');
    const newId = intoNew.documentIds[0]!;
    assert.notEqual(newId, essay.id);
    const entries = (await call(service, 'listLibrary', {})) as LibraryEntry[];
    assert.equal(entries.find((entry) => entry.id === essay.id)?.path, join(dir, 'moved.md'));
    assert.equal(entries.find((entry) => entry.id === newId)?.path, firstPath);
    assert.deepEqual(((await call(service, 'listAnnotations', { documentId: essay.id })) as Annotation[]).map((a) => a.note), ['Mine.']);
    // Its record carries its text's fingerprint, as opening it would, so a later move and edit finds it.
    await service.flush();
    const stored = JSON.parse(await readFile(join(data, 'gloss.json'), 'utf8')) as { documents: Record<string, { fingerprint: string | null }> };
    const fingerprint = textFingerprint((await loadForReading(firstPath)).text);
    assert.ok(fingerprint !== null);
    assert.equal(stored.documents[newId]?.fingerprint, fingerprint);

    // A copy of the essay's bytes elsewhere is the essay, as the library opens it.
    const copy = await writeDocument(dir, 'copy.md', ESSAY);
    const intoCopy = await service.importParsed(hypothesisOf('A second paragraph', 'BBBBBBBBBBBBBBBBBBBBBB'), { documentPath: copy, dryRun: false });
    assert.deepEqual(intoCopy.documentIds, [essay.id]);
  });

  test('the browser mode imports only uploaded files, and only into documents of its library', async (t) => {
    const dir = await tempFolder(t);
    const { exported } = await exportedLibrary(t, dir, 'json');
    const browser = await openService(t, join(dir, 'second'), { documentAccess: 'library' });
    const file = join(dir, 'export.json');
    await writeFile(file, exported);
    await assert.rejects(call(browser, 'importAnnotations', { fileName: 'export.json', path: file }), /Here Gloss imports only files you upload/);
    // The file names documents on this machine, but a page must not make Gloss read them.
    await assert.rejects(importText(browser, exported), { code: 'not-found', message: /^Nothing was imported\./ });
  });
});

describe('a refused import changes nothing on disk', () => {
  const cases: [string, (service: GlossService, dir: string, essay: OpenedDocument) => Promise<unknown>, RegExp][] = [
    ['malformed JSON', (s) => importText(s, '{"format": "gloss-annotations", '), /This file cannot be imported: it is not valid JSON/],
    ['a wrong shape', (s) => importText(s, '{"format": "gloss-annotations", "version": 1, "documents": "none"}'), /This file cannot be imported: it is not valid Gloss JSON: /],
    ['JSON of no known format', (s) => importText(s, '[1, 2, 3]'), /not a format Gloss imports/],
    ['a __proto__ key', (s) => importText(s, '{"format": "gloss-annotations", "version": 1, "__proto__": {"polluted": true}, "documents": []}'), /holds a "__proto__" key/],
    ['a __proto__ key in the request', (s) => call(s, 'importAnnotations', JSON.parse('{"fileName": "x.json", "text": "[]", "__proto__": {"x": 1}}')), /forbidden key: __proto__/],
    ['a file over 50 MB, as text', (s) => importText(s, ' '.repeat(LIMITS.maxImportBytes + 1)), /Gloss imports files of up to 50 MB/],
    [
      'a file over 50 MB, by path',
      async (s, dir) => {
        const big = join(dir, 'big.json');
        await writeFile(big, Buffer.alloc(LIMITS.maxImportBytes + 1, 0x20));
        return call(s, 'importAnnotations', { fileName: 'big.json', path: big });
      },
      /“big\.json” is 50\.0 MB; Gloss imports files of up to 50 MB/,
    ],
    [
      'annotations for documents not in the library',
      (s) => importText(s, JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'urn:uuid:1', target: { source: 'https://example.com/x', selector: { type: 'TextQuoteSelector', exact: 'x' } } })),
      /Nothing was imported\. 1 annotation is for a document not in your library/,
    ],
    ['a document to import into that is not in the library', (s) => importText(s, '[]', { documentId: 'not-in-the-library' }), /The document to import into is not in your library/],
    [
      'a note over the limit',
      async (s, _dir, essay) => {
        const json = JSON.parse(await exportText(s, 'json')) as { documents: { annotations: Annotation[] }[] };
        json.documents[0]!.annotations[0]!.note = 'x'.repeat(LIMITS.maxNoteLength + 1);
        json.documents[0]!.annotations[0]!.id = 'a-new-id';
        return importText(s, JSON.stringify(json), { documentId: essay.id });
      },
      /This file cannot be imported: it is not valid Gloss JSON: a note holds at most 100000 characters \(at documents\.0\.annotations\.0\.note\)/,
    ],
    [
      'too many tags',
      (s, _dir, essay) =>
        importText(
          s,
          JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', id: 'urn:uuid:2', body: Array.from({ length: 51 }, (_, n) => ({ type: 'TextualBody', purpose: 'tagging', value: `t${n}` })), target: { source: 'x', selector: { type: 'TextQuoteSelector', exact: 'margin' } } }),
          { documentId: essay.id },
        ),
      /has 51 tags; Gloss keeps up to 50/,
    ],
    ['neither bytes, text nor path', (s) => call(s, 'importAnnotations', { fileName: 'x.json' }), /give the file as dataBase64, text or path/],
  ];

  for (const [name, attempt, message] of cases) {
    test(name, async (t) => {
      const dir = await tempFolder(t);
      const service = await openService(t, join(dir, 'data'));
      const { essay } = await annotatedLibrary(service, join(dir, 'docs'));
      // The annotation counts are kept a second after they change: on disk before the picture.
      await service.flush();
      const before = await folderPicture(join(dir, 'data'));
      await assert.rejects(attempt(service, dir, essay), message);
      assert.deepEqual(await folderPicture(join(dir, 'data')), before);
    });
  }
});
