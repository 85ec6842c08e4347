/**
 * Saving a file in the browser mode: the text becomes a Blob and a temporary `<a download>` is
 * clicked, so the browser saves it as any download (to its Downloads folder, or where it asks).
 * Nothing leaves the page: a blob: URL names memory of this page alone, and navigating to one for
 * a download needs nothing from the Content-Security-Policy.
 */
import { h } from '../ui/dom';

/** How long a blob: URL is kept after its download starts (the browser reads it by then). */
const REVOKE_AFTER_MS = 60_000;

/** Offers `text` as a file named `fileName` of type `mediaType`. */
export function downloadText(fileName: string, mediaType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = h('a', { href: url, download: fileName, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
