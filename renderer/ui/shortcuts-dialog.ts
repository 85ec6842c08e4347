import { bindingsFor, formatKeys, groupBindings, KEYMAP } from '../../main/common/keymap';
import { byId, h } from './dom';
import type { KeyPlatform } from './keys';

/**
 * The shortcuts that work in this window, one line per command as the dialog shows them: the
 * keymap's rows for this mode and platform (the desktop's menu keys only on the desktop).
 */
export function shortcutList(platform: KeyPlatform): Array<[keys: string, action: string]> {
  const style = platform.isMac ? 'mac' : 'other';
  return groupBindings(bindingsFor(KEYMAP, platform.mode, platform.isMac)).map((group) => [
    group.bindings.map((binding) => formatKeys(binding.keys, style)).join(', '),
    group.action,
  ]);
}

/** Opens the keyboard shortcuts dialog (Help > Keyboard Shortcuts, or "?"). */
export function showShortcuts(platform: KeyPlatform): void {
  const dialog = byId<HTMLDialogElement>('shortcuts-dialog');
  const list = byId('shortcut-list');
  list.replaceChildren(...shortcutList(platform).flatMap(([keys, action]) => [h('dt', {}, h('kbd', {}, keys)), h('dd', {}, action)]));
  const close = byId<HTMLButtonElement>('shortcuts-close');
  close.onclick = () => dialog.close();
  if (!dialog.open) dialog.showModal();
  close.focus();
}
