import assert from 'node:assert/strict';
import { test } from 'node:test';
import { GlossError } from '../../../../main/errors';
import { CURRENT_SCHEMA_VERSION, migrate } from '../../../../main/store/migrations';

test('a current file passes through unchanged', () => {
  const data = { schemaVersion: CURRENT_SCHEMA_VERSION, settings: { theme: 'dark' } };
  assert.deepEqual(migrate(data, 'gloss.json'), data);
});

test('a file without schemaVersion is upgraded and keeps its fields', () => {
  assert.deepEqual(migrate({ settings: {}, extra: 1 }, 'gloss.json'), { settings: {}, extra: 1, schemaVersion: 1 });
});

test('steps run in order from the file version up to the current one', () => {
  const seen: number[] = [];
  const steps = {
    0: (d: Record<string, unknown>) => {
      seen.push(0);
      return { ...d, schemaVersion: 1, upgraded: true };
    },
  };
  assert.deepEqual(migrate({ old: true }, 'x.json', steps), { old: true, schemaVersion: 1, upgraded: true });
  assert.deepEqual(seen, [0]);
});

test('a newer version is refused with a clear io error', () => {
  assert.throws(
    () => migrate({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 }, 'gloss.json'),
    (error: unknown) =>
      error instanceof GlossError &&
      error.code === 'io' &&
      /gloss\.json was saved by a newer version of Gloss/.test(error.message) &&
      /left untouched/.test(error.message),
  );
});

test('an unreadable version number is refused rather than guessed', () => {
  for (const schemaVersion of ['1', -1, 1.5, null]) {
    assert.throws(() => migrate({ schemaVersion }, 'gloss.json'), { code: 'io' });
  }
});
