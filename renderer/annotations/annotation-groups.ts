/**
 * What the sidebar lists: annotations filtered by color, tag and text, in reading order, grouped
 * by the section they are in; document notes first, then the sections, then highlights whose
 * passage needs review, orphans last. Pure functions over entries.
 */
import type { HeadingOffset } from '../../main/common/anchoring/heading-outline';
import type { AnnotationEntry } from './annotation-state';
import { colorMeaning, colorName, type ColorMeanings, type HighlightColor } from './colors';

/** The sidebar's filters. An empty color set or a null tag means "any". */
export interface AnnotationFilters {
  text: string;
  colors: ReadonlySet<HighlightColor>;
  tag: string | null;
}

/** A group of the list, with its heading. */
export interface AnnotationGroup {
  key: string;
  title: string;
  kind: 'notes' | 'section' | 'review' | 'orphaned';
  entries: AnnotationEntry[];
}

export const DOCUMENT_NOTES_TITLE = 'Document notes';
export const REVIEW_TITLE = 'Needs review';
export const ORPHANED_TITLE = 'Orphaned';
const BEFORE_FIRST_HEADING = 'Beginning';

/** Whether any filter is set. */
export function filtersActive(filters: AnnotationFilters): boolean {
  return filters.text.trim() !== '' || filters.colors.size > 0 || filters.tag !== null;
}

/** Whether an entry passes the filters. Text matches quote, note, tags and color meaning. */
export function matchesFilters(entry: AnnotationEntry, filters: AnnotationFilters, meanings: ColorMeanings): boolean {
  const { annotation } = entry;
  if (filters.colors.size > 0 && (!annotation.color || !filters.colors.has(annotation.color))) return false;
  if (filters.tag !== null && !annotation.tags.some((tag) => tag.toLocaleLowerCase() === filters.tag!.toLocaleLowerCase())) return false;
  const words = filters.text.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    annotation.target?.quote.exact ?? '',
    annotation.note,
    annotation.tags.join(' '),
    annotation.color ? `${colorName(annotation.color)} ${colorMeaning(meanings, annotation.color)}` : '',
  ]
    .join('\n')
    .toLocaleLowerCase();
  return words.every((word) => haystack.includes(word));
}

/** Index of the last heading starting at or before `offset`, or -1. */
function headingIndexAt(headings: readonly HeadingOffset[], offset: number): number {
  let low = 0;
  let high = headings.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (headings[mid]!.start <= offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

function byReadingOrder(a: AnnotationEntry, b: AnnotationEntry): number {
  const sa = a.span ?? a.annotation.target?.position;
  const sb = b.span ?? b.annotation.target?.position;
  return (sa?.start ?? 0) - (sb?.start ?? 0) || (sa?.end ?? 0) - (sb?.end ?? 0) || a.annotation.createdAt.localeCompare(b.annotation.createdAt);
}

/** Whether an entry is a highlight painted where its passage probably is, awaiting the reader. */
export function needsReview(entry: AnnotationEntry): boolean {
  return entry.annotation.kind === 'highlight' && entry.annotation.status === 'needs-review' && entry.span !== null;
}

/**
 * The groups to show, in order: "Document notes", then one group per section holding
 * highlights (the innermost heading above them), then "Needs review", then "Orphaned".
 * Provisional entries (create still in flight) are left out: the list shows only what is durable.
 */
export function groupAnnotations(
  entries: readonly AnnotationEntry[],
  headings: readonly HeadingOffset[],
  filters: AnnotationFilters,
  meanings: ColorMeanings,
): AnnotationGroup[] {
  const notes: AnnotationEntry[] = [];
  const orphans: AnnotationEntry[] = [];
  const review: AnnotationEntry[] = [];
  const sections = new Map<number, AnnotationEntry[]>();
  for (const entry of entries) {
    if (!entry.durable || !matchesFilters(entry, filters, meanings)) continue;
    if (entry.annotation.kind === 'note') notes.push(entry);
    else if (!entry.span) orphans.push(entry);
    else if (needsReview(entry)) review.push(entry);
    else {
      const at = headingIndexAt(headings, entry.span.start);
      const list = sections.get(at);
      if (list) list.push(entry);
      else sections.set(at, [entry]);
    }
  }
  const groups: AnnotationGroup[] = [];
  if (notes.length > 0) {
    notes.sort((a, b) => a.annotation.createdAt.localeCompare(b.annotation.createdAt));
    groups.push({ key: 'notes', title: DOCUMENT_NOTES_TITLE, kind: 'notes', entries: notes });
  }
  for (const at of [...sections.keys()].sort((a, b) => a - b)) {
    groups.push({
      key: `section-${at}`,
      title: at < 0 ? BEFORE_FIRST_HEADING : headings[at]!.title,
      kind: 'section',
      entries: sections.get(at)!.sort(byReadingOrder),
    });
  }
  if (review.length > 0) groups.push({ key: 'review', title: REVIEW_TITLE, kind: 'review', entries: review.sort(byReadingOrder) });
  if (orphans.length > 0) groups.push({ key: 'orphaned', title: ORPHANED_TITLE, kind: 'orphaned', entries: orphans.sort(byReadingOrder) });
  return groups;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "4 highlights · 1 note · 1 needs review", counting durable entries: a note is any annotation with note text. */
export function countsLabel(entries: readonly AnnotationEntry[]): string {
  return countsParts(entries).join(' · ');
}

/** The counts of countsLabel one by one ("4 highlights", "1 note", …), so each can be kept on one line. */
export function countsParts(entries: readonly AnnotationEntry[]): string[] {
  let highlights = 0;
  let notes = 0;
  let review = 0;
  let orphaned = 0;
  for (const entry of entries) {
    const { annotation, durable } = entry;
    if (!durable) continue;
    if (annotation.kind === 'highlight') highlights += 1;
    if (annotation.kind === 'note' || annotation.note.trim() !== '') notes += 1;
    if (needsReview(entry)) review += 1;
    if (annotation.kind === 'highlight' && annotation.status === 'orphaned') orphaned += 1;
  }
  const parts = [plural(highlights, 'highlight', 'highlights'), plural(notes, 'note', 'notes')];
  if (review > 0) parts.push(`${review} ${review === 1 ? 'needs' : 'need'} review`);
  if (orphaned > 0) parts.push(`${orphaned} orphaned`);
  return parts;
}

/** Every tag in use, sorted, each spelled as first seen. */
export function allTags(entries: readonly AnnotationEntry[]): string[] {
  const tags = new Map<string, string>();
  for (const { annotation } of entries) {
    for (const tag of annotation.tags) if (!tags.has(tag.toLocaleLowerCase())) tags.set(tag.toLocaleLowerCase(), tag);
  }
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}
