/**
 * The export formats, by the names `gloss export --format` takes, and what the app, the menus
 * and the CLI say about each. Both sides need the table (the renderer's Export dialog lists it,
 * the main side saves files with it), so it lives here, with neither Node, DOM nor zod in it.
 */

/** The export formats, in the order the Export dialog and `gloss help export` list them. */
export const EXPORT_FORMATS = ['md', 'json', 'w3c', 'html', 'csv', 'readwise-csv', 'anki'] as const;

/** An export format's name. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** What an export covers: the document on screen (or named), or the whole library in one file. */
export const EXPORT_SCOPES = ['document', 'library'] as const;

/** An export's scope. */
export type ExportScope = (typeof EXPORT_SCOPES)[number];

/** How a format is shown and saved. */
export interface ExportFormatInfo {
  /** What the Export dialog and the help call it. */
  label: string;
  /** The file name's extension, with its dot. */
  extension: string;
  /** The saved or downloaded file's media type. */
  mediaType: string;
  /**
   * The format is better for the documents' `rendering` (W3C counts positions with it, Anki takes
   * the FAQ from it); the others ignore it.
   */
  usesRendering: boolean;
  /** The file name's ending before the extension, when two formats share an extension (" (Readwise)"). */
  nameSuffix: string;
}

/** What the UI and the CLI say about each format, and how its file is saved. */
export const FORMAT_INFO: Readonly<Record<ExportFormat, ExportFormatInfo>> = {
  md: { label: 'Markdown (Obsidian, Logseq)', extension: '.md', mediaType: 'text/markdown; charset=utf-8', usesRendering: false, nameSuffix: '' },
  json: { label: 'Gloss JSON (complete, for import)', extension: '.json', mediaType: 'application/json', usesRendering: false, nameSuffix: '' },
  w3c: { label: 'W3C Web Annotation (JSON-LD)', extension: '.jsonld', mediaType: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"', usesRendering: true, nameSuffix: '' },
  html: { label: 'HTML page (printable)', extension: '.html', mediaType: 'text/html; charset=utf-8', usesRendering: false, nameSuffix: '' },
  csv: { label: 'CSV (spreadsheets)', extension: '.csv', mediaType: 'text/csv; charset=utf-8', usesRendering: false, nameSuffix: '' },
  'readwise-csv': { label: 'CSV for Readwise', extension: '.csv', mediaType: 'text/csv; charset=utf-8', usesRendering: false, nameSuffix: ' (Readwise)' },
  anki: { label: 'Anki cards (text import)', extension: '.txt', mediaType: 'text/plain; charset=utf-8', usesRendering: true, nameSuffix: ' (Anki)' },
};

/** Whether `name` is an export format's name (for the CLI's `--format` and the API's schema). */
export function isExportFormat(name: string): name is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(name);
}
