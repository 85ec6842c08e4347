/**
 * Markdown to HTML, with marked: the one step of rendering that needs no DOM. The main side runs
 * it when it opens a document (OpenedDocument.unsafeHtml), so the reading view's first frame
 * neither loads nor runs marked; the headless renderer and notes run it where they render.
 */
import { Marked } from 'marked';
import markedFootnote from 'marked-footnote';

/**
 * Markdown as marked renders it (GitHub Flavored Markdown and footnotes). The result is
 * untrusted, since Markdown passes raw HTML through: only the article sanitizer makes it safe.
 */
export function markdownToUnsafeHtml(markdown: string): string {
  // A fresh instance per render: nothing an extension remembers from one document (footnote
  // labels, say) can leak into the next, and the global `marked` is anyone's to configure.
  // Footnotes are written [^label]: a document without one skips the extension, whose tokenizers
  // would otherwise be tried at every block and inline position for nothing (a fifth of the
  // Markdown's parse time).
  const extensions = markdown.includes('[^') ? [markedFootnote({ headingClass: '' })] : [];
  const marked = new Marked({ gfm: true, breaks: false, async: false }, ...extensions);
  return marked.parse(markdown, { async: false });
}
