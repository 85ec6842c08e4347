import { byId, h } from './dom';

/** Every keyboard shortcut, as the Help dialog and the README list them. */
export function shortcutList(isMac: boolean): Array<[keys: string, action: string]> {
  const mod = isMac ? '⌘' : 'Ctrl';
  return [
    [`${mod}+O`, 'Open a document'],
    [`${mod}+\\`, 'Show or hide the Annotations sidebar'],
    ['H', 'Highlight the selection in the last used color'],
    ['N', 'Highlight the selection and write a note'],
    ['Escape', 'Close the toolbar, note editor or dialog'],
    [`${mod}+Z`, 'Undo deleting a highlight'],
    [']', 'Next FAQ question'],
    ['[', 'Previous FAQ question'],
    ['↑ / ↓', 'Move between FAQ questions in the FAQ list'],
    [`${mod}+= / ${mod}+-`, 'Larger or smaller text (desktop: zoom)'],
    ['?', 'Show this list'],
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
