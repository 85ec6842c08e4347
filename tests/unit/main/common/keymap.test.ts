import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  bindingsFor,
  formatKeys,
  KEYMAP,
  matchKey,
  menuAccelerator,
  parseKeys,
  toAccelerator,
  type KeyBinding,
  type KeyContext,
  type KeyPress,
} from '../../../../main/common/keymap';

/** A key press as a KeyboardEvent reports it; modifiers default to up. */
function press(key: string, modifiers: Partial<Omit<KeyPress, 'key'>> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...modifiers };
}

const MAC = { isMac: true } as const;
const PC = { isMac: false } as const;

function command(key: KeyPress, where: { isMac: boolean; mode?: 'desktop' | 'browser'; context?: KeyContext }) {
  return matchKey(KEYMAP, key, { isMac: where.isMac, mode: where.mode ?? 'browser', context: where.context ?? 'reading' });
}

describe('matchKey: the platform modifier', () => {
  it('reads Ctrl as Mod on Windows and Linux, and Cmd on macOS', () => {
    assert.equal(command(press('o', { ctrlKey: true }), PC), 'open-document');
    assert.equal(command(press('o', { metaKey: true }), MAC), 'open-document');
    assert.equal(command(press('z', { ctrlKey: true }), PC), 'undo');
    assert.equal(command(press('z', { metaKey: true }), MAC), 'undo');
  });

  it('redoes with Mod+Shift+Z everywhere and Ctrl+Y on Windows and Linux only', () => {
    assert.equal(command(press('Z', { ctrlKey: true, shiftKey: true }), PC), 'redo');
    assert.equal(command(press('z', { metaKey: true, shiftKey: true }), MAC), 'redo');
    assert.equal(command(press('y', { ctrlKey: true }), PC), 'redo');
    assert.equal(command(press('y', { metaKey: true }), MAC), null);
    assert.equal(command(press('z', { ctrlKey: true, shiftKey: true }), { ...PC, context: 'typing' }), null, 'a text field keeps its own redo');
  });

  it('does not take the other platform’s modifier for Mod', () => {
    assert.equal(command(press('o', { metaKey: true }), PC), null);
    assert.equal(command(press('o', { ctrlKey: true }), MAC), null);
    assert.equal(command(press('z', { ctrlKey: true }), MAC), null);
  });

  it('needs exactly the modifiers of the row: an extra Shift, Alt or Ctrl is another key', () => {
    assert.equal(command(press('O', { ctrlKey: true, shiftKey: true }), PC), null);
    assert.equal(command(press('z', { ctrlKey: true, altKey: true }), PC), null);
    assert.equal(command(press('z', { metaKey: true, ctrlKey: true }), MAC), null);
    assert.equal(command(press('h', { altKey: true }), PC), null);
    assert.equal(command(press('h', { ctrlKey: true }), PC), null);
    assert.equal(command(press('H', { shiftKey: true }), PC), null);
  });

  it('matches letters whatever their case (Caps Lock), and punctuation by the character typed', () => {
    assert.equal(command(press('H'), PC), 'highlight');
    assert.equal(command(press('O', { ctrlKey: true }), PC), 'open-document');
    // "?" takes Shift on a US keyboard and not on others: the character is what counts.
    assert.equal(command(press('?', { shiftKey: true }), PC), 'show-shortcuts');
    assert.equal(command(press('?'), MAC), 'show-shortcuts');
    assert.equal(command(press(']'), PC), 'next-faq-question');
    assert.equal(command(press('['), MAC), 'previous-faq-question');
    assert.equal(command(press('\\', { ctrlKey: true }), PC), 'toggle-sidebar');
  });

  it('finds in the document with Ctrl/Cmd+F, and the next and previous match with F3 elsewhere and Cmd+G on macOS, even while typing', () => {
    const typing = { context: 'typing' } as const;
    assert.equal(command(press('f', { ctrlKey: true }), { ...PC, ...typing }), 'find');
    assert.equal(command(press('f', { metaKey: true }), MAC), 'find');
    assert.equal(command(press('F3'), { ...PC, ...typing }), 'find-next');
    assert.equal(command(press('F3', { shiftKey: true }), { ...PC, ...typing }), 'find-previous');
    assert.equal(command(press('g', { metaKey: true }), { ...MAC, ...typing }), 'find-next');
    assert.equal(command(press('G', { metaKey: true, shiftKey: true }), { ...MAC, ...typing }), 'find-previous');
    assert.equal(command(press('g', { ctrlKey: true }), PC), null, 'Ctrl+G is not find elsewhere');
    assert.equal(command(press('F3'), MAC), null);
  });

  it('fires nothing while an input method composes a character', () => {
    assert.equal(command(press('h', { isComposing: true }), PC), null);
  });
});

describe('matchKey: where the focus is', () => {
  it('never fires a single-letter or punctuation shortcut while the reader types in a text field', () => {
    for (const key of ['h', 'n', ']', '[', '?']) assert.equal(command(press(key), { ...PC, context: 'typing' }), null, key);
    assert.equal(command(press('h'), { ...PC, context: 'note' }), null);
  });

  it('leaves Mod+Z to the text field being typed in (its own undo)', () => {
    assert.equal(command(press('z', { ctrlKey: true }), { ...PC, context: 'typing' }), null);
  });

  it('still opens a document or toggles the sidebar from a text field', () => {
    assert.equal(command(press('o', { ctrlKey: true }), { ...PC, context: 'typing' }), 'open-document');
    assert.equal(command(press('\\', { metaKey: true }), { ...MAC, context: 'note' }), 'toggle-sidebar');
  });

  it('gives the note editor its own keys, which do nothing elsewhere', () => {
    assert.equal(command(press('s', { ctrlKey: true }), { ...PC, context: 'note' }), 'save-note');
    assert.equal(command(press('s', { metaKey: true }), { ...MAC, context: 'note' }), 'save-note');
    assert.equal(command(press('Enter', { ctrlKey: true }), { ...PC, context: 'note' }), 'finish-note');
    assert.equal(command(press('Escape'), { ...PC, context: 'note' }), 'close');
    assert.equal(command(press('s', { ctrlKey: true }), PC), null);
    assert.equal(command(press('s', { ctrlKey: true }), { ...PC, context: 'typing' }), null);
  });

  it('closes the toolbar with Escape from the article, but leaves Escape in other text fields to them', () => {
    assert.equal(command(press('Escape'), PC), 'close');
    assert.equal(command(press('Escape'), { ...PC, context: 'typing' }), null);
  });

  it('goes to the toolbar with Tab, but not with Shift+Tab', () => {
    assert.equal(command(press('Tab'), PC), 'focus-toolbar');
    assert.equal(command(press('Tab', { shiftKey: true }), PC), null);
  });
});

describe('matchKey: desktop and browser modes', () => {
  it('leaves the keys the desktop menu owns to the menu, and handles them in a browser tab', () => {
    assert.equal(command(press('o', { ctrlKey: true }), { ...PC, mode: 'desktop' }), null);
    assert.equal(command(press('\\', { metaKey: true }), { ...MAC, mode: 'desktop' }), null);
    assert.equal(command(press('o', { ctrlKey: true }), { ...PC, mode: 'browser' }), 'open-document');
    assert.equal(command(press('\\', { ctrlKey: true }), { ...PC, mode: 'browser' }), 'toggle-sidebar');
  });

  it('has the page do nothing with keys that exist only in the desktop menu', () => {
    for (const mode of ['desktop', 'browser'] as const) {
      assert.equal(command(press('w', { ctrlKey: true }), { ...PC, mode }), null);
      assert.equal(command(press('=', { ctrlKey: true }), { ...PC, mode }), null);
      assert.equal(command(press('/', { ctrlKey: true }), { ...PC, mode }), null);
    }
  });

  it('handles the page’s own keys in both modes', () => {
    for (const mode of ['desktop', 'browser'] as const) {
      assert.equal(command(press('n'), { ...MAC, mode }), 'highlight-with-note');
      assert.equal(command(press('z', { metaKey: true }), { ...MAC, mode }), 'undo');
      assert.equal(command(press('?'), { ...MAC, mode }), 'show-shortcuts');
    }
  });

  it('leaves widget keys (a list’s arrows) to the widget', () => {
    assert.equal(command(press('ArrowDown'), PC), null);
    assert.equal(command(press('ArrowRight'), PC), null);
  });
});

describe('the keymap leaves room for more shortcuts', () => {
  // Rows as other issues will add them: one line each, platform-specific keys included.
  const keymap: ReadonlyArray<KeyBinding<'find' | 'find-next' | 'redo' | 'undo'>> = [
    { command: 'find', keys: 'Mod+F', action: 'Find in the document', desktop: 'page', browser: 'page', when: ['reading', 'typing'] },
    { command: 'find-next', keys: 'F3', action: 'Find the next match', desktop: 'page', browser: 'page', when: ['reading', 'typing'], platform: 'other' },
    { command: 'find-next', keys: 'Mod+G', action: 'Find the next match', desktop: 'page', browser: 'page', when: ['reading', 'typing'], platform: 'mac' },
    { command: 'undo', keys: 'Mod+Z', action: 'Undo', desktop: 'page', browser: 'page', when: ['reading'] },
    { command: 'redo', keys: 'Mod+Shift+Z', action: 'Redo', desktop: 'page', browser: 'page', when: ['reading'] },
  ];
  const run = (key: KeyPress, isMac: boolean) => matchKey(keymap, key, { isMac, mode: 'browser', context: 'reading' });

  it('tells Mod+Shift+Z (redo) from Mod+Z (undo), whatever case the letter comes in', () => {
    assert.equal(run(press('z', { ctrlKey: true }), false), 'undo');
    assert.equal(run(press('Z', { ctrlKey: true, shiftKey: true }), false), 'redo');
    // Chromium on macOS reports Cmd+Shift+Z as a lower-case "z".
    assert.equal(run(press('z', { metaKey: true, shiftKey: true }), true), 'redo');
  });

  it('gives a command different keys per platform (F3 elsewhere, Cmd+G on macOS)', () => {
    assert.equal(run(press('F3'), false), 'find-next');
    assert.equal(run(press('F3'), true), null);
    assert.equal(run(press('g', { metaKey: true }), true), 'find-next');
    assert.equal(run(press('g', { ctrlKey: true }), false), null);
    assert.deepEqual(bindingsFor(keymap, 'browser', true).map((row) => row.keys), ['Mod+F', 'Mod+G', 'Mod+Z', 'Mod+Shift+Z']);
  });
});

describe('parseKeys, toAccelerator, formatKeys', () => {
  it('reads every row of the keymap', () => {
    for (const row of KEYMAP) assert.doesNotThrow(() => parseKeys(row.keys), row.keys);
  });

  it('refuses a malformed row, so a typo in the table fails here', () => {
    assert.throws(() => parseKeys('Ctrl+O'), /cannot read the keys "Ctrl\+O"/);
    assert.throws(() => parseKeys('Mod+'), /cannot read/);
  });

  it('writes Electron accelerators', () => {
    assert.equal(toAccelerator('Mod+O'), 'CmdOrCtrl+O');
    assert.equal(toAccelerator('Mod+\\'), 'CmdOrCtrl+\\');
    assert.equal(toAccelerator('Mod+Shift+.'), 'CmdOrCtrl+Shift+.');
    assert.equal(toAccelerator('Mod+Plus'), 'CmdOrCtrl+Plus');
    assert.equal(toAccelerator('Alt+ArrowUp'), 'Alt+Up');
    assert.equal(toAccelerator('F3'), 'F3');
  });

  it('writes keys as each platform does, and as the README does for both', () => {
    assert.equal(formatKeys('Mod+Shift+Z', 'mac'), '⇧⌘Z');
    assert.equal(formatKeys('Mod+Shift+Z', 'other'), 'Ctrl+Shift+Z');
    assert.equal(formatKeys('Mod+Shift+Z', 'any'), 'Ctrl/Cmd+Shift+Z');
    assert.equal(formatKeys('ArrowLeft', 'other'), '←');
    assert.equal(formatKeys('h', 'mac'), 'H');
  });

  it('names the menu accelerator of a command only where the menu owns its key', () => {
    assert.equal(menuAccelerator(KEYMAP, 'open-document', true), 'CmdOrCtrl+O');
    assert.equal(menuAccelerator(KEYMAP, 'show-shortcuts', false), 'CmdOrCtrl+/');
    assert.equal(menuAccelerator(KEYMAP, 'highlight', false), undefined);
  });
});
