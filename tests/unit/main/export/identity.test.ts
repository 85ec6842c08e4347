import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Annotation } from '../../../../main/api';
import { prepareExport, type ExportSet } from '../../../../main/export/export-set';
import { documentBlocks } from '../../../../main/export/markdown/markdown-blocks';
import { annotationLink } from '../../../../main/common/annotation-link';
import { COLOR_MEANINGS, exportInput, testLibrary } from './fixtures/library';
import { allWriters } from './fixtures/formats';

type Library = Awaited<ReturnType<typeof testLibrary>>;

describe('export identity (every format)', () => {
  let library: Library;
  let writers: Awaited<ReturnType<typeof allWriters>>;
  let set: ExportSet;
  before(async () => {
    library = await testLibrary();
    writers = await allWriters();
    set = prepareExport(exportInput('library', [library.essay, library.notes], library.annotations));
  });

  it('writes the same bytes twice for unchanged notes, whatever order the store returned them in', () => {
    const shuffled = new Map([...library.annotations].map(([id, list]) => [id, [...list].reverse()]));
    const again = prepareExport(exportInput('library', [library.notes, library.essay], shuffled));
    for (const [format, write] of Object.entries(writers)) {
      assert.equal(write(again), write(set), format);
      assert.equal(write(set), write(set), format);
    }
  });

  it('uses LF line endings, except CSV’s CRLF record separators', () => {
    for (const [format, write] of Object.entries(writers)) {
      const text = write(set);
      if (format.endsWith('csv')) {
        assert.ok(text.startsWith('\ufeff'), `${format} starts with a BOM`);
        assert.ok(text.endsWith('\r\n'));
      } else {
        assert.ok(!text.includes('\r'), `${format} has no CR`);
        assert.ok(text.endsWith('\n'));
      }
    }
  });

  it('carries every annotation’s id in every format (Readwise’s fixed columns excepted)', () => {
    const annotations = [...library.annotations.values()].flat();
    for (const [format, write] of Object.entries(writers)) {
      if (format === 'readwise-csv') continue;
      const text = write(set);
      for (const annotation of annotations) {
        // Anki makes cards of highlights with notes only; the others are in every other format.
        if (format === 'anki' && (annotation.target === null || annotation.note.trim() === '')) continue;
        assert.ok(text.includes(annotation.id), `${format} holds ${annotation.id}`);
      }
    }
    const markdown = writers.md!(set);
    for (const annotation of annotations) {
      assert.ok(markdown.includes(annotationLink({ documentId: annotation.documentId, annotationId: annotation.id })), 'a link to each');
    }
  });

  it('carries each document’s title, source and content hash in every format (Anki: the title)', () => {
    for (const [format, write] of Object.entries(writers)) {
      const text = write(set);
      for (const document of [library.essay, library.notes]) {
        assert.ok(text.includes(document.title), `${format}: title of ${document.title}`);
        if (format === 'anki') continue;
        const source = format === 'w3c' || format === 'readwise-csv' ? 'file:///library/' : document.path;
        assert.ok(text.includes(source), `${format}: source of ${document.title}`);
        if (format !== 'readwise-csv') assert.ok(text.includes(document.contentHash), `${format}: content hash of ${document.title}`);
      }
    }
  });

  it('a changed note changes only its own block (and the newest-change stamp)', () => {
    const essay = library.annotations.get(library.essay.id)!;
    const edited = essay.map((a): Annotation => (a.id.endsWith('0003') ? { ...a, note: 'A new thought.', updatedAt: '2025-04-01T00:00:00.000Z' } : a));
    const after = prepareExport(exportInput('document', [library.essay], new Map([[library.essay.id, edited]])));
    const before = prepareExport(exportInput('document', [library.essay], library.annotations));
    const blocksBefore = documentBlocks(before.documents[0]!, COLOR_MEANINGS, { identity: false });
    const blocksAfter = documentBlocks(after.documents[0]!, COLOR_MEANINGS, { identity: false });
    assert.deepEqual(blocksAfter.map((b) => b.key), blocksBefore.map((b) => b.key));
    const changed = blocksAfter.filter((block, i) => block.markdown !== blocksBefore[i]!.markdown).map((block) => block.key);
    assert.deepEqual(changed, ['00000000-0000-4000-8000-000000000003']);

    // In the line-oriented formats, the lines that differ are that annotation's and the stamp.
    for (const format of ['md', 'csv', 'json'] as const) {
      const a = writers[format]!(before).split('\n');
      const b = writers[format]!(after).split('\n');
      assert.equal(a.length, b.length, format);
      const differing = b.filter((line, i) => line !== a[i]);
      assert.ok(differing.length > 0);
      for (const line of differing) assert.match(line, /A new thought|2025-04-01T00:00:00\.000Z/, `${format}: ${line}`);
    }
  });

  it('orders annotations by reading order, document notes after the text, orphans last', () => {
    const essay = set.documents.find((d) => d.id === library.essay.id)!;
    assert.deepEqual(
      essay.annotations.map((a) => a.id.slice(-4)),
      ['0005', '0001', '0002', '0003', '0004', '0006', 'hars'],
    );
    assert.deepEqual(set.documents.map((d) => d.title), ['Field notes', 'Reading 🎉 closely']);
    assert.equal(essay.counts.orphaned, 1);
    assert.equal(essay.counts.documentNotes, 1);
    assert.equal(set.updatedAt, '2025-03-01T09:08:00.000Z');
  });

  it('breaks ties in reading order by creation time, then id', () => {
    const base = library.annotations.get(library.essay.id)![0]!;
    const twins: Annotation[] = [
      { ...base, id: 'b-later', createdAt: '2025-01-02T00:00:00.000Z' },
      { ...base, id: 'z-first', createdAt: '2025-01-01T00:00:00.000Z' },
      { ...base, id: 'a-later', createdAt: '2025-01-02T00:00:00.000Z' },
    ];
    const ordered = prepareExport(exportInput('document', [library.essay], new Map([[library.essay.id, twins]])));
    assert.deepEqual(ordered.documents[0]!.annotations.map((a) => a.id), ['z-first', 'a-later', 'b-later']);
  });

  it('leaves documents without annotations out of a library export, not out of a document export', () => {
    const empty = new Map([[library.essay.id, library.annotations.get(library.essay.id)!]]);
    assert.equal(prepareExport(exportInput('library', [library.essay, library.notes], empty)).documents.length, 1);
    const single = prepareExport(exportInput('document', [library.notes], new Map()));
    assert.equal(single.documents.length, 1);
    assert.equal(single.updatedAt, null);
    for (const [format, write] of Object.entries(writers)) assert.ok(write(single).length > 0, format);
  });
});
