import { h } from './dom';

export interface ToastAction {
  label: string;
  run: () => void;
}

/** A message: plain text, or text with links (buttons that act, e.g. "1 orphaned" showing the Orphaned group). */
export type ToastMessage = string | ReadonlyArray<string | ToastAction>;

/**
 * Short messages at the bottom of the window, announced politely to screen readers. A toast
 * with an action (Undo) stays longer, so there is time to reach it by keyboard.
 */
export class Toasts {
  constructor(private readonly region: HTMLElement) {}

  /** Shows a message; returns a function that dismisses it early. */
  show(message: ToastMessage, options: { action?: ToastAction; kind?: 'info' | 'error'; timeoutMs?: number } = {}): () => void {
    const dismiss = () => toast.remove();
    const parts = (typeof message === 'string' ? [message] : message).map((part) => {
      if (typeof part === 'string') return part;
      const link = h('button', { type: 'button', className: 'toast-link' }, part.label);
      link.addEventListener('click', () => {
        dismiss();
        part.run();
      });
      return link;
    });
    const toast = h('div', { className: `toast toast-${options.kind ?? 'info'}` }, h('span', { className: 'toast-message' }, ...parts));
    if (options.action) {
      const { label, run } = options.action;
      const button = h('button', { type: 'button', className: 'toast-action' }, label);
      button.addEventListener('click', () => {
        dismiss();
        run();
      });
      toast.append(button);
    }
    const close = h('button', { type: 'button', className: 'toast-close', 'aria-label': 'Dismiss message' }, '×');
    close.addEventListener('click', dismiss);
    toast.append(close);
    this.region.append(toast);
    const timeout = options.timeoutMs ?? (options.action ? 10_000 : options.kind === 'error' ? 12_000 : 5_000);
    window.setTimeout(dismiss, timeout);
    return dismiss;
  }

  /** Shows an error message (from an ApiError or anything thrown). */
  error(error: unknown): void {
    this.show(error instanceof Error ? error.message : String(error), { kind: 'error' });
  }
}
