/** Copying to the clipboard: a passage (the toolbar's Copy), or Markdown (Copy as Markdown). */

/**
 * Copies the text of `range`. Uses the Clipboard API, and falls back to the copy command on the
 * current selection (the toolbar keeps it) when the API is refused. Resolves to false if both fail.
 */
export async function copyRangeText(range: Range): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(range.toString());
    return true;
  } catch {
    return document.execCommand('copy');
  }
}

/**
 * Copies `text` (Copy as Markdown). Uses the Clipboard API, and falls back to the copy command on
 * a hidden text field holding it, then gives the focus back. Resolves to false if both fail.
 */
export async function copyPlainText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'visually-hidden';
    document.body.append(field);
    field.select();
    const copied = document.execCommand('copy');
    field.remove();
    focused?.focus({ preventScroll: true });
    return copied;
  }
}
