/**
 * Scrolling the reader to a passage and the card that belongs to it (the note editor below it).
 */

/** Room kept above the passage, under the top of the reader. */
const TOP_MARGIN = 48;
const BOTTOM_MARGIN = 16;

/**
 * Scrolls `root` so that the passage and `card` (placed below it) are both in view, when they
 * are not. Works in the reader's content coordinates, so a scroll already under way does not
 * skew it. A `jump` (from the list) puts the passage a fifth of the way down; otherwise the view
 * moves as little as it can.
 */
export function revealPassage(root: HTMLElement, range: Range, card: HTMLElement, jump: boolean): void {
  const view = root.getBoundingClientRect();
  const toContent = (viewportTop: number) => viewportTop - view.top + root.scrollTop;
  const passageTop = toContent(range.getBoundingClientRect().top);
  const cardBottom = toContent(card.getBoundingClientRect().top) + card.offsetHeight;
  const latest = passageTop - TOP_MARGIN;
  const earliest = cardBottom + BOTTOM_MARGIN - root.clientHeight;
  const current = root.scrollTop;
  if (current <= latest && current >= earliest) return stopScrolling(root);
  // The passage wins over the card when both cannot fit.
  const wanted = jump ? passageTop - root.clientHeight * 0.2 : current;
  const top = Math.min(Math.max(wanted, earliest), latest);
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  root.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
}

/**
 * Scrolls `root` so that the passage is in view, a third of the way down, unless it is already
 * comfortably in view. Smoothly, unless the reader asks for reduced motion.
 */
export function scrollPassageIntoView(root: HTMLElement, range: Range): void {
  const view = root.getBoundingClientRect();
  const rect = range.getBoundingClientRect();
  if (rect.top >= view.top + TOP_MARGIN && rect.bottom <= view.bottom - BOTTOM_MARGIN) return stopScrolling(root);
  const top = root.scrollTop + rect.top - view.top - root.clientHeight / 3;
  const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  root.scrollTo({ top: Math.max(0, top), behavior: smooth ? 'smooth' : 'auto' });
}

/**
 * Stops a smooth scroll still under way (an earlier jump's), leaving the view where it is: the
 * passage asked for is in view now, and would be carried out of it by that scroll (J pressed,
 * then K before the scroll to the next highlight ended).
 */
function stopScrolling(root: HTMLElement): void {
  root.scrollTo({ top: root.scrollTop, behavior: 'instant' });
}
