/**
 * One entry of the Annotations sidebar: the color and its meaning (in words, not only a
 * swatch), the quote, the note rendered from Markdown, tags, when, and Delete; orphans add
 * Re-attach with a line saying how; highlights needing review show what the passage now reads
 * and add Accept and Re-pick.
 */
import { h } from '../ui/dom';
import { needsReview } from './annotation-groups';
import type { AnnotationEntry } from './annotation-state';
import { colorMeaning, colorName, type ColorMeanings } from './colors';
import type { NoteMarkdown } from './note-markdown';
import { fullDate, relativeTime } from './relative-time';

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

function excerpt(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > QUOTE_EXCERPT_LENGTH ? `${collapsed.slice(0, QUOTE_EXCERPT_LENGTH).trimEnd()}…` : collapsed;
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

  const time = h('time', { datetime: annotation.updatedAt, title: `Edited ${fullDate(annotation.updatedAt)}` }, relativeTime(annotation.updatedAt, context.now));
  const label = isNote
    ? h('span', { className: 'item-kind' }, 'Document note')
    : h(
        'span',
        { className: 'item-color' },
        h('span', { className: `swatch color-${color ?? 'yellow'}`, 'aria-hidden': 'true' }),
        h('span', { className: 'item-color-name' }, color ? colorName(color) : ''),
        meaning ? h('span', { className: 'item-meaning' }, meaning) : null,
      );
  const meta = h('div', { className: 'item-meta' }, label, time);

  // A highlight opens from its quote; a document note, whose text is the entry, from an Edit button.
  const open = isNote
    ? h('button', { type: 'button', className: 'item-open item-action item-edit', title: 'Edit this note' }, 'Edit')
    : h('button', { type: 'button', className: 'item-open item-quote', title: 'Go to the highlight and edit its note' }, excerpt(annotation.target?.quote.exact ?? ''));
  open.addEventListener('click', () => actions.open(annotation.id, open));

  const note = annotation.note.trim() ? context.markdown.render(annotation.note, 'item-note note-body') : null;

  const tags =
    annotation.tags.length > 0
      ? // Not a nested list: the sidebar keeps exactly one list item per annotation.
        h('p', { className: 'item-tags' }, h('span', { className: 'visually-hidden' }, 'Tags: '), ...annotation.tags.map((tag) => h('span', { className: 'item-tag' }, tag)))
      : null;

  const remove = h('button', { type: 'button', className: 'item-action item-delete', title: isNote ? 'Delete this note' : 'Delete this highlight' }, 'Delete');
  remove.addEventListener('click', () => actions.remove(annotation.id));
  const buttons: HTMLElement[] = isNote ? [open] : [];
  const selectionButton = (label: string, className: string) => {
    const button = h('button', { type: 'button', className: `item-action ${className}` }, label);
    // Pressing the button must not clear the selection it is about to use.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', () => actions.reattach(annotation.id));
    return button;
  };
  const help: HTMLElement[] = [];
  if (orphan) {
    buttons.push(selectionButton('Re-attach', 'item-reattach'));
    help.push(h('p', { className: 'item-help' }, 'This passage was not found in the current version of the document. Select the passage in the article, then press Re-attach.'));
  } else if (review) {
    const accept = h('button', { type: 'button', className: 'item-action item-accept', title: 'Keep the highlight on the passage as it now reads' }, 'Accept');
    accept.addEventListener('click', () => actions.accept(annotation.id));
    buttons.push(accept, selectionButton('Re-pick', 'item-repick'));
    help.push(
      h('p', { className: 'item-now-reads' }, h('span', { className: 'item-help' }, 'Now reads: '), excerpt(entry.span!.range.toString())),
      h('p', { className: 'item-help' }, 'The document changed and this passage may have moved. Accept it as it now reads, or select the right passage in the article and press Re-pick.'),
    );
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
