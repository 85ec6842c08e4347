/**
 * The two side panels of the reading window, Contents and FAQ on the left and Annotations on the
 * right: docked beside the article while it keeps a readable line (panel-plan.ts), floating over
 * it behind a scrim otherwise. A floating panel takes focus when it opens and gives it back to its
 * button when it closes (Escape, a click outside, the button again, or choosing a place to go);
 * the article behind it is inert meanwhile. Docked panels are resized by their separators, and
 * their widths are remembered in the settings.
 */
import type { Settings } from '../../main/api';
import type { SettingsStore } from '../settings/settings-store';
import { h } from '../ui/dom';
import { automaticWidth, planLayout, resizeBounds, type LayoutPlan, type PanelName } from './panel-plan';
import { wirePanelResizer } from './panel-resizer';

/** One side panel's elements. */
export interface PanelElements {
  panel: HTMLElement;
  /** The top-bar button that shows and hides it. */
  toggle: HTMLButtonElement;
  /** Its `role="separator"` on the edge towards the article. */
  separator: HTMLElement;
}

export interface SidePanelsOptions {
  app: HTMLElement;
  reader: HTMLElement;
  /** Covers the article while a panel floats over it; a click on it closes the panel. */
  scrim: HTMLElement;
  settings: SettingsStore;
  panels: Record<PanelName, PanelElements>;
  /** Told, after every layout, the longest line in characters the article column now holds. */
  onFit(chars: number): void;
}

const SETTING_KEYS = {
  navigation: { open: 'navigationOpen', width: 'navigationWidth' },
  sidebar: { open: 'sidebarOpen', width: 'sidebarWidth' },
} as const;

/** The settings whose change moves the panels or changes what the article column holds. */
export const LAYOUT_SETTINGS: ReadonlySet<keyof Settings> = new Set([
  'navigationOpen',
  'navigationWidth',
  'sidebarOpen',
  'sidebarWidth',
  'fontSize',
  'typeface',
  'margin',
]);

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';

/** Lays out and opens the side panels. */
export class SidePanels {
  private plan: LayoutPlan | null = null;
  private floating: PanelName | null = null;
  /** Widths shown while a separator is dragged, before they are remembered. */
  private readonly previews: Partial<Record<PanelName, number>> = {};
  private readonly probe: HTMLElement;
  private readonly resizers: Record<PanelName, { sync(): void }>;

  constructor(private readonly options: SidePanelsOptions) {
    const { scrim, panels } = options;
    // One hundred `ch` of the reading font, to turn characters a line into pixels. Outside the
    // app, so it can be measured while the app is not drawn yet (main.ts), at the cost of laying
    // out the probe alone.
    this.probe = h('span', { className: 'measure-probe', 'aria-hidden': 'true' });
    document.body.append(this.probe);
    for (const name of ['navigation', 'sidebar'] as const) {
      const { panel, toggle } = panels[name];
      toggle.addEventListener('click', () => this.toggle(name));
      panel.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && this.floating === name && !event.defaultPrevented) {
          event.preventDefault();
          this.closeFloating({ restoreFocus: true });
        }
      });
      toggle.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && this.floating === name) {
          event.preventDefault();
          this.closeFloating({ restoreFocus: true });
        }
      });
    }
    // Choosing a section or a question from floating Contents: the panel makes way for the
    // article, where the link's own handler then moves focus.
    panels.navigation.panel.addEventListener(
      'click',
      (event) => {
        if (this.floating === 'navigation' && (event.target as Element).closest('a[href]')) this.closeFloating({ restoreFocus: false });
      },
      true,
    );
    scrim.addEventListener('click', () => this.closeFloating({ restoreFocus: true }));
    window.addEventListener('resize', () => this.layout());
    // A web font arriving (OpenDyslexic) changes how wide a character is.
    document.fonts?.addEventListener('loadingdone', () => this.layout());
    this.resizers = {
      navigation: this.wireResizer('navigation'),
      sidebar: this.wireResizer('sidebar'),
    };
  }

  /** Lays the panels out again for these settings (call after the appearance was applied). */
  update(): void {
    this.layout();
  }

  /** Whether a panel is shown, docked or floating. */
  isShown(name: PanelName): boolean {
    return !!this.plan?.docked[name] || this.floating === name;
  }

  /**
   * The button that shows and hides `name`: docks or undocks it (remembered) where the article
   * has room beside it, and otherwise floats it over the article or closes it.
   */
  toggle(name: PanelName): void {
    const plan = this.plan;
    if (!plan) return;
    if (this.floating === name) this.closeFloating({ restoreFocus: true });
    else if (plan.docked[name]) {
      const { panel, toggle } = this.options.panels[name];
      if (panel.contains(document.activeElement)) toggle.focus();
      this.change({ [SETTING_KEYS[name].open]: false });
    } else if (plan.dockable[name]) this.change({ [SETTING_KEYS[name].open]: true });
    else this.openFloating(name);
  }

  /** Shows a panel (docked where it fits, floating otherwise), as a link to something in it asks. */
  show(name: PanelName): void {
    const plan = this.plan;
    if (!plan || plan.docked[name] || this.floating === name) return;
    if (plan.dockable[name]) this.change({ [SETTING_KEYS[name].open]: true });
    else this.openFloating(name);
  }

  /**
   * Something chosen in a panel is about to be shown in the article: a floating panel gets out of
   * the way. Returns where focus should go back afterwards: `from`, or the panel's button when
   * the panel closed.
   */
  makeWayFor(name: PanelName, from: HTMLElement): HTMLElement {
    if (this.floating !== name) return from;
    this.closeFloating({ restoreFocus: false });
    return this.options.panels[name].toggle;
  }

  /** Closes the floating panel, if one is open; focus goes back to its button when asked and when it was in the panel. */
  closeFloating(options: { restoreFocus: boolean }): void {
    const name = this.floating;
    if (!name) return;
    const { panel, toggle } = this.options.panels[name];
    const active = document.activeElement;
    const focusWasInside = panel.contains(active) || active === document.body || active === null || active === toggle;
    this.floating = null;
    this.layout();
    if (options.restoreFocus && focusWasInside) toggle.focus();
  }

  private openFloating(name: PanelName): void {
    this.floating = name;
    this.layout();
    const { panel } = this.options.panels[name];
    const target = panel.querySelector<HTMLElement>('[aria-current]') ?? [...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].find((element) => element.offsetParent !== null);
    target?.focus();
  }

  private change(patch: Partial<Settings>): void {
    // A refused change is rolled back by the store and shows as it was: nothing to add here.
    this.options.settings.change(patch).catch(() => undefined);
  }

  private measure(settings: Settings): { windowWidth: number; ch: number; gutter: number; widths: Record<PanelName, number> } {
    const windowWidth = document.documentElement.clientWidth;
    const ch = this.probe.getBoundingClientRect().width / 100 || 10;
    const { reader } = this.options;
    const gutter = 2 * settings.margin + (reader.offsetWidth - reader.clientWidth);
    const width = (name: PanelName) => this.previews[name] ?? settings[SETTING_KEYS[name].width] ?? automaticWidth(name, windowWidth);
    return { windowWidth, ch, gutter, widths: { navigation: width('navigation'), sidebar: width('sidebar') } };
  }

  private layout(): void {
    const settings = this.options.settings.current;
    if (!settings) return;
    const { windowWidth, ch, gutter, widths } = this.measure(settings);
    const plan = planLayout({
      windowWidth,
      ch,
      gutter,
      navigation: { open: settings.navigationOpen, width: widths.navigation },
      sidebar: { open: settings.sidebarOpen, width: widths.sidebar },
    });
    this.plan = plan;
    const floating = this.floating;
    if (floating && (plan.docked[floating] || plan.dockable[floating])) {
      // The window grew under a floating panel: it stays, beside the article now.
      this.floating = null;
      if (!plan.docked[floating]) this.change({ [SETTING_KEYS[floating].open]: true });
    }
    const { app, reader, scrim, panels } = this.options;
    for (const name of ['navigation', 'sidebar'] as const) {
      const { panel, toggle, separator } = panels[name];
      const state = plan.docked[name] ? 'docked' : this.floating === name ? 'floating' : 'closed';
      app.dataset[name] = state;
      app.style.setProperty(`--${name}-width`, `${widths[name]}px`);
      panel.hidden = state === 'closed';
      panel.inert = this.floating !== null && this.floating !== name;
      toggle.setAttribute(toggle.hasAttribute('aria-pressed') ? 'aria-pressed' : 'aria-expanded', String(state !== 'closed'));
      separator.hidden = state !== 'docked';
    }
    reader.inert = this.floating !== null;
    scrim.hidden = this.floating === null;
    for (const resizer of Object.values(this.resizers)) resizer.sync();
    this.options.onFit(plan.fitChars);
  }

  private wireResizer(name: PanelName): { sync(): void } {
    const other: PanelName = name === 'navigation' ? 'sidebar' : 'navigation';
    const current = () => {
      const settings = this.options.settings.current;
      return settings ? this.measure(settings) : null;
    };
    return wirePanelResizer(this.options.panels[name].separator, {
      edge: name === 'navigation' ? 'left' : 'right',
      width: () => current()?.widths[name] ?? 0,
      bounds: () => {
        const measured = current();
        if (!measured) return { min: 0, max: 0 };
        return resizeBounds(name, measured, this.plan?.docked[other] ? measured.widths[other] : 0);
      },
      preview: (width) => {
        this.previews[name] = width;
        this.layout();
      },
      commit: (width) => {
        delete this.previews[name];
        this.change({ [SETTING_KEYS[name].width]: width });
      },
    });
  }
}
