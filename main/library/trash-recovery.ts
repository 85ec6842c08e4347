/**
 * At start, before the library is used: finishes or rolls back a removal or an Undo that a
 * crash interrupted, and empties the trash of what has been there past `TRASH_KEEP_DAYS`.
 *
 * Removing goes: trash entry with the record → record out of gloss.json → annotation files into
 * the entry. Undo goes: record back into gloss.json → files back → entry deleted. So:
 * - record in gloss.json, files in the entry: an Undo stopped halfway; the files go back.
 * - record in gloss.json, no files in the entry: a removal that never happened, or an Undo that
 *   finished; the entry goes.
 * - record not in gloss.json, files still in annotations/: a removal stopped halfway; the files
 *   go to the entry.
 * Nothing is ever deleted but an entry whose record is back in the library and holds no files,
 * or one past its time.
 */
import { TRASH_FOLDER, TRASH_KEEP_DAYS, type DocumentTrash } from '../store/document-trash';
import type { LibraryStore } from '../store/library-store';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Repairs and purges the trash; returns what the reader must be told. */
export async function recoverTrash(trash: DocumentTrash, library: LibraryStore, now: Date = new Date()): Promise<string[]> {
  const notices: string[] = [];
  const { entries, unreadable } = await trash.list();
  for (const entry of entries) {
    const id = entry.removed.record.id;
    const inLibrary = library.getDocument(id) !== undefined;
    const holds = trash.holdsAnnotations(entry);
    const storeHolds = trash.storeHoldsAnnotations(id);
    if (inLibrary) {
      if (!holds) await trash.drop(entry.trashId);
      else if (!storeHolds) {
        await trash.moveAnnotationsOut(entry);
        await trash.drop(entry.trashId);
      } else {
        notices.push(`“${entry.removed.record.title}” has annotations both in the library and in ${TRASH_FOLDER}/${entry.trashId}; Gloss kept both.`);
      }
      continue;
    }
    if (storeHolds && !holds) await trash.moveAnnotationsIn(entry);
    if (now.getTime() - Date.parse(entry.removedAt) > TRASH_KEEP_DAYS * DAY_MS) await trash.drop(entry.trashId);
  }
  if (unreadable.length > 0) {
    notices.push(`${unreadable.length} removed document${unreadable.length === 1 ? '' : 's'} in the data folder's ${TRASH_FOLDER} folder could not be read and ${unreadable.length === 1 ? 'was' : 'were'} left as ${unreadable.length === 1 ? 'it is' : 'they are'}.`);
  }
  return notices;
}
