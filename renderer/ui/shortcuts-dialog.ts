import { byId, h } from './dom';

/** Every keyboard shortcut, as the Help dialog and the README list them. */
export function shortcutList(isMac: boolean): Array<[keys: string, action: string]> {
  const mod = isMac ? '⌘' : 'Ctrl';
  return [
    [`${mod}+O`, 'Open a document'],
    [`${mod}+W`, 'Close the document (desktop)'],
    [`${mod}+\\`, 'Show or hide the Annotations sidebar'],
    ['H', 'Highlight the selection in the last used color'],
    ['N', 'Highlight the selection and write a note'],
    ['Tab, ← / →', 'Reach the Annotate toolbar and move along it'],
    [`${mod}+S`, 'Save the note being written'],
    ['Escape', 'Close the toolbar, note editor or dialog'],
    [`${mod}+Z`, 'Undo deleting a highlight'],
    [']', 'Next FAQ question'],
    ['[', 'Previous FAQ question'],
    ['↑ / ↓, Home / End', 'Move between questions in the FAQ list'],
    [`${mod}+Shift+. / ${mod}+Shift+,`, 'Larger or smaller text (desktop)'],
    [`${mod}+= / ${mod}+- / ${mod}+0`, 'Zoom in, out, reset (desktop)'],
    [`? (desktop: ${mod}+/)`, 'Show this list'],
  ];
}

/** Opens the keyboard shortcuts dialog (Help > Keyboard Shortcuts, or "?"). */
export function showShortcuts(isMac: boolean): void {
  const dialog = byId<HTMLDialogElement>('shortcuts-dialog');
  const list = byId('shortcut-list');
  list.replaceChildren(...shortcutList(isMac).flatMap(([keys, action]) => [h('dt', {}, h('kbd', {}, keys)), h('dd', {}, action)]));
  const close = byId<HTMLButtonElement>('shortcuts-close');
  close.onclick = () => dialog.close();
  if (!dialog.open) dialog.showModal();
  close.focus();
}
