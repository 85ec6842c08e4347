/**
 * Scrolls an element of the article into view below the top bar and moves focus to it, so
 * screen readers and the keyboard continue from there. Elements that are not focusable get
 * tabindex="-1" first. A closed `<details>` holding it (or whose summary it is: a FAQ question)
 * is opened, so what was chosen is what is shown.
 */
export function scrollToAndFocus(element: HTMLElement): void {
  for (let details = element.closest('details'); details; details = details.parentElement?.closest('details') ?? null) details.open = true;
  if (!element.hasAttribute('tabindex') && !isNativelyFocusable(element)) element.setAttribute('tabindex', '-1');
  const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ behavior: reduceMotion ? 'auto' : 'smooth', block: 'start' });
  element.focus({ preventScroll: true });
}

function isNativelyFocusable(element: HTMLElement): boolean {
  return element.matches('a[href], button, input, select, textarea, summary, [contenteditable="true"]');
}
