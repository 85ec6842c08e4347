/**
 * Importing annotations from the window: the sidebar's Import… (a file picker, in both modes) and
 * File › Import Annotations… on the desktop (the system's dialog picked the file; its path comes
 * with the command). The summary ("3 imported, 1 duplicate skipped, 0 orphaned") and what else
 * the import says show in toasts. A file matched to no document of the library is refused by the
 * main side; while a document is open, the toast then offers to import it into that one.
 */
import type { ApiRequest, ImportResult } from '../../main/api';
import { IMPORT_PICKER_ACCEPT, importTooLargeMessage } from '../../main/common/import-files';
import { LIMITS } from '../../main/common/limits';
import { ApiError, type GlossClient } from '../api';
import { fileToBase64 } from '../open/document-opener';
import { h } from '../ui/dom';
import type { Toasts } from '../ui/toasts';
import type { ShownDocument } from './export-dialog';

/** What the importer needs from the window. */
export interface ImporterDeps {
  client: GlossClient;
  toasts: Toasts;
  /** The document on screen, or null. */
  shown: () => ShownDocument | null;
  /** Annotations were stored in these documents (the one on screen may need listing again). */
  imported: (documentIds: readonly string[]) => void;
}

type ImportRequest = ApiRequest<'importAnnotations'>;

/** How long the summary of an import stays (it may carry messages worth reading). */
const SUMMARY_MS = 12_000;

/** Imports files of annotations (see the module comment). */
export class AnnotationImporter {
  private readonly input: HTMLInputElement;

  constructor(private readonly deps: ImporterDeps) {
    this.input = h('input', { type: 'file', accept: IMPORT_PICKER_ACCEPT, hidden: true, 'aria-label': 'Annotations file to import' });
    this.input.addEventListener('change', () => {
      const file = this.input.files?.[0];
      this.input.value = '';
      if (file) void this.importFile(file);
    });
    document.body.append(this.input);
  }

  /** Opens the file picker. */
  pick(): void {
    this.input.click();
  }

  /** Imports the file the desktop's dialog picked. */
  importPath(path: string): Promise<void> {
    const fileName = path.split(/[\\/]/).pop() || path;
    return this.run({ fileName, path });
  }

  private async importFile(file: File): Promise<void> {
    // The main side checks again; asking first spares sending what it would refuse.
    if (file.size > LIMITS.maxImportBytes) {
      this.deps.toasts.show(importTooLargeMessage(file.name), { kind: 'error' });
      return;
    }
    await this.run({ fileName: file.name, dataBase64: await fileToBase64(file) });
  }

  private async run(request: ImportRequest): Promise<void> {
    let result: ImportResult;
    try {
      result = await this.deps.client.api.importAnnotations(request);
    } catch (error) {
      this.refused(error, request);
      return;
    }
    this.deps.toasts.show(`Imported from ${request.fileName}: ${result.summary}.`, { timeoutMs: SUMMARY_MS });
    for (const message of result.messages) this.deps.toasts.show(message, { timeoutMs: SUMMARY_MS });
    if (result.documentIds.length > 0) this.deps.imported(result.documentIds);
  }

  /** A refused import: why, and (for a file of documents the library lacks) the offer to import it into the open one. */
  private refused(error: unknown, request: ImportRequest): void {
    const message = error instanceof Error ? error.message : String(error);
    const shown = this.deps.shown();
    if (!(error instanceof ApiError) || error.code !== 'not-found' || shown === null || request.documentId !== undefined) {
      this.deps.toasts.show(message, { kind: 'error' });
      return;
    }
    this.deps.toasts.show(message, {
      kind: 'error',
      timeoutMs: 20_000,
      action: { label: `Import into “${shown.title}”`, run: () => void this.run({ ...request, documentId: shown.id }) },
    });
  }
}
