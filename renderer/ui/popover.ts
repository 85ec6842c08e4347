/**
 * A disclosure popover: the button toggles it, Escape or a click outside closes it and gives
 * focus back to the button.
 */
export function wirePopover(button: HTMLButtonElement, panel: HTMLElement, onOpen?: () => void): { close(): void } {
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) onOpen?.();
  };
  const close = () => setOpen(false);
  button.addEventListener('click', () => setOpen(panel.hidden));
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      button.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    const target = event.target as Node;
    if (!panel.hidden && !panel.contains(target) && !button.contains(target)) close();
  });
  return { close };
}
