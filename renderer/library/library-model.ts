/**
 * What the library view shows, without the DOM: the documents sorted and filtered, and the words
 * each entry is described in. Pure, so it is tested in Node.
 */
import type { LibraryEntry } from '../../main/api';

/** How the library is sorted. */
export type LibrarySort = 'last-opened' | 'title' | 'annotations';

/** The sorts, as the Sort menu offers them. */
export const LIBRARY_SORTS: readonly { value: LibrarySort; label: string }[] = [
  { value: 'last-opened', label: 'Last opened' },
  { value: 'title', label: 'Title' },
  { value: 'annotations', label: 'Annotations' },
];

let titleCollator: Intl.Collator | undefined;

/**
 * The collator titles sort by, made on first use. Not at load: this module comes with the first
 * frame (identity-prompt.ts needs its wording), and the first collator a page makes loads ICU's
 * collation data, ~9 ms of the main thread in Chromium before the article could be shown.
 */
function collator(): Intl.Collator {
  return (titleCollator ??= new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));
}

/** Lower case, accents gone: what the filter compares, so "cafe" finds "Café". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase();
}

/**
 * The entries to show: those whose title, file name or folder contain every word of `filter`
 * (case and accents ignored), sorted. Ties keep the most recently opened first.
 */
export function arrangeLibrary(entries: readonly LibraryEntry[], sort: LibrarySort, filter: string): LibraryEntry[] {
  const words = fold(filter).split(/\s+/).filter(Boolean);
  const shown = words.length === 0 ? [...entries] : entries.filter((entry) => {
    const haystack = fold(`${entry.title} ${entry.fileName} ${entry.path}`);
    return words.every((word) => haystack.includes(word));
  });
  const byRecency = (a: LibraryEntry, b: LibraryEntry) => b.lastOpenedAt.localeCompare(a.lastOpenedAt);
  const compare: Record<LibrarySort, (a: LibraryEntry, b: LibraryEntry) => number> = {
    'last-opened': byRecency,
    title: (a, b) => collator().compare(a.title || a.fileName, b.title || b.fileName) || byRecency(a, b),
    // Documents not counted yet go last.
    annotations: (a, b) => (b.annotationCount ?? -1) - (a.annotationCount ?? -1) || byRecency(a, b),
  };
  return shown.sort(compare[sort]);
}

/** The folder a document is in, as shown under its title; the sample says what it is. */
export function locationOf(entry: LibraryEntry): string {
  if (entry.isSample) return 'Sample article (comes with Gloss)';
  const cut = Math.max(entry.path.lastIndexOf('/'), entry.path.lastIndexOf('\\'));
  return cut <= 0 ? entry.path : entry.path.slice(0, cut);
}

/** "40% read", "Not started", "Finished". */
export function progressText(progress: number | null): string {
  if (progress === null || progress <= 0) return 'Not started';
  if (progress >= 0.99) return 'Finished';
  return `${Math.max(1, Math.round(progress * 100))}% read`;
}

/** "14 annotations", "1 annotation", "No annotations", or "Annotations not counted yet". */
export function countText(count: number | null): string {
  if (count === null) return 'Annotations not counted yet';
  if (count === 0) return 'No annotations';
  return `${count} annotation${count === 1 ? '' : 's'}`;
}

/** The question asked before a document and its annotations leave the library. */
export function removalQuestion(title: string, count: number): string {
  return count === 0 ? `Remove “${title}” from the library?` : `Remove “${title}” and its ${countText(count)}?`;
}

/** The question asked when a file new to the library looks like an annotated document (moved and edited). */
export function similarQuestion(title: string, annotationCount: number): string {
  if (annotationCount === 0) return `This looks like “${title}”, which you read before. Treat it as the same document?`;
  return `This looks like “${title}” that you annotated, ${annotationCount} note${annotationCount === 1 ? '' : 's'}. Attach them?`;
}
