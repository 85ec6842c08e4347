/**
 * The Annotations sidebar's export tools: Export… (the Export dialog), Import… (a file picker)
 * and Copy as Markdown (the annotation whose note is open, else every one the sidebar lists after
 * its filters, as Markdown entries on the clipboard).
 */
import type { GlossClient } from '../api';
import { copyPlainText } from '../annotations/copy-text';
import { h } from '../ui/dom';
import type { Toasts } from '../ui/toasts';
import type { AnnotationImporter } from './annotation-importer';
import type { ExportDialog } from './export-dialog';

/** What the tools act on. */
export interface ExportToolsDeps {
  client: GlossClient;
  toasts: Toasts;
  dialog: ExportDialog;
  importer: AnnotationImporter;
  /** The document on screen (null when none), and which of its annotations to copy. */
  copyTarget: () => { documentId: string; annotationIds: string[] } | null;
}

/** Puts the tools into `host`. */
export function wireExportTools(host: HTMLElement, deps: ExportToolsDeps): void {
  const button = (label: string, title: string, run: () => void) => {
    const element = h('button', { type: 'button', className: 'add-note-button', title }, label);
    element.addEventListener('click', run);
    return element;
  };
  host.replaceChildren(
    button('Export…', 'Export annotations: Markdown, JSON, W3C, HTML, CSV, Anki', () => deps.dialog.open()),
    button('Import…', 'Import annotations: Gloss JSON, W3C Web Annotation, Hypothesis', () => deps.importer.pick()),
    button('Copy as Markdown', 'Copy the open annotation, or all that are listed, as Markdown', () => void copyMarkdown(deps)),
  );
}

async function copyMarkdown(deps: ExportToolsDeps): Promise<void> {
  const target = deps.copyTarget();
  if (target === null || target.annotationIds.length === 0) {
    deps.toasts.show(target === null ? 'Open a document to copy its annotations.' : 'No annotations are listed to copy.');
    return;
  }
  try {
    const { text } = await deps.client.api.copyAsMarkdown(target);
    const count = target.annotationIds.length;
    if (await copyPlainText(text)) deps.toasts.show(`Copied ${count} annotation${count === 1 ? '' : 's'} as Markdown.`, { timeoutMs: 3000 });
    else deps.toasts.show('Copying was refused by the system. Use Export… instead.', { kind: 'error' });
  } catch (error) {
    deps.toasts.error(error);
  }
}
