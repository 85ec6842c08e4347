/**
 * Parsing many small HTML fragments (the notes of an export) in one pass instead of one each,
 * which costs a fraction of the time in jsdom, while each comes out as it would have on its own.
 *
 * Each fragment is wrapped in a `<marquee>`: for the HTML parser its start tag opens a new scope
 * for formatting elements (a marker in the list of active formatting elements, as `<td>` and
 * `<object>` have), so an unclosed `<b>` or `<a>` in one fragment is not carried into the next;
 * its end tag closes whatever the fragment left open. That holds while the end tag is reached and
 * in scope: a fragment that leaves a table, a `<select>` or an `<object>` open would break out of
 * its wrapper into the next, and an unclosed raw-text element (`<textarea>`, `<script>`, a
 * comment) would swallow what follows. So the parse is checked: the root must hold exactly one
 * wrapper per fragment, in order, none inside another, plus an empty one after them that anything
 * swallowing to the end would have swallowed too. Where that fails, the fragments are split in
 * halves and parsed again, down to single fragments, which the caller renders on their own.
 * Fragments that name the wrapper, or hold what changes the parser's state beyond a wrapper (a
 * form, a frameset, a document's own body, head or doctype, foreign content), are left to the
 * caller at once; so are fragments that do not begin by opening the body (leading whitespace, an
 * end tag, what a document's head would take), which a document of their own reads otherwise.
 */

/** The wrapper element's name. */
export const APART_WRAPPER = 'marquee';

/** What may reach past a wrapper, or change how the parser reads the next fragment. */
const ENTANGLING = /<\/?(?:marquee|template|plaintext|form|frameset|svg|math|body|html|head)\b|<!|<\?/i;

/**
 * How a fragment must begin to be read the same inside a wrapper as at the start of a document of
 * its own: with text, or a start tag that opens the body. At a document's start an end tag is
 * ignored, and `<style>`, `<noscript>` and the like go into its head; inside a wrapper they would not.
 */
const OPENS_THE_BODY = /^(?:[^<\s]|<(?!(?:html|head|body|base|basefont|bgsound|link|meta|noframes|noscript|script|style|template|title|frameset)\b)[a-z])/i;

/** How a batch is parsed: the joined, wrapped HTML in, the element whose children are the wrappers out. */
export type BatchParse = (html: string) => Element;

const OPEN = `<${APART_WRAPPER}>`;
const CLOSE = `</${APART_WRAPPER}>`;

/**
 * Parses `fragments` with `parse`, a batch at a time, runs `prepare` on each root whose wrappers
 * came out apart, and serializes it once. Returns, per fragment, its HTML as parsed and prepared,
 * or null for one the caller must render on its own. The serialization is split at the wrappers'
 * tags only when it holds exactly one pair per fragment: an attribute value may hold the text
 * of a tag (serializers leave `<` in attributes as it is), and then the batch is split again.
 */
export function parseApart(fragments: readonly string[], parse: BatchParse, prepare: (root: Element) => void): (string | null)[] {
  const parts: (string | null)[] = fragments.map(() => null);
  const run = (indices: readonly number[]): void => {
    // A single fragment gains nothing from a wrapper: the caller renders it as it always has.
    if (indices.length < 2) return;
    // The empty wrapper last is the sentinel: what swallows to the end swallows it too.
    const root = parse(`${indices.map((index) => `${OPEN}${fragments[index]}${CLOSE}`).join('')}${OPEN}${CLOSE}`);
    const split = keptApart(root, indices.length + 1) ? splitSerialized(root, prepare, indices.length) : null;
    if (split !== null) {
      indices.forEach((index, at) => (parts[index] = split[at]!));
      return;
    }
    const half = Math.ceil(indices.length / 2);
    run(indices.slice(0, half));
    run(indices.slice(half));
  };
  run(fragments.flatMap((fragment, index) => (ENTANGLING.test(fragment) || !OPENS_THE_BODY.test(fragment) ? [] : [index])));
  return parts;
}

/** Whether `root` holds exactly `count` wrappers, as its only children, none inside another, the last one empty. */
function keptApart(root: Element, count: number): boolean {
  const nodes = Array.from(root.childNodes);
  return (
    nodes.length === count &&
    nodes.every((node) => node.nodeType === 1 && (node as Element).localName === APART_WRAPPER) &&
    root.getElementsByTagName(APART_WRAPPER).length === count &&
    !root.lastChild!.hasChildNodes()
  );
}

/** The wrappers' contents, prepared, from one serialization of `root`; null when it cannot be split exactly. */
function splitSerialized(root: Element, prepare: (root: Element) => void, count: number): string[] | null {
  root.lastChild!.remove();
  prepare(root);
  const html = root.innerHTML;
  if (!html.startsWith(OPEN) || !html.endsWith(CLOSE)) return null;
  const pieces = html.slice(OPEN.length, -CLOSE.length).split(`${CLOSE}${OPEN}`);
  if (pieces.length !== count || pieces.some((piece) => piece.includes(OPEN) || piece.includes(CLOSE))) return null;
  return pieces;
}
