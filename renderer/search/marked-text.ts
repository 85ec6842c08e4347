/**
 * Text with its matched words in `<mark>`, built from the spans the notes index gives
 * (main/common/notes-search.ts `MarkedText`): text nodes and mark elements only, so a note's
 * text is never parsed as HTML.
 */
import type { MarkedText } from '../../main/common/notes-search';

/** The nodes that show `marked`: its text, each matched span in a `<mark>`, "…" where it was cut. */
export function markedNodes(doc: Document, marked: MarkedText): Node[] {
  const nodes: Node[] = [];
  const text = (value: string) => {
    if (value !== '') nodes.push(doc.createTextNode(value));
  };
  if (marked.cutBefore) text('…');
  let at = 0;
  for (const span of marked.marks) {
    if (span.start < at || span.end <= span.start || span.end > marked.text.length) continue;
    text(marked.text.slice(at, span.start));
    const mark = doc.createElement('mark');
    mark.textContent = marked.text.slice(span.start, span.end);
    nodes.push(mark);
    at = span.end;
  }
  text(marked.text.slice(at));
  if (marked.cutAfter) text('…');
  return nodes;
}
