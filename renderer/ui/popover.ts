/**
 * A disclosure popover: the button toggles it; Escape (wherever focus is, the button included),
 * a click outside or Tab leaving it closes it, and focus goes back to the button when it was in
 * the popover or on the button.
 */
export function wirePopover(button: HTMLButtonElement, panel: HTMLElement, onOpen?: () => void): { close(): void } {
  const setOpen = (open: boolean) => {
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) onOpen?.();
  };
  const close = () => setOpen(false);
  const owns = (node: Node | null) => !!node && (panel.contains(node) || button.contains(node));
  button.addEventListener('click', () => setOpen(panel.hidden));
  // On the document, not the panel: opened by a click or Enter, the popover leaves focus on its
  // button, and Escape pressed there must close it too. Captured, so the popover (on top of
  // everything else) takes the key before the reading view's own Escape.
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || panel.hidden || event.defaultPrevented) return;
    const active = document.activeElement;
    // A modal dialog on top (the shortcuts) takes this Escape for itself.
    if (active?.closest('dialog[open]')) return;
    event.preventDefault();
    close();
    if (owns(active) || active === document.body || active === null) button.focus();
  }, true);
  panel.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    if (next && !owns(next)) close();
  });
  document.addEventListener('pointerdown', (event) => {
    if (!panel.hidden && !owns(event.target as Node)) close();
  });
  return { close };
}
