/** Copying a passage to the clipboard, for the toolbar's Copy button. */

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
