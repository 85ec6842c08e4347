import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadHeadlessRenderer } from '../../../../main/documents/headless-render';
import { EXPORT_FORMATS, exportAnnotations, FORMAT_INFO, isExportFormat, prepareExport, rendersNotes, writeExport } from '../../../../main/export/index';
import { exportInput, testLibrary } from './fixtures/library';

describe('export front door', () => {
  it('writes every format by name, the same as the writer itself', async () => {
    const library = await testLibrary();
    const input = exportInput('document', [library.essay], library.annotations);
    const { renderNote } = await loadHeadlessRenderer();
    for (const format of EXPORT_FORMATS) {
      assert.equal(await exportAnnotations(input, format), writeExport(prepareExport(input), format, renderNote), format);
    }
  });

  it('knows its format names, their files, and which need the note renderer', () => {
    assert.deepEqual(Object.keys(FORMAT_INFO), [...EXPORT_FORMATS]);
    assert.ok(isExportFormat('readwise-csv'));
    assert.ok(!isExportFormat('pdf'));
    assert.ok(!isExportFormat('__proto__'));
    assert.deepEqual(EXPORT_FORMATS.filter(rendersNotes), ['html', 'anki']);
    const set = prepareExport({ scope: 'library', documents: [], colorMeanings: { yellow: '', green: '', blue: '', pink: '', purple: '' } });
    assert.throws(() => writeExport(set, 'html', null), /renders notes/);
    assert.ok(writeExport(set, 'md', null).startsWith('---\ntitle: "Gloss library"'));
  });
});
