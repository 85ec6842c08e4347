/**
 * The renderer's side of the keymap (main/common/keymap.ts): which command a key event stands
 * for in this window, given the platform, the mode and where the focus is.
 */
import { KEYMAP, matchKey, type AppMode, type KeyCommand, type KeyContext } from '../../main/common/keymap';
import { isTypingTarget } from './dom';

/** What the matcher needs to know of the window: the platform (Cmd or Ctrl) and the mode. */
export interface KeyPlatform {
  isMac: boolean;
  mode: AppMode;
}

/**
 * The command the page runs for `event`, or null. `context` defaults to where the event's target
 * is: a text field ('typing') or anywhere else ('reading'); the note editor passes 'note'.
 * Keys pressed in a modal dialog (a question, the shortcuts) are the dialog's own: Escape there
 * must reach the browser, which closes the dialog, not a reading command behind it.
 */
export function keyCommand(event: KeyboardEvent, platform: KeyPlatform, context?: KeyContext): KeyCommand | null {
  if (isInModalDialog(event.target)) return null;
  const where = context ?? (isTypingTarget(event.target) ? 'typing' : 'reading');
  return matchKey(KEYMAP, event, { isMac: platform.isMac, mode: platform.mode, context: where });
}

function isInModalDialog(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('dialog')?.matches(':modal') === true;
}
