/**
 * A modal question with a few answers ("Remove “Title” and its 14 annotations?" Remove / Cancel):
 * an alert dialog named by its question, its buttons the answers. Escape, or closing it any other
 * way, is the cancel answer; the focus starts on the answer given and goes back where it was.
 */
import { h } from './dom';

/** One answer: its button's label and what choosing it returns. */
export interface Choice<T> {
  label: string;
  value: T;
  /** Drawn as the main action. */
  primary?: boolean;
  /** Drawn as a destructive action. */
  danger?: boolean;
}

/** What to ask. */
export interface ChoiceQuestion<T> {
  /** The question itself: the dialog's name. */
  question: string;
  /** More words under it, if any. */
  detail?: string;
  choices: readonly Choice<T>[];
  /** What Escape (or a closed dialog) answers. */
  cancel: T;
  /** The answer whose button has the focus at first (the safe one, for a destructive question). */
  focus: T;
}

let nextId = 1;

/** Asks `question` in a modal dialog; resolves with the chosen answer's value. */
export function askChoice<T>(question: ChoiceQuestion<T>): Promise<T> {
  const id = nextId++;
  const returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const dialog = h(
    'dialog',
    { className: 'choice-dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': `choice-question-${id}`, 'aria-describedby': question.detail ? `choice-detail-${id}` : null },
    h('h2', { id: `choice-question-${id}`, className: 'choice-question' }, question.question),
    question.detail ? h('p', { id: `choice-detail-${id}`, className: 'choice-detail' }, question.detail) : null,
  );
  const buttons = question.choices.map((choice) =>
    h('button', { type: 'button', className: choice.danger ? 'primary-button danger-button' : choice.primary ? 'primary-button' : 'text-button' }, choice.label),
  );
  dialog.append(h('div', { className: 'dialog-actions' }, ...buttons));
  document.body.append(dialog);
  return new Promise<T>((resolve) => {
    let answer = question.cancel;
    buttons.forEach((button, index) =>
      button.addEventListener('click', () => {
        answer = (question.choices[index] as Choice<T>).value;
        dialog.close();
      }),
    );
    dialog.addEventListener('close', () => {
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
      resolve(answer);
    });
    dialog.showModal();
    buttons[Math.max(0, question.choices.findIndex((choice) => choice.value === question.focus))]?.focus();
  });
}
