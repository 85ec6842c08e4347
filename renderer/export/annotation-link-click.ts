/**
 * A click on a link to an annotation inside the article or a note (`gloss://annotation/…`,
 * marked `data-annotation-link` by main/common/article/link-policy.ts). On the desktop the click
 * is left to navigate: the shell catches the navigation and reveals the annotation. In the browser
 * mode it becomes the page's `#annotation=` fragment, which annotation-links.ts follows.
 */
import { annotationFragment, parseAnnotationLink } from '../../main/common/annotation-link';
import type { GlossClient } from '../api';

/** Handles the click if `link` is an annotation link; returns whether it was one. */
export function followAnnotationLink(event: MouseEvent, link: HTMLAnchorElement, client: Pick<GlossClient, 'mode'>): boolean {
  if (link.dataset.annotationLink !== 'true') return false;
  const ref = parseAnnotationLink(link.getAttribute('href') ?? '');
  if (ref === null) {
    event.preventDefault();
    return true;
  }
  if (client.mode === 'browser') {
    event.preventDefault();
    location.hash = annotationFragment(ref);
  }
  return true;
}
