import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { Annotation } from '../../../../../main/api';
import type { ExportDocumentInput } from '../../../../../main/export/export-set';
import { mirrorContent } from '../../../../../main/export/mirror/mirror-content';
import { documentIdOfFile, mergeMirrorFile, type MirrorContent } from '../../../../../main/export/mirror/mirror-merge';
import { COLOR_MEANINGS, exportInput, highlight, testLibrary } from '../fixtures/library';

type Library = Awaited<ReturnType<typeof testLibrary>>;

describe('notes-folder merge', () => {
  let library: Library;
  let annotations: Annotation[];
  let content: (list: readonly Annotation[]) => MirrorContent;
  let fresh: string;
  before(async () => {
    library = await testLibrary();
    annotations = library.annotations.get(library.essay.id)!;
    const document: ExportDocumentInput = exportInput('document', [library.essay], library.annotations).documents[0]!;
    content = (list) => mirrorContent({ ...document, annotations: list }, COLOR_MEANINGS);
    fresh = mergeMirrorFile(null, content(annotations)).text;
  });

  const edit = (id: string, change: Partial<Annotation>) => annotations.map((a) => (a.id === id ? { ...a, ...change } : a));
  const id1 = '00000000-0000-4000-8000-000000000001';
  const id3 = '00000000-0000-4000-8000-000000000003';

  it('writes a new file: front matter naming the document, then every block between its markers', () => {
    assert.ok(fresh.startsWith('---\ntitle: "Reading 🎉 closely"\n'));
    assert.equal(documentIdOfFile(fresh), library.essay.id);
    for (const annotation of annotations) {
      assert.match(fresh, new RegExp(`<!-- gloss:begin ${annotation.id} [0-9a-f]{16} -->\\n`));
      assert.ok(fresh.includes(`\n<!-- gloss:end ${annotation.id} -->\n`));
    }
    assert.ok(fresh.includes('<!-- gloss:begin :title '));
    assert.ok(!fresh.includes('\n\n\n'), 'one blank line between pieces');
  });

  it('is idempotent: the same notes again change nothing', () => {
    const again = mergeMirrorFile(fresh, content(annotations));
    assert.equal(again.changed, false);
    assert.equal(again.text, fresh);
    assert.deepEqual(again.left, []);
  });

  it('keeps whatever the reader wrote outside the markers, in the front matter too', () => {
    const mine = fresh
      .replace('---\ntitle:', '---\naliases:\n  - Close reading\ntitle:')
      .replace(`<!-- gloss:begin ${id3}`, `My own thoughts, above the Hebrew passage.\n\n> [!tip] a callout of mine\n\n<!-- gloss:begin ${id3}`)
      .concat('\n## My summary\n\nWritten by me.\n');
    const updated = mergeMirrorFile(mine, content(edit(id1, { note: 'Changed.' })));
    assert.ok(updated.changed);
    for (const kept of ['aliases:\n  - Close reading\n', 'My own thoughts, above the Hebrew passage.\n\n> [!tip] a callout of mine\n\n<!-- gloss:begin ' + id3, '## My summary\n\nWritten by me.\n']) {
      assert.ok(updated.text.includes(kept), kept);
    }
    assert.ok(updated.text.includes('\nChanged.\n'));
    assert.equal(mergeMirrorFile(updated.text, content(edit(id1, { note: 'Changed.' }))).changed, false);
  });

  it('rewrites an edited note in place and removes a deleted annotation’s block without a gap', () => {
    const changed = mergeMirrorFile(fresh, content(edit(id1, { note: 'A calmer note.' })));
    assert.ok(changed.text.includes('A calmer note.'));
    assert.ok(!changed.text.includes('Watch out'));
    assert.ok(changed.text.indexOf(id1) < changed.text.indexOf('00000000-0000-4000-8000-000000000002'), 'same place');

    const id4 = '00000000-0000-4000-8000-000000000004';
    const deleted = mergeMirrorFile(fresh, content(annotations.filter((a) => a.id !== id4)));
    assert.ok(!deleted.text.includes(id4));
    assert.ok(!deleted.text.includes('### Deeper 🧪 section'), 'the subsection has no highlight left');
    assert.ok(deleted.text.includes('## שלום עולם'), 'its parent section still has one');
    assert.ok(!deleted.text.includes('\n\n\n'));
    assert.equal(deleted.text, mergeMirrorFile(null, content(annotations.filter((a) => a.id !== id4))).text, 'as if written afresh');
  });

  it('puts a new annotation at its place in reading order, with its section heading', () => {
    const without = mergeMirrorFile(null, content(annotations.filter((a) => a.id !== id3))).text;
    const withReaderText = without.replace('<!-- gloss:begin :section:', 'Reader text before a heading.\n\n<!-- gloss:begin :section:');
    const added = mergeMirrorFile(withReaderText, content(annotations));
    const order = ['00000000-0000-4000-8000-000000000002', ':section:', id3, '00000000-0000-4000-8000-000000000004'].map((key) => added.text.lastIndexOf(`gloss:begin ${key}`));
    assert.ok(order[0]! < order[2]! && order[2]! < order[3]!, JSON.stringify(order));
    assert.ok(added.text.includes('## שלום עולם'));
    assert.ok(added.text.includes('Reader text before a heading.'));
  });

  it('moves a block whose passage moved to another section', () => {
    const moved = highlight(library.essay, id1, 'The deepest passage mentions', { note: 'Moved here.', createdAt: annotations[0]!.createdAt });
    const list = annotations.map((a) => (a.id === id1 ? moved : a));
    const merged = mergeMirrorFile(fresh, content(list));
    assert.equal(merged.text, mergeMirrorFile(null, content(list)).text);
  });

  it('leaves a block the reader edited exactly as it is, and reports it, even once its annotation is deleted', () => {
    const readerEdit = fresh.replace('An orphan keeps its note.', 'An orphan keeps its note. And I added this.');
    const updated = mergeMirrorFile(readerEdit, content(edit('Hypothesis-Id_22chars', { note: 'Gloss changed it too.' })));
    assert.deepEqual(updated.left, [{ key: 'Hypothesis-Id_22chars', reason: 'edited' }]);
    assert.ok(updated.text.includes('An orphan keeps its note. And I added this.'));
    assert.ok(!updated.text.includes('Gloss changed it too.'));
    assert.equal(updated.text.split('gloss:begin Hypothesis-Id_22chars').length, 2, 'no second copy');
    const afterDelete = mergeMirrorFile(updated.text, content(annotations.filter((a) => a.id !== 'Hypothesis-Id_22chars')));
    assert.ok(afterDelete.text.includes('And I added this.'));
  });

  it('ignores a sync tool’s CRLF line endings and trailing spaces, and keeps the file’s CRLF', () => {
    const crlf = `\ufeff${fresh.replace(/\n/g, '  \r\n')}`;
    const same = mergeMirrorFile(crlf, content(annotations));
    assert.deepEqual(same.left, []);
    const changed = mergeMirrorFile(crlf, content(edit(id1, { note: 'New.' })));
    assert.ok(changed.text.startsWith('\ufeff---\r\n'));
    assert.ok(!/[^\r]\n/.test(changed.text), 'every line ends in CRLF');
  });

  it('leaves a block whose end marker is gone, adding no copy of it, and reports it', () => {
    const damaged = fresh.replace(`<!-- gloss:end ${id3} -->\n`, '');
    const merged = mergeMirrorFile(damaged, content(edit(id3, { note: 'New words.' })));
    assert.deepEqual(merged.left, [{ key: id3, reason: 'damaged' }]);
    assert.equal(merged.text.split(`gloss:begin ${id3}`).length, 2);
    assert.ok(!merged.text.includes('New words.'));
  });

  it('leaves the reader’s copy of a block as it is', () => {
    const start = fresh.indexOf(`<!-- gloss:begin ${id3}`);
    const end = fresh.indexOf(`<!-- gloss:end ${id3} -->`) + `<!-- gloss:end ${id3} -->`.length;
    const copied = `${fresh}\n${fresh.slice(start, end)}\n`;
    const merged = mergeMirrorFile(copied, content(edit(id3, { note: 'New words.' })));
    assert.deepEqual(merged.left, [{ key: id3, reason: 'duplicate' }]);
    assert.equal(merged.text.split('New words.').length, 2, 'the first block is updated');
    assert.ok(merged.text.trimEnd().endsWith(`<!-- gloss:end ${id3} -->`), 'the copy stays');
  });

  it('cannot be confused by a note holding marker text', () => {
    // The hostile note holds "<!-- gloss:end <id1> -->"; its block still ends where Gloss ended it.
    const merged = mergeMirrorFile(fresh, content(edit(id1, { note: 'short' })));
    assert.deepEqual(merged.left, []);
    assert.ok(!merged.text.includes('Watch out'));
  });

  it('puts the front matter back when the reader removed it', () => {
    const body = fresh.replace(/^---\n[\s\S]*?\n---\n/, 'My preface.\n');
    const merged = mergeMirrorFile(body, content(annotations));
    assert.ok(merged.text.startsWith('---\ntitle:'));
    assert.ok(merged.text.includes('---\n\nMy preface.\n'));
    assert.equal(documentIdOfFile(merged.text), library.essay.id);
  });
});
