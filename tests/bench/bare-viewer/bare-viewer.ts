/**
 * The baseline page of the open-versus-bare benchmark: what any minimal Markdown viewer must do
 * to show an untrusted article, and nothing more. It fetches the Markdown, renders it with marked
 * (GitHub-flavoured, as marked does by default), sanitizes the HTML with DOMPurify's default
 * rules, and sets it as the article's innerHTML. No contents, FAQ, highlights or text index.
 * Bundled by esbuild (minified, as a real page would ship) when the benchmark starts.
 */
import DOMPurify from 'dompurify';
import { marked } from 'marked';
import { afterNextPaint } from '../../../renderer/ui/after-next-paint';

async function show(): Promise<void> {
  const name = new URLSearchParams(location.search).get('article') ?? '';
  const response = await fetch(`/articles/${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`article ${name}: ${response.status}`);
  const markdown = await response.text();
  const html = marked.parse(markdown, { async: false });
  (document.getElementById('article') as HTMLElement).innerHTML = DOMPurify.sanitize(html);
  // The same end point as Gloss's 'gloss:article-on-screen': the frame drawn after the article is set.
  afterNextPaint(() => performance.mark('bare:article-on-screen'));
}

void show();
