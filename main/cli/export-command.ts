/**
 * `gloss export --format FORMAT [--doc FILE | --all] [--out FILE | --folder DIR] [--data-dir DIR]`:
 * writes an export to standard output or a file, or keeps a notes folder of Markdown files, from
 * the data folder read without its lock (so it works, and reads consistently, while the app runs).
 */
import { writeFileDurably, saveFailure } from '../store/durable-write';
import { EXPORT_FORMATS, isExportFormat, type ExportFormat } from '../common/export-formats';
import { checkNotesFolder } from '../export/export-service';
import { exportFromLibrary } from '../export/library-export';
import { describeLeftBlocks } from '../export/mirror/notes-folder-keeper';
import { NotesFolderMirror } from '../export/mirror/notes-folder-mirror';
import { dataDirOf, pathArgument, readArgs, stringOption } from './cli-args';
import { libraryDocumentAt, readLibrary, type CliLibrary } from './cli-library';
import { EXIT_CODES, UsageError } from './exit-codes';

/** What `gloss help export` says. */
export const EXPORT_HELP = `Usage: gloss export --format FORMAT [--doc FILE | --all] [--out FILE | --folder DIR] [--data-dir DIR]

Writes your annotations in one of these formats (to standard output, unless --out is given):
  md            Markdown for Obsidian and Logseq: front matter, sections, block ids, links into Gloss
  json          Gloss JSON: every field, what \`gloss import\` reads back without loss
  w3c           W3C Web Annotation (JSON-LD): an AnnotationCollection
  html          one standalone, printable page
  csv           a spreadsheet (UTF-8 with a BOM, RFC 4180)
  readwise-csv  Readwise's CSV import columns
  anki          Anki cards (text import): FAQ questions, and highlights with notes

Options:
  --format FORMAT   one of the above (required)
  --doc FILE        only the annotations of this document (it must be in the library)
  --all             the whole library in one file, grouped by document (the default)
  --out FILE        write to FILE (replaced whole, never half-written) instead of standard output
  --folder DIR      with --format md: keep one Markdown file per annotated document in DIR, updating
                    only Gloss's blocks (between <!-- gloss:begin --> and <!-- gloss:end --> markers)
                    and leaving your own text, and blocks you edited, as they are
  --data-dir DIR    the data folder to read (default: $GLOSS_DATA_DIR, else the app's own)

Export reads the data folder without locking it, so it works while Gloss runs.`;

/** Runs `gloss export`; resolves with the exit code. */
export async function exportCommand(argv: readonly string[]): Promise<number> {
  const { values } = readArgs('export', argv, { format: { type: 'string' }, doc: { type: 'string' }, all: { type: 'boolean' }, out: { type: 'string' }, folder: { type: 'string' } }, 0);
  if (values.help === true) {
    console.log(EXPORT_HELP);
    return EXIT_CODES.ok.code;
  }
  const format = stringOption(values, 'format');
  if (format === undefined) throw new UsageError(`gloss export needs --format: one of ${EXPORT_FORMATS.join(', ')}.`, 'export');
  if (!isExportFormat(format)) throw new UsageError(`Unknown format “${format}”: use one of ${EXPORT_FORMATS.join(', ')}.`, 'export');
  const doc = stringOption(values, 'doc');
  const out = stringOption(values, 'out');
  const folder = stringOption(values, 'folder');
  if (doc !== undefined && values.all === true) throw new UsageError('Give --doc FILE or --all, not both.', 'export');
  if (out !== undefined && folder !== undefined) throw new UsageError('Give --out FILE or --folder DIR, not both.', 'export');
  if (folder !== undefined && format !== 'md') throw new UsageError('--folder keeps Markdown files: use it with --format md.', 'export');

  const dataDir = dataDirOf(values);
  const library = await readLibrary(dataDir);
  for (const notice of library.store.notices) console.error(`gloss: ${notice}`);
  const record = doc === undefined ? null : await libraryDocumentAt(library, pathArgument(doc));
  if (folder !== undefined) return keepFolder(library, notesFolderArgument(folder, dataDir), record?.id ?? null);
  return writeExportFile(library, format, record?.id ?? null, out === undefined ? null : pathArgument(out));
}

/** `--folder DIR`, resolved; one inside the data folder is bad usage. */
function notesFolderArgument(folder: string, dataDir: string): string {
  try {
    return checkNotesFolder(pathArgument(folder), dataDir);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), 'export');
  }
}

async function writeExportFile(library: CliLibrary, format: ExportFormat, documentId: string | null, out: string | null): Promise<number> {
  const file = await exportFromLibrary(
    { ...library.reader, colorMeanings: library.settings.colorMeanings },
    { format, scope: documentId === null ? 'library' : 'document', documentId },
  );
  for (const notice of file.notices) console.error(`gloss: ${notice}`);
  if (out === null) {
    process.stdout.write(file.text);
    return EXIT_CODES.ok.code;
  }
  try {
    await writeFileDurably(out, file.text);
  } catch (error) {
    throw saveFailure(error, out, 'so the export was not written');
  }
  console.error(`gloss: ${file.annotations} annotation${file.annotations === 1 ? '' : 's'} written to ${out}`);
  return EXIT_CODES.ok.code;
}

/** `--folder DIR`: the notes folder, once, for every annotated document (or the one named). */
async function keepFolder(library: CliLibrary, folder: string, documentId: string | null): Promise<number> {
  const byId = new Map(library.reader.documents.map((record) => [record.id, record]));
  let failures = 0;
  const mirror = new NotesFolderMirror({
    folder,
    load: async (id) => {
      const record = byId.get(id);
      if (record === undefined) return null;
      return { document: { ...record, annotations: await library.reader.annotationsOf(id) }, colorMeanings: library.settings.colorMeanings };
    },
    onError: (error, id) => {
      failures += 1;
      console.error(`gloss: could not write the notes of “${byId.get(id)?.title ?? id}”: ${error instanceof Error ? error.message : String(error)}`);
    },
  });
  const ids = documentId === null ? (await library.reader.annotatedIds()).filter((id) => byId.has(id)) : [documentId];
  for (const id of ids) mirror.notify(id);
  const writes = await mirror.flush();
  const kept = writes.filter((write) => write.file !== null);
  const left = kept.filter((write) => write.left.length > 0).map((write) => ({ file: write.file!, left: write.left }));
  if (left.length > 0) console.error(`gloss: ${describeLeftBlocks(folder, left)}`);
  const written = kept.filter((write) => write.written).length;
  console.error(`gloss: ${written} file${written === 1 ? '' : 's'} written, ${kept.length - written} already up to date, in ${folder}`);
  return failures > 0 ? EXIT_CODES.failed.code : EXIT_CODES.ok.code;
}
