import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SETTINGS } from '../../../../main/api';
import { checkStoredSettings, effectiveSettings } from '../../../../main/store/stored-settings';

test('nothing stored means the defaults', () => {
  assert.deepEqual(checkStoredSettings(undefined), { stored: {}, invalid: [] });
  assert.deepEqual(effectiveSettings({}), DEFAULT_SETTINGS);
});

test('each invalid value is dropped alone; valid ones are kept', () => {
  const { stored, invalid } = checkStoredSettings({
    theme: 'neon',
    fontSize: 24,
    lineWidth: 500,
    sidebarOpen: false,
    colorMeanings: { yellow: 'Key', blue: 42 },
    unknown: 'dropped',
  });
  assert.deepEqual(invalid, ['theme', 'lineWidth', 'colorMeanings.blue']);
  assert.deepEqual(stored, { fontSize: 24, sidebarOpen: false, colorMeanings: { yellow: 'Key' } });
  const settings = effectiveSettings(stored);
  assert.equal(settings.theme, DEFAULT_SETTINGS.theme);
  assert.equal(settings.fontSize, 24);
  assert.deepEqual(settings.colorMeanings, { ...DEFAULT_SETTINGS.colorMeanings, yellow: 'Key' });
});

test('settings that are not an object are reset as a whole', () => {
  assert.deepEqual(checkStoredSettings('dark'), { stored: {}, invalid: ['settings'] });
  assert.deepEqual(checkStoredSettings({ colorMeanings: [] }).invalid, ['colorMeanings']);
});

test('effectiveSettings never shares the defaults object', () => {
  const settings = effectiveSettings({});
  settings.colorMeanings.yellow = 'changed';
  assert.equal(DEFAULT_SETTINGS.colorMeanings.yellow, 'Important');
});
