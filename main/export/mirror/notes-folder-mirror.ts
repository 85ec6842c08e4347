/**
 * The notes-folder mirror's writer: keeps one Markdown file per annotated document in a folder
 * the reader chose (an Obsidian vault, say), merging Gloss's blocks into whatever the file says
 * (mirror-merge.ts).
 *
 * - Batched: `notify(documentId)` after any change to a document's annotations; changes arriving
 *   within `delayMs` of the first one become one write per file, of the newest state (asked of
 *   `load` when the batch is written, not when notified).
 * - Atomic: each file is replaced through a temp file created exclusively, fsync'd and renamed
 *   (the store's writeFileDurably), so a sync tool never sees half a file. Nothing is written when
 *   the merge changes nothing, so the same notes twice make no write.
 * - Which file is whose: each file's front matter names its document (`gloss-document-id`). A
 *   file the reader renamed is found again by it; one the reader deleted is written afresh at the
 *   next change. A new file is named from the title (mirror-file-names.ts), with a suffix when
 *   the name is taken: an existing file is never replaced by another document's.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileDurably } from '../../store/durable-write';
import type { ColorMeanings, ExportDocumentInput } from '../export-set';
import { mirrorContent } from './mirror-content';
import { MIRROR_EXTENSION, uniqueFileName } from './mirror-file-names';
import { documentIdOfFile, mergeMirrorFile, type LeftBlock } from './mirror-merge';

/** A document as the mirror needs it: its annotations and the reader's color meanings. */
export interface MirrorSource {
  document: ExportDocumentInput;
  colorMeanings: ColorMeanings;
}

/** Options of a NotesFolderMirror. */
export interface NotesFolderMirrorOptions {
  /** The folder to keep the files in (created when missing). */
  folder: string;
  /** What a document holds now; null when Gloss no longer knows it (its file is then left alone). */
  load: (documentId: string) => Promise<MirrorSource | null>;
  /** How long changes are gathered before they are written, in milliseconds. */
  delayMs?: number;
  /** Told about blocks the reader edited (or damaged), which were left as they are. */
  onLeftBlocks?: (report: { documentId: string; file: string; left: LeftBlock[] }) => void;
  /** Told when a file could not be written; the document is tried again at its next change. */
  onError?: (error: unknown, documentId: string) => void;
  /** Told what each batch did, file by file (whether it was flushed or ran on its timer). */
  onBatch?: (writes: MirrorWrite[]) => void;
}

/** What one batch did to one document's file. */
export interface MirrorWrite {
  documentId: string;
  /** The file's name in the folder, or null when the document has nothing to mirror. */
  file: string | null;
  written: boolean;
  /** Blocks of the file the reader edited (or damaged), which were left as they are. */
  left: LeftBlock[];
}

/** Files larger than this are not read when looking for a document's file: notes are smaller. */
const MAX_SCANNED_BYTES = 4 * 1024 * 1024;

/** Keeps a notes folder in step with the annotations (see the module comment). */
export class NotesFolderMirror {
  readonly #options: Required<Pick<NotesFolderMirrorOptions, 'delayMs'>> & NotesFolderMirrorOptions;
  readonly #pending = new Set<string>();
  #timer: ReturnType<typeof setTimeout> | null = null;
  #running: Promise<MirrorWrite[]> = Promise.resolve([]);
  /** Document id → file name, as last seen in the folder; null until the folder is first read. */
  #files: Map<string, string> | null = null;

  constructor(options: NotesFolderMirrorOptions) {
    this.#options = { delayMs: 1000, ...options };
  }

  /** Marks a document's file as out of date; it is written with the next batch. */
  notify(documentId: string): void {
    this.#pending.add(documentId);
    if (this.#timer === null) {
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.flush();
      }, this.#options.delayMs);
      // A pending batch must not keep a command-line process alive: it calls flush() itself.
      this.#timer.unref?.();
    }
  }

  /** Writes every pending document now; resolves when the batch (and any before it) is done. */
  flush(): Promise<MirrorWrite[]> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer);
      this.#timer = null;
    }
    const batch = [...this.#pending];
    this.#pending.clear();
    this.#running = this.#running.then(() => this.#writeBatch(batch));
    return this.#running;
  }

  async #writeBatch(documentIds: readonly string[]): Promise<MirrorWrite[]> {
    const results: MirrorWrite[] = [];
    for (const documentId of documentIds) {
      try {
        results.push(await this.#writeDocument(documentId));
      } catch (error) {
        this.#options.onError?.(error, documentId);
        results.push({ documentId, file: null, written: false, left: [] });
      }
    }
    if (results.length > 0) this.#options.onBatch?.(results);
    return results;
  }

  async #writeDocument(documentId: string): Promise<MirrorWrite> {
    const source = await this.#options.load(documentId);
    if (source === null) return { documentId, file: null, written: false, left: [] };
    const found = await this.#findFile(documentId);
    if (found === null && source.document.annotations.length === 0) return { documentId, file: null, written: false, left: [] };
    const file = found?.name ?? uniqueFileName(source.document.title, await this.#fileNames());
    const merged = mergeMirrorFile(found?.text ?? null, mirrorContent(source.document, source.colorMeanings));
    if (merged.changed) {
      await writeFileDurably(join(this.#options.folder, file), merged.text);
      this.#files?.set(documentId, file);
    }
    if (merged.left.length > 0) this.#options.onLeftBlocks?.({ documentId, file, left: merged.left });
    return { documentId, file, written: merged.changed, left: merged.left };
  }

  /** The document's file and its text: where it was last seen, else wherever the folder has it now. */
  async #findFile(documentId: string): Promise<{ name: string; text: string } | null> {
    const known = this.#files?.get(documentId);
    if (known !== undefined) {
      const text = await readIfExists(join(this.#options.folder, known));
      if (text !== null && documentIdOfFile(text) === documentId) return { name: known, text };
    }
    // Not known, or renamed, deleted or rewritten by the reader: read the folder again.
    this.#files = await this.#scan();
    const name = this.#files.get(documentId);
    if (name === undefined) return null;
    const text = await readIfExists(join(this.#options.folder, name));
    return text === null ? null : { name, text };
  }

  /** Which Markdown file in the folder belongs to which document, from their front matter. */
  async #scan(): Promise<Map<string, string>> {
    const files = new Map<string, string>();
    for (const name of (await this.#fileNames()).sort()) {
      if (!name.toLowerCase().endsWith(MIRROR_EXTENSION)) continue;
      const path = join(this.#options.folder, name);
      const info = await stat(path).catch(() => null);
      if (info === null || !info.isFile() || info.size > MAX_SCANNED_BYTES) continue;
      const text = await readIfExists(path);
      const id = text === null ? null : documentIdOfFile(text);
      // Two files claiming one document (the reader copied one): the first by name is kept.
      if (id !== null && !files.has(id)) files.set(id, name);
    }
    return files;
  }

  async #fileNames(): Promise<string[]> {
    try {
      return await readdir(this.#options.folder);
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ENOENT') return [];
      throw error;
    }
  }
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'EISDIR') return null;
    throw error;
  }
}
