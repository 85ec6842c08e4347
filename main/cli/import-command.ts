/**
 * `gloss import FILE [--doc FILE] [--dry-run] [--data-dir DIR]`: imports Gloss JSON, W3C Web
 * Annotation or Hypothesis JSON into the library.
 *
 * Import never writes behind a running app's back: when a live Gloss holds the data folder, it
 * refuses and names it (exit 3) rather than handing the file over. A hand-over would need a way
 * into the running app from another process: the desktop app listens for none (opening one is a
 * door for everything else on the machine too), and the browser mode's API takes only its
 * per-launch token, which only the page it printed has. The running app imports the same files
 * itself (File › Import annotations…). A dry run writes nothing, so it reads the folder without
 * its lock and works while the app runs.
 */
import { createGlossService } from '../service';
import { assetsDir } from '../app-paths';
import { readImportFile } from '../export/import/read-import';
import { planLibraryImport } from '../export/import/library-import';
import { GlossError } from '../errors';
import { findLockHolder } from '../store/data-dir-lock';
import type { ImportResult } from '../api';
import type { ParsedImport } from '../export/import/import-model';
import { dataDirOf, pathArgument, readArgs, stringOption } from './cli-args';
import { glossRoot, readLibrary } from './cli-library';
import { EXIT_CODES, UsageError } from './exit-codes';

/** What `gloss help import` says. */
export const IMPORT_HELP = `Usage: gloss import FILE [--doc FILE] [--dry-run] [--data-dir DIR]

Imports the annotations in FILE: Gloss JSON (\`gloss export --format json\`), W3C Web Annotation
(a collection, a page, a list or one annotation) or Hypothesis JSON (its export, or its API's
annotations), up to 50 MB. Each annotation goes to its document (the one it was made on, found by
its content hash or path; with --doc, the document given), is anchored in the document's text as
Gloss anchors it, and is skipped when it is already there (the same id, or the same quote, note
and tags). It prints "N imported, M duplicates skipped, K orphaned".

Options:
  --doc FILE       import every annotation into this document (added to the library if need be)
  --dry-run        say what would be imported, and change nothing
  --data-dir DIR   the data folder to import into (default: $GLOSS_DATA_DIR, else the app's own)

While Gloss runs on the data folder, import refuses (exit 3): use File › Import annotations… in
the app, or quit it first. A dry run works either way. A file that cannot be imported changes
nothing.`;

/** Runs `gloss import`; resolves with the exit code. */
export async function importCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = readArgs('import', argv, { doc: { type: 'string' }, 'dry-run': { type: 'boolean' } }, 1);
  if (values.help === true) {
    console.log(IMPORT_HELP);
    return EXIT_CODES.ok.code;
  }
  const [file] = positionals;
  if (file === undefined) throw new UsageError('gloss import needs the FILE to import.', 'import');
  const path = pathArgument(file);
  const doc = stringOption(values, 'doc');
  const documentPath = doc === undefined ? null : pathArgument(doc);
  const dataDir = dataDirOf(values);
  // Read and checked first: a file that cannot be imported is refused before the data folder is touched.
  const parsed = await readImportFile(path);
  const result = values['dry-run'] === true ? await dryRun(dataDir, parsed, documentPath) : await importInto(dataDir, parsed, documentPath);
  console.log(result.dryRun ? `Dry run, nothing was changed: ${result.summary}` : result.summary);
  for (const message of result.messages) console.error(`gloss: ${message}`);
  return EXIT_CODES.ok.code;
}

async function dryRun(dataDir: string, parsed: ParsedImport, documentPath: string | null): Promise<ImportResult> {
  const library = await readLibrary(dataDir);
  for (const notice of library.store.notices) console.error(`gloss: ${notice}`);
  const { plan, messages } = await planLibraryImport(
    parsed,
    { ...library.reader, defaultColor: library.settings.lastColor, identity: library.identity, mayReadPaths: true },
    documentPath === null ? null : { path: documentPath },
    new Date().toISOString(),
  );
  return { summary: plan.summary, imported: plan.imported, duplicates: plan.duplicates, orphaned: plan.orphaned, messages, dryRun: true, documentIds: plan.additions.map((a) => a.documentId) };
}

async function importInto(dataDir: string, parsed: ParsedImport, documentPath: string | null): Promise<ImportResult> {
  const holder = await findLockHolder(dataDir);
  if (holder !== null) throw inUse(dataDir, holder.description);
  let service;
  try {
    service = await createGlossService({ dataDir, assetsDir: assetsDir(glossRoot()), documentAccess: 'any-path' });
  } catch (error) {
    // A Gloss that started since findLockHolder looked.
    if (error instanceof GlossError && error.code === 'locked') throw inUse(dataDir, null);
    throw error;
  }
  try {
    return await service.importParsed(parsed, { documentPath, dryRun: false });
  } finally {
    await service.close();
    for (const notice of await service.takeNotices({})) console.error(`gloss: ${notice}`);
  }
}

function inUse(dataDir: string, holder: string | null): GlossError {
  return new GlossError(
    'locked',
    `Nothing was imported: the data folder ${dataDir} is in use by ${holder ?? 'a running Gloss'}. ` +
      'Import from the running app (File › Import annotations…), or quit it and run this again. `--dry-run` works while it runs.',
  );
}
