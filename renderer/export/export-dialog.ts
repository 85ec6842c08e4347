/**
 * The Export dialog (the sidebar's Export…, File › Export…, Ctrl/Cmd+Shift+E): every format, for
 * the document on screen or the whole library. The desktop saves through the system's Save
 * dialog (which remembers its folder); the browser mode downloads the file.
 */
import type { ExportResult } from '../../main/api';
import { EXPORT_FORMATS, FORMAT_INFO, type ExportFormat, type ExportScope } from '../../main/common/export-formats';
import type { GlossClient } from '../api';
import { h } from '../ui/dom';
import type { Toasts } from '../ui/toasts';
import { downloadText } from './download';

/** The document an export of "this document" is of. */
export interface ShownDocument {
  id: string;
  title: string;
}

/** What the dialog needs from the window. */
export interface ExportDialogDeps {
  client: GlossClient;
  toasts: Toasts;
  /** The document on screen, or null. */
  shown: () => ShownDocument | null;
}

function plural(count: number, one: string): string {
  return `${count} ${one}${count === 1 ? '' : 's'}`;
}

/** The dialog; created once, opened with `open()`. */
export class ExportDialog {
  private readonly dialog: HTMLDialogElement;
  private readonly formats = new Map<ExportFormat, HTMLInputElement>();
  private readonly scopes = new Map<ExportScope, HTMLInputElement>();
  private readonly documentLabel: HTMLElement;
  private readonly submit: HTMLButtonElement;
  private readonly status: HTMLElement;
  private format: ExportFormat = 'md';

  constructor(private readonly deps: ExportDialogDeps) {
    const formatField = h('fieldset', { className: 'export-formats' }, h('legend', {}, 'Format'));
    for (const format of EXPORT_FORMATS) {
      const input = h('input', { type: 'radio', name: 'export-format', value: format });
      input.addEventListener('change', () => input.checked && (this.format = format));
      this.formats.set(format, input);
      formatField.append(h('label', {}, input, ` ${FORMAT_INFO[format].label}`));
    }
    this.documentLabel = h('span', {});
    const scopeField = h('fieldset', { className: 'export-scope' }, h('legend', {}, 'Annotations of'));
    for (const scope of ['document', 'library'] as const) {
      const input = h('input', { type: 'radio', name: 'export-scope', value: scope });
      this.scopes.set(scope, input);
      scopeField.append(h('label', {}, input, ' ', scope === 'document' ? this.documentLabel : 'The whole library (one file, grouped by document)'));
    }
    const browser = deps.client.mode === 'browser';
    this.submit = h('button', { type: 'submit', className: 'primary-button' }, browser ? 'Download' : 'Save…');
    const cancel = h('button', { type: 'button', className: 'text-button' }, 'Cancel');
    cancel.addEventListener('click', () => this.dialog.close());
    this.status = h('p', { className: 'export-status', role: 'status' });
    const form = h(
      'form',
      { method: 'dialog' },
      h('h2', { id: 'export-title' }, 'Export annotations'),
      h('p', { className: 'export-help' }, browser ? 'The file downloads as your browser saves downloads.' : 'You choose where to save the file next.'),
      formatField,
      scopeField,
      this.status,
      h('div', { className: 'dialog-actions' }, cancel, this.submit),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.dialog = h('dialog', { className: 'export-dialog', 'aria-labelledby': 'export-title' }, form);
    document.body.append(this.dialog);
  }

  /** Opens the dialog: the document on screen is chosen when there is one, else the library. */
  open(): void {
    const shown = this.deps.shown();
    const single = this.scopes.get('document')!;
    single.disabled = shown === null;
    this.documentLabel.textContent = shown === null ? 'This document (none is open)' : `This document: “${shown.title}”`;
    (shown === null ? this.scopes.get('library')! : single).checked = true;
    this.formats.get(this.format)!.checked = true;
    this.status.textContent = '';
    this.submit.disabled = false;
    if (!this.dialog.open) this.dialog.showModal();
    this.formats.get(this.format)!.focus();
  }

  private async run(): Promise<void> {
    const shown = this.deps.shown();
    const scope: ExportScope = this.scopes.get('document')!.checked && shown !== null ? 'document' : 'library';
    const request = { format: this.format, scope, ...(scope === 'document' && shown !== null ? { documentId: shown.id } : {}) };
    const { api, mode } = this.deps.client;
    this.submit.disabled = true;
    this.status.textContent = 'Exporting…';
    try {
      if (mode === 'browser') {
        const file: ExportResult = await api.exportAnnotations(request);
        downloadText(file.fileName, file.mediaType, file.text);
        this.done(`Downloaded ${file.fileName} (${plural(file.annotations, 'annotation')}).`, file.notices);
      } else {
        const saved = await api.saveExport(request);
        if (saved.path === null) {
          this.status.textContent = '';
          return;
        }
        this.done(`Saved ${plural(saved.annotations, 'annotation')} to ${saved.path}.`, saved.notices);
      }
    } catch (error) {
      this.status.textContent = error instanceof Error ? error.message : String(error);
    } finally {
      this.submit.disabled = false;
    }
  }

  private done(message: string, notices: readonly string[]): void {
    this.dialog.close();
    this.deps.toasts.show(message);
    for (const notice of notices) this.deps.toasts.show(notice, { timeoutMs: 20_000 });
  }
}
