/**
 * `gloss list [--json] [--data-dir DIR]`: the library's documents with their annotation counts,
 * read without the data folder's lock (it works while the app runs).
 */
import { dataDirOf, readArgs } from './cli-args';
import { readLibrary } from './cli-library';
import { EXIT_CODES } from './exit-codes';

/** What `gloss help list` says. */
export const LIST_HELP = `Usage: gloss list [--json] [--data-dir DIR]

Lists the documents of the library, by title, with how many annotations each has (and how many
of those are orphaned), and where its file is.

Options:
  --json           one JSON array instead of a table: id, title, path, annotations, orphaned
  --data-dir DIR   the data folder to read (default: $GLOSS_DATA_DIR, else the app's own)`;

/** One row of the list. */
interface Row {
  id: string;
  title: string;
  path: string;
  annotations: number;
  orphaned: number;
}

/** Runs `gloss list`; resolves with the exit code. */
export async function listCommand(argv: readonly string[]): Promise<number> {
  const { values } = readArgs('list', argv, { json: { type: 'boolean' } }, 0);
  if (values.help === true) {
    console.log(LIST_HELP);
    return EXIT_CODES.ok.code;
  }
  const library = await readLibrary(dataDirOf(values));
  const rows: Row[] = [];
  for (const record of library.reader.documents) {
    const annotations = await library.reader.annotationsOf(record.id);
    rows.push({ id: record.id, title: record.title, path: record.path, annotations: annotations.length, orphaned: annotations.filter((a) => a.status === 'orphaned').length });
  }
  rows.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : a.id < b.id ? -1 : 1));
  for (const notice of library.store.notices) console.error(`gloss: ${notice}`);
  if (values.json === true) {
    console.log(JSON.stringify(rows, null, 2));
    return EXIT_CODES.ok.code;
  }
  if (rows.length === 0) {
    console.log(`The library of ${library.store.dataDir} has no documents yet.`);
    return EXIT_CODES.ok.code;
  }
  const width = Math.max(...rows.map((row) => String(row.annotations).length), 'Annotations'.length);
  console.log(`${'Annotations'.padStart(width)}  Document`);
  for (const row of rows) {
    const orphaned = row.orphaned > 0 ? ` (${row.orphaned} orphaned)` : '';
    console.log(`${String(row.annotations).padStart(width)}  ${row.title}${orphaned} — ${row.path}`);
  }
  const total = rows.reduce((sum, row) => sum + row.annotations, 0);
  console.log(`\n${rows.length} document${rows.length === 1 ? '' : 's'}, ${total} annotation${total === 1 ? '' : 's'}`);
  return EXIT_CODES.ok.code;
}
