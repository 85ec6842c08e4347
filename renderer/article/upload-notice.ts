/**
 * The one notice above an uploaded document whose images (or other media) could not come with
 * it: a browser upload carries the file, not the folder it sits in.
 */
import type { ArticleModel } from './article-view';
import { h } from '../ui/dom';

/** Shows the notice for `model` in `area` (or clears it: another document, or nothing missing). */
export function showUploadNotice(area: HTMLElement, model: ArticleModel | null): void {
  area.querySelector('.upload-notice')?.remove();
  const count = model?.unreadableFromUpload ?? 0;
  if (!model || count === 0) return;
  const { fileName } = model.document;
  const what = count === 1 ? 'The image (or other media) next to' : `The ${count} images (or other media) next to`;
  area.append(
    h(
      'p',
      { className: 'remote-notice upload-notice', role: 'note' },
      `${what} ${fileName} cannot be read from an upload, which brings the file without its folder. To see them, open the file itself: `,
      h('code', {}, `npm run serve -- path/to/${fileName}`),
      ', or the desktop app.',
    ),
  );
}
