/**
 * Export and import: notes leave Gloss in the formats people use, stay in step with a notes
 * folder, and come back in without loss. This file is the front door phase 2 wires into the
 * service, the app, the `gloss` CLI and the links protocol; everything below it is pure or
 * touches only the files it is given.
 *
 * ## Modules
 *
 * - `export-set.ts`: the identity rules. `prepareExport` sorts and groups (documents by title;
 *   highlights in reading order, then document notes, then orphans) and works out the one date a
 *   format may carry (`updatedAt`, the newest change). No writer reads the clock.
 * - Writers, each `ExportSet -> string`: `markdown/` (Obsidian), `json/` (Gloss JSON and its zod
 *   schema), `w3c/` (Web Annotation; code-point positions via `DocumentRendering.text`),
 *   `html/` and `anki/` (notes rendered by `HeadlessRenderer.renderNote`), `csv/` (Gloss and
 *   Readwise). `writeExport` / `exportAnnotations` below pick one by format name.
 * - `mirror/`: the notes folder. `mirror-merge.ts` is the pure merge (markers in
 *   `mirror-markers.ts`), `notes-folder-mirror.ts` the batched, atomic writer.
 * - `import/`: `readImportFile` (size first, safe JSON, format detection) gives a `ParsedImport`;
 *   `planImport` matches documents, skips duplicates and anchors, giving `ImportPlan`.
 * - Elsewhere: `main/common/annotation-link.ts` (the `gloss://annotation/<doc>/<id>` link and the
 *   browser mode's `#annotation=<doc>/<id>` fragment, with their parsers),
 *   `main/documents/headless-render.ts` (the reading view's text, outline and FAQ without a page).
 *
 * ## How phase 2 wires it
 *
 * - Export (API method, File › Export…, `gloss export`): gather the documents (library records)
 *   and their annotations from the store; for W3C and Anki also render each document headlessly
 *   (`loadForReading(path)` then `renderArticle(markdown)`) into `rendering` (skip it, and say
 *   so, when the file cannot be read: W3C then omits positions, Anki the FAQ); call
 *   `exportAnnotations(input, format)`; save with `FORMAT_INFO[format].extension` and
 *   `.mediaType`. Stdout for the CLI without `--out`.
 * - Notes folder (Settings › Export folder, `gloss export --format md --folder DIR`): one
 *   `NotesFolderMirror` per folder, its `load` reading a document's annotations from the store;
 *   `notify(documentId)` after every create, update, delete, restore and re-anchoring;
 *   `flush()` on quit and at the end of the CLI command; tell the reader once per block about
 *   `onLeftBlocks` reports (remember which were told in settings); for `--folder`, notify every
 *   annotated document, then flush.
 * - Import (File › Import annotations…, `gloss import FILE [--doc FILE] [--dry-run]`):
 *   `readImportFile(path)`, then `planImport` with the library's records and annotations, a
 *   `render` that loads and renders the document headlessly (its `outline` too), the document
 *   named by `--doc` (opened first, so it is in the library), the reader's `lastColor` and the
 *   time. Show `plan.summary` and `plan.messages` (unknown documents, entries left out); unless a dry run,
 *   store `plan.additions` through the annotation store in one write per document, then notify
 *   the mirror. Nothing is written before the plan succeeds, so a refused file changes nothing.
 * - Links: register `ANNOTATION_LINK_SCHEME` with the OS (electron-builder `protocols`,
 *   `app.setAsDefaultProtocolClient`, single-instance hand-over, macOS `open-url`) and resolve
 *   `parseAnnotationLink(url)` by opening the document and revealing the annotation through the
 *   same anchoring as the app; the browser mode reads `parseAnnotationFragment(location.hash)`.
 *   Note that `gloss://app/…` is also the renderer's own privileged scheme inside Electron: a
 *   `gloss://annotation/…` navigation inside the window must be caught and resolved, not served.
 */
import { loadHeadlessRenderer } from '../documents/headless-render';
import { writeAnki } from './anki/write-anki';
import { writeCsv, writeReadwiseCsv } from './csv/write-csv';
import { prepareExport, type ExportInput, type ExportSet, type NoteRenderer } from './export-set';
import { writeHtml } from './html/write-html';
import { writeGlossJson } from './json/write-gloss-json';
import { writeMarkdown } from './markdown/write-markdown';
import { writeW3c } from './w3c/write-w3c';
import type { ExportFormat } from '../common/export-formats';

export { annotationFragment, annotationLink, ANNOTATION_LINK_SCHEME, parseAnnotationFragment, parseAnnotationLink } from '../common/annotation-link';
export type { AnnotationRef } from '../common/annotation-link';
export { prepareExport } from './export-set';
export type { ColorMeanings, DocumentRendering, ExportDocumentInput, ExportInput, ExportSet, NoteRenderer } from './export-set';
export { GLOSS_JSON_FORMAT, GLOSS_JSON_VERSION, GlossJsonSchema } from './json/gloss-json-schema';
export { NotesFolderMirror } from './mirror/notes-folder-mirror';
export type { MirrorSource, MirrorWrite, NotesFolderMirrorOptions } from './mirror/notes-folder-mirror';
export type { LeftBlock } from './mirror/mirror-merge';
export { parseImport, readImportFile } from './import/read-import';
export type { ParsedImport } from './import/import-model';
export { planImport } from './import/plan-import';
export type { ImportPlan, ImportPlanInput, LibraryDocument, RenderedText } from './import/plan-import';

export { EXPORT_FORMATS, EXPORT_SCOPES, FORMAT_INFO, isExportFormat } from '../common/export-formats';
export type { ExportFormat, ExportFormatInfo, ExportScope } from '../common/export-formats';

/** Whether a format renders notes (and so needs the headless renderer's `renderNote`). */
export function rendersNotes(format: ExportFormat): boolean {
  return format === 'html' || format === 'anki';
}

/** Writes a prepared export in `format`; `renderNote` is needed by the formats that render notes. */
export function writeExport(set: ExportSet, format: ExportFormat, renderNote: NoteRenderer | null): string {
  switch (format) {
    case 'md':
      return writeMarkdown(set);
    case 'json':
      return writeGlossJson(set);
    case 'w3c':
      return writeW3c(set);
    case 'csv':
      return writeCsv(set);
    case 'readwise-csv':
      return writeReadwiseCsv(set);
    case 'html':
      return writeHtml(set, requireRenderer(renderNote, format));
    case 'anki':
      return writeAnki(set, requireRenderer(renderNote, format));
  }
}

/**
 * Writes an export of `input` in `format`. HTML and Anki render notes with the headless renderer,
 * loaded on first use; the other formats never load it. Their notes are rendered all at once
 * (HeadlessRenderer.renderNotes), which is many times faster for a library than one by one: the
 * writer runs once to learn which Markdown it renders, then again with the results.
 */
export async function exportAnnotations(input: ExportInput, format: ExportFormat): Promise<string> {
  const set = prepareExport(input);
  if (!rendersNotes(format)) return writeExport(set, format, null);
  const renderer = await loadHeadlessRenderer();
  const asked = new Set<string>();
  writeExport(set, format, (markdown) => {
    asked.add(markdown);
    return '';
  });
  const markdowns = [...asked];
  const rendered = new Map(renderer.renderNotes(markdowns).map((html, index) => [markdowns[index]!, html]));
  return writeExport(set, format, (markdown) => rendered.get(markdown) ?? renderer.renderNote(markdown));
}

function requireRenderer(renderNote: NoteRenderer | null, format: ExportFormat): NoteRenderer {
  if (renderNote === null) throw new Error(`the ${format} export renders notes: pass a note renderer`);
  return renderNote;
}
