/**
 * Scrolls an element of the article into view below the top bar and moves focus to it, so
 * screen readers and the keyboard continue from there. Elements that are not focusable get
 * tabindex="-1" first.
 */
export function scrollToAndFocus(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex') && !isNativelyFocusable(element)) element.setAttribute('tabindex', '-1');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
  element.focus({ preventScroll: true });
}

function isNativelyFocusable(element: HTMLElement): boolean {
  return element.matches('a[href], button, input, select, textarea, summary, [contenteditable="true"]');
}
