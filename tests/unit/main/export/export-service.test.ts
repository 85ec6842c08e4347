/**
 * Export through the API, on real data folders: every format for a document and for the library,
 * the desktop's Save dialog (a fake of the system's, so the folder it remembers can be checked),
 * Copy as Markdown, and the requests dispatch refuses.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { ExportResult, OpenedDocument, SavedExport } from '../../../../main/api';
import { EXPORT_FORMATS, FORMAT_INFO } from '../../../../main/common/export-formats';
import type { ShellDialogs } from '../../../../main/service-types';
import { call, ESSAY, highlightIn, openService, tempFolder, writeDocument } from './fixtures/data-folder';

/** A Save dialog that answers `answers` in turn and records what it was asked. */
function fakeDialogs(answers: (string | null)[]): ShellDialogs & { asked: { title: string; defaultPath: string; extensions: string[] }[] } {
  const asked: { title: string; defaultPath: string; extensions: string[] }[] = [];
  return {
    asked,
    async saveFile(options) {
      asked.push({ title: options.title, defaultPath: options.defaultPath, extensions: options.filters.flatMap((filter) => filter.extensions) });
      return answers.shift() ?? null;
    },
    async chooseFolder() {
      return null;
    },
  };
}

describe('exportAnnotations', () => {
  test('every format, for the document and for the library, names its file and media type and holds the notes', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    const essay = (await call(service, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'essay.md', ESSAY) })) as OpenedDocument;
    await highlightIn(service, essay, 'the reader talks back', { note: 'A *margin* note.', tags: ['margins'] });
    const other = (await call(service, 'openDocument', { path: await writeDocument(join(dir, 'docs'), 'other.md', '# Other\n\nA plain sentence to mark.\n') })) as OpenedDocument;
    await highlightIn(service, other, 'A plain sentence', { note: 'In the other one.' });

    for (const format of EXPORT_FORMATS) {
      const single = (await call(service, 'exportAnnotations', { format, scope: 'document', documentId: essay.id })) as ExportResult;
      assert.equal(single.fileName, `Reading closely — Gloss${FORMAT_INFO[format].nameSuffix}${FORMAT_INFO[format].extension}`);
      assert.equal(single.mediaType, FORMAT_INFO[format].mediaType);
      assert.equal(single.annotations, 1);
      assert.deepEqual(single.notices, []);
      assert.ok(single.text.includes('the reader talks back'), `${format} holds the quote`);
      assert.ok(!single.text.includes('In the other one.'), `${format} holds only the document`);

      const library = (await call(service, 'exportAnnotations', { format, scope: 'library' })) as ExportResult;
      assert.equal(library.fileName, `Gloss library — Gloss${FORMAT_INFO[format].nameSuffix}${FORMAT_INFO[format].extension}`);
      assert.equal(library.annotations, 2);
      assert.ok(library.text.includes('In the other one.'), `${format} holds both documents`);
    }
  });

  test('W3C positions are counted in code points of the rendered document, and Anki cards include its FAQ', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    const essay = (await call(service, 'openDocument', { path: await writeDocument(dir, 'essay.md', ESSAY) })) as OpenedDocument;
    const made = await highlightIn(service, essay, 'The margin is where', { note: 'Where?' });
    const w3c = JSON.parse(((await call(service, 'exportAnnotations', { format: 'w3c', scope: 'document', documentId: essay.id })) as ExportResult).text) as {
      first: { items: { target: { selector: { type: string; start?: number }[] } }[] };
    };
    const position = w3c.first.items[0]!.target.selector.find((selector) => selector.type === 'TextPositionSelector');
    // One emoji (two UTF-16 units, one code point) comes before the passage.
    assert.equal(position?.start, made.target!.position.start - 1);
    const anki = ((await call(service, 'exportAnnotations', { format: 'anki', scope: 'document', documentId: essay.id })) as ExportResult).text;
    assert.ok(anki.includes('Why highlight at all?'));
    assert.ok(anki.includes('Because a highlight remembers what you noticed.'));
  });

  test('a document whose file is gone still exports, without positions, and says why', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    const path = await writeDocument(dir, 'gone.md', ESSAY);
    const essay = (await call(service, 'openDocument', { path })) as OpenedDocument;
    await highlightIn(service, essay, 'The margin is where');
    const { rm } = await import('node:fs/promises');
    await rm(path);
    const result = (await call(service, 'exportAnnotations', { format: 'w3c', scope: 'document', documentId: essay.id })) as ExportResult;
    assert.equal(result.notices.length, 1);
    assert.match(result.notices[0]!, /“Reading closely” could not be read, so its annotations have no TextPositionSelector/);
    assert.ok(!result.text.includes('TextPositionSelector'));
    assert.ok(result.text.includes('TextQuoteSelector'));
  });

  test('bad requests are refused with a clear message', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    await assert.rejects(call(service, 'exportAnnotations', { format: 'pdf', scope: 'library' }), /format: Invalid option: expected one of "md"\|"json"/);
    await assert.rejects(call(service, 'exportAnnotations', { format: 'md', scope: 'document' }), /say which document to export/);
    await assert.rejects(call(service, 'exportAnnotations', { format: 'md', scope: 'document', documentId: 'nope' }), { code: 'not-found', message: 'That document is not in the library. Open it in Gloss first.' });
    await assert.rejects(call(service, 'exportAnnotations', { format: 'md', scope: 'everything' }), /scope/);
    await assert.rejects(call(service, 'exportAnnotations', { format: 'md', scope: 'library', extra: 1 }), /Unrecognized key/);
  });
});

describe('saveExport (the desktop)', () => {
  test('asks the Save dialog with the file name, writes the file there and remembers the folder', async (t) => {
    const dir = await tempFolder(t);
    const chosen = join(dir, 'exports', 'mine.md');
    const second = join(dir, 'elsewhere.json');
    const dialogs = fakeDialogs([chosen, second, null]);
    const service = await openService(t, join(dir, 'data'), { dialogs });
    const essay = (await call(service, 'openDocument', { path: await writeDocument(dir, 'essay.md', ESSAY) })) as OpenedDocument;
    await highlightIn(service, essay, 'the reader talks back', { note: 'Saved note.' });

    const saved = (await call(service, 'saveExport', { format: 'md', scope: 'document', documentId: essay.id })) as SavedExport;
    assert.deepEqual(saved, { path: chosen, annotations: 1, notices: [] });
    assert.ok((await readFile(chosen, 'utf8')).includes('Saved note.'));
    assert.deepEqual(dialogs.asked[0], { title: 'Export annotations', defaultPath: 'Reading closely — Gloss.md', extensions: ['md'] });

    await call(service, 'saveExport', { format: 'json', scope: 'library' });
    // The next dialog opens in the folder of the last export.
    assert.equal(dialogs.asked[1]!.defaultPath, join(dir, 'exports', 'Gloss library — Gloss.json'));
    assert.ok((await readFile(second, 'utf8')).includes('"format": "gloss-annotations"'));

    const cancelled = (await call(service, 'saveExport', { format: 'csv', scope: 'library' })) as SavedExport;
    assert.equal(cancelled.path, null);
    assert.equal(dialogs.asked[2]!.defaultPath, join(dir, 'Gloss library — Gloss.csv'));

    // Remembered across launches.
    await service.close();
    const again = fakeDialogs([null]);
    const reopened = await openService(t, join(dir, 'data'), { dialogs: again });
    await call(reopened, 'saveExport', { format: 'html', scope: 'library' });
    assert.equal(again.asked[0]!.defaultPath, join(dir, 'Gloss library — Gloss.html'));
  });

  test('the browser mode has no Save dialog: it downloads instead', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'), { documentAccess: 'library' });
    await assert.rejects(call(service, 'saveExport', { format: 'md', scope: 'library' }), /In the browser mode an export downloads/);
  });
});

describe('copyAsMarkdown', () => {
  test('one annotation is its entry alone; several keep their section headings; other ids are ignored', async (t) => {
    const dir = await tempFolder(t);
    const service = await openService(t, join(dir, 'data'));
    const essay = (await call(service, 'openDocument', { path: await writeDocument(dir, 'essay.md', ESSAY) })) as OpenedDocument;
    const first = await highlightIn(service, essay, 'A first paragraph', { note: 'First note.' });
    const second = await highlightIn(service, essay, 'the reader talks back', { note: 'Second note.', tags: ['margins'] });

    const one = ((await call(service, 'copyAsMarkdown', { documentId: essay.id, annotationIds: [second.id] })) as { text: string }).text;
    assert.ok(one.startsWith('> the reader talks back\n\n^gloss-'), one);
    assert.ok(one.includes(`[Open in Gloss](gloss://annotation/${essay.id}/${second.id})`));
    assert.ok(one.includes('Second note.\n\n#margins\n'));
    assert.ok(!one.includes('---') && !one.includes('# Reading closely') && !one.includes('First note.'));

    const both = ((await call(service, 'copyAsMarkdown', { documentId: essay.id, annotationIds: [second.id, first.id, 'not-an-annotation'] })) as { text: string }).text;
    assert.ok(both.indexOf('First note.') < both.indexOf('## Margins 🎉'));
    assert.ok(both.indexOf('## Margins 🎉') < both.indexOf('Second note.'));
    assert.ok(!both.includes('# Reading closely\n'));

    await assert.rejects(call(service, 'copyAsMarkdown', { documentId: essay.id, annotationIds: [] }), /annotationIds/);
  });
});
