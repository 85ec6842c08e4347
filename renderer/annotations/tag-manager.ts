/**
 * "Manage tags": every tag of the library with how much it is used, each renamed in place. A
 * name another tag already has merges the two, and the button says so ("Merge idea into ideas")
 * before it is pressed. The rename reaches every document (GlossApi.renameTag).
 */
import type { GlossApi, TagUse } from '../../main/api';
import { LIMITS } from '../../main/common/limits';
import { cleanTag, tagKey } from '../../main/common/tags';
import { h } from '../ui/dom';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The dialog; one per window. */
export class TagManager {
  readonly element: HTMLDialogElement;
  private readonly list: HTMLUListElement;
  private readonly status: HTMLElement;
  private uses: TagUse[] = [];

  constructor(
    private readonly api: GlossApi,
    /** Tags were renamed: the open document's annotations need their new tags. */
    private readonly onRenamed: () => Promise<void>,
  ) {
    const title = h('h2', { id: 'tag-manager-title' }, 'Manage tags');
    this.list = h('ul', { className: 'tag-manager-list', 'aria-labelledby': title.id });
    this.status = h('p', { className: 'tag-manager-status', role: 'status' });
    const close = h('button', { type: 'button', className: 'primary-button' }, 'Close');
    close.addEventListener('click', () => this.element.close());
    this.element = h(
      'dialog',
      { className: 'tag-manager', 'aria-labelledby': title.id },
      title,
      h('p', { className: 'tag-manager-help' }, 'A new name renames the tag in every document. A name another tag has merges the two. This cannot be undone with Ctrl+Z: rename it back instead.'),
      this.status,
      this.list,
      h('div', { className: 'dialog-actions' }, close),
    );
    document.body.append(this.element);
  }

  /** Opens the dialog with the library's tags. */
  async open(): Promise<void> {
    this.status.textContent = '';
    delete this.status.dataset.state;
    if (!this.element.open) {
      // Not the rows of the last time it was open: a name typed there would be wiped by the fresh ones.
      this.list.replaceChildren(h('li', { className: 'panel-empty' }, 'Loading tags…'));
      this.element.showModal();
    }
    await this.load();
    this.list.querySelector<HTMLInputElement>('input')?.focus();
  }

  private async load(): Promise<void> {
    try {
      this.uses = await this.api.listTags({});
    } catch (error) {
      this.fail(error);
      return;
    }
    if (this.uses.length === 0) {
      this.list.replaceChildren(h('li', { className: 'panel-empty' }, 'No tags yet. Add them in a note, under “Add tag”.'));
      return;
    }
    // Names being typed in other rows survive the rows being drawn again (after a rename).
    const typed = new Map<string, string>();
    for (const input of this.list.querySelectorAll<HTMLInputElement>('input')) if (input.value !== '' && input.dataset.tag) typed.set(input.dataset.tag, input.value);
    this.list.replaceChildren(...this.uses.map((use) => this.row(use, typed.get(use.tag) ?? '')));
  }

  private row(use: TagUse, typed: string): HTMLLIElement {
    const input = h('input', { type: 'text', className: 'tag-manager-input', 'aria-label': `New name for ${use.tag}`, placeholder: 'New name', maxlength: LIMITS.maxTagLength, autocomplete: 'off' });
    input.dataset.tag = use.tag;
    input.value = typed;
    const button = h('button', { type: 'button', className: 'text-button', disabled: true }, 'Rename');
    const sync = () => {
      const plan = this.plan(use, input.value);
      button.disabled = plan === null;
      button.textContent = plan?.merge ? 'Merge' : 'Rename';
      button.setAttribute('aria-label', plan ? (plan.merge ? `Merge ${use.tag} into ${plan.to}` : `Rename ${use.tag} to ${plan.to}`) : `Rename ${use.tag}`);
    };
    const run = () => {
      const plan = this.plan(use, input.value);
      if (plan) void this.rename(use, plan.to, plan.merge);
    };
    input.addEventListener('input', sync);
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.isComposing) {
        event.preventDefault();
        run();
      }
    });
    button.addEventListener('click', run);
    sync();
    return h(
      'li',
      { className: 'tag-manager-row' },
      h('span', { className: 'tag-manager-name' }, h('span', { className: 'item-tag' }, use.tag), h('span', { className: 'tag-manager-use' }, `${count(use.annotations, 'annotation', 'annotations')} in ${count(use.documents, 'document', 'documents')}`)),
      h('span', { className: 'tag-manager-edit' }, input, button),
    );
  }

  /** What a new name would do: rename, merge into another tag, or nothing (null). */
  private plan(use: TagUse, typed: string): { to: string; merge: boolean } | null {
    const to = cleanTag(typed);
    if (!to || to === use.tag) return null;
    const other = this.uses.find((candidate) => candidate !== use && tagKey(candidate.tag) === tagKey(to));
    return { to: other?.tag ?? to, merge: other !== undefined };
  }

  private async rename(use: TagUse, to: string, merge: boolean): Promise<void> {
    try {
      const result = await this.api.renameTag({ from: use.tag, to });
      const where = `${count(result.annotations, 'annotation', 'annotations')} in ${count(result.documents, 'document', 'documents')}`;
      delete this.status.dataset.state;
      this.status.textContent = merge ? `Merged “${use.tag}” into “${to}”: ${where}.` : `Renamed “${use.tag}” to “${to}”: ${where}.`;
      await this.onRenamed();
    } catch (error) {
      this.fail(error);
    }
    await this.load();
    // The rows were drawn again: the keyboard goes to the tag's row under its name now, not to the body.
    const rows = [...this.list.querySelectorAll<HTMLInputElement>('input')];
    (rows.find((input) => input.getAttribute('aria-label') === `New name for ${to}`) ?? rows[0])?.focus();
  }

  /** Said in the dialog, which sits above the window's toasts. */
  private fail(error: unknown): void {
    this.status.textContent = error instanceof Error ? error.message : String(error);
    this.status.dataset.state = 'error';
  }
}
