import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileStemForTitle, uniqueFileName } from '../../../../../main/export/mirror/mirror-file-names';

describe('mirror file names', () => {
  it('replaces characters Windows, macOS or Linux refuse in a name', () => {
    assert.equal(fileStemForTitle('a<b>c:d"e/f\\g|h?i*j'), 'a b c d e f g h i j');
    assert.equal(fileStemForTitle('tab\there\nnewline\u0000nul\u007f'), 'tab here newline nul');
  });

  it('drops leading dots, trailing dots and spaces, and is never empty', () => {
    assert.equal(fileStemForTitle('...hidden'), 'hidden');
    assert.equal(fileStemForTitle('Ends with dots... '), 'Ends with dots');
    assert.equal(fileStemForTitle(' :?* '), 'Untitled');
    assert.equal(fileStemForTitle(''), 'Untitled');
  });

  it('keeps a Windows device name from being one', () => {
    for (const name of ['CON', 'con', 'Nul', 'AUX', 'PRN', 'COM1', 'lpt9', 'COM¹', 'con.notes', 'NUL .']) {
      assert.ok(fileStemForTitle(name).startsWith('_'), name);
    }
    assert.equal(fileStemForTitle('Console'), 'Console');
    assert.equal(fileStemForTitle('COM10'), 'COM10');
  });

  it('cuts a long title to a safe length without splitting a character', () => {
    const title = `${'🎉'.repeat(30)}${'e\u0301'.repeat(100)}`;
    const stem = fileStemForTitle(title);
    assert.ok(new TextEncoder().encode(stem).length <= 180);
    assert.ok(title.normalize('NFC').startsWith(stem));
    assert.doesNotMatch(stem, /[\ud800-\udbff]$/);
    assert.equal(fileStemForTitle('שלום עולם'), 'שלום עולם');
  });

  it('adds a suffix when the name is taken, comparing as case-insensitive file systems do', () => {
    assert.equal(uniqueFileName('Notes', []), 'Notes.md');
    assert.equal(uniqueFileName('Notes', ['notes.MD']), 'Notes 2.md');
    assert.equal(uniqueFileName('Notes', ['Notes.md', 'Notes 2.md']), 'Notes 3.md');
    assert.equal(uniqueFileName('Café', ['Cafe\u0301.md']), 'Café 2.md', 'NFD on disk, NFC in the title');
  });
});
