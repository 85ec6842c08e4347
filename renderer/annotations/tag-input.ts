/**
 * Tags as chips: an "Add tag" input (Enter or a comma adds what was typed) and a remove button
 * per chip. Tags follow main/common/tags.ts, as the main side stores them: "#idea" is "idea",
 * compared without case.
 */
import { LIMITS } from '../../main/common/limits';
import { cleanTag, tagKey } from '../../main/common/tags';
import { h } from '../ui/dom';

/** Splits typed text into tags: commas separate, each is cleaned (cleanTag), empties are dropped. */
export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((part) => cleanTag(part).slice(0, LIMITS.maxTagLength))
    .filter(Boolean);
}

/** `tags` plus `added`, without duplicates (tagKey), the first spelling kept. */
export function mergeTags(tags: readonly string[], added: readonly string[]): string[] {
  const seen = new Set(tags.map(tagKey));
  const result = [...tags];
  for (const tag of added) {
    const key = tagKey(tag);
    if (seen.has(key) || result.length >= LIMITS.maxTags) continue;
    seen.add(key);
    result.push(tag);
  }
  return result;
}

/** The chips and the input. `onChange` receives the full new list. */
export class TagInput {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly input: HTMLInputElement;
  private tags: string[] = [];

  constructor(
    idPrefix: string,
    private readonly onChange: (tags: string[]) => void,
  ) {
    this.list = h('ul', { className: 'tag-chips', 'aria-label': 'Tags' });
    this.input = h('input', {
      type: 'text',
      id: `${idPrefix}-tag`,
      className: 'tag-entry',
      placeholder: 'Add tag…',
      'aria-label': 'Add tag',
      autocomplete: 'off',
      maxlength: LIMITS.maxTagLength,
      enterkeyhint: 'done',
    });
    this.element = h('div', { className: 'tag-input' }, this.list, this.input);
    this.input.addEventListener('keydown', (event) => {
      // Enter also confirms an input method's composition (Chinese, Japanese…): leave that alone.
      if (event.isComposing) return;
      if (event.key === 'Enter' || event.key === ',') {
        event.preventDefault();
        this.commit();
      } else if (event.key === 'Backspace' && this.input.value === '' && this.tags.length > 0) {
        // Backspace in an empty field takes the last chip, as in most tag inputs.
        event.preventDefault();
        this.remove(this.tags[this.tags.length - 1]!);
      }
    });
    this.input.addEventListener('input', () => {
      // A pasted "a, b" becomes chips at once.
      if (this.input.value.includes(',')) this.commit();
    });
    this.input.addEventListener('blur', () => this.commit());
  }

  /** Shows a tag list (without calling onChange). */
  set(tags: readonly string[]): void {
    this.tags = [...tags];
    this.input.value = '';
    this.render();
  }

  /** Adds what was typed, if anything. */
  commit(): void {
    const added = parseTags(this.input.value);
    this.input.value = '';
    if (added.length === 0) return;
    const next = mergeTags(this.tags, added);
    if (next.length === this.tags.length) return;
    this.tags = next;
    this.render();
    this.onChange([...this.tags]);
  }

  private remove(tag: string): void {
    this.tags = this.tags.filter((t) => t !== tag);
    this.render();
    this.onChange([...this.tags]);
    this.input.focus();
  }

  private render(): void {
    this.list.replaceChildren(
      ...this.tags.map((tag) => {
        const remove = h('button', { type: 'button', className: 'tag-remove', 'aria-label': `Remove tag ${tag}`, title: `Remove tag ${tag}` }, '×');
        // Keep focus in the field: its blur would commit the typed text and redraw the chips,
        // replacing this button before its click arrives.
        remove.addEventListener('mousedown', (event) => event.preventDefault());
        remove.addEventListener('click', () => this.remove(tag));
        return h('li', { className: 'tag-chip' }, h('span', { className: 'tag-text' }, tag), remove);
      }),
    );
    this.list.hidden = this.tags.length === 0;
  }
}
