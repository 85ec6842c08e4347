import type { DocumentSummary, OpenedDocument } from '../../main/api';
import { documentFormatOf, documentPickerAccept, documentTooLargeMessage, unsupportedDocumentMessage } from '../../main/common/document-formats';
import { LIMITS } from '../../main/common/limits';
import { ApiError, type GlossClient } from '../api';
import { h } from '../ui/dom';

/** Reads a File as base64 for the browser-mode upload (the main side checks its encoding). */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/**
 * Why Gloss would refuse `file` (not a format it opens, too large), or null. The main side checks
 * both again; asking first spares uploading what it would refuse.
 */
export function refusalOf(file: File): ApiError | null {
  if (documentFormatOf(file.name) === null) return new ApiError('not-text', unsupportedDocumentMessage(file.name));
  if (file.size > LIMITS.maxDocumentBytes) return new ApiError('too-large', documentTooLargeMessage(file.name));
  return null;
}

/**
 * Every way a document gets opened from the window: the Open… button (a file picker), drag
 * and drop, and the Recent list. On the desktop a picked or dropped file opens from its path,
 * so edits to it are seen next time; in the browser mode its bytes are uploaded.
 */
export class DocumentOpener {
  constructor(
    private readonly client: GlossClient,
    private readonly open: (load: () => Promise<OpenedDocument>) => Promise<unknown>,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Opens a file chosen in a picker or dropped on the window. */
  async openFile(file: File): Promise<void> {
    const refusal = refusalOf(file);
    if (refusal) {
      this.onError(refusal);
      return;
    }
    const path = this.client.pathForFile(file);
    if (path) await this.open(() => this.client.api.openDocument({ path }));
    else await this.open(async () => this.client.api.importDocument({ fileName: file.name, dataBase64: await fileToBase64(file) }));
  }

  /** Wires the Open… buttons and the hidden file input, which offers the files Gloss opens. */
  wirePicker(buttons: HTMLButtonElement[], input: HTMLInputElement): void {
    input.accept = documentPickerAccept();
    for (const button of buttons) button.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file) void this.openFile(file);
    });
  }

  /** Lets a file be dropped anywhere on the window. */
  wireDrop(overlay: HTMLElement): void {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    window.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      depth++;
      overlay.hidden = false;
    });
    window.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) overlay.hidden = true;
    });
    window.addEventListener('dragover', (event) => {
      if (hasFiles(event)) event.preventDefault();
    });
    window.addEventListener('drop', (event) => {
      // Never let a dropped file navigate the window away from the reader.
      event.preventDefault();
      depth = 0;
      overlay.hidden = true;
      const file = event.dataTransfer?.files[0];
      if (file) void this.openFile(file);
    });
  }

  /** Fills the Recent list. */
  renderRecent(list: HTMLUListElement, recent: DocumentSummary[], onChosen: () => void): void {
    if (!recent.length) {
      list.replaceChildren(h('li', { className: 'panel-empty' }, 'Nothing opened yet.'));
      return;
    }
    list.replaceChildren(
      ...recent.map((entry) => {
        const button = h('button', { type: 'button', className: 'recent-entry', title: entry.path }, h('span', { className: 'recent-title' }, entry.title), h('span', { className: 'recent-file' }, entry.fileName));
        button.addEventListener('click', () => {
          onChosen();
          void this.open(() => this.client.api.openDocument({ path: entry.path }));
        });
        return h('li', {}, button);
      }),
    );
  }
}
