/**
 * Every keyboard shortcut of Gloss, in one table. The renderer's key handlers match key events
 * against it, the shortcuts dialog lists the rows of the mode it runs in, the desktop menu takes
 * its accelerators from it, and the README's "Keyboard shortcuts" table mirrors it (a unit test
 * keeps the two equal).
 *
 * A row is one key for one command. Adding a shortcut is adding a row; a command with two keys
 * (F3 elsewhere, Cmd+G on macOS) has two rows, and the dialog shows them on one line:
 *
 *   { command: 'find-next', keys: 'F3', action: 'Find the next match', ...PAGE, when: ANYWHERE, platform: 'other' },
 *   { command: 'find-next', keys: 'Mod+G', action: 'Find the next match', ...PAGE, when: ANYWHERE, platform: 'mac' },
 *
 * Runs on both sides (the sandboxed renderer and the Electron menu): no Node, DOM or Electron here.
 */

/** Where Gloss runs: the Electron window, or a browser tab on `npm run serve`. */
export type AppMode = 'desktop' | 'browser';

/**
 * Who acts on a key: the page's own handlers, the desktop menu (through its accelerator, which
 * the page then leaves alone), or a widget following the standard keyboard pattern of its kind
 * (a toolbar's or a list's arrow keys), which the table lists for the dialog.
 */
export type KeyHandler = 'page' | 'menu' | 'widget';

/**
 * Where the focus is when a key is pressed: in the reading view or on a button ('reading'), in a
 * text field ('typing'), or in the note editor (whose own handler asks with 'note').
 */
export type KeyContext = 'reading' | 'typing' | 'note';

/** One shortcut; `C` is the commands a table names (KeyCommand for Gloss's own). */
export interface KeyBinding<C extends string = string> {
  readonly command: C;
  /**
   * The key with its modifiers, as 'Mod+Shift+Z', 'H', 'Escape', 'ArrowUp', 'F3' or 'Plus' (for
   * '+'). Mod is Cmd on macOS and Ctrl elsewhere. A punctuation key is written as the character
   * it types ('?', ']'), and matches that character whatever Shift it took on the keyboard.
   */
  readonly keys: string;
  /** What it does, as the dialog and the README say it. */
  readonly action: string;
  /** Who handles it in the desktop app, or null when it does nothing there. */
  readonly desktop: KeyHandler | null;
  /** Who handles it in the browser mode, or null when it does nothing there. */
  readonly browser: KeyHandler | null;
  /** Where the focus may be for the page to act on it (the menu acts wherever the focus is). */
  readonly when: readonly KeyContext[];
  /** Only on this platform. */
  readonly platform?: 'mac' | 'other';
}

/** Not while typing: a single letter must reach the text field. */
const READING: readonly KeyContext[] = ['reading'];
/** Wherever the focus is. */
const ANYWHERE: readonly KeyContext[] = ['reading', 'typing', 'note'];
/** Inside the note editor. */
const NOTE: readonly KeyContext[] = ['note'];

/** Handled by the page in both modes. */
const PAGE = { desktop: 'page', browser: 'page' } as const;
/** The desktop menu's accelerator; the page handles it in a browser tab. */
const MENU_OR_PAGE = { desktop: 'menu', browser: 'page' } as const;
/** Only the desktop menu (a browser tab has its own, or none). */
const MENU_ONLY = { desktop: 'menu', browser: null } as const;
/** A widget's own arrow keys, in both modes. */
const WIDGET = { desktop: 'widget', browser: 'widget' } as const;

/** The keymap, in the order the dialog and the README list it. */
export const KEYMAP = [
  { command: 'open-document', keys: 'Mod+O', action: 'Open a document', ...MENU_OR_PAGE, when: ANYWHERE },
  { command: 'close-document', keys: 'Mod+W', action: 'Close the document', ...MENU_ONLY, when: ANYWHERE },
  { command: 'show-library', keys: 'Mod+Shift+L', action: 'Show or hide the library', ...MENU_OR_PAGE, when: ANYWHERE },
  { command: 'toggle-sidebar', keys: 'Mod+\\', action: 'Show or hide the Annotations sidebar', ...MENU_OR_PAGE, when: ANYWHERE },
  { command: 'highlight', keys: 'H', action: 'Highlight the selection in the last used color', ...PAGE, when: READING },
  { command: 'highlight-with-note', keys: 'N', action: 'Highlight the selection and write a note', ...PAGE, when: READING },
  { command: 'focus-toolbar', keys: 'Tab', action: 'Go from the selection to its Annotate toolbar', ...PAGE, when: READING },
  { command: 'move-in-toolbar', keys: 'ArrowLeft', action: 'Move along the Annotate toolbar', ...WIDGET, when: READING },
  { command: 'move-in-toolbar', keys: 'ArrowRight', action: 'Move along the Annotate toolbar', ...WIDGET, when: READING },
  { command: 'save-note', keys: 'Mod+S', action: 'Save the note being written', ...PAGE, when: NOTE },
  { command: 'finish-note', keys: 'Mod+Enter', action: 'Save the note and close it', ...PAGE, when: NOTE },
  { command: 'close', keys: 'Escape', action: 'Close the toolbar, note editor, dialog or library', ...PAGE, when: ['reading', 'note'] },
  { command: 'undo', keys: 'Mod+Z', action: 'Undo deleting a highlight', ...PAGE, when: READING },
  { command: 'next-highlight', keys: 'J', action: 'Next highlight', ...PAGE, when: READING },
  { command: 'previous-highlight', keys: 'K', action: 'Previous highlight', ...PAGE, when: READING },
  { command: 'open-current-highlight', keys: 'Enter', action: 'Open the note of the highlight reached with J or K', ...PAGE, when: READING },
  { command: 'next-faq-question', keys: ']', action: 'Next FAQ question', ...PAGE, when: READING },
  { command: 'previous-faq-question', keys: '[', action: 'Previous FAQ question', ...PAGE, when: READING },
  { command: 'move-in-faq-list', keys: 'ArrowUp', action: 'Move between questions in the FAQ list', ...WIDGET, when: READING },
  { command: 'move-in-faq-list', keys: 'ArrowDown', action: 'Move between questions in the FAQ list', ...WIDGET, when: READING },
  { command: 'move-in-faq-list', keys: 'Home', action: 'Move between questions in the FAQ list', ...WIDGET, when: READING },
  { command: 'move-in-faq-list', keys: 'End', action: 'Move between questions in the FAQ list', ...WIDGET, when: READING },
  { command: 'move-in-library', keys: 'ArrowUp', action: 'Move between documents in the library', ...WIDGET, when: READING },
  { command: 'move-in-library', keys: 'ArrowDown', action: 'Move between documents in the library', ...WIDGET, when: READING },
  { command: 'move-in-library', keys: 'Home', action: 'Move between documents in the library', ...WIDGET, when: READING },
  { command: 'move-in-library', keys: 'End', action: 'Move between documents in the library', ...WIDGET, when: READING },
  { command: 'open-from-library', keys: 'Enter', action: 'Open the document chosen in the library', ...WIDGET, when: READING },
  { command: 'remove-from-library', keys: 'Delete', action: 'Remove the document chosen in the library', ...WIDGET, when: READING },
  { command: 'larger-text', keys: 'Mod+Shift+.', action: 'Larger text', ...MENU_ONLY, when: ANYWHERE },
  { command: 'smaller-text', keys: 'Mod+Shift+,', action: 'Smaller text', ...MENU_ONLY, when: ANYWHERE },
  { command: 'zoom-in', keys: 'Mod+=', action: 'Zoom in', ...MENU_ONLY, when: ANYWHERE },
  { command: 'zoom-out', keys: 'Mod+-', action: 'Zoom out', ...MENU_ONLY, when: ANYWHERE },
  { command: 'reset-zoom', keys: 'Mod+0', action: 'Reset the zoom', ...MENU_ONLY, when: ANYWHERE },
  { command: 'show-shortcuts', keys: '?', action: 'Show the keyboard shortcuts', ...PAGE, when: READING },
  { command: 'show-shortcuts', keys: 'Mod+/', action: 'Show the keyboard shortcuts', ...MENU_ONLY, when: ANYWHERE },
] as const satisfies readonly KeyBinding[];

/** What a key does: the commands the keymap names. The page's handlers switch on these; menu items are found by them. */
export type KeyCommand = (typeof KEYMAP)[number]['command'];

/** A key with its modifiers, parsed from a binding's `keys`. */
export interface KeyChord {
  mod: boolean;
  shift: boolean;
  alt: boolean;
  /** A KeyboardEvent `key` value: 'o', '\\', 'Escape', 'ArrowUp', 'F3', '+'. */
  key: string;
}

/** What the matcher reads of a KeyboardEvent (a real one will do). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** True while an input method composes a character: no shortcut then. */
  isComposing?: boolean;
}

/** The platform and mode a key is pressed in, and where the focus is. */
export interface KeyEnvironment {
  isMac: boolean;
  mode: AppMode;
  context: KeyContext;
}

const MODIFIERS = new Set(['Mod', 'Shift', 'Alt']);

/** Parses 'Mod+Shift+Z' into its parts; throws on a malformed one, so a typo fails the tests. */
export function parseKeys(keys: string): KeyChord {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  if (key === '' || parts.some((part) => !MODIFIERS.has(part))) throw new Error(`keymap: cannot read the keys "${keys}"`);
  return { mod: parts.includes('Mod'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key: key === 'Plus' ? '+' : key };
}

function isOnPlatform(binding: KeyBinding, isMac: boolean): boolean {
  return binding.platform === undefined || binding.platform === (isMac ? 'mac' : 'other');
}

/** True for a key named by the character it types, other than a letter ('?', ']', '0'). */
function isPunctuation(key: string): boolean {
  return [...key].length === 1 && !/\p{L}/u.test(key);
}

/** True when `press` is `chord` on this platform: Cmd on macOS or Ctrl elsewhere for Mod, and no other modifier. */
export function pressMatches(chord: KeyChord, press: KeyPress, isMac: boolean): boolean {
  if (press.isComposing) return false;
  const mod = isMac ? press.metaKey : press.ctrlKey;
  // Ctrl on macOS (and the Windows key elsewhere) is no part of any Gloss shortcut.
  const otherMod = isMac ? press.ctrlKey : press.metaKey;
  if (mod !== chord.mod || otherMod || press.altKey !== chord.alt) return false;
  if (isPunctuation(chord.key)) return press.key === chord.key;
  return press.shiftKey === chord.shift && press.key.toLowerCase() === chord.key.toLowerCase();
}

/** The rows of `keymap` (KEYMAP, or a test's) that do something in `mode` on this platform, menu and widget keys included, in table order. */
export function bindingsFor<C extends string>(keymap: readonly KeyBinding<C>[], mode: AppMode, isMac: boolean): KeyBinding<C>[] {
  return keymap.filter((binding) => binding[mode] !== null && isOnPlatform(binding, isMac));
}

/**
 * The command the page should run for a key press, or null. Keys the desktop menu owns are left
 * to it, and widget keys to their widgets; a key fires only where its row says the focus may be,
 * so typing "h" in a text field stays typing.
 */
export function matchKey<C extends string>(keymap: readonly KeyBinding<C>[], press: KeyPress, environment: KeyEnvironment): C | null {
  for (const binding of keymap) {
    if (binding[environment.mode] !== 'page' || !isOnPlatform(binding, environment.isMac)) continue;
    if (!binding.when.includes(environment.context)) continue;
    if (pressMatches(parseKeys(binding.keys), press, environment.isMac)) return binding.command;
  }
  return null;
}

const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  '+': 'Plus',
  ' ': 'Space',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
};

/** An Electron accelerator string for a binding's keys ('Mod+Shift+.' gives 'CmdOrCtrl+Shift+.'). */
export function toAccelerator(keys: string): string {
  const chord = parseKeys(keys);
  const key = ACCELERATOR_KEYS[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  return [chord.mod && 'CmdOrCtrl', chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/**
 * The accelerator of the desktop menu item for `command`, or undefined when the menu does not own
 * a key for it on this platform.
 */
export function menuAccelerator<C extends string>(keymap: readonly KeyBinding<C>[], command: C, isMac: boolean): string | undefined {
  const binding = keymap.find((row) => row.command === command && row.desktop === 'menu' && isOnPlatform(row, isMac));
  return binding ? toAccelerator(binding.keys) : undefined;
}

const KEY_NAMES: Readonly<Record<string, string>> = {
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  ' ': 'Space',
};

/**
 * How a binding's keys are written for people: 'mac' as macOS menus do (⇧⌘Z), 'other' as
 * Windows and Linux do (Ctrl+Shift+Z), 'any' for both at once, as the README does (Ctrl/Cmd+Shift+Z).
 */
export function formatKeys(keys: string, style: 'mac' | 'other' | 'any'): string {
  const chord = parseKeys(keys);
  const key = KEY_NAMES[chord.key] ?? (chord.key.length === 1 ? chord.key.toUpperCase() : chord.key);
  if (style === 'mac') return `${chord.alt ? '⌥' : ''}${chord.shift ? '⇧' : ''}${chord.mod ? '⌘' : ''}${key}`;
  const mod = style === 'any' ? 'Ctrl/Cmd' : 'Ctrl';
  return [chord.mod && mod, chord.alt && 'Alt', chord.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Rows shown as one line: the same command and action, its keys side by side. */
export interface KeyGroup<C extends string> {
  command: C;
  action: string;
  bindings: KeyBinding<C>[];
}

/**
 * Groups rows with the same command and action (and, when `sameGroup` says so, more in common),
 * in the order each group first appears.
 */
export function groupBindings<C extends string>(bindings: readonly KeyBinding<C>[], sameGroup: (a: KeyBinding<C>, b: KeyBinding<C>) => boolean = () => true): KeyGroup<C>[] {
  const groups: KeyGroup<C>[] = [];
  for (const binding of bindings) {
    const group = groups.find(
      (candidate) => candidate.command === binding.command && candidate.action === binding.action && sameGroup(candidate.bindings[0] as KeyBinding<C>, binding),
    );
    if (group) group.bindings.push(binding);
    else groups.push({ command: binding.command, action: binding.action, bindings: [binding] });
  }
  return groups;
}
