/**
 * Following a link to an annotation in the window: the desktop's `gloss://annotation/…` (handed
 * over by the shell as an 'open-annotation' command) and the browser mode's `#annotation=<doc>/<id>`
 * fragment (read at start and whenever it changes; it may share the first address with the
 * session token). The document opens, and the annotation is revealed through the same anchoring
 * as any other, so the link still works after the article was edited. A document Gloss does not
 * know, an annotation that is gone or a passage that is orphaned is said, in words.
 */
import type { OpenedDocument } from '../../main/api';
import { parseAnnotationFragment, withoutAnnotationFragment, type AnnotationRef } from '../../main/common/annotation-link';
import type { GlossClient } from '../api';
import type { Toasts } from '../ui/toasts';

/** What following a link needs from the window. */
export interface AnnotationLinkDeps {
  client: GlossClient;
  toasts: Toasts;
  /** The document on screen: its id and title, or null. */
  shown: () => { id: string; title: string } | null;
  /** Shows a document; resolves once its annotations are anchored and painted. */
  show: (document: OpenedDocument) => Promise<void>;
  /** Resolves once the document on screen has its annotations anchored and painted. */
  shownReady: () => Promise<void>;
  /** Reveals an annotation of the document shown. */
  reveal: (annotationId: string) => Promise<'shown' | 'orphaned' | 'missing'>;
}

/** Follows annotation links (see the module comment). */
export class AnnotationLinks {
  constructor(private readonly deps: AnnotationLinkDeps) {}

  /** Opens the linked document (unless it is on screen) and reveals the annotation. */
  async follow(ref: AnnotationRef): Promise<void> {
    const { toasts } = this.deps;
    let shown = this.deps.shown();
    if (shown?.id !== ref.documentId) {
      let document: OpenedDocument;
      try {
        document = await this.deps.client.api.openAnnotationLink(ref);
      } catch (error) {
        toasts.show(error instanceof Error ? error.message : String(error), { kind: 'error' });
        return;
      }
      await this.deps.show(document);
      shown = { id: document.id, title: document.title };
    } else {
      await this.deps.shownReady();
    }
    const outcome = await this.deps.reveal(ref.annotationId);
    if (outcome === 'missing') {
      toasts.show(`The annotation this link points to is not in “${shown.title}” any more: it may have been deleted.`, { kind: 'error' });
    } else if (outcome === 'orphaned') {
      toasts.show(`The passage of this highlight is no longer in “${shown.title}”. Gloss keeps it, with its note, under Orphaned in the sidebar, where you can re-attach it.`, { timeoutMs: 15_000 });
    }
  }

  /** The browser mode: follows the address's `#annotation=` now, and each time it changes. */
  watchFragment(): void {
    const followFragment = () => {
      const ref = parseAnnotationFragment(location.hash);
      if (ref === null) return;
      // Followed once: a reload or a later document must not jump back to it.
      history.replaceState(history.state, '', `${location.pathname}${location.search}${withoutAnnotationFragment(location.hash)}`);
      void this.follow(ref);
    };
    window.addEventListener('hashchange', followFragment);
    followFragment();
  }
}
