/**
 * Roving tabindex (WAI-ARIA Authoring Practices): a group of controls is one Tab stop; arrow
 * keys, Home and End move between its items.
 */

/** Wires roving focus over the items `items()` returns; call `reset()` after re-rendering. */
export function wireRovingFocus(
  container: HTMLElement,
  items: () => HTMLElement[],
  orientation: 'horizontal' | 'vertical' | 'both' = 'horizontal',
): { reset(active?: HTMLElement): void; focusFirst(): void } {
  const setActive = (active: HTMLElement | undefined) => {
    for (const item of items()) item.tabIndex = item === active ? 0 : -1;
  };
  container.addEventListener('keydown', (event) => {
    const list = items().filter((item) => !item.hidden && !(item as HTMLButtonElement).disabled);
    const index = list.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const next = (() => {
      const forward = orientation !== 'vertical' ? 'ArrowRight' : 'ArrowDown';
      const back = orientation !== 'vertical' ? 'ArrowLeft' : 'ArrowUp';
      if (event.key === forward || (orientation === 'both' && event.key === 'ArrowDown')) return list[(index + 1) % list.length];
      if (event.key === back || (orientation === 'both' && event.key === 'ArrowUp')) return list[(index - 1 + list.length) % list.length];
      if (event.key === 'Home') return list[0];
      if (event.key === 'End') return list[list.length - 1];
      return undefined;
    })();
    if (!next) return;
    event.preventDefault();
    setActive(next);
    next.focus();
  });
  container.addEventListener('focusin', (event) => {
    if (items().includes(event.target as HTMLElement)) setActive(event.target as HTMLElement);
  });
  return {
    reset: (active) => setActive(active ?? items()[0]),
    focusFirst: () => {
      const first = items().find((item) => item.tabIndex === 0) ?? items()[0];
      first?.focus();
    },
  };
}
