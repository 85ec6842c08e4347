import { DEFAULT_SETTINGS, HIGHLIGHT_COLORS, SettingsSchema } from '../api';
import type { Settings } from '../api';
import { isJsonObject } from './json-object';

/**
 * Settings as gloss.json keeps them: only what the reader changed, so a later release's
 * better default still reaches settings they never touched.
 */
export type StoredSettings = Partial<Omit<Settings, 'colorMeanings'>> & {
  colorMeanings?: Partial<Settings['colorMeanings']>;
};

/** Stored settings with the unusable values taken out, and the names of those values. */
export interface CheckedSettings {
  stored: StoredSettings;
  /** e.g. ["fontSize", "colorMeanings.blue"]; empty when everything was usable. */
  invalid: string[];
}

type PlainKey = Exclude<keyof Settings, 'colorMeanings'>;
const PLAIN_KEYS = Object.keys(SettingsSchema.shape).filter((key) => key !== 'colorMeanings') as PlainKey[];

/**
 * Keeps each stored value that is valid on its own and drops the rest, so one bad value (a
 * hand edit, an older build's bug) resets that setting alone rather than all of them.
 * Unknown keys are dropped too: settings are not reader content.
 */
export function checkStoredSettings(value: unknown): CheckedSettings {
  const invalid: string[] = [];
  const stored: StoredSettings = {};
  if (value === undefined) return { stored, invalid };
  if (!isJsonObject(value)) return { stored, invalid: ['settings'] };

  for (const key of PLAIN_KEYS) {
    if (value[key] === undefined) continue;
    const parsed = SettingsSchema.shape[key].safeParse(value[key]);
    if (parsed.success) (stored as Record<string, unknown>)[key] = parsed.data;
    else invalid.push(key);
  }

  const meanings = value.colorMeanings;
  if (meanings !== undefined) {
    if (!isJsonObject(meanings)) {
      invalid.push('colorMeanings');
    } else {
      const kept: Partial<Settings['colorMeanings']> = {};
      for (const color of HIGHLIGHT_COLORS) {
        if (meanings[color] === undefined) continue;
        const parsed = SettingsSchema.shape.colorMeanings.shape[color].safeParse(meanings[color]);
        if (parsed.success) kept[color] = parsed.data;
        else invalid.push(`colorMeanings.${color}`);
      }
      if (Object.keys(kept).length > 0) stored.colorMeanings = kept;
    }
  }
  return { stored, invalid };
}

/** The settings in effect: the defaults overlaid with what the reader chose. Always a new object. */
export function effectiveSettings(stored: StoredSettings): Settings {
  return {
    ...DEFAULT_SETTINGS,
    ...stored,
    colorMeanings: { ...DEFAULT_SETTINGS.colorMeanings, ...stored.colorMeanings },
  } as Settings;
}
