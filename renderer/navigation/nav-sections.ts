/**
 * The sections of the navigation panel (Contents, FAQ): each folds under its heading's button and
 * scrolls on its own, so a long Contents never buries the FAQ.
 */

/** Wires every `.section-toggle` button under `panel` to fold the section body it controls. */
export function wireNavigationSections(panel: HTMLElement): void {
  for (const toggle of panel.querySelectorAll<HTMLButtonElement>('.section-toggle')) {
    const body = document.getElementById(toggle.getAttribute('aria-controls') ?? '');
    if (!body) continue;
    toggle.addEventListener('click', () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      body.hidden = !open;
    });
  }
}
