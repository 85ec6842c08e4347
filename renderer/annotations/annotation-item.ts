/**
 * One entry of the Annotations sidebar: the color and its meaning (in words, not only a
 * swatch), the quote, the note rendered from Markdown, tags, when it was made (and edited), and
 * its actions: Re-attach (to the passage selected in the article) and Delete for every
 * highlight, with a line saying how for orphans; highlights needing review show what the
 * passage now reads and offer Accept and Re-pick. Every action's accessible name says which
 * annotation it acts on ("Delete highlight “a tea set”").
 */
import { h } from '../ui/dom';
import { needsReview } from './annotation-groups';
import type { AnnotationEntry } from './annotation-state';
import { colorMeaning, colorName, type ColorMeanings } from './colors';
import type { NoteMarkdown } from './note-markdown';
import { fullDate, relativeTime, wasEdited } from './relative-time';

/** What the item's controls do. */
export interface ItemActions {
  open(id: string, from: HTMLElement): void;
  remove(id: string): void;
  /** Points the annotation at the passage selected in the article (Re-attach, Re-pick). */
  reattach(id: string): void;
  /** Keeps the span found for a highlight needing review as its passage. */
  accept(id: string): void;
  onError(error: unknown): void;
}

/** Longest quote shown in the list; the rest is behind "…". */
const QUOTE_EXCERPT_LENGTH = 280;

/** Longest quote an action's accessible name repeats: enough to tell the entries apart. */
const NAME_EXCERPT_LENGTH = 60;

function excerpt(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > QUOTE_EXCERPT_LENGTH ? `${collapsed.slice(0, QUOTE_EXCERPT_LENGTH).trimEnd()}…` : collapsed;
}

/** "highlight “a tea set”" or "document note “Shopping list”": what an action's name says it acts on. */
export function annotationName(annotation: AnnotationEntry['annotation']): string {
  const words = (annotation.kind === 'note' ? annotation.note : (annotation.target?.quote.exact ?? '')).replace(/\s+/g, ' ').trim();
  // Cut between words: a name read aloud should not end inside one.
  const cut = words.length > NAME_EXCERPT_LENGTH ? `${words.slice(0, words.lastIndexOf(' ', NAME_EXCERPT_LENGTH) + 1 || NAME_EXCERPT_LENGTH).trimEnd()}…` : words;
  return `${annotation.kind === 'note' ? 'document note' : 'highlight'} “${cut}”`;
}

/** When an annotation was made, and when it was last edited if that was later. */
function timesOf(annotation: AnnotationEntry['annotation'], now: Date): HTMLElement {
  const { createdAt, updatedAt } = annotation;
  const created = h('time', { datetime: createdAt, title: `Created ${fullDate(createdAt)}` }, relativeTime(createdAt, now));
  if (!wasEdited(createdAt, updatedAt)) return h('span', { className: 'item-times' }, created);
  const edited = h('time', { datetime: updatedAt, title: `Edited ${fullDate(updatedAt)}` }, relativeTime(updatedAt, now));
  return h('span', { className: 'item-times' }, created, h('span', { className: 'item-edited' }, ' · edited ', edited));
}

/** Renders one list item. */
export function renderAnnotationItem(
  entry: AnnotationEntry,
  context: { meanings: ColorMeanings; markdown: NoteMarkdown; now: Date; active: boolean },
  actions: ItemActions,
): HTMLLIElement {
  const { annotation } = entry;
  const isNote = annotation.kind === 'note';
  const orphan = !isNote && !entry.span;
  const review = needsReview(entry);
  const color = annotation.color;
  const meaning = color ? colorMeaning(context.meanings, color) : '';

  const name = annotationName(annotation);
  const label = isNote
    ? h('span', { className: 'item-kind' }, 'Document note')
    : h(
        'span',
        { className: 'item-color' },
        h('span', { className: `swatch color-${color ?? 'yellow'}`, 'aria-hidden': 'true' }),
        h('span', { className: 'item-color-name' }, color ? colorName(color) : ''),
        meaning ? h('span', { className: 'item-meaning' }, meaning) : null,
      );
  const meta = h('div', { className: 'item-meta' }, label, timesOf(annotation, context.now));

  // A highlight opens from its quote; a document note, whose text is the entry, from an Edit button.
  const open = isNote
    ? h('button', { type: 'button', className: 'item-open item-action item-edit', 'aria-label': `Edit ${name}` }, 'Edit')
    : h('button', { type: 'button', className: 'item-open item-quote', title: 'Go to the highlight and edit its note' }, excerpt(annotation.target?.quote.exact ?? ''));
  open.addEventListener('click', () => actions.open(annotation.id, open));

  const note = annotation.note.trim() ? context.markdown.render(annotation.note, 'item-note note-body') : null;

  const tags =
    annotation.tags.length > 0
      ? // Not a nested list: the sidebar keeps exactly one list item per annotation.
        h('p', { className: 'item-tags' }, h('span', { className: 'visually-hidden' }, 'Tags: '), ...annotation.tags.map((tag) => h('span', { className: 'item-tag' }, tag)))
      : null;

  const remove = h('button', { type: 'button', className: 'item-action item-delete', 'aria-label': `Delete ${name}` }, 'Delete');
  remove.addEventListener('click', () => actions.remove(annotation.id));
  const buttons: HTMLElement[] = isNote ? [open] : [];
  const selectionButton = (label: string, className: string, accessibleName: string) => {
    const button = h('button', { type: 'button', className: `item-action ${className}`, 'aria-label': accessibleName, title: `${label}: select the passage in the article first` }, label);
    // Pressing the button must not clear the selection it is about to use.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => actions.reattach(annotation.id));
    return button;
  };
  const help: HTMLElement[] = [];
  if (orphan) {
    buttons.push(selectionButton('Re-attach', 'item-reattach', `Re-attach ${name}`));
    help.push(h('p', { className: 'item-help' }, 'This passage was not found in the current version of the document. Select the passage in the article, then press Re-attach.'));
  } else if (review) {
    const accept = h('button', { type: 'button', className: 'item-action item-accept', 'aria-label': `Accept ${name} as it now reads`, title: 'Keep the highlight on the passage as it now reads' }, 'Accept');
    accept.addEventListener('click', () => actions.accept(annotation.id));
    buttons.push(accept, selectionButton('Re-pick', 'item-repick', `Re-pick ${name}`));
    help.push(
      h('p', { className: 'item-now-reads' }, h('span', { className: 'item-help' }, 'Now reads: '), excerpt(entry.span!.range.toString())),
      h('p', { className: 'item-help' }, 'The document changed and this passage may have moved. Accept it as it now reads, or select the right passage in the article and press Re-pick.'),
    );
  } else if (!isNote) {
    // Any highlight can be put on another passage, not only a lost one.
    buttons.push(selectionButton('Re-attach', 'item-reattach item-reattach-quiet', `Re-attach ${name}`));
  }
  buttons.push(remove);

  const item = h(
    'li',
    { className: `annotation-item${color ? ` color-${color}` : ' is-note'}${orphan ? ' is-orphan' : ''}${review ? ' is-review' : ''}${context.active ? ' is-active' : ''}`, 'data-annotation-id': annotation.id },
    meta,
    isNote ? null : open,
    note ?? (isNote ? h('p', { className: 'item-empty-note' }, 'Empty note') : null),
    ...help,
    h('div', { className: 'item-foot' }, tags ?? h('span'), h('div', { className: 'item-actions' }, ...buttons)),
  );
  // The whole card opens the annotation, except its own links and buttons.
  item.addEventListener('click', (event) => {
    const target = event.target as Element;
    if (target.closest('a')) context.markdown.handleLinkClick(event, actions.onError);
    else if (!target.closest('button')) actions.open(annotation.id, open);
  });
  return item;
}
