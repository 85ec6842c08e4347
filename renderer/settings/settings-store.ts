/**
 * The one owner of the renderer's settings. Every view reads them here and changes them here: a
 * change shows at once, is stored through the API, and is rolled back if the main side refuses
 * it. Subscribers hear of every change of what is shown, with the keys that changed.
 */
import type { Settings } from '../../main/api';

/** The part of GlossApi the store uses: the main side answers with the settings as stored. */
export interface SettingsApi {
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
}

/** Told the settings now shown and which keys of them changed. */
export type SettingsListener = (settings: Settings, changed: ReadonlySet<keyof Settings>) => void;

/** A change waiting to be stored, and the callers waiting for it. */
interface Batch {
  patch: Partial<Settings>;
  waiters: Array<{ resolve(settings: Settings): void; reject(error: unknown): void }>;
}

/**
 * Holds the settings and stores changes one request at a time: changes made while one is being
 * stored (a slider dragged) join the next request, so answers arrive in the order they were
 * asked and an older answer never undoes a newer change.
 */
export class SettingsStore {
  /** The settings as the main side last confirmed them. */
  private stored: Settings | null = null;
  private storing: Batch | null = null;
  private waiting: Batch | null = null;
  private shown: Settings | null = null;
  private readonly listeners = new Set<SettingsListener>();

  constructor(private readonly api: SettingsApi) {}

  /** The settings shown now (stored ones with the changes not yet confirmed), or null before `load`. */
  get current(): Settings | null {
    return this.shown;
  }

  /** Takes the settings the main side started with. */
  load(settings: Settings): void {
    this.stored = settings;
    this.update();
  }

  /** Calls `listener` on every change from now on, and at once if settings are loaded; returns an unsubscribe. */
  subscribe(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    if (this.shown) listener(this.shown, new Set(Object.keys(this.shown) as Array<keyof Settings>));
    return () => this.listeners.delete(listener);
  }

  /**
   * Shows `patch` at once and stores it. Resolves with the settings as stored; rejects with the
   * main side's error when it refuses, after the change was rolled back.
   */
  change(patch: Partial<Settings>): Promise<Settings> {
    if (!this.stored) return Promise.reject(new Error('Settings are not loaded yet.'));
    const batch = (this.waiting ??= { patch: {}, waiters: [] });
    Object.assign(batch.patch, patch);
    const done = new Promise<Settings>((resolve, reject) => batch.waiters.push({ resolve, reject }));
    this.update();
    void this.storeNext();
    return done;
  }

  private async storeNext(): Promise<void> {
    if (this.storing || !this.waiting) return;
    const batch = (this.storing = this.waiting);
    this.waiting = null;
    let outcome: { ok: true; settings: Settings } | { ok: false; error: unknown };
    try {
      outcome = { ok: true, settings: await this.api.updateSettings(batch.patch) };
      this.stored = outcome.settings;
    } catch (error) {
      outcome = { ok: false, error };
    }
    this.storing = null;
    // Refused: the batch is dropped, so what is shown falls back to what is stored.
    this.update();
    for (const waiter of batch.waiters) {
      if (outcome.ok) waiter.resolve(outcome.settings);
      else waiter.reject(outcome.error);
    }
    void this.storeNext();
  }

  /** Recomputes what is shown (stored, then the change being stored, then the one waiting) and tells the listeners what changed. */
  private update(): void {
    if (!this.stored) return;
    const next: Settings = { ...this.stored, ...this.storing?.patch, ...this.waiting?.patch };
    const previous = this.shown;
    const changed = new Set((Object.keys(next) as Array<keyof Settings>).filter((key) => !previous || !sameValue(previous[key], next[key])));
    this.shown = next;
    if (changed.size === 0) return;
    for (const listener of this.listeners) listener(next, changed);
  }
}

/** Equal as settings values are: primitives, or flat records of them (the color meanings). */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}
